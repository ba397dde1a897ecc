"""The entity lexicon: gazetteer aliases, role words, name lists and particles, indexed once
for matching (`index()`), and the tokens and matching form (`fold`) both sides share."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import accumulate

from workers.stages.extract.names import is_devanagari, phonetic_key
from workers.stages.gazetteer import entries, rows
from workers.stages.normalize import fold_marks

# Word characters, the Indic blocks (their vowel signs are marks, not \w) and Latin diacritics.
# Joined only by "." and "&" (M.K., R&AW): "BJP's", "Chennai-born" and "O'Brien" split, the
# same way in the text and in the gazetteer's aliases. One character class: twice as fast as an
# alternation of classes; the "_" it lets in is read as a space first (handles split in words).
_WORD = r"[\w\u0900-\u0963\u0966-\u0dff\u0300-\u036f]+(?:[.&][\w\u0900-\u0963\u0966-\u0dff]+)*"
_PIECES = re.compile(f"({_WORD})")
_TYPES = {"persons": "PERSON", "orgs": "ORG", "places": "LOC"}
MIN_PHONETIC = 5  # a phonetic key this short matches too much


class Tokens:
    """A text's words and the gaps between them, from one split in C; offsets on demand.

    `pieces` alternates gap, word, gap, ..., gap, so word k is `pieces[2k + 1]`."""

    __slots__ = ("_ends", "pieces", "words")

    def __init__(self, text: str) -> None:
        # "_" to a space keeps the length: offsets still point into the original text.
        self.pieces = _PIECES.split(text.replace("_", " ") if "_" in text else text)
        self.words: list[str] = self.pieces[1::2]
        self._ends: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets from the start of word `first` to the end of word `last`."""
        if self._ends is None:
            self._ends = list(accumulate(map(len, self.pieces)))
        return self._ends[2 * first], self._ends[2 * last + 1]

    def adjacent(self, k: int) -> bool:
        """Words k and k + 1 are one name's: only spaces between them (no ")", "।" or ",")."""
        return not self.gap(k)

    def gap(self, k: int) -> str:
        """What stands between word k and word k + 1, spaces stripped ("" for none)."""
        return self.pieces[2 * k + 2].strip()


@lru_cache(maxsize=16384)
def fold(token: str) -> str:
    """Matching form of a token: nukta and chandrabindu folded; Latin case kept for acronyms."""
    if is_devanagari(token):
        return fold_marks(unicodedata.normalize("NFC", token))
    if token.isupper() and len(token) <= 5:
        return token
    return token.casefold()


def folded_words(text: str) -> list[str]:
    """Matching forms of a text's words: how an alias or a name is looked up."""
    return [fold(w) for w in Tokens(text).words]


@dataclass(frozen=True)
class Index:
    """Gazetteer lookups; `span` gives, per first token, the longest alias starting with it."""

    exact: dict[str, tuple[str, str]]
    phonetic: dict[str, tuple[str, str]]
    handles: dict[str, tuple[str, str]]
    roles: dict[str, list[tuple[str, ...]]]
    particles: frozenset[str]
    org_words: frozenset[str]
    org_heads: frozenset[str]  # nouns that end an organisation's name: Authority, Group, Cell
    agent: frozenset[str]  # postpositions after the doer of an act: ने
    org_links: frozenset[str]  # "of", "for" after an organisation's head noun
    org_joins: frozenset[str]  # "and" going on with such a tail
    span: dict[str, int]
    phonetic_span: dict[str, int]
    place_words: frozenset[str]  # words that follow a place's name: गांव, जिले, district
    given_names: dict[str, str]  # matching form -> Latin spelling
    surnames: dict[str, str]
    prefixes: frozenset[str]  # every alias's leading words, joined: where a match can grow
    phonetic_pairs: frozenset[str]  # the first two phonetic keys of every multi-word alias


@cache
def index() -> Index:
    """Gazetteer aliases by matching key and by phonetic key; handles; role words."""
    exact: dict[str, tuple[str, str]] = {}
    phonetic: dict[str, tuple[str, str]] = {}
    span: dict[str, int] = {}
    phonetic_span: dict[str, int] = {}
    prefixes: set[str] = set()
    for name, kind in _TYPES.items():
        for entry in entries(name):
            for alias in entry.aliases:
                parts = folded_words(alias)
                if not parts:
                    continue
                exact.setdefault(" ".join(parts), (kind, entry.canonical))
                prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts) + 1))
                for first in {parts[0], parts[0].casefold()}:
                    span[first] = max(span.get(first, 1), len(parts))
                if len(parts) >= 2:
                    key = phonetic_key(alias)
                    if (
                        len(key.replace(" ", "")) >= MIN_PHONETIC
                        and key.count(" ") == len(parts) - 1
                    ):
                        phonetic.setdefault(key, (kind, entry.canonical))
                        first_key = key.split(" ")[0]
                        phonetic_span[first_key] = max(phonetic_span.get(first_key, 2), len(parts))
    handles = {r[0].lower(): (r[2], r[1]) for r in rows("handles") if len(r) >= 3}
    roles: dict[str, list[tuple[str, ...]]] = {}
    for row in rows("roles"):
        if len(row) >= 3 and row[2] == "PERSON":
            role = tuple(folded_words(row[0]))
            if role and role not in roles.get(role[0], []):
                roles.setdefault(role[0], []).append(role)
    for options in roles.values():
        options.sort(key=len, reverse=True)
    words = tomllib.loads(
        resources.files("workers").joinpath("data", "names", "particles.toml").read_text("utf-8")
    )
    particles = frozenset(fold(w) for key in ("hi", "en", "not_names") for w in words[key])
    return Index(
        exact,
        phonetic,
        handles,
        roles,
        particles,
        frozenset(words["org_words"]),
        frozenset(words["org_heads"]),
        frozenset(fold(w) for w in words["agent"]),
        frozenset(words["org_links"]),
        frozenset(words["org_joins"]),
        span,
        phonetic_span,
        frozenset(fold(w).casefold() for w in words["place_words"]),
        _name_list("given_names"),
        _name_list("surnames"),
        frozenset(prefixes),
        frozenset(" ".join(k.split(" ")[:2]) for k in phonetic),
    )


def _name_list(name: str) -> dict[str, str]:
    """A names file (Latin, then Devanagari spellings): every spelling's matching form -> Latin."""
    text = resources.files("workers").joinpath("data", "names", f"{name}.txt").read_text("utf-8")
    forms: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        latin, _, devanagari = line.partition("\t")
        forms.setdefault(latin.strip().casefold(), latin.strip())
        for spelling in filter(None, devanagari.split("|")):
            forms.setdefault(fold(unicodedata.normalize("NFC", spelling.strip())), latin.strip())
    return forms
