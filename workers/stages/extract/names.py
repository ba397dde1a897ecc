"""Names across scripts: readable Latin for Devanagari names, a phonetic key that merges
spelling variants (हफीज / हाफिज / Hafeez), Latin acronyms spelt in Devanagari (एफएसएल -> FSL),
and people's names read out of social handles (imtiaz_jaleel -> Imtiaz Jaleel)."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_VIRAMA = "\u094d"
_NUKTA = "\u093c"
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LATIN_WORD = re.compile(r"[A-Za-z]+")
_DOUBLED = re.compile(r"(.)\1+")
_LATIN_INITIALS = re.compile(r"[A-Z](?:\.[A-Z])*")


@cache
def _table() -> dict[str, Any]:
    text = (
        resources.files("workers").joinpath("data", "names", "devanagari.toml").read_text("utf-8")
    )
    table = tomllib.loads(text)
    table["consonants"] = {
        unicodedata.normalize("NFC", k): v for k, v in table["consonants"].items()
    }
    return table


def is_devanagari(text: str) -> bool:
    return any("\u0900" <= c <= "\u097f" for c in text)


@lru_cache(maxsize=8192)
def romanize(word: str) -> str:
    """Readable Latin for a Devanagari word as newspapers spell names ("कलीमुल" -> "Kalimul" style:
    "Kaleemul"); a word in another script is returned as it is."""
    if not is_devanagari(word):
        return word
    table = _table()
    consonants, vowels = table["consonants"], table["vowels"]
    chars = unicodedata.normalize("NFD", word)  # nukta letters as base + nukta
    out: list[str] = []
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
            out.append(consonants[char])
            following = chars[i] if i < len(chars) else ""
            if following == _VIRAMA:
                i += 1
            elif following not in vowels or following in "ंँ":
                out.append("a")  # inherent vowel
        elif char in vowels:
            out.append(vowels[char])
    latin = "".join(out)
    if latin.endswith("a") and len(latin) > 2 and not latin.endswith("aa"):
        latin = latin[:-1]  # the final inherent vowel is not spoken
    return latin[:1].upper() + latin[1:]


@lru_cache(maxsize=8192)
def phonetic_key(name: str) -> str:
    """Consonant skeleton of a name in Latin or Devanagari; equal keys mean the same name. A word
    that opens with a vowel keeps a mark of it ("a"), so अजीत (Ajit) is no जीत (jeet)."""
    keys = []
    for word in name.split():
        if is_devanagari(word):
            skeleton = word.translate(_devanagari_classes())  # one C call per word
            opens_with_vowel = "\u0904" <= word[0] <= "\u0914"
        else:
            skeleton = _latin_skeleton(word)
            opens_with_vowel = word[:1].lower() in "aeiou"
        skeleton = _DOUBLED.sub(r"\1", skeleton)
        if opens_with_vowel:
            skeleton = "a" + skeleton
        if skeleton:
            keys.append(skeleton)
    return " ".join(keys)


def _latin_skeleton(word: str) -> str:
    phonetic = _table()["phonetic"]
    latin = "".join(
        c for c in unicodedata.normalize("NFD", word.lower()) if c.isascii() and c.isalpha()
    )
    for old, new in phonetic["digraphs"]:
        latin = latin.replace(old, new)
    for old, new in phonetic["letters"]:
        latin = latin.replace(old, new)
    return "".join(c for c in latin if c not in phonetic["drop"])


@cache
def _devanagari_classes() -> dict[int, str | None]:
    """Devanagari letter -> its consonant class (the Latin skeleton of its romanisation); vowels,
    vowel signs, virama, nukta and nasal signs -> dropped. Same keys as the Latin path."""
    consonants = _table()["consonants"]
    table: dict[int, str | None] = {code: None for code in range(0x0900, 0x0980)}
    for letter, latin in consonants.items():
        if len(letter) == 1:
            table[ord(letter)] = _latin_skeleton(latin)
    for precomposed in range(0x0958, 0x0960):  # क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ as one code point
        decomposed = unicodedata.normalize("NFC", chr(precomposed))
        if decomposed in consonants:
            table[precomposed] = _latin_skeleton(consonants[decomposed])
    return table


@cache
def _letters() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """Latin letter names in Devanagari: a word made only of them, and each of them."""
    names = {unicodedata.normalize("NFC", k): v for k, v in _table()["letters"].items()}
    alternation = "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True))
    return re.compile(f"(?:{alternation}){{2,}}"), re.compile(alternation), names


@lru_cache(maxsize=8192)
def acronym(word: str) -> str | None:
    """The Latin acronym a Devanagari word spells letter by letter ("एफएसएल" -> "FSL"), or None."""
    whole, letter, names = _letters()
    if not is_devanagari(word) or whole.fullmatch(word) is None:
        return None
    return "".join(names[m] for m in letter.findall(word))


@lru_cache(maxsize=8192)
def initials(word: str) -> bool:
    """Whether a token is a name's initials, dots between: "M", "T.J", and in Devanagari the
    letters' names ("यू.आर" for U.R.)."""
    if _LATIN_INITIALS.fullmatch(word):
        return True
    _, letter, _ = _letters()
    return is_devanagari(word) and all(letter.fullmatch(part) for part in word.split("."))


def latin_initials(word: str) -> str:
    """Initials in Latin letters: "यू.आर" -> "U.R"; Latin initials as they are."""
    if not is_devanagari(word):
        return word
    _, _, names = _letters()
    return ".".join(names[part] for part in word.split("."))


def humanize_handle(handle: str) -> str | None:
    """A person-like name from a handle with two or three word parts ("imtiaz_jaleel",
    "KaleemulHafeez"); None when the handle does not split into name words."""
    parts = [p for chunk in handle.split("_") for p in _CAMEL.split(chunk) if p]
    if not 2 <= len(parts) <= 3 or not all(_LATIN_WORD.fullmatch(p) and len(p) > 1 for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts)
