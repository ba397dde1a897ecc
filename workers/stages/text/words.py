"""Words: what every rule that counts, keys or tokenises words splits on."""

from __future__ import annotations

import re

from workers.stages.text.scripts import INDIC_WORD

# Letters and digits, the Indian scripts' vowel signs included. One character class is twice as
# fast as excluding "_" in it: "_" is read as a space first (handles split into words).
WORD_CHARS = rf"\w{INDIC_WORD}"
WORD = re.compile(f"[{WORD_CHARS}]+")
# A name's token: a word with Latin diacritics and zero-width joiners inside it (a scraper's
# "कार्त\u200dिक" is one word), joined by "&" ("R&AW", "Procter&Gamble") and by "." only where the
# pieces before are short, as initials and abbreviations are ("M.K.", "W.Va.", "St.Xavier"), or a
# domain's in lower case follows ("Aceshowbiz.com"): "Kashmir.With", a scraper's glued
# sentences, is two words. So "BJP's", "Chennai-born" and "O'Brien" split the same way in the
# text and in gazetteer aliases. A visarga that ends a word is a colon there ("पटनाः", a
# dateline's), as Hindi typists write one; inside a word it is the word's ("दुःख").
_NAME_CHARS = f"{WORD_CHARS}\u0300-\u036f"
_PIECE = f"[{_NAME_CHARS}]{{1,3}}"
NAME_TOKEN = re.compile(
    f"({_PIECE}(?:[.&]{_PIECE})*[.&][{WORD_CHARS}]+"
    f"|[{_NAME_CHARS}]+(?:[\u200c\u200d]+[{_NAME_CHARS}]+)*"
    f"(?:&[{WORD_CHARS}]+|[.][a-z]+)*(?<!\u0903))"
)


def words(text: str) -> list[str]:
    """The words of a text."""
    return WORD.findall(text.replace("_", " ") if "_" in text else text)


def word_key(text: str) -> str:
    """The text's words in lower case, one space apart: equal for texts that differ only in
    punctuation, spacing and case."""
    return " ".join(words(text.casefold()))
