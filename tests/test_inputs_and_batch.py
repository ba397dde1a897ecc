"""Inputs wrapped into raw events, and batch mode (`khabar process`) on them."""

from __future__ import annotations

import io
import subprocess
import sys

import orjson

from tests.conftest import ROOT, squash
from workers.batch import process_items
from workers.inputs import read_inputs


def test_files_folders_and_json_lines(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text article.", "utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Para</p></body></html>", "utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c1", "text": "x"}\nnot json\n', "utf-8")
    (tmp_path / "d.json").write_text('[{"text": "y"}, 3]', "utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    items = list(read_inputs([str(tmp_path)]))
    assert [i.event is not None for i in items] == [True, True, True, False, True, False]
    assert (
        items[0].event["text"] == "Plain text article."
        and items[0].event["meta"]["file"] == "a.txt"
    )
    assert items[1].event["html"].startswith("<html>")
    assert items[2].event["id"] == "c1"
    assert "not valid JSON" in items[3].error
    assert items[4].event["schema"] == {"name": "article.raw", "version": 1}


def test_stdin_plain_text_and_json_lines():
    (item,) = read_inputs(["-"], io.StringIO("एक लेख।\nदूसरी पंक्ति।"))
    assert item.event["text"].startswith("एक लेख")
    lines = list(read_inputs(["-"], io.StringIO('{"text": "a"}\n{"text": "b"}\n')))
    assert [i.event["text"] for i in lines] == ["a", "b"]


def test_process_keeps_ids_and_reports_failures():
    items = read_inputs(["-"], io.StringIO('{"id": "k1", "text": "Body."}\n{"id": "k2"}\n'))
    out, err = io.StringIO(), io.StringIO()
    assert process_items(items, out=out, err=err) == 1
    assert orjson.loads(out.getvalue())["id"] == "k1"
    dead = orjson.loads(err.getvalue())
    assert dead["id"] == "k2" and dead["error"]["reason"] == "schema" and dead["stage"] == "cleanup"


def test_khabar_process_command_on_the_seed(seed_expected):
    result = subprocess.run(
        [sys.executable, "-m", "workers", "process", str(ROOT / "seeds")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    (line,) = result.stdout.splitlines()
    enriched = orjson.loads(line)
    assert [squash(p) for p in enriched["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]
    assert enriched["dateline"] == seed_expected["dateline"]
