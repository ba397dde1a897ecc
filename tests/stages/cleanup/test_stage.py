"""The cleanup stage end to end: the seed article gives exactly its expected paragraphs, embed
and related headlines; the hand-written fixtures (fixtures/), across languages, each noise kind
and each trap; the step list and the payload."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import squash
from workers.contract.events import validate
from workers.stages.cleanup.stage import Cleanup, EmptyArticleError, cleanup_steps

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.json"))
EMBED_FIELDS = ("platform", "author_name", "handle", "date", "text", "mentions", "url")


def test_the_steps_run_the_page_and_the_lines_first(rules):
    names = [s.name for s in cleanup_steps(rules.cleanup)]
    assert names[:3] == ["read_page", "split_lines", "strip_markup"]
    assert names[-1] == "drop_trailers" and len(set(names)) == len(names)


def test_the_stage_times_each_step(rules):
    timings: dict[str, float] = {}
    Cleanup(cleanup_steps(rules.cleanup))({"text": "One line of body."}, timings)
    assert list(timings) == [s.name for s in cleanup_steps(rules.cleanup)]
    assert all(ms >= 0 for ms in timings.values())


def test_the_payload_has_no_envelope(rules):
    payload = Cleanup(cleanup_steps(rules.cleanup))({"id": "a", "text": "Body text here."})
    assert not {"schema", "id", "pipeline"} & set(payload)


def test_seed_paragraphs_equal_expected(clean, seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert [squash(p) for p in cleaned["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]


def test_seed_embed_is_one_structured_tweet(clean, seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert len(cleaned["embeds"]) == 1
    embed = cleaned["embeds"][0]
    for field, value in seed_expected["embeds"][0].items():
        assert embed[field] == value, field
    assert embed["copies"] == 3


def test_seed_related_headlines(clean, seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert [r["title"] for r in cleaned["related"]] == seed_expected["related_headlines"]


def test_seed_dateline_split_off(clean, seed_text, seed_expected):
    cleaned = clean({"text": seed_text})
    assert cleaned["dateline"] == seed_expected["dateline"]
    assert not cleaned["paragraphs"][0].startswith(seed_expected["dateline"])


def test_seed_removed_noise_is_recorded(clean, seed_text, seed_expected):
    removed = clean({"text": seed_text})["cleanup"]["removed"]
    noise = seed_expected["removed_noise"]
    kinds = Counter(r["kind"] for r in removed)
    assert [r["text"] for r in removed if r["kind"] == "separator"] == noise["separator_lines"]
    assert [r["text"] for r in removed if r["kind"] == "markup_residue"] == noise["markup_residue"]
    assert kinds["read_also"] == noise["read_also_promos"]
    attribution_copies = [
        r for r in removed if r["kind"] == "duplicate_embed" and r["text"].startswith("—")
    ]
    assert len(attribution_copies) == noise["duplicate_embed_copies"]
    assert all(r["line"] >= 1 for r in removed)


def test_cleaned_event_satisfies_schema(clean, seed_text):
    validate("article.cleaned", clean({"text": seed_text, "url": "https://example.com/a"}))


def test_given_id_is_kept(clean, seed_text):
    assert clean({"text": seed_text, "id": "abc-1"})["id"] == "abc-1"


def test_article_of_only_noise_raises_clear_error(clean):
    with pytest.raises(EmptyArticleError, match="0 words of body left after cleanup"):
        clean({"text": "ये भी पढ़ें: कुछ और खबर\n----\nAdvertisement\n"})


def load(path: Path) -> dict[str, Any]:
    fixture: dict[str, Any] = orjson.loads(path.read_bytes())
    return fixture


@pytest.fixture(params=FIXTURES, ids=[p.stem for p in FIXTURES])
def case(request, clean) -> tuple[dict[str, Any], dict[str, Any]]:
    fixture = load(request.param)
    return fixture, clean(fixture["input"])


def test_paragraphs(case):
    fixture, cleaned = case
    assert [squash(p) for p in cleaned["paragraphs"]] == [
        squash(p) for p in fixture["expected"]["paragraphs"]
    ]


def test_embeds(case):
    fixture, cleaned = case
    got = [{k: e.get(k) for k in EMBED_FIELDS} for e in cleaned["embeds"]]
    want = [{k: e.get(k) for k in EMBED_FIELDS} for e in fixture["expected"]["embeds"]]
    assert got == want


def test_related(case):
    fixture, cleaned = case
    assert cleaned["related"] == fixture["expected"]["related"]


def test_dateline(case):
    fixture, cleaned = case
    assert cleaned["dateline"] == fixture["expected"]["dateline"]


def test_fixture_set_covers_every_noise_kind_and_language():
    if not FIXTURES:
        pytest.skip("no fixtures")
    fixtures = [load(p) for p in FIXTURES]
    covers: dict[str, int] = {}
    for f in fixtures:
        for kind in f["covers"]:
            covers[kind] = covers.get(kind, 0) + 1
    assert len(fixtures) >= 40
    kinds = (
        "markup_residue",
        "embed",
        "duplicate",
        "read_also",
        "call_to_action",
        "advertisement",
        "credit",
        "separator",
        "glued_sentence",
        "unicode",
        "trap",
    )
    assert all(covers.get(kind, 0) >= 3 for kind in kinds), covers
    languages = {f["language"] for f in fixtures}
    assert {"hi", "en"} <= languages and len(languages - {"hi", "en"}) >= 2
