"""The draft the cleanup steps share."""

from __future__ import annotations

from workers.contract.events import RECORDED_CHARS
from workers.stages.cleanup.draft import Draft, keep_lines


def test_a_raw_article_becomes_a_draft():
    d = Draft.of({"text": "t", "html": "", "url": "u", "language": "hi", "title": "T"})
    assert (d.text, d.html, d.url, d.language, d.title, d.lines) == ("t", None, "u", "hi", "T", [])


def test_removed_text_is_trimmed_and_keeps_its_line():
    d = Draft()
    d.note_removed("credit", "  x" * 200, 4)
    (removed,) = d.removed
    assert removed["kind"] == "credit" and removed["line"] == 4
    assert len(removed["text"]) == RECORDED_CHARS and removed["text"].endswith("…")


def test_keep_lines_records_what_it_drops():
    d = Draft.of_lines("keep", "drop me", "keep too")
    keep_lines(d, "advertisement", lambda line: line.text.startswith("drop"))
    assert [line.no for line in d.lines] == [1, 3]
    assert d.removed == [{"kind": "advertisement", "text": "drop me", "line": 2}]
