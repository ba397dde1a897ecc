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
    """A sentence end, then a read-also phrase with its separator: a promo glued to body text."""
    loose, _ = _phrases()
    return regex.compile(rf"[.।!?]\s+(?=(?:{_alternation(loose)}){_SEPARATOR})", regex.I)


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


@cache
def _needles() -> dict[str, tuple[str, ...]]:
    """The phrases as written (strict ones with a separator), grouped by their first letter."""
    loose, strict = _phrases()
    groups: dict[str, list[str]] = {}
    for needle in (*loose, *(f"{p}{sep}" for p in strict for sep in (":", " :", "|"))):
        groups.setdefault(needle[0], []).append(needle)
    return {first: tuple(group) for first, group in groups.items()}


def mentions_promo(text: str) -> bool:
    """Whether a read-also phrase may occur in the text. Plain substring tests, skipping every
    script the text does not use: cheap enough for a whole page, where one regex over 100 KB of
    HTML costs milliseconds."""
    return any(
        first in text and any(needle in text for needle in group)
        for first, group in _needles().items()
    )


def promo_title(text: str) -> str | None:
    """The headline a promo line carries ("" for a bare "Also read:"), None if not a promo."""
    match = _promo().match(text.strip())
    return None if match is None else match.group("title").strip()


def extract_related(draft: Draft) -> Draft:
    """Lines opening with a read-also phrase become `related` {title, url}."""
    promo = _promo()
    kept: list[Line] = []
    waiting = False  # a bare "Also read:" line: its headline is the next line
    for line in _split_glued(draft):
        if waiting:
            waiting = False
            if len(line.text.split()) <= _MAX_NEXT_LINE_WORDS:
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


def _split_glued(draft: Draft) -> list[Line]:
    """Lines with a promo glued after their last sentence, split in two."""
    glued = _glued_promo()
    lines: list[Line] = []
    for line in draft.lines:
        text = line.text
        while (match := glued.search(text, 1)) is not None:
            lines.append(Line(text[: match.start() + 1], line.no))
            text = text[match.end() :]
        lines.append(Line(text, line.no) if text is not line.text else line)
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
