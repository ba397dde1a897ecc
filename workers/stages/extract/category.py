"""A coarse news category from lexicons (`data/lexicons/categories.toml`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import chain

from workers import data
from workers.stages.extract.analysis import Analysis


@dataclass(frozen=True)
class CategoryRules:
    """Each category's words and phrases (lower case), the weight of its hits, and the hits an
    article needs to get one."""

    words: dict[str, str]  # word -> category
    phrases: dict[str, str]  # phrase of several words -> category
    weights: dict[str, float]
    min_hits: int

    @classmethod
    def load(cls) -> CategoryRules:
        table = data.toml("lexicons", "categories.toml")
        words: dict[str, str] = {}
        phrases: dict[str, str] = {}
        for name, terms in table["terms"].items():
            for term in terms:
                (phrases if " " in term else words).setdefault(term.lower(), name)
        return cls(words, phrases, table.get("weights", {}), table["min_hits"])


def categorize(analysis: Analysis, rules: CategoryRules) -> None:
    """`category` of the body."""
    analysis.enriched["category"] = category(analysis.body, analysis.lowered, rules)


def category(text: str, lowered: list[list[str]], rules: CategoryRules) -> str | None:
    """The category whose lexicon the text (and its words in lower case) uses most, if it uses
    it at least `min_hits` times."""
    hits = Counter(filter(None, map(rules.words.get, chain.from_iterable(lowered))))
    text = text.lower()
    for phrase, name in rules.phrases.items():
        if phrase in text:
            hits[name] += text.count(phrase)
    if not hits:
        return None
    weights = rules.weights
    best = max(hits, key=lambda name: hits[name] * weights.get(name, 1.0))
    return best if hits[best] >= rules.min_hits else None
