"""Read-also promos: headlines of other articles, captured into `related` and out of the body."""

from __future__ import annotations

from functools import cache

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.rules import Pattern, load

_SEPARATOR = r"\s*[:：|\-–—>»]+\s*"
_URL = regex.compile(r"https?://\S+")
_TRAILING_JUNK = regex.compile(r"[\s\-–—_=*~|:>»]+$")
_MAX_WORDS = 40  # a headline is short; a longer line after the prefix is body text


@cache
def _promo() -> Pattern:
    rules = load("promos")
    loose = sorted(
        {p for lang in rules.values() for p in lang.get("loose", [])}, key=len, reverse=True
    )
    strict = sorted(
        {p for lang in rules.values() for p in lang.get("strict", [])}, key=len, reverse=True
    )
    loose_alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in loose)
    strict_alt = "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in strict)
    return regex.compile(
        rf"^[\s*•►▶➤>»\[(]*(?:(?:{loose_alt})(?:{_SEPARATOR}|\s+|$)|(?:{strict_alt}){_SEPARATOR})"
        r"(?P<title>.*)$",
        regex.I,
    )


def extract_related(draft: Draft) -> Draft:
    """Lines opening with a read-also phrase become `related` {title, url}."""
    promo = _promo()
    kept: list[Line] = []
    waiting = False  # a bare "Also read:" line: its headline is the next line
    for line in draft.lines:
        if waiting:
            waiting = False
            if len(line.text.split()) <= _MAX_WORDS:
                _add(draft, line.text, line)
                continue
        match = promo.match(line.text)
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
