"""Glued text repaired: sentences without their space, lines without their break."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.repair import repair_glued_sentences, split_glued_handles


def test_glued_sentences_repaired_but_not_abbreviations_or_urls():
    d = draft("उसने कहा.फिर वह गया।अब", "He said.The end? Yes!No", "e.g. U.S. 3.5 example.com/A.B")
    repair_glued_sentences(d)
    assert texts(d) == [
        "उसने कहा. फिर वह गया। अब",
        "He said. The end? Yes! No",
        "e.g. U.S. 3.5 example.com/A.B",
    ]
    assert [r["kind"] for r in d.repaired] == ["glued_sentence", "glued_sentence"]


def test_devanagari_abbreviation_chains_stay():
    d = draft("एम.एम. नरवणे ने कहा")
    repair_glued_sentences(d)
    assert texts(d) == ["एम.एम. नरवणे ने कहा"]


def test_glued_handle_splits_line():
    d = draft("text @imtiaz_jaleelनिजी कारणों", "mail a@b.com stays")
    split_glued_handles(d)
    assert texts(d) == ["text @imtiaz_jaleel", "निजी कारणों", "mail a@b.com stays"]
    assert d.repaired[0]["kind"] == "glued_line"


def test_a_parenthesis_broken_over_lines_is_joined():
    from workers.stages.cleanup.repair import join_broken_lines

    d = draft("(Install our app,", "and follow us on Facebook", "and Twitter)", "Body line.")
    join_broken_lines(d)
    assert texts(d) == ["(Install our app, and follow us on Facebook and Twitter)", "Body line."]
    assert d.lines[0].no == 1 and d.repaired[0]["kind"] == "broken_line"


def test_trap_a_parenthesis_that_does_not_close_soon_leaves_lines_apart():
    from workers.stages.cleanup.repair import join_broken_lines

    lines = ["A stray ( in a line.", "Second paragraph.", "Third paragraph.", "Fourth )."]
    d = draft(*lines)
    join_broken_lines(d)
    assert texts(d) == lines and not d.repaired
