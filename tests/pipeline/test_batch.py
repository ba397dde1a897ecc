"""Batch mode: the stages over inputs without a broker."""

from __future__ import annotations

import base64
import dataclasses
import io
import random

import orjson

from workers.inputs import read_inputs
from workers.pipeline.batch import (
    Halfway,
    compute_one,
    process_items,
    process_one,
    refinish_cleanup,
)
from workers.pipeline.processor import Memory, finishing_stages
from workers.pipeline.table import Stage
from workers.stages.dedup.lines import (
    Furniture,
    RecurringKeys,
    RecurringRules,
    SourceLines,
    line_key,
)

PLEA = "Example Daily brings its readers the stories that shape the region, every day."
STORY = "Heavy rain lashed Guwahati on Monday and the Brahmaputra rose above the danger mark."


def test_process_keeps_ids_and_reports_failures():
    items = read_inputs(["-"], io.BytesIO(b'{"id": "k1", "text": "Body."}\n{"id": "k2"}\n'))
    out, err = io.StringIO(), io.StringIO()
    assert process_items(items, out=out, err=err) == 1
    assert orjson.loads(out.getvalue())["id"] == "k1"
    dead = orjson.loads(err.getvalue())
    assert dead["id"] == "k2" and dead["error"]["reason"] == "schema" and dead["stage"] == "cleanup"
    assert dead["source"] == {"topic": "(batch)", "partition": 0, "offset": 1, "timestamp": None}


def test_unreadable_inputs_are_reported_with_their_origin():
    items = read_inputs(["-"], io.BytesIO(b'{"id": "k1", "text": "Body."}\nnot json\n'))
    out, err = io.StringIO(), io.StringIO()
    assert process_items(items, out=out, err=err) == 1
    failure = orjson.loads(err.getvalue())
    assert failure["origin"] == "<stdin>:2" and failure["error"].startswith("not valid JSON: ")


def test_near_duplicates_are_marked_within_the_run():
    lines = "".join(
        orjson.dumps({"id": i, "text": STORY}).decode() + "\n" for i in ("first", "second")
    )
    out, err = io.StringIO(), io.StringIO()
    process_items(read_inputs(["-"], io.BytesIO(lines.encode())), out=out, err=err)
    marks = [orjson.loads(line)["duplicate_of"] for line in out.getvalue().splitlines()]
    assert marks == [None, "first"]


def test_a_failed_extraction_dead_letters_the_cleaned_event(stages):
    def broken(event, timings):
        raise RuntimeError("extraction bug")

    stages[Stage.EXTRACT] = dataclasses.replace(stages[Stage.EXTRACT], function=broken)
    enriched, dead = process_one(orjson.dumps({"id": "a", "text": STORY}), stages, offset=3)
    assert enriched is None and dead["stage"] == "extract"
    held = orjson.loads(base64.b64decode(dead["original"]["value_b64"]))
    assert held["schema"]["name"] == "article.cleaned" and dead["source"]["offset"] == 3


def _without_timings(line: str) -> dict:
    event = orjson.loads(line)
    for record in event["pipeline"]["stages"].values():
        del record["ms"], record["steps"], record["worker"]
    return event


def _without_time(line: str) -> dict:
    record = orjson.loads(line)
    record.pop("failed_at", None)
    return record


def test_jobs_drop_a_source_s_recurring_lines_as_one_job_does():
    """The children hear late what recurs in the run: this process drops recurring lines with
    its own memory and has an article extracted again when a child did not, so two jobs give
    what one does."""
    stories = [
        "The state cabinet approved a new policy for electric buses in six cities on Monday.",
        "Heavy rain shut schools in three coastal districts, and fishermen stayed ashore.",
        "The central bank kept its policy rate unchanged for the fifth meeting in a row.",
        "A new bridge over the river opened to traffic after four years of work.",
        "Farmers in the valley began the rice harvest early because of a dry spell.",
        "The university postponed its exams by a week after a strike by bus drivers.",
        "Police recovered twelve stolen phones from a shop near the railway station.",
        "The city zoo welcomed two tiger cubs, its first births in nine years.",
    ]
    lines = [
        {"id": f"s{i}", "source": "example.in", "text": f"{story}\n\n{PLEA}"}
        for i, story in enumerate(stories)
    ]
    raw = b"".join(orjson.dumps(line) + b"\n" for line in lines)
    runs = {}
    for jobs in (1, 2):
        out, err = io.StringIO(), io.StringIO()
        assert process_items(read_inputs(["-"], io.BytesIO(raw)), out=out, err=err, jobs=jobs) == 0
        runs[jobs] = [_without_timings(line) for line in out.getvalue().splitlines()]
    assert runs[1] == runs[2]
    kept = [PLEA in orjson.loads(line)["paragraphs"] for line in out.getvalue().splitlines()]
    assert kept == [True, True, True] + [False] * 5


def test_jobs_give_the_same_lines_in_the_same_order():
    towns = ["Guwahati", "Dibrugarh", "Tezpur", "Jorhat", "Silchar", "Nagaon"] * 4
    lines = [
        {"id": f"a{i}", "text": f"{STORY} {town} reported {i} cm of rain by evening."}
        for i, town in enumerate(towns)
    ]
    lines[5] = {"id": "a5"}  # a failure in the middle keeps its place too
    lines.append({"id": "copy", "text": lines[0]["text"]})  # a duplicate of the first
    raw = b"".join(orjson.dumps(line) + b"\n" for line in lines) + b"not json\n"
    runs = {}
    for jobs in (1, 2):
        out, err = io.StringIO(), io.StringIO()
        failures = process_items(read_inputs(["-"], io.BytesIO(raw)), out=out, err=err, jobs=jobs)
        runs[jobs] = failures, out.getvalue().splitlines(), err.getvalue().splitlines()
    (failures1, out1, err1), (failures2, out2, err2) = runs[1], runs[2]
    assert failures1 == failures2 == 2
    assert [_without_time(line) for line in err1] == [_without_time(line) for line in err2]
    assert [_without_timings(line) for line in out1] == [_without_timings(line) for line in out2]
    assert [orjson.loads(line)["id"] for line in out2][:6] == ["a0", "a1", "a2", "a3", "a4", "a6"]
    assert orjson.loads(out2[-1])["duplicate_of"] == "a0"


