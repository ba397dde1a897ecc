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


QUESTION = "What made you start a cooking page of your own, and when?"


def test_an_interviews_repeated_question_stays_before_each_answer():
    """A line that frames a repeated structure (three copies or more, none adjacent, each
    followed by something else) is no repeat: each answer keeps its question."""
    answers = [f"Answer number {n}: I cooked for my family every weekend for years." for n in "123"]
    d = draft(*(line for answer in answers for line in (QUESTION, answer)))
    drop_repeats(d)
    assert texts(d).count(QUESTION) == 3 and not d.removed


def test_a_post_scraped_three_times_is_still_a_repeat():
    """Trap: copies next to each other, or each followed by the same line, are a scraper's."""
    post = "The minister posted that the bridge over the river would open to traffic in March."
    body = "The state's engineers inspected the bridge on Sunday and passed it for traffic."
    adjacent = draft(post, post, post, body)
    drop_repeats(adjacent)
    assert texts(adjacent) == [post, body]
    same_follower = draft(post, body, post, body, post, body)
    drop_repeats(same_follower)
    assert texts(same_follower) == [post, body]


def test_trap_a_promo_sentence_between_paragraphs_is_no_refrain():
    """Three copies, each before a different paragraph, but shaped as a sentence, not a
    question or a heading: the later copies go."""
    promo = "For the latest stories on farmers and agriculture keep reading this website daily"
    body = [
        f"Paragraph {n} of the story on farmers, long enough to be a paragraph." for n in "1234"
    ]
    d = draft(body[0], promo, body[1], promo, body[2], promo, body[3])
    drop_repeats(d)
    assert texts(d).count(promo) == 1
