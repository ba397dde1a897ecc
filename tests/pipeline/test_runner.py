"""One message through a stage: the runner owns the envelope, and every failure becomes a
dead-letter reason, never an exception."""

from __future__ import annotations

import base64
import dataclasses

import orjson
from hypothesis import HealthCheck, given, settings

from tests.integration.hostile import fixed_cases, hostile_values
from workers import __version__
from workers.contract.deadletter import Origin
from workers.contract.events import validate
from workers.pipeline import runner
from workers.pipeline.batch import process_one
from workers.pipeline.build import build_stages
from workers.pipeline.table import Stage, Topic


def test_cleanup_then_extract_stamp_the_envelope(stages, seed_text):
    cleaned = runner.run(stages[Stage.CLEANUP], orjson.dumps({"text": seed_text, "id": "s1"}))
    assert isinstance(cleaned, runner.Success) and cleaned.key == b"s1"
    assert cleaned.event["schema"] == {"name": "article.cleaned", "version": 1}
    enriched = runner.run(stages[Stage.EXTRACT], cleaned.value)
    assert isinstance(enriched, runner.Success)
    pipeline = enriched.event["pipeline"]
    assert pipeline["version"] == __version__
    assert list(pipeline["stages"]) == ["cleanup", "extract"]
    extract = pipeline["stages"]["extract"]
    assert extract["worker"] == runner.WORKER and extract["ms"] > 0
    assert list(extract["steps"])[-2:] == ["mark_duplicate", "remember_lines"]
    assert "read_page" in pipeline["stages"]["cleanup"]["steps"]


def test_side_outputs_are_built_and_checked(stages, seed_text):
    cleaned = runner.run(stages[Stage.CLEANUP], orjson.dumps({"text": seed_text, "id": "s1"}))
    enriched = runner.run(stages[Stage.EXTRACT], cleaned.value)
    ((topic, value),) = enriched.side_outputs
    assert topic is Topic.FINGERPRINTS
    validate("fingerprint", orjson.loads(value))


def test_failure_reasons(stages):
    processor = stages[Stage.CLEANUP]
    assert runner.run(processor, b"\xff not json").reason == "decode"
    schema = runner.run(processor, b'{"id": "x1", "title": "no body"}')
    assert schema.reason == "schema" and schema.article_id == "x1"
    empty = runner.run(processor, orjson.dumps({"text": "Advertisement\n----"}))
    assert empty.reason == "empty" and type(empty.error).__name__ == "EmptyArticleError"


def test_a_body_under_the_minimum_is_no_article():
    """Navigation only is dead-lettered as `empty`; a real two-sentence brief is kept (the trap)."""
    stages = build_stages(min_words=15)
    nav = runner.run(stages[Stage.CLEANUP], orjson.dumps({"text": "Home | About | Contact"}))
    assert nav.reason == "empty" and "fewer than 15 (KHABAR_MIN_WORDS)" in str(nav.error)
    brief = (
        "The Election Commission on Monday announced the schedule for the bypolls in six "
        "states. Voting will be held on November 13 and counting on November 23."
    )
    kept = runner.run(stages[Stage.CLEANUP], orjson.dumps({"text": brief}))
    assert isinstance(kept, runner.Success), kept


def test_any_stage_exception_is_caught(stages):
    def broken(event, timings):
        raise RuntimeError("bug in a stage")

    processor = dataclasses.replace(stages[Stage.CLEANUP], function=broken)
    result = runner.run(processor, b'{"text": "fine"}')
    assert result.reason == "stage" and str(result.error) == "bug in a stage"


def test_a_payload_that_breaks_the_schema_is_a_stage_failure(stages):
    processor = dataclasses.replace(stages[Stage.CLEANUP], function=lambda event, t: {"x": 1})
    result = runner.run(processor, b'{"id": "a", "text": "fine"}')
    assert result.reason == "stage" and "article.cleaned" in str(result.error)
    assert result.article_id == "a"


def test_output_over_the_size_limit_is_a_dead_letter(stages, seed_text):
    result = runner.run(stages[Stage.CLEANUP], orjson.dumps({"text": seed_text}), max_bytes=1000)
    assert result.reason == "size" and "bytes > 1000" in str(result.error)


def test_input_over_its_limit_is_refused_unparsed(stages):
    huge = b'{"text": "' + b"word " * 100_000 + b'"}'
    result = runner.run(stages[Stage.CLEANUP], huge, max_input=10_000)
    assert result.reason == "size" and result.article_id is None
    assert "message of 500012 bytes > 10000 (KHABAR_MAX_INPUT_BYTES)" in str(result.error)
    assert runner.run(stages[Stage.CLEANUP], b"\xff", max_input=10_000).reason == "decode"


def test_a_failure_becomes_the_dead_letter_of_its_message(stages):
    failure = runner.run(stages[Stage.CLEANUP], b"\xff")
    origin = Origin("articles.raw", 1, 7, None, b"k", b"\xff")
    dead = validate("deadletter", failure.dead_letter("cleanup", origin))
    assert (dead["stage"], dead["error"]["reason"], dead["source"]["offset"]) == (
        "cleanup",
        "decode",
        7,
    )


def test_apply_wraps_the_payload_without_validating(stages):
    cleaned = runner.apply(stages[Stage.CLEANUP], {"id": "a", "text": "One line of body text."})
    assert cleaned["id"] == "a" and cleaned["paragraphs"] == ["One line of body text."]
    assert set(cleaned["pipeline"]["stages"]) == {"cleanup"}


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(value=hostile_values())
def test_any_input_ends_as_one_enriched_event_or_one_dead_letter(stages, value):
    enriched, dead = process_one(value, stages)
    assert (enriched is None) != (dead is None)
    if dead is not None:
        validate("deadletter", dead)
        if dead["stage"] == "cleanup":  # an extract dead letter holds the cleaned event
            assert base64.b64decode(dead["original"]["value_b64"]) == value


def test_the_fixed_hostile_cases_each_end_as_one_outcome(stages):
    for value in fixed_cases():
        enriched, dead = process_one(value, stages, max_input=2_000_000)
        assert (enriched is None) != (dead is None), value[:80]
        if dead is not None:
            validate("deadletter", dead)
