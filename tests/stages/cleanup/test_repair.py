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
