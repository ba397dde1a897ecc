"""What the matching rules need to know of a word: the same in every article, so a finder
remembers it per word."""

from __future__ import annotations

from typing import NamedTuple

from workers.stages.extract.entities.lexicon import Lexicon, fold
from workers.stages.text.scripts import devanagari, is_devanagari


class Word(NamedTuple):
    """Facts of one word for the rules."""

    folded: str  # matching form
    opens: bool  # may open a gazetteer alias, a role, a known given name or a known acronym
    key: str  # phonetic key
    phonetic: str  # the key when the word can open a phonetic match, else ""
    particle: bool
    place: bool  # a word that follows a place's name: गांव, जिले, district
    name_like: bool  # a capitalised Latin word, or Devanagari that may be a name
    capital: bool  # a Latin word that starts with a capital ("Urban", "IT")
    lower: bool  # a Latin word that starts in lower case ("urban")
    common: bool  # a common English word, whatever its case ("The", "home")
    org_head: bool  # a noun that ends an organisation's name: Authority, Group, मंत्रालय
    facility: bool  # a noun that ends a facility's name: Stadium, मस्जिद
    initial: bool  # a name's initials: "M" of "M.", "T.J" of "T.J.", "यू.आर" of "यू.आर."
    devanagari: bool  # written in Devanagari (its first letter is)
    acronym: str  # the Latin letters a Devanagari word spells ("ईबीआरडी": "EBRD"), else ""


def word_facts(word: str, idx: Lexicon) -> Word:
    """The facts of `word` by the lexicon."""
    folded = fold(word)
    lower = folded.casefold()
    latin = idx.names.acronym(word)
    key = idx.names.phonetic_key(word)
    particle = folded in idx.particles
    in_devanagari = devanagari(word[0])
    capital = not in_devanagari and word[:1].isupper()
    return Word(
        folded,
        folded in idx.span
        or lower in idx.span
        or folded in idx.roles
        or lower in idx.given_names
        or (latin is not None and latin in idx.exact),
        key,
        key if (in_devanagari or word[:1].isupper()) and len(key) >= 2 and not particle else "",
        particle,
        lower in idx.place_words,
        (is_devanagari(word) and not _common_devanagari(folded, idx))
        or (word[:1].isupper() and word[1:2].islower()),
        capital,
        word[:1].islower(),
        word.casefold() in idx.english_common,
        (capital or in_devanagari) and lower in idx.org_heads,
        (capital or in_devanagari) and lower in idx.facility_words,
        idx.names.initials(word),
        in_devanagari,
        latin or "",
    )


def _common_devanagari(folded: str, idx: Lexicon) -> bool:
    """A Devanagari word no name is: a function word ("किसी", "ज्यादा"), or a plural in the
    oblique case ("जनशिकायतों", "पदाधिकारियों"), which names do not take."""
    return folded in idx.function_words or folded.endswith("ों")
