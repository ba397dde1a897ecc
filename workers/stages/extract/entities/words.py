"""What the matching rules need to know of a word: the same in every article, so a finder
remembers it per word."""

from __future__ import annotations

from collections.abc import Callable, Container, Iterable
from itertools import compress
from operator import attrgetter
from typing import NamedTuple

from mypy_extensions import mypyc_attr

from workers.stages.extract.entities.lexicon import Lexicon, fold
from workers.stages.text.scripts import devanagari, is_devanagari


class Word(NamedTuple):
    """Facts of one word for the rules."""

    folded: str  # matching form
    opens: bool  # may open a gazetteer alias, a role, a known given name or a known acronym
    # opens only longer aliases ("the" of "The Hindu", "state" of "State Bank of India"): only
    # where the next word goes on with one
    prefix_only: bool
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
    agent: bool  # the agent's postposition: ने
    # may start a name by itself: it opens something, is capitalised, an initial or an acronym,
    # or its phonetic key opens a multi-word alias (the finder's candidates are these, and the
    # words its rules read from: before a place word or ने, at a head noun's name)
    notable: bool
    frequent: bool  # a Devanagari word common in Hindi that no list knows as a name: "शव", "लोग"
    heard: bool  # a Devanagari word in wordfreq's Hindi list ("करहल" is not: rare, a name's)


# Facts to find words by (`where`).
ORG_HEAD = attrgetter("org_head")
FACILITY = attrgetter("facility")
PLACE = attrgetter("place")
AGENT = attrgetter("agent")
ACRONYM = attrgetter("acronym")
NOTABLE = attrgetter("notable")
_FOLDED = attrgetter("folded")


def where(info: list[Word], fact: Callable[[Word], bool]) -> list[int]:
    """The positions of the words that have `fact`, in one pass in C (a text has ~1,000 words
    and the finder asks this of them several times)."""
    return list(compress(range(len(info)), map(fact, info)))


@mypyc_attr(native_class=False)  # a list's subclass: compiled code keeps it a Python class
class Facts(list[Word]):
    """The facts of a text's words in order, and their matching forms, taken out once: the
    finder asks some twenty times which words are among a list's."""

    __slots__ = ("_folded",)

    def __init__(self, words: Iterable[Word]) -> None:
        super().__init__(words)
        self._folded: list[str] | None = None

    @property
    def folded(self) -> list[str]:
        if self._folded is None:
            self._folded = list(map(_FOLDED, self))
        return self._folded


def where_among(info: list[Word], forms: Container[str]) -> list[int]:
    """The positions of the words whose matching form is among `forms`, in one pass in C."""
    folded = info.folded if isinstance(info, Facts) else map(_FOLDED, info)
    return list(compress(range(len(info)), map(forms.__contains__, folded)))


def word_facts(word: str, idx: Lexicon) -> Word:
    """The facts of `word` by the lexicon (zero-width joiners inside it left out)."""
    if "\u200c" in word or "\u200d" in word:
        word = word.replace("\u200c", "").replace("\u200d", "")
    folded = fold(word)
    lower = folded.casefold()
    latin = idx.names.acronym(word)
    key = idx.names.phonetic_key(word)
    particle = folded in idx.particles
    in_devanagari = devanagari(word[0])
    capital = not in_devanagari and word[:1].isupper()
    itself = (
        folded in idx.exact
        or lower in idx.exact
        or folded in idx.roles
        or folded in idx.deities
        or lower in idx.given_names
        or (latin is not None and latin in idx.exact)
    )
    longer = folded in idx.span or lower in idx.span
    frequent = folded in idx.frequent
    phonetic = (
        key if (in_devanagari or word[:1].isupper()) and len(key) >= 2 and not particle else ""
    )
    initial = idx.names.initials(word)
    return Word(
        folded,
        itself or longer,
        longer and not itself,
        key,
        phonetic,
        particle,
        lower in idx.place_words,
        (is_devanagari(word) and not _common_devanagari(folded, idx))
        or (word[:1].isupper() and word[1:2].islower()),
        capital,
        word[:1].islower(),
        word.casefold() in idx.english_common,
        (capital or in_devanagari) and lower in idx.org_heads,
        (capital or in_devanagari) and lower in idx.facility_words,
        initial,
        in_devanagari,
        latin or "",
        folded in idx.agent,
        itself
        or longer
        or capital
        or initial
        or bool(latin)
        or (bool(phonetic) and phonetic in idx.phonetic_span),
        frequent,
        folded in idx.heard,
    )


def _common_devanagari(folded: str, idx: Lexicon) -> bool:
    """A Devanagari word no name is: a function word ("किसी", "ज्यादा"), a plural in the
    oblique case ("जनशिकायतों", "पदाधिकारियों"), which names do not take, a feminine plural
    verb ("पहुंचीं", "कहीं"), or an adjective of relation in -ीय ("स्थानीय", "क्षेत्रीय"), which
    qualifies a place noun rather than names one, unless a list knows it as a surname
    ("विजयवर्गीय", "मालवीय")."""
    if folded.endswith("ीय"):
        return folded not in idx.surnames and folded not in idx.given_names
    return folded in idx.function_words or folded.endswith(("ों", "ीं"))


def may_name(word: Word, idx: Lexicon) -> bool:
    """A word that may be a person's given name: no common Hindi word, function word, role,
    middle name, head noun, place's, scheme's or family's word."""
    return (
        word.name_like
        and not word.frequent
        and len(word.folded) > 1
        and not (word.particle or word.place or word.org_head or word.facility or word.acronym)
        and word.folded not in idx.function_words
        and word.folded not in idx.roles
        and word.folded not in idx.middle_names
        and word.folded not in idx.scheme_words
        and word.folded not in idx.family_words
    )


def rare_name(word: Word, idx: Lexicon) -> bool:
    """A Devanagari word that may be a name no list has: rare in Hindi (not in wordfreq's list),
    opening no known name, and no compound that ends in a role ("पूर्वमंत्री")."""
    return (
        word.devanagari
        and not word.heard
        and not word.opens
        and may_name(word, idx)
        and not (word.folded.endswith(idx.role_ends) and word.folded not in idx.role_ends)
    )
