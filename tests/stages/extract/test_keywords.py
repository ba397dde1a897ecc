"""Keywords, category and summary on plain text."""

from __future__ import annotations

from workers.stages.extract.keywords import category, keywords, summary
from workers.stages.extract.structure import lowercase, words

SENTENCES = [
    "The Reserve Bank of India kept the repo rate unchanged at 6.5 per cent on Friday.",
    "Governor Shaktikanta Das said inflation remained the central bank's main concern.",
    "The repo rate has been unchanged for a year, and markets expected the pause.",
    "Bank shares rose after the policy, with the Sensex ending 300 points higher.",
]


TOKENS = [words(s) for s in SENTENCES]
LOWERED = lowercase(TOKENS)


def test_keywords_rank_content_phrases_without_stopwords():
    terms = [k["term"] for k in keywords(TOKENS, LOWERED, "en")]
    assert "repo rate" in terms[:5]
    assert all(t.split()[0] not in {"the", "and", "has"} for t in terms)
    scores = [k["score"] for k in keywords(TOKENS, LOWERED, "en")]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)


def test_category_from_lexicons_needs_enough_evidence():
    assert category(" ".join(SENTENCES), LOWERED) == "business"
    crime = "पुलिस ने आरोपी को गिरफ्तार किया, हत्या का मामला दर्ज।"
    assert category(crime, lowercase([words(crime)])) == "crime"
    assert category("A short note.", lowercase([words("A short note.")])) is None


def test_summary_starts_with_the_lede():
    text = summary(SENTENCES, LOWERED, ["repo rate", "inflation"])
    assert text.startswith(SENTENCES[0]) and text.count(".") >= 2
