"""Scripts: the Unicode blocks of Indian and world news, and the character ranges that word and
sentence patterns are built from."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

# Letters, signs and digits of the Indian scripts (Devanagari to Sinhala), without the dandas,
# which end sentences: Python's \w misses their vowel signs, so patterns add this range.
INDIC_WORD = "\u0900-\u0963\u0966-\u0dff"
# The Arabic script of Urdu.
ARABIC = "\u0600-\u06ff"
# The Devanagari letters a word may open with that are vowels (अ to औ).
DEVANAGARI_VOWELS = ("\u0904", "\u0914")

# ISO 15924 code of each script by Unicode block.
BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x04FF, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"),
    (0x0A80, 0x0AFF, "Gujr"),
    (0x0B00, 0x0B7F, "Orya"),
    (0x0B80, 0x0BFF, "Taml"),
    (0x0C00, 0x0C7F, "Telu"),
    (0x0C80, 0x0CFF, "Knda"),
    (0x0D00, 0x0D7F, "Mlym"),
    (0x0D80, 0x0DFF, "Sinh"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hang"),
    (0x3040, 0x30FF, "Jpan"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xAC00, 0xD7AF, "Hang"),
)
_STARTS = [start for start, _, _ in BLOCKS]


def devanagari(char: str) -> bool:
    """Whether one character is in the Devanagari block."""
    return "\u0900" <= char <= "\u097f"


_DEVANAGARI = re.compile("[\u0900-\u097f]")


def is_devanagari(text: str) -> bool:
    """Whether any character of the text is Devanagari (a search in C: called per word)."""
    return _DEVANAGARI.search(text) is not None


def ranges(script: str) -> str:
    """The character ranges of a script's blocks, for a character class."""
    return "".join(f"{chr(a)}-{chr(b)}" for a, b, s in BLOCKS if s == script)


def other_ranges(script: str) -> str:
    """The letters of every other script, for a character class."""
    return "".join(f"{chr(a)}-{chr(b)}" for a, b, s in BLOCKS if s != script and a >= 0x41)


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """ISO 15924 code of the Unicode block a character is in; None outside the known blocks."""
    start, end, script = BLOCKS[max(bisect_right(_STARTS, ord(char)) - 1, 0)]
    return script if start <= ord(char) <= end else None


def script_counts(text: str) -> Counter[str]:
    """Characters per script (each distinct character looked up once)."""
    counts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        script = script_of(char)
        if script is not None:
            counts[script] += count
    return counts
