"""Unicode normalisation for display, and matching keys that fold spelling variants.

Displayed text is only made canonical (NFC, real spaces, no invisible characters, mojibake
repaired); spelling variants (nukta, chandrabindu, Latin case, punctuation) are folded only in
`match_key`, which duplicate detection and fingerprints compare.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

# Invisible characters a scraper carries over: zero-width space, word joiner, BOM, soft hyphen.
_INVISIBLE = regex.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
# ZWJ/ZWNJ shape Indic conjuncts; anywhere else they are noise.
_STRAY_JOINER = regex.compile(r"(?<![\p{M}\p{L}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}])")
_SPACES = regex.compile(r"[^\S\n]+")  # every horizontal space, NBSP and the Unicode spaces included
_NEWLINES = regex.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Signs of UTF-8 decoded as cp1252/latin-1: "à¤" (Devanagari), "â€" (punctuation), "Ã" (Latin).
_MOJIBAKE = regex.compile("(?:à[¤¥¦§¨©ª«¬­®¯°±²³´µ¶·¸¹º»¼½¾¿]|â€|Ã[\u0080-\u00bf])")

# Folding for match keys: nukta, chandrabindu->anusvara, the two Devanagari danda styles.
_FOLD = str.maketrans({"\u093c": None, "\u0901": "\u0902", "\u0964": ".", "\u0965": "."})
_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/latin-1, span by span; text without its signs is returned as is."""
    if not _MOJIBAKE.search(text):
        return text

    def fix(match: regex.Match[str]) -> str:
        chunk = match.group(0)
        for codec in ("cp1252", "latin-1"):
            try:
                return chunk.encode(codec).decode("utf-8")
            except UnicodeError:
                continue
        return chunk

    return regex.sub(
        r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{2,}",
        fix,
        text,
    )


def normalize_text(text: str) -> str:
    """Canonical display text: NFC, one kind of line break and space, nothing invisible."""
    text = repair_mojibake(text)
    text = _NEWLINES.sub("\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _STRAY_JOINER.sub("", text)
    return _SPACES.sub(" ", text)


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def match_key(text: str) -> str:
    """A key equal for near-identical text: folds case, nukta, punctuation and spacing."""
    folded = unicodedata.normalize("NFC", text).casefold().translate(_FOLD)
    return _NOT_WORD.sub(" ", folded).strip()
