"""Keywords (YAKE's statistics, reimplemented to stay in a millisecond), a coarse category from
lexicons, and an extractive summary.

YAKE (Campos et al., 2020) scores a word by its casing, position, frequency, the spread of its
contexts and the sentences it occurs in, and a phrase by the product of its words' scores; this is
the same feature set, computed in one pass over tokens already split, with the stopword lists of
`stopwordsiso` (ISO stopword collections, MIT, shipped in the package).
"""

from __future__ import annotations

import math
import re
import statistics
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Any

import stopwordsiso

_WORD = re.compile(r"(?:[^\W_]|[\u0900-\u0963\u0966-\u0dff])+")
_MAX_WORDS = 3
_TOP = 10
_SUMMARY_SENTENCES = 2


@cache
def stopwords(language: str) -> frozenset[str]:
    words = set(stopwordsiso.stopwords("en"))  # English words turn up in every Indian paper
    if language != "en" and stopwordsiso.has_lang(language):
        words |= stopwordsiso.stopwords(language)
    return frozenset(w.lower() for w in words)


def keywords(sentences: list[str], language: str, top: int = _TOP) -> list[dict[str, Any]]:
    """The `top` key phrases (1 to 3 words) with a relevance in (0, 1], best first."""
    stop = stopwords(language)
    tokens = [[w for w in _WORD.findall(s)] for s in sentences]
    words = [w.lower() for sentence in tokens for w in sentence]
    if not words:
        return []
    tf: Counter[str] = Counter(w for w in words if w not in stop and len(w) > 1)
    if not tf:
        return []
    upper: Counter[str] = Counter()
    positions: dict[str, list[int]] = defaultdict(list)
    left: dict[str, set[str]] = defaultdict(set)
    right: dict[str, set[str]] = defaultdict(set)
    for index, sentence in enumerate(tokens):
        lowered = [w.lower() for w in sentence]
        for i, word in enumerate(sentence):
            key = lowered[i]
            if key not in tf:
                continue
            positions[key].append(index)
            if i > 0 and word[:1].isupper():
                upper[key] += 1
            if i > 0:
                left[key].add(lowered[i - 1])
            if i + 1 < len(sentence):
                right[key].add(lowered[i + 1])
    counts = list(tf.values())
    mean, spread = statistics.fmean(counts), statistics.pstdev(counts)
    top_tf = max(counts)
    score: dict[str, float] = {}
    for word, freq in tf.items():
        case = upper[word] / (1 + math.log(freq))
        position = math.log(math.log(3 + statistics.median(positions[word])))
        frequency = freq / (mean + spread)
        relatedness = 1 + (len(left[word]) + len(right[word])) / freq * freq / top_tf
        sentences_with = len(set(positions[word])) / len(tokens)
        score[word] = (
            relatedness * position / (case + frequency / relatedness + sentences_with / relatedness)
        )
    phrases: Counter[tuple[str, ...]] = Counter()
    for sentence in tokens:
        lowered = [w.lower() for w in sentence]
        for n in range(1, _MAX_WORDS + 1):
            for i in range(len(lowered) - n + 1):
                gram = tuple(lowered[i : i + n])
                if gram[0] in score and gram[-1] in score and all(len(w) > 1 for w in gram):
                    phrases[gram] += 1
    ranked = []
    for gram, freq in phrases.items():
        inner = [score.get(w, 1.0) for w in gram]
        value = math.prod(inner) / (freq * (1 + sum(inner)))
        ranked.append((value, gram))
    ranked.sort()
    chosen: list[dict[str, Any]] = []
    for value, gram in ranked:
        term = " ".join(gram)
        if any(term in c["term"] or c["term"] in term for c in chosen):
            continue
        chosen.append({"term": term, "score": round(1 / (1 + value), 4)})
        if len(chosen) == top:
            break
    return chosen


@cache
def _lexicon() -> tuple[int, dict[str, str], dict[str, str]]:
    text = resources.files("workers").joinpath("data", "lexicons", "categories.toml")
    data = tomllib.loads(text.read_text("utf-8"))
    words: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for category, terms in data["terms"].items():
        for term in terms:
            (phrases if " " in term else words).setdefault(term.lower(), category)
    return data["min_hits"], words, phrases


def category(text: str) -> str | None:
    """The category whose lexicon the text uses most, if it uses it at least `min_hits` times."""
    min_hits, words, phrases = _lexicon()
    hits: Counter[str] = Counter()
    lowered = text.lower()
    for word in _WORD.findall(lowered):
        if word in words:
            hits[words[word]] += 1
    for phrase, name in phrases.items():
        if phrase in lowered:
            hits[name] += lowered.count(phrase)
    if not hits:
        return None
    best, count = hits.most_common(1)[0]
    return best if count >= min_hits else None


def summary(
    sentences: list[str], terms: Iterable[str], size: int = _SUMMARY_SENTENCES
) -> str | None:
    """The lede sentence and the sentences that carry most of the keywords, in text order."""
    if not sentences:
        return None
    vocabulary = {w for term in terms for w in term.split()}
    scored = []
    for index, sentence in enumerate(sentences[1:], start=1):
        words = {w.lower() for w in _WORD.findall(sentence)}
        scored.append((len(words & vocabulary) / (1 + math.log(1 + len(words))), -index, index))
    picked = sorted([0] + [i for *_, i in sorted(scored, reverse=True)[: size - 1]])
    return " ".join(sentences[i] for i in picked)
