"""Keywords: YAKE's statistics, reimplemented to stay in a millisecond.

YAKE (Campos et al., 2020) scores a word by its casing, position, frequency, the spread of its
contexts and the sentences it occurs in, and a phrase by the product of its words' scores; this is
the same feature set, computed in one pass over tokens already split, with the stopword lists of
`stopwordsiso` (ISO stopword collections, MIT, shipped in the package).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import chain, pairwise
from typing import Any

import stopwordsiso

from workers.stages.extract.analysis import Analysis

_TOP = 10
_GOOD_WORDS_PER_KEYWORD = 4  # candidates open and close with the best 4 x top words


@dataclass
class Stopwords:
    """Stopwords by language from `stopwordsiso` (ISO stopword collections, shipped in that
    package), English ones always added: English words turn up in every Indian paper. Each
    language's set is built the first time an article in it comes."""

    languages: dict[str, frozenset[str]] = field(default_factory=dict)

    def of(self, language: str) -> frozenset[str]:
        found = self.languages.get(language)
        if found is None:
            words = set(stopwordsiso.stopwords("en"))
            if language != "en" and stopwordsiso.has_lang(language):
                words |= stopwordsiso.stopwords(language)
            found = self.languages[language] = frozenset(w.lower() for w in words)
        return found


def find_keywords(analysis: Analysis, stopwords: Stopwords) -> None:
    """`keywords` of the body, in its language (the language step runs first)."""
    language = analysis.enriched["language"]
    analysis.enriched["keywords"] = keywords(
        analysis.tokens, analysis.lowered, stopwords.of(language)
    )


def keywords(
    tokens: list[list[str]], lowered: list[list[str]], stop: frozenset[str], top: int = _TOP
) -> list[dict[str, Any]]:
    """The `top` key phrases (1 to 3 words) with a relevance in (0, 1], best first, from the
    words of each sentence as written and in lower case."""
    counts = Counter(chain.from_iterable(lowered))  # then filtered once: `del` is a call in Python
    tf = Counter({w: n for w, n in counts.items() if len(w) > 1 and w not in stop})
    if not tf:
        return []
    score = _word_scores(tokens, lowered, tf)
    # A phrase scores the product of its words' scores (lower is better), so the best phrases
    # start and end with the best words: only those open or close a candidate.
    good = set(sorted(score, key=score.__getitem__)[: top * _GOOD_WORDS_PER_KEYWORD])
    grams: list[tuple[str, ...]] = []  # counted at the end, in C
    for sentence in lowered:
        size = len(sentence)
        for i in [i for i, word in enumerate(sentence) if word in good]:
            grams.append((sentence[i],))
            for n in (2, 3):
                if i + n <= size and sentence[i + n - 1] in good:
                    grams.append(tuple(sentence[i : i + n]))
    phrases = Counter(grams)
    get = score.get
    ranked: list[tuple[float, tuple[str, ...]]] = []
    for gram, freq in phrases.items():
        if len(gram) == 1:
            value = get(gram[0], 1.0)
            ranked.append((value / (freq * (1 + value)), gram))
        else:
            inner = [get(w, 1.0) for w in gram]
            # A sum from 0.0 is a float, as the compiled build (hatch_build.py) checks it is.
            ranked.append((math.prod(inner) / (freq * (1 + sum(inner, 0.0))), gram))
    chosen: list[dict[str, Any]] = []
    ranked.sort()  # a C sort of a hundred-odd pairs beats any partial selection in Python
    for value, gram in ranked:
        term = " ".join(gram)
        if any(term in c["term"] or c["term"] in term for c in chosen):
            continue
        chosen.append({"term": term, "score": round(1 / (1 + value), 4)})
        if len(chosen) == top:
            break
    return chosen


def _word_scores(
    tokens: list[list[str]], lowered: list[list[str]], tf: Counter[str]
) -> dict[str, float]:
    """YAKE's word score: casing, position, frequency, context spread, sentence spread."""
    positions: dict[str, list[int]] = {}
    pairs: set[tuple[str, str]] = set()
    upper: Counter[str] = Counter()
    for index, (sentence, words) in enumerate(zip(tokens, lowered, strict=True)):
        for word in words:
            places = positions.get(word)
            if places is None:
                positions[word] = [index]
            elif places[-1] != index:
                places.append(index)
        pairs.update(pairwise(words))
        # Words after the first written with a capital ("Owaisi" mid-sentence): a name's sign.
        if sentence != words:  # else nothing in it is upper case (all of a Hindi sentence)
            upper.update(w for o, w in zip(sentence[1:], words[1:], strict=True) if o[:1].isupper())
    # Distinct words before each word plus those after it: a pair (a, b) counts once for a and
    # once for b.
    neighbours = Counter(chain.from_iterable(pairs))
    counts = list(tf.values())
    size = len(counts)
    mean = sum(counts) / size
    spread = math.sqrt(sum((c - mean) ** 2 for c in counts) / size)
    top_tf = max(counts)
    total = len(tokens)
    log = math.log
    uppers, related = upper.get, neighbours.get  # not `[]`: a missing key is a call in Python
    score: dict[str, float] = {}
    for word, freq in tf.items():
        case = uppers(word, 0) / (1 + log(freq))
        places = positions[word]  # the sentences it is in, in increasing order
        middle = len(places) // 2
        median = places[middle] if len(places) % 2 else (places[middle - 1] + places[middle]) / 2
        position = log(log(3 + median))
        frequency = freq / (mean + spread)
        relatedness = 1 + related(word, 0) / top_tf
        sentences_with = len(places) / total
        score[word] = (
            relatedness * position / (case + frequency / relatedness + sentences_with / relatedness)
        )
    return score
