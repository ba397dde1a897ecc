"""Unicode normalisation for display, and matching keys that fold spelling variants.

Displayed text is only made canonical (NFC, real spaces, no invisible characters, mojibake
repaired); spelling variants (nukta, chandrabindu, Latin case, punctuation) are folded only in
`match_key`, which duplicate detection and fingerprints compare.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import ftfy
import regex

from workers.stages.text import nfc

# Invisible characters a scraper carries over: zero-width space, word joiner, BOM, soft hyphen,
# direction marks. (The standard `re` module is used where no Unicode property is needed: faster.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e]")
# ZWJ/ZWNJ shape Indic conjuncts; anywhere else they are noise.
_STRAY_JOINER = regex.compile(r"(?<![\p{M}\p{L}])[\u200c\u200d]|[\u200c\u200d](?![\p{L}\p{M}])")
# Runs of horizontal space, and any one that is not a plain space (NBSP, thin space, tab…).
# (Every \s but "\n", spelt out: twice as fast as a negated class, and a run that opens with a
# plain space is found by its literal first character.)
_ODD = "\t\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SPACES = re.compile(f" [ {_ODD}]+|[{_ODD}][ {_ODD}]*")
_ODD_SPACE = re.compile(f"[{_ODD}]")
_ODD_NEWLINES = ("\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x0b\x0c\x85]")
# Signs of UTF-8 decoded as cp1252/latin-1: "à¤" (Devanagari), "â€" (punctuation), "Ã" (Latin).
_MOJIBAKE = re.compile("à[\u00a4-\u00bf]|â€|Ã[\u0080-\u00bf]")

# Match keys keep letters, marks and digits; every other run is one space.
_NOT_WORD = regex.compile(r"[^\p{L}\p{M}\p{N}]+")
# The same class for `re`, about twice as fast, read off `_NOT_WORD` below U+20D0 (the Latin,
# Cyrillic, Arabic and Indian scripts, punctuation, currency): what keys text with nothing above.
_LOW = 0x20D0
_NOT_WORD_LOW = re.compile(
    nfc.char_class(nfc.code_ranges({c for c in range(_LOW) if _NOT_WORD.match(chr(c))})) + "+"
)
_ABOVE_LOW = re.compile(f"[^\x00-{chr(_LOW - 1)}]")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/latin-1 (ftfy), including the bytes 0x81, 0x8D, 0x8F, 0x90 and
    0x9D that web decoders turn into control characters (a virama, a closing quote); text
    without the signs is returned as is, untouched by ftfy's other fixes."""
    if not _MOJIBAKE.search(text):
        return text
    return str(ftfy.fix_encoding(text))


def normalize_text(text: str) -> str:
    """Canonical display text: NFC, one kind of line break and space, nothing invisible."""
    text = repair_mojibake(text)
    if any(mark in text for mark in _ODD_NEWLINES):
        text = _NEWLINES.sub("\n", text)
    text = to_nfc(text)
    text = _INVISIBLE.sub("", text)
    if "\u200c" in text or "\u200d" in text:
        text = _STRAY_JOINER.sub("", text)
    if "  " in text or _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    return text


_NFC = nfc.load()
# Three searches: `re` is much slower on one alternation of these large classes.
_NFC_SENSITIVE = (
    re.compile(nfc.char_class(_NFC.changed)),
    re.compile("[\U00010000-\U0010ffff]"),
    re.compile(f"{nfc.char_class(_NFC.combining)}{{2}}"),
)
_NFC_SECONDS = re.compile(nfc.char_class(_NFC.composing_seconds))


def _may_compose(previous: str, second: str) -> bool:
    """Whether NFC could compose `second` into what precedes it."""
    return (
        unicodedata.combining(previous) != 0
        or unicodedata.decomposition(previous) != ""
        or unicodedata.normalize("NFC", previous + second) != previous + second
    )


def to_nfc(text: str) -> str:
    """NFC, skipping the costly call when no character of the text can change under it."""
    if text.isascii():
        return text
    if _NFC_SECONDS.search(text) is None:
        # Nothing NFC could compose with what precedes it: CPython's quick check is then fast.
        return unicodedata.normalize("NFC", text)
    needed = any(p.search(text) for p in _NFC_SENSITIVE) or any(
        _may_compose(text[m.start() - 1], m.group()) for m in _NFC_SECONDS.finditer(text, 1)
    )
    return unicodedata.normalize("NFC", text) if needed else text


def squash_spaces(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@lru_cache(maxsize=4096)
def match_key(text: str) -> str:
    """A key equal for near-identical text: folds case, nukta, punctuation and spacing."""
    # Dandas are punctuation, which the key drops anyway.
    folded = fold_marks(unicodedata.normalize("NFC", text).casefold())
    not_word = _NOT_WORD if _ABOVE_LOW.search(folded) else _NOT_WORD_LOW
    return not_word.sub(" ", folded).strip()


def fold_marks(text: str) -> str:
    """Nukta dropped and chandrabindu made anusvara: how spellings of one word differ. Folded
    only where present (`str.replace` finds nothing fast; a translate table costs per char)."""
    if "\u093c" in text:
        text = text.replace("\u093c", "")
    if "\u0901" in text:
        text = text.replace("\u0901", "\u0902")
    return text
