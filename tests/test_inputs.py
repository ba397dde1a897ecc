"""Inputs wrapped into raw events: files, folders, JSON documents and lines, stdin."""

from __future__ import annotations

import io

from workers.inputs import read_inputs, wrap


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
    assert items[5].error == "expected a JSON object, got int"


def test_stdin_plain_text_and_json_lines():
    (item,) = read_inputs(["-"], io.StringIO("एक लेख।\nदूसरी पंक्ति।"))
    assert item.event["text"].startswith("एक लेख")
    lines = list(read_inputs(["-"], io.StringIO('{"text": "a"}\n{"text": "b"}\n')))
    assert [i.event["text"] for i in lines] == ["a", "b"]


def test_a_missing_path_is_an_item_with_its_error():
    (item,) = read_inputs(["/nonexistent/khabar"])
    assert item.event is None and item.error == "no such file or folder"


def test_wrap_tags_and_names_an_article_but_not_an_empty_one():
    assert wrap({"text": "x"})["id"] == wrap({"text": "x"})["id"]
    assert "id" not in wrap({"title": "no body"})


def test_json_lines_end_at_newlines_only(tmp_path):
    text = "one\u2028two\u0085three"  # line breaks to `str.splitlines`, valid inside JSON
    path = tmp_path / "a.jsonl"
    path.write_text(f'{{"text": "{text}"}}\r\n{{"text": "b"}}\n', "utf-8")
    assert [i.event["text"] for i in read_inputs([str(path)])] == [text, "b"]