WORDS = [
    "rain",
    "river",
    "bridge",
    "council",
    "school",
    "farmers",
    "market",
    "police",
    "court",
    "budget",
    "hospital",
    "station",
    "railway",
    "harvest",
    "festival",
    "election",
    "museum",
    "highway",
    "village",
    "district",
    "minister",
    "teachers",
    "doctors",
    "traffic",
    "power",
    "water",
]


def _raw(n: int, *extra: str) -> bytes:
    """A story of its own (no near-duplicate of another), with `extra` paragraphs after it."""
    words = " ".join(random.Random(n).choices(WORDS, k=30))
    text = "\n\n".join([f"Report {n} from the valley: {words}.", *extra])
    return orjson.dumps({"id": f"s{n}", "source": "example.in", "text": text})


def _told(memory: SourceLines) -> RecurringKeys:
    """A child's view of `memory` after hearing every turn."""
    known = RecurringKeys(memory.rules)
    known.hear(memory.turns(), 0)
    return known


def test_a_child_s_extraction_stands_when_it_dropped_what_the_memory_drops(stages):
    """A child drops the lines its parent said recur before it extracts; the parent, whose
    memory decides, keeps that extraction when it drops the same lines (with its own count of
    stories in the record), and has the article extracted again when it does not."""
    rules = RecurringRules(min_stories=2, max_words=40, max_lines=10, window=10, sources=10)
    memory = Memory(lines=SourceLines(rules))
    memory.lines.turns()
    finishing = finishing_stages(memory)
    for n in range(3):  # three stories print the plea: it recurs from the third on
        memory.lines.remember(f"s{n}", "example.in", line_key(PLEA).to_bytes(6))
    known = _told(memory.lines)

    def never(value: bytes, offset: int) -> Halfway:
        raise AssertionError("extracted again")

    ahead = compute_one(_raw(9, PLEA), stages, 9, ahead=Furniture(known))
    assert isinstance(ahead, Halfway) and ahead.dropped == {1}
    assert PLEA not in ahead.computed.event["body"]
    kept = refinish_cleanup(ahead, finishing[Stage.CLEANUP], never)
    assert isinstance(kept, Halfway) and kept.computed is ahead.computed
    removed = kept.computed.event["cleanup"]["removed"]
    assert [(r["text"], r["stories"]) for r in removed] == [(PLEA, 3)]  # the parent's count

    redone = []

    def again(value: bytes, offset: int) -> Halfway:
        redone.append(orjson.loads(value)["paragraphs"])
        return Halfway(ahead.computed, value, offset)

    behind = compute_one(_raw(10, PLEA), stages, 10, ahead=Furniture(RecurringKeys(rules)))
    assert isinstance(behind, Halfway) and not behind.dropped  # the child had heard nothing
    refinish_cleanup(behind, finishing[Stage.CLEANUP], again)
    assert redone and PLEA not in redone[0]


def test_jobs_follow_a_line_that_starts_and_stops_recurring():
    """A plea printed under 24 stories, then under none for 24, then again, with a window of
    four: it recurs, stops, and recurs again; two jobs, whose children hear of each turn late,
    give what one job gives."""
    raw = b"".join(_raw(n, *([PLEA] if n < 24 or n >= 48 else [])) + b"\n" for n in range(64))
    rules = RecurringRules(min_stories=2, max_words=40, max_lines=10, window=4, sources=10)
    runs = {}
    for jobs in (1, 2):
        out, err = io.StringIO(), io.StringIO()
        memory = Memory(lines=SourceLines(rules))
        items = read_inputs(["-"], io.BytesIO(raw))
        assert process_items(items, out=out, err=err, jobs=jobs, memory=memory) == 0
        runs[jobs] = [_without_timings(line) for line in out.getvalue().splitlines()]
    assert runs[1] == runs[2]
    kept = [PLEA in event["paragraphs"] for event in runs[2]]
    assert kept[:24] == [True, True] + [False] * 22
    assert kept[48:] == [True, True] + [False] * 14


def test_a_child_s_extraction_refused_for_size_is_decided_by_the_run_s_memory():
    """The size limit applies to the cleaned article the run's memory makes: a child that has
    not heard a line recurs extracts another text (here the shorter one: the removal record
    outweighs the line), so the parent extracts again, and a limit between the two sizes
    refuses the same articles as with one job."""
    long_plea = " ".join(["Subscribers receive newspapers, editorials and crosswords daily."] * 5)
    lines = [_raw(n, long_plea) for n in range(5)]
    raw = b"".join(line + b"\n" for line in lines)
    limit = len(lines[0]) + 946  # cleaned: about 1,550 bytes with the plea, 1,600 with its record
    runs = {}
    for jobs in (1, 2):
        out, err = io.StringIO(), io.StringIO()
        items = read_inputs(["-"], io.BytesIO(raw))
        failures = process_items(items, out=out, err=err, jobs=jobs, max_input=limit)
        runs[jobs] = failures, [_without_timings(line) for line in out.getvalue().splitlines()]
    assert runs[1] == runs[2]
    failures, events = runs[2]
    assert failures == 2 and [event["id"] for event in events] == ["s0", "s1", "s2"]
