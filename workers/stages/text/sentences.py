"""Sentences: the marks that end one, and a splitter that knows the abbreviations a "." follows
without ending a sentence ("डॉ.", "Dr.", "U.S.", initials)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from workers.stages.text.scripts import devanagari

# What ends a sentence, in every script Khabar reads: ".", "?", "!", "।" and "॥".
ENDS = ".?!।॥"
# What may close a sentence after its end mark: quotes and brackets.
CLOSERS = "\"'”’)"
_ENDS = re.escape(ENDS)
_CLOSERS = re.escape(CLOSERS)
# An end mark, closers, and space before the next sentence.
END = re.compile(rf"[{_ENDS}][{_CLOSERS}]*\s+(?=\S)")
# The space after an end mark: where a line splits into sentences (the mark stays).
AFTER_END = re.compile(rf"(?<=[{_ENDS}])\s+")
# An end mark and the space after it, inside a line.
BREAK = re.compile(rf"[{_ENDS}]\s+")
# A line that ends like a sentence.
ENDS_LINE = re.compile(rf"[{_ENDS}][{_CLOSERS}]?$")
# A text cut into pieces that end in an end mark or ":".
PIECE = re.compile(rf"[^{_ENDS}:]+[{_ENDS}:]?")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "e.g" before the last dot


@dataclass(frozen=True)
class SentenceSplitter:
    """Splits a paragraph into sentences. `re` finds the ends; the word before a "." is looked
    up: twice as fast as one lookbehind pattern."""

    abbreviations: frozenset[str]

    def __call__(self, paragraph: str) -> list[str]:
        sentences = []
        start = 0
        for end in END.finditer(paragraph):
            dot = end.start()
            if (
                paragraph[dot] == "."
                and paragraph[dot + 1].isspace()
                and self.abbreviation(paragraph, dot)
            ):
                continue
            sentences.append(paragraph[start : end.end()].strip())
            start = end.end()
        sentences.append(paragraph[start:].strip())
        return [s for s in sentences if s]

    def abbreviation(self, text: str, dot: int) -> bool:
        """Whether the word before the "." at `dot` is an abbreviation or a one-letter initial."""
        begin = dot
        while begin > 0 and not text[begin - 1].isspace() and text[begin - 1] != "(":
            begin -= 1
        word = text[begin:dot]
        if len(word) == 1:
            return "A" <= word <= "Z" or devanagari(word)
        return word in self.abbreviations or _INITIALS.fullmatch(word) is not None
