"""Read-also promos: headlines of other articles, captured into `related` and out of the body."""

from __future__ import annotations

import re
from functools import cache

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.rules import Pattern, load

_SEPARATOR = r"\s*[:：|\-–—>»]+\s*"
_LEAD = " \t*•►▶➤>»[("  # what may stand before a promo phrase (as in `_promo`)
_URL = regex.compile(r"https?://\S+")
_TRAILING_JUNK = regex.compile(r"[\s\-–—_=*~|:>»]+$")
_MAX_WORDS = 40  # a headline is short; a longer line after the prefix is body text
_MAX_NEXT_LINE_WORDS = 25  # stricter for the line after a bare prefix: it may be body


@cache
def _phrases() -> tuple[list[str], list[str]]:
    rules = load("promos")
    loose = sorted(
        {p for lang in rules.values() for p in lang.get("loose", [])}, key=len, reverse=True
    )
    strict = sorted(
        {p for lang in rules.values() for p in lang.get("strict", [])}, key=len, reverse=True
    )
    return loose, strict


def _alternation(phrases: list[str]) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases)


@cache
def _glued_promo() -> Pattern:
    """A read-also phrase with its separator, to try after a sentence end inside a line."""
    loose, _ = _phrases()
    return regex.compile(rf"(?:{_alternation(loose)}){_SEPARATOR}", regex.I)


_SENTENCE_BREAK = re.compile(r"[.।!?]\s+")


@cache
def _promo() -> Pattern:
    loose, strict = _phrases()
    loose_alt, strict_alt = _alternation(loose), _alternation(strict)
    return regex.compile(
        rf"^[\s*•►▶➤>»\[(]*(?:(?:{loose_alt})(?:{_SEPARATOR}|\s+|$)|(?:{strict_alt}){_SEPARATOR})"
        r"(?P<title>.*)$",
        regex.I,
    )


@cache
def promo_first_words() -> frozenset[str]:
    """First words of every phrase, lower-case: a cheap test before the pattern."""
    loose, strict = _phrases()
    return frozenset(p.split()[0].lower() for p in (*loose, *strict))


def first_word(text: str) -> str:
    """The lower-cased first word of a line, without the marks that may precede a promo."""
    words = text.lstrip(_LEAD).split(maxsplit=1)
    return words[0].lower().rstrip(":：|-–—>»") if words else ""


def promo_title(text: str) -> str | None:
    """The headline a promo line carries ("" for a bare "Also read:"), None if not a promo."""
    match = _promo().match(text.strip())
    return None if match is None else match.group("title").strip()


def extract_related(draft: Draft) -> Draft:
    """Lines opening with a read-also phrase become `related` {title, url}."""
    promo = _promo()
    kept: list[Line] = []
    waiting = False  # a bare "Also read:" line: its headline is the next line
    firsts = promo_first_words()
    for line in _split_glued(draft):
        if waiting:
            waiting = False
            if len(line.text.split()) <= _MAX_NEXT_LINE_WORDS:
                _add(draft, line.text, line)
                continue
        match = promo.match(line.text) if first_word(line.text[:60]) in firsts else None
        if match is None:
            kept.append(line)
            continue
        title = match.group("title").strip()
        if len(title.split()) > _MAX_WORDS:
            kept.append(line)
            continue
        if _TRAILING_JUNK.sub("", _URL.sub("", title)).strip():
            _add(draft, title, line)
        else:
            draft.note_removed("read_also", line.text, line.no)
            waiting = True
    draft.lines = kept
    return draft


def _split_glued(draft: Draft) -> list[Line]:
    """Lines with a promo glued after their last sentence, split in two."""
    glued, firsts = _glued_promo(), promo_first_words()
    lines: list[Line] = []
    for line in draft.lines:
        text, start = line.text, 0
        for gap in _SENTENCE_BREAK.finditer(line.text):
            at = gap.end()
            if first_word(line.text[at : at + 40]) in firsts and glued.match(line.text, at):
                lines.append(Line(line.text[start : gap.start() + 1], line.no))
                start = at
        lines.append(line if start == 0 else Line(text[start:], line.no))
    return lines


def _add(draft: Draft, text: str, line: Line) -> None:
    url_match = _URL.search(text)
    url = url_match.group(0).rstrip(").,]") if url_match else None
    title = _TRAILING_JUNK.sub("", _URL.sub("", text)).strip(" \"'“”‘’")
    if title:
        draft.related.append({"title": title, "url": url})
    trailing = text[len(text.rstrip(" -–—_=*~")) :].strip()
    if len(trailing) >= 2:
        draft.note_removed("separator", trailing, line.no)
    draft.note_removed("read_also", line.text, line.no)
