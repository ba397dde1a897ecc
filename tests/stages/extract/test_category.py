"""A coarse category from lexicons, only with enough evidence."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from tests.stages.extract.test_keywords import LOWERED, SENTENCES
from workers.stages.extract.category import CategoryRules, categorize, category
from workers.stages.text.words import words


def test_category_from_lexicons_needs_enough_evidence(rules):
    categories = rules.extract.categories
    assert category(" ".join(SENTENCES), LOWERED, categories) == "business"
    crime = "पुलिस ने आरोपी को गिरफ्तार किया, हत्या का मामला दर्ज।"
    assert category(crime, [words(crime)], categories) == "crime"
    assert category("A short note.", [["a", "short", "note"]], categories) is None


def test_phrases_count_and_weights_tip_the_balance():
    small = CategoryRules(
        words={"vote": "politics", "rain": "weather"},
        phrases={"lok sabha": "politics"},
        weights={"politics": 0.5},
        min_hits=2,
    )
    text = "Lok Sabha vote. Rain, rain."
    lowered = [["lok", "sabha", "vote"], ["rain", "rain"]]
    assert category(text, lowered, small) == "weather"  # 2 x 0.5 < 2 x 1


def test_the_step_sets_the_category(rules):
    article = analysis(*SENTENCES)
    categorize(article, rules.extract.categories)
    assert article.enriched["category"] == "business"
