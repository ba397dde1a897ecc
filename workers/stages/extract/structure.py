"""Sentences and counts of the body."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources

# A sentence ends at ".", "?", "!", "।" or "॥" (closing quotes or brackets may follow) and space,
# except a "." right after a known abbreviation or initials ("डॉ.", "Dr.", "U.S.", "A.").
# `re` finds the ends; the word before a "." is looked up: twice as fast as one lookbehind pattern.
_END = re.compile(r"[.?!।॥][\"'”’)]*\s+(?=\S)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "e.g" before the last dot
# A word: letters and digits, the Indian scripts' vowel signs included (Python's \w misses them).
# One character class is twice as fast as excluding "_" in it: "_" is read as a space first.
_WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u0dff]+")
WORDS_PER_MINUTE = 200


def split_sentences(paragraph: str) -> list[str]:
    sentences = []
    start = 0
    for end in _END.finditer(paragraph):
        dot = end.start()
        if paragraph[dot] == "." and paragraph[dot + 1].isspace() and _abbreviation(paragraph, dot):
            continue
        sentences.append(paragraph[start : end.end()].strip())
        start = end.end()
    sentences.append(paragraph[start:].strip())
    return [s for s in sentences if s]


def _abbreviation(text: str, dot: int) -> bool:
    """Whether the word before the "." at `dot` is an abbreviation or a one-letter initial."""
    begin = dot
    while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] != "(":
        begin -= 1
    word = text[begin:dot]
    if len(word) == 1:
        return "A" <= word <= "Z" or "\u0900" <= word <= "\u097f"
    return word in _abbreviations() or _INITIALS.fullmatch(word) is not None


@cache
def _abbreviations() -> frozenset[str]:
    path = resources.files("workers").joinpath("data", "lexicons", "abbreviations.toml")
    return frozenset(w for words in tomllib.loads(path.read_text("utf-8")).values() for w in words)


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("_", " ") if "_" in text else text)


def lowercase(tokens: list[list[str]]) -> list[list[str]]:
    """Each sentence's words in lower case: words hold no spaces, so one join, lower and split per
    sentence does what a call per word does."""
    return [" ".join(sentence).lower().split(" ") if sentence else [] for sentence in tokens]


def reading_time_s(words: int) -> int:
    return round(words * 60 / WORDS_PER_MINUTE)
