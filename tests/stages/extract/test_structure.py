"""Title, lede and counts of the body."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from workers.stages.extract.structure import describe_structure, reading_time_s


def test_title_given_else_the_first_sentence():
    article = analysis("First sentence here. Second one.", "Another paragraph.")
    describe_structure(article)
    assert article.enriched["title"] == article.enriched["lede"] == "First sentence here."
    given = analysis("Body.", title="The Headline")
    describe_structure(given)
    assert given.enriched["title"] == "The Headline" and given.enriched["lede"] == "Body."


def test_counts():
    article = analysis(
        "One two three. Four.",
        "Five six.",
        embeds=[{"text": "t"}],
        related=[{"title": "r", "url": None}],
        cleanup={"removed": [{"kind": "credit"}] * 2, "repaired": []},
    )
    describe_structure(article)
    assert article.enriched["stats"] == {
        "paragraphs": 2,
        "sentences": 3,
        "words": 6,
        "chars": len("One two three. Four.\n\nFive six."),
        "reading_time_s": 2,
        "removed": 2,
        "embeds": 1,
        "related": 1,
    }


def test_an_empty_body_has_no_lede():
    article = analysis()
    describe_structure(article)
    assert article.enriched["lede"] is None and article.enriched["stats"]["words"] == 0


def test_reading_time_at_two_hundred_words_a_minute():
    assert reading_time_s(200) == 60 and reading_time_s(0) == 0
