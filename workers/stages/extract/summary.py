"""An extractive summary: the lede and the sentences that carry the keywords."""

from __future__ import annotations

import math
from collections.abc import Iterable

from workers.stages.extract.analysis import Analysis

_SUMMARY_SENTENCES = 2


def summarize(analysis: Analysis) -> None:
    """`summary` of the body, from its keywords (the keyword step runs first)."""
    terms = [t["term"] for t in analysis.enriched["keywords"]]
    analysis.enriched["summary"] = summary(analysis.sentences, analysis.lowered, terms)


def summary(
    sentences: list[str],
    lowered: list[list[str]],
    terms: Iterable[str],
    size: int = _SUMMARY_SENTENCES,
) -> str | None:
    """The lede sentence and the sentences that carry most of the keywords, in text order."""
    if not sentences:
        return None
    vocabulary = {w for term in terms for w in term.split()}
    scored = []
    for index, sentence in enumerate(lowered[1:], start=1):
        words = set(sentence)
        scored.append((len(words & vocabulary) / (1 + math.log(1 + len(words))), -index, index))
    picked = sorted([0] + [i for *_, i in sorted(scored, reverse=True)[: size - 1]])
    return " ".join(sentences[i] for i in picked)
