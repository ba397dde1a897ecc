"""Keywords: content phrases ranked by YAKE's statistics, stopwords of the language left out."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from workers.stages.extract.keywords import Stopwords, find_keywords, keywords
from workers.stages.text.words import words

SENTENCES = [
    "The Reserve Bank of India kept the repo rate unchanged at 6.5 per cent on Friday.",
    "Governor Shaktikanta Das said inflation remained the central bank's main concern.",
    "The repo rate has been unchanged for a year, and markets expected the pause.",
    "Bank shares rose after the policy, with the Sensex ending 300 points higher.",
]
TOKENS = [words(s) for s in SENTENCES]
LOWERED = [[w.lower() for w in sentence] for sentence in TOKENS]


def test_keywords_rank_content_phrases_without_stopwords():
    found = keywords(TOKENS, LOWERED, Stopwords().of("en"))
    terms = [k["term"] for k in found]
    assert "repo rate" in terms[:5]
    assert all(t.split()[0] not in {"the", "and", "has"} for t in terms)
    scores = [k["score"] for k in found]
    assert scores == sorted(scores, reverse=True) and all(0 < s <= 1 for s in scores)
    assert len(found) == 10 and not any(a in b for a in terms for b in terms if a != b)


def test_stopwords_of_a_language_include_english_and_are_built_once():
    stopwords = Stopwords()
    hindi = stopwords.of("hi")
    assert {"के", "the"} <= hindi and stopwords.of("hi") is hindi
    assert "the" in stopwords.of("xx")  # an unknown language still drops English ones


def test_the_step_uses_the_detected_language():
    article = analysis("पुलिस ने आरोपी को गिरफ्तार किया। आरोपी के पास से हथियार बरामद हुआ।")
    article.enriched["language"] = "hi"
    stopwords = Stopwords()
    find_keywords(article, stopwords)
    terms = [k["term"].split() for k in article.enriched["keywords"]]
    assert any("आरोपी" in term for term in terms)
    assert not {w for term in terms for w in (term[0], term[-1])} & stopwords.of("hi")


def test_nothing_but_stopwords_gives_no_keywords():
    assert keywords([["the", "and"]], [["the", "and"]], Stopwords().of("en")) == []
