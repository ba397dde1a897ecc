"""The dateline that opens the body: known places, wire style, agencies; labels and headlines
in the same shape stay."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.dateline import DatelineRules, split_dateline

REST = "उत्तर प्रदेश के बाराबंकी जिले में बारिश से कई गांव पानी में डूब गए हैं और लोग परेशान हैं."


def test_a_known_place_is_the_dateline(rules):
    d = draft(f"लखनऊ: {REST}")
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline == "लखनऊ" and texts(d) == [REST]
    assert d.removed == [{"kind": "dateline", "text": "लखनऊ:", "line": 1}]


def test_a_visarga_for_the_colon_ends_a_dateline(rules):
    d = draft(f"नई दिल्लीः {REST}")
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline == "नई दिल्ली" and texts(d) == [REST]
    line = f"दुःख की बात है कि {REST}"  # a visarga inside a word is the word's
    d = draft(line)
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline is None and texts(d) == [line]


def test_wire_style_and_agency_datelines(rules):
    d = draft("NEW DELHI: The court said on Monday that the hearing would go on.")
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline == "NEW DELHI"
    d = draft("Sitapur, Jan 3 (PTI) - Police said the accused was arrested late at night.")
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline == "Sitapur"


def test_an_unknown_short_place_before_a_full_sentence(rules):
    d = draft(f"मझौलिया: {REST}")
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline == "मझौलिया"


def test_labels_and_headlines_in_the_same_shape_stay(rules):
    for line in (f"बता दें: {REST}", "Mega PTM in Delhi School: parents and teachers meet today"):
        d = draft(line)
        split_dateline(d, rules.cleanup.dateline)
        assert d.dateline is None and texts(d) == [line]


def test_only_the_first_line_is_looked_at(rules):
    d = draft("Body first.", f"लखनऊ: {REST}")
    split_dateline(d, rules.cleanup.dateline)
    assert d.dateline is None


def test_a_step_built_with_small_rules():
    small = DatelineRules(
        known_places=frozenset({"springfield"}),
        not_places=frozenset(),
        min_words_after=99,
        max_place_words=2,
    )
    d = draft("Springfield: The plant closed.")
    split_dateline(d, small)
    assert d.dateline == "Springfield"
    d = draft("Shelbyville: The plant closed.")
    split_dateline(d, small)
    assert d.dateline is None
