"""The analysis context: inputs carried over, what is computed from them once, on demand."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from workers.stages.extract.analysis import CARRIED


def test_carried_fields_body_and_no_duplicate_yet():
    article = analysis("पहला पैरा।", "Second one.", dateline="लखनऊ")
    assert set(article.enriched) == {*CARRIED, "body", "duplicate_of"}
    assert article.enriched["body"] == "पहला पैरा।\n\nSecond one."
    assert article.enriched["dateline"] == "लखनऊ" and article.enriched["duplicate_of"] is None


def test_sentences_words_and_lower_case_words_computed_once():
    article = analysis("डॉ. राम ने कहा। Dr. Rao AGREED, he said.")
    assert article.sentences == ["डॉ. राम ने कहा।", "Dr. Rao AGREED, he said."]
    assert article.tokens == [["डॉ", "राम", "ने", "कहा"], ["Dr", "Rao", "AGREED", "he", "said"]]
    assert article.lowered[1] == ["dr", "rao", "agreed", "he", "said"]
    assert article.sentences is article.sentences  # cached


def test_embed_texts_are_the_embeds_with_text():
    article = analysis("Body.", embeds=[{"text": "A post"}, {"text": None}, {"url": "u"}])
    assert article.embed_texts == ["A post"]
