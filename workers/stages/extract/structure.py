"""The article's shape: its title (given, else the first sentence), the lede, and counts."""

from __future__ import annotations

from workers.stages.extract.analysis import Analysis

WORDS_PER_MINUTE = 200


def describe_structure(analysis: Analysis) -> None:
    """`title`, `lede` and `stats`: paragraphs, sentences, words, characters, reading time,
    and how much cleanup removed and found."""
    cleaned, sentences = analysis.cleaned, analysis.sentences
    first = sentences[0] if sentences else None
    word_count = sum(len(t) for t in analysis.tokens)
    analysis.enriched["title"] = cleaned["title"] or first
    analysis.enriched["lede"] = first
    analysis.enriched["stats"] = {
        "paragraphs": len(analysis.paragraphs),
        "sentences": len(sentences),
        "words": word_count,
        "chars": len(analysis.body),
        "reading_time_s": reading_time_s(word_count),
        "removed": len(cleaned["cleanup"]["removed"]),
        "embeds": len(analysis.embeds),
        "related": len(cleaned["related"]),
    }


def reading_time_s(words: int) -> int:
    return round(words * 60 / WORDS_PER_MINUTE)
