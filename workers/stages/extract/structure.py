"""Sentences and counts of the body."""

from __future__ import annotations

import re

import regex

# A sentence ends at ".", "?", "!", "।" or "॥" followed by space, except after a known abbreviation
# or an initial ("डॉ.", "Dr.", "U.S.", "A.").
_ABBREVIATIONS = (
    r"डॉ|श्री|श्रीमती|सुश्री|प्रो|मो|Dr|Mr|Mrs|Ms|Prof|Sr|Jr|St|Lt|Col|Gen|Capt|Maj|Sgt|Rs|No|Nos"
    r"|vs|etc|Inc|Ltd|Co|Corp|Govt|Dept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z]|[\p{Devanagari}]"
)
_SENTENCE_END = regex.compile(
    rf"(?<!(?:^|[\s(])(?:{_ABBREVIATIONS})\.)(?<=[.?!।॥][\"'”’)]*)\s+(?=\S)"
)
# A word: letters and digits, the Indian scripts' vowel signs included (Python's \w misses them).
# One character class is twice as fast as excluding "_" in it: "_" is read as a space first.
_WORD = re.compile(r"[\w\u0900-\u0963\u0966-\u0dff]+")
WORDS_PER_MINUTE = 200


def split_sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip()]


def words(text: str) -> list[str]:
    return _WORD.findall(text.replace("_", " ") if "_" in text else text)


def lowercase(tokens: list[list[str]]) -> list[list[str]]:
    """Each sentence's words in lower case: words hold no spaces, so one join, lower and split per
    sentence does what a call per word does."""
    return [" ".join(sentence).lower().split(" ") if sentence else [] for sentence in tokens]


def reading_time_s(words: int) -> int:
    return round(words * 60 / WORDS_PER_MINUTE)
