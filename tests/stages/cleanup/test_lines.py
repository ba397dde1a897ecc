"""The text made canonical and split into numbered lines; the title too."""

from __future__ import annotations

from workers.stages.cleanup.draft import Draft
from workers.stages.cleanup.lines import split_lines


def test_lines_are_normalised_and_keep_their_numbers():
    d = Draft(text="क़ौम\u200b और\u00a0मुल्क   के लिए\ufeff काम\n\n  second line  \r\nthird")
    split_lines(d)
    assert [(line.no, line.text) for line in d.lines] == [
        (1, "क़ौम और मुल्क के लिए काम"),
        (3, "second line"),
        (4, "third"),
    ]


def test_title_from_the_article_else_from_its_page():
    d = Draft(text="x", title="  Flood\u00a0alert ")
    split_lines(d)
    assert d.title == "Flood alert"
    d = Draft(text="x", page={"title": "From the page"})
    split_lines(d)
    assert d.title == "From the page"
    d = Draft(text="x")
    split_lines(d)
    assert d.title is None


def test_mojibake_is_repaired_before_the_split():
    d = Draft(text="Delhi " + "नई दिल्ली".encode().decode("latin-1"))
    split_lines(d)
    assert d.lines[0].text == "Delhi नई दिल्ली"
