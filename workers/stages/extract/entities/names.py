"""Names across scripts: readable Latin for Devanagari names, a phonetic key that merges
spelling variants (हफीज / हाफिज / Hafeez), Latin acronyms spelt in Devanagari (एफएसएल -> FSL),
and people's names read out of social handles (imtiaz_jaleel -> Imtiaz Jaleel)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from workers import data
from workers.stages.text.scripts import DEVANAGARI_VOWELS, is_devanagari

_VIRAMA = "\u094d"
_NOT_LATIN = re.compile("[^a-z]")
_NUKTA = "\u093c"
_CONSONANT, _INHERENT, _VOWEL, _NASAL, _DROPPED = "C", "a", "V", "N", "-"
_VOWELS = (_INHERENT, _VOWEL)
_GLIDES = ("r", "y", "v")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_DOUBLED = re.compile(r"(.)\1+")
_LATIN_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")
_CACHED = 8192  # words whose romanisation, key and letters are remembered


def _letter_classes(letters: list[list[str]], drop: str) -> dict[int, str | None]:
    """The letter classes and the dropped vowels as one `translate` table: one pass does what
    replacing them in turn would, as long as no class's letters are another class's or a
    dropped vowel (checked: the table is data)."""
    classes = dict(letters)
    if any(c in classes or c in drop for spelt in classes.values() for c in spelt):
        raise ValueError(
            f"a phonetic letter class spells another class or a dropped vowel: {letters}"
        )
    return str.maketrans(classes | dict.fromkeys(drop))


class Names:
    """Transliteration by the table in `data/names/devanagari.toml`: consonants and vowels in
    readable Latin, the phonetic classes of Latin spellings, and the Devanagari names of Latin
    letters. The answers for recent words are remembered (the same names recur)."""

    def __init__(self, table: dict[str, Any]) -> None:
        self.consonants: dict[str, str] = {
            unicodedata.normalize("NFC", k): v for k, v in table["consonants"].items()
        }
        self.vowels: dict[str, str] = table["vowels"]
        self.endings: dict[str, str] = {
            unicodedata.normalize("NFC", k): v for k, v in table["endings"].items()
        }
        self.phonetic: dict[str, Any] = table["phonetic"]
        self.letter_classes = _letter_classes(self.phonetic["letters"], self.phonetic["drop"])
        self.letter_names = {
            unicodedata.normalize("NFC", k): v for k, v in table["letters"].items()
        }
        alternation = "|".join(
            re.escape(k) for k in sorted(self.letter_names, key=len, reverse=True)
        )
        self.letters_only = re.compile(f"(?:{alternation}){{2,}}")
        self.letter = re.compile(alternation)
        self.classes = self._devanagari_classes()
        self.romanize = lru_cache(maxsize=_CACHED)(self._romanize)
        self.phonetic_key = lru_cache(maxsize=_CACHED)(self._phonetic_key)
        self.acronym = lru_cache(maxsize=_CACHED)(self._acronym)
        self.initials = lru_cache(maxsize=_CACHED)(self._initials)

    @classmethod
    def load(cls) -> Names:
        return cls(data.toml("names", "devanagari.toml"))

    def romanize_words(self, words: Iterable[str]) -> str:
        """Words as one Latin name, each romanised ("कोठारी आयोग" -> "Kotharee Aayog")."""
        return " ".join(self.romanize(word) for word in words)

    def _romanize(self, word: str) -> str:
        """Readable Latin for a Devanagari word as newspapers spell names ("कलीमुल" ->
        "Kaleemul", "गढ़चिरोली" -> "Garhchirolee"); a word in another script is returned as it
        is."""
        if not is_devanagari(word):
            return word
        for ending, latin_ending in self.endings.items():
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) > 1:
                return self._romanize(stem) + latin_ending
        letters = self._letters(unicodedata.normalize("NFD", word))  # nukta: base + nukta
        kinds = "".join(kind for _, kind in letters)
        glide = kinds.endswith("CCa") and letters[-2][0] in _GLIDES
        if len(letters) > 2 and kinds.endswith(_INHERENT) and not glide:
            # A consonant's unwritten "a" at the end is not spoken ("सतारा" keeps its written
            # one; a cluster that ends in r, y or v its unwritten one: "सुरेंद्र" -> "Surendra").
            letters.pop()
        for p in range(len(letters) - 3, 1, -1):
            # Nor is it between a vowel and a consonant that has one (right to left, so no
            # three consonants meet): कमला -> "Kamla", अरशद -> "Arshad".
            if (
                letters[p] == ("a", _INHERENT)
                and letters[p - 1][1] == _CONSONANT
                and letters[p - 2][1] in _VOWELS
                and letters[p + 1][1] == _CONSONANT
                and letters[p + 2][1] in _VOWELS
            ):
                letters[p] = ("", _DROPPED)
        latin = "".join(text for text, _ in letters)
        return latin[:1].upper() + latin[1:]

    def _letters(self, chars: str) -> list[tuple[str, str]]:
        """The Latin letters of a word's characters, each with its kind: a consonant, a
        consonant's unwritten "a", a written vowel."""
        consonants, vowels = self.consonants, self.vowels
        letters: list[tuple[str, str]] = []
        i = 0
        while i < len(chars):
            char = chars[i]
            if (
                i + 1 < len(chars)
                and chars[i + 1] == _NUKTA
                and unicodedata.normalize("NFC", char + _NUKTA) in consonants
            ):
                char = unicodedata.normalize("NFC", char + _NUKTA)
                i += 1
            i += 1
            if char in consonants:
                letters.append((consonants[char], _CONSONANT))
                following = chars[i] if i < len(chars) else ""
                if following == _VIRAMA:
                    i += 1
                elif following not in vowels or following in "ंँ":
                    letters.append(("a", _INHERENT))
            elif char in vowels:
                letters.append((vowels[char], _NASAL if char in "ंँ" else _VOWEL))
        return letters

    def _phonetic_key(self, name: str) -> str:
        """Consonant skeleton of a name in Latin or Devanagari; equal keys mean the same name.
        A word that opens with a vowel keeps a mark of it ("a"), so अजीत (Ajit) is no जीत
        (jeet)."""
        keys = []
        first_vowel, last_vowel = DEVANAGARI_VOWELS
        for word in name.split():
            if is_devanagari(word):
                skeleton = word.translate(self.classes)  # one C call per word
                opens_with_vowel = first_vowel <= word[0] <= last_vowel
            else:
                skeleton = self.latin_skeleton(word)
                opens_with_vowel = word[:1].lower() in "aeiou"
            skeleton = _DOUBLED.sub(r"\1", skeleton)
            if opens_with_vowel:
                skeleton = "a" + skeleton
            if skeleton:
                keys.append(skeleton)
        return " ".join(keys)

    def latin_skeleton(self, word: str) -> str:
        latin = _NOT_LATIN.sub("", unicodedata.normalize("NFD", word.lower()))  # "é" -> "e"
        for old, new in self.phonetic["digraphs"]:
            latin = latin.replace(old, new)
        return latin.translate(self.letter_classes)

    def _devanagari_classes(self) -> dict[int, str | None]:
        """Devanagari letter -> its consonant class (the Latin skeleton of its romanisation);
        vowels, vowel signs, virama, nukta and nasal signs -> dropped. Same keys as the Latin
        path."""
        consonants = self.consonants
        table: dict[int, str | None] = {code: None for code in range(0x0900, 0x0980)}
        for letter, latin in consonants.items():
            if len(letter) == 1:
                table[ord(letter)] = self.latin_skeleton(latin)
        for precomposed in range(0x0958, 0x0960):  # क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ as one code point
            decomposed = unicodedata.normalize("NFC", chr(precomposed))
            if decomposed in consonants:
                table[precomposed] = self.latin_skeleton(consonants[decomposed])
        return table

    def _acronym(self, word: str) -> str | None:
        """The Latin acronym a Devanagari word spells letter by letter ("एफएसएल" -> "FSL")."""
        if not is_devanagari(word) or self.letters_only.fullmatch(word) is None:
            return None
        return "".join(self.letter_names[m] for m in self.letter.findall(word))

    def _initials(self, word: str) -> bool:
        """Whether a token is a name's initials, dots between: "M", "T.J", and in Devanagari the
        letters' names ("यू.आर" for U.R.)."""
        if _LATIN_INITIALS.fullmatch(word):
            return True
        return is_devanagari(word) and all(self.letter.fullmatch(part) for part in word.split("."))

    def latin_initials(self, word: str) -> str:
        """Initials in Latin letters: "यू.आर" -> "U.R"; Latin initials as they are."""
        if not is_devanagari(word):
            return word
        return ".".join(self.letter_names[part] for part in word.split("."))


def humanize_handle(handle: str) -> str | None:
    """A person-like name from a handle with two or three word parts ("imtiaz_jaleel",
    "KaleemulHafeez"); None when the handle does not split into name words."""
    parts = [p for chunk in handle.split("_") for p in _CAMEL.split(chunk) if p]
    if not 2 <= len(parts) <= 3 or not all(_LATIN_WORD.fullmatch(p) and len(p) > 1 for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts)
