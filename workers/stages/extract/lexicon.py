"""The entity lexicon: gazetteer aliases, role words, name lists and particles, indexed once
for matching (`index()`), and the tokens and matching form (`fold`) both sides share."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple

from workers.stages.extract.names import is_devanagari, phonetic_key
from workers.stages.gazetteer import entries, rows

# Word characters, the Indic blocks (their vowel signs are marks, not \w) and Latin diacritics.
# Joined only by "." and "&" (M.K., R&AW): "BJP's", "Chennai-born" and "O'Brien" split, the
# same way in the text and in the gazetteer's aliases.
_TOKEN = re.compile(
    r"(?:[^\W_]|[\u0900-\u0963\u0966-\u0dff\u0300-\u036f])+"
    r"(?:[.&](?:[^\W_]|[\u0900-\u0963\u0966-\u0dff])+)*"
)
_FOLD = str.maketrans({"\u093c": None, "\u0901": "\u0902"})
_TYPES = {"persons": "PERSON", "orgs": "ORG", "places": "LOC"}
MIN_PHONETIC = 5  # a phonetic key this short matches too much


class Token(NamedTuple):
    text: str
    start: int
    end: int


@lru_cache(maxsize=16384)
def fold(token: str) -> str:
    """Matching form of a token: nukta and chandrabindu folded; Latin case kept for acronyms."""
    if is_devanagari(token):
        return unicodedata.normalize("NFC", token).translate(_FOLD)
    if token.isupper() and len(token) <= 5:
        return token
    return token.casefold()


def tokens(text: str) -> list[Token]:
    new = tuple.__new__  # what Token(...) calls, without its Python-level wrapper
    return [new(Token, (m.group(), m.start(), m.end())) for m in _TOKEN.finditer(text)]


@dataclass(frozen=True)
class Index:
    """Gazetteer lookups; `span` gives, per first token, the longest alias starting with it."""

    exact: dict[str, tuple[str, str]]
    phonetic: dict[str, tuple[str, str]]
    handles: dict[str, tuple[str, str]]
    roles: dict[str, list[tuple[str, ...]]]
    particles: frozenset[str]
    org_words: frozenset[str]
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
                parts = [fold(t.text) for t in tokens(alias)]
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
            role = tuple(fold(t.text) for t in tokens(row[0]))
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
