"""Inputs wrapped into raw events: files, folders, JSON documents and lines, stdin."""

from __future__ import annotations

import codecs
import io
import os

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
    (item,) = read_inputs(["-"], io.BytesIO("एक लेख।\nदूसरी पंक्ति।".encode()))
    assert item.event["text"].startswith("एक लेख")
    lines = list(read_inputs(["-"], io.BytesIO(b'{"text": "a"}\n{"text": "b"}\n')))
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


def test_pages_are_decoded_as_a_browser_decodes_them(tmp_path):
    """Declared charset, byte-order mark, UTF-8, then a guess: never refused for not being UTF-8."""
    page = '<html><head><meta charset="windows-1252"></head><body><p>Café “quoted” – 5 €</p>'
    (tmp_path / "a.html").write_bytes(page.encode("cp1252"))
    declared_latin1 = page.replace("windows-1252", "iso-8859-1")  # browsers read it as 1252
    (tmp_path / "b.html").write_bytes(declared_latin1.encode("cp1252"))
    (tmp_path / "c.txt").write_bytes("नई दिल्ली, मंगलवार".encode("utf-16"))  # with its BOM
    (tmp_path / "d.txt").write_bytes(codecs.BOM_UTF8 + b"Plain.")
    (tmp_path / "e.txt").write_bytes("Ça coûte très cher à Orléans, déjà été.".encode("cp1252"))
    a, b, c, d, e = (item.event for item in read_inputs([str(tmp_path)]))
    assert "Café “quoted” – 5 €" in a["html"] and "Café “quoted” – 5 €" in b["html"]
    assert c["text"] == "नई दिल्ली, मंगलवार" and d["text"] == "Plain."
    assert e["text"] == "Ça coûte très cher à Orléans, déjà été."


def test_json_lines_in_another_encoding_and_lists_on_a_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes('{"text": "Déjà vu"}\n[{"text": "x"}, {"text": "y"}]\n'.encode("cp1252"))
    items = list(read_inputs([str(path)]))
    assert [i.event["text"] for i in items] == ["Déjà vu", "x", "y"]
    assert [i.origin for i in items] == [f"{path}:1", f"{path}:2[0]", f"{path}:2[1]"]


def test_stdin_is_read_as_it_comes():
    """JSON lines from a stream are handed on one by one, before the stream ends."""
    read, write = os.pipe()
    with os.fdopen(read, "rb") as stream, os.fdopen(write, "wb", buffering=0) as feed:
        items = read_inputs(["-"], stream)
        feed.write(b'{"text": "first"}\n')
        assert next(items).event["text"] == "first"  # the writer has not finished
        feed.write(b'{"text": "second"}\n')
        feed.close()
        assert [i.event["text"] for i in items] == ["second"]


def test_stdin_holding_one_document_over_several_lines():
    pretty = b'[\n  {"text": "a"},\n  {"text": "b"}\n]\n'
    assert [i.event["text"] for i in read_inputs(["-"], io.BytesIO(pretty))] == ["a", "b"]
    assert list(read_inputs(["-"], io.BytesIO(b"\n\n"))) == []


def test_stdin_whose_first_line_is_bad_still_gives_the_good_lines():
    lines = b'{"text": "broken\n{"text": "good"}\n'
    first, second = read_inputs(["-"], io.BytesIO(lines))
    assert first.event is None and first.error.startswith("not valid JSON")
    assert second.event["text"] == "good"
