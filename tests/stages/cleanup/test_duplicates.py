"""Repeated paragraphs and sentences: the first copy stays; short list items are not repeats."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.duplicates import drop_repeats


def test_repeats_exact_near_and_nonadjacent():
    first = "मुख्यमंत्री ने कहा कि राज्य में बाढ़ से निपटने की पूरी तैयारी है."
    near = "मुख्यमंत्री ने कहा  कि राज्य में बाढ से निपटने की पूरी तैयारी है"
    d = draft(first, "दूसरा अनुच्छेद जो अलग है और बना रहता है सदा।", near, first)
    drop_repeats(d)
    assert texts(d) == [first, "दूसरा अनुच्छेद जो अलग है और बना रहता है सदा।"]


def test_repeated_sentence_inside_a_later_paragraph():
    s1 = "The court adjourned the hearing till Monday next week."
    d = draft(f"{s1} The lawyers agreed.", f"Outside, protesters gathered. {s1}")
    drop_repeats(d)
    assert texts(d) == [f"{s1} The lawyers agreed.", "Outside, protesters gathered."]


def test_a_pull_quote_of_earlier_text_goes():
    d = draft(
        "The minister said the new bridge over the river would open to traffic in March.",
        "the new bridge over the river would open to traffic",
    )
    drop_repeats(d)
    assert len(d.lines) == 1 and d.removed[0]["kind"] == "duplicate"


def test_the_lede_repeated_with_its_dateline_goes():
    lede = "Heavy rain lashed the city on Monday, flooding roads and low-lying areas."
    d = draft(lede, "Some other paragraph of the body text stays here.", f"Mumbai: {lede}")
    d.dateline = "Mumbai"
    drop_repeats(d)
    assert texts(d) == [lede, "Some other paragraph of the body text stays here."]


def test_short_identical_list_items_stay():
    d = draft("बिहार: 12 सीटें", "उत्तर प्रदेश: 12 सीटें", "1. हाँ", "1. हाँ")
    drop_repeats(d)
    assert len(d.lines) == 4
