"""Large word lists that type an unknown capitalised name in Latin script: English's common
words (a capitalised "Water" or "Museum" is no name), the surnames of the US Census ("Mertens"
is a person's) and the world's places by GeoNames ("Evansville" is a place). They hold about
180,000 words, so each is kept as the sorted hashes of its words, not as a set of strings."""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from workers import data


class WordSet:
    """A set of case-folded words held as their sorted hashes: 8 bytes a word (a frozenset of
    strings takes about 70); membership by binary search. The hashes are this process's own,
    so a set is built where it is asked."""

    __slots__ = ("_hashes",)

    def __init__(self, words: Iterable[str] = ()) -> None:
        self._hashes = array("q", sorted({hash(word.casefold()) for word in words}))

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        key = hash(word.casefold())
        at = bisect_left(self._hashes, key)
        return at < len(self._hashes) and self._hashes[at] == key

    def __len__(self) -> int:
        return len(self._hashes)


def _lines(*parts: str) -> Iterable[str]:
    """The words of a one-word-a-line data file (comments start with "#")."""
    return (line for line in data.text(*parts).splitlines() if line and line[0] != "#")


@dataclass(frozen=True)
class Vocabulary:
    """What English and the world's lists say of a capitalised word; empty by default (a
    lexicon built for a test knows only what it is given)."""

    common: WordSet = field(default_factory=WordSet)  # "water", "museum": no name's word
    surnames: WordSet = field(default_factory=WordSet)  # "mertens", "braverman"
    places: WordSet = field(default_factory=WordSet)  # "evansville", "new south wales"

    @classmethod
    def load(cls) -> Vocabulary:
        """The shipped lists (their sources and licences are in their headers)."""
        return cls(
            common=WordSet(_lines("names", "english_words.txt")),
            surnames=WordSet(_lines("names", "census_surnames.txt")),
            places=WordSet(_lines("gazetteer", "world_places.txt")),
        )
