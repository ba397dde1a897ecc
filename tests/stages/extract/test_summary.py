"""The summary: the lede and the sentences that carry the keywords, in text order."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from tests.stages.extract.test_keywords import LOWERED, SENTENCES
from workers.stages.extract.summary import summarize, summary


def test_summary_starts_with_the_lede():
    text = summary(SENTENCES, LOWERED, ["repo rate", "inflation"])
    assert text == f"{SENTENCES[0]} {SENTENCES[2]}"


def test_no_sentences_no_summary():
    assert summary([], [], ["x"]) is None


def test_the_step_reads_the_keywords():
    article = analysis(*SENTENCES)
    article.enriched["keywords"] = [{"term": "inflation", "score": 0.9}]
    summarize(article)
    assert article.enriched["summary"] == f"{SENTENCES[0]} {SENTENCES[1]}"
