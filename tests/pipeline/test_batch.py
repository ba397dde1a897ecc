"""Batch mode: the stages over inputs without a broker."""

from __future__ import annotations

import base64
import dataclasses
import io

import orjson

from workers.inputs import read_inputs
from workers.pipeline.batch import process_items, process_one
from workers.pipeline.table import Stage

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
