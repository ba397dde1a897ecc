"""Page-edge boilerplate: the headline repeated as a body line, date stamps at the top, and
trailers (contacts, credits, copyright, newsletter boxes) at the bottom.

Each rule looks only at the first or last few lines, where extractors leave this noise; the
zones and patterns are data (`edges.toml`), with the gain each rule measured on the benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, partial

import regex

from workers.stages.cleanup.draft import Draft, Line, keep_lines
from workers.stages.cleanup.rules import Pattern, compile_any, load

_WORD = regex.compile(r"\w+")
_MAX_STAMP_CHARS = 200  # a stamp has at most a few words; longer lines are not tried
_SENTENCE_END = regex.compile(r"[.!?।॥][\"”’]?$")


@dataclass(frozen=True)
class EdgeRules:
    title_zone: int
    title_prefix_words: int
    site_suffix: Pattern
    trailer_zone: int
    trailer_max: int
    trailer_kind: str
    trailer: Pattern
    newsletter_zone: int
    newsletter_max: int
    newsletter_kind: str
    newsletter: Pattern
    reading_time: Pattern
    stamp_zone: int
    stamp_words: int
    dateish: Pattern


@cache
def _rules() -> EdgeRules:
    data = load("edges")
    months = data["date_stamp"]["months"]
    dateish = (
        rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:{months})\.?\s+\d{{1,2}},?\s+\d{{4}}"
        rf"|\d{{1,2}}\s+(?:de\s+)?(?:{months})\s+(?:de\s+)?\d{{4}}|\d{{1,2}}:\d{{2}}"
    )
    return EdgeRules(
        title_zone=data["title"]["zone"],
        title_prefix_words=data["title"]["min_prefix_words"],
        site_suffix=regex.compile(data["title"]["site_suffix"]),
        trailer_zone=data["trailer"]["zone"],
        trailer_max=data["trailer"]["max_chars"],
        trailer_kind=data["trailer"]["kind"],
        trailer=compile_any(data["trailer"]["patterns"], whole=True),
        newsletter_zone=data["newsletter"]["zone"],
        newsletter_max=data["newsletter"]["max_chars"],
        newsletter_kind=data["newsletter"]["kind"],
        newsletter=compile_any([data["newsletter"]["pattern"]]),
        reading_time=compile_any(data["reading_time"]["patterns"], whole=True),
        stamp_zone=data["date_stamp"]["zone"],
        stamp_words=data["date_stamp"]["max_words"],
        dateish=compile_any([dateish]),
    )


def _key(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _zone(lines: list[Line], head: int = 0, tail: int = 0) -> set[int]:
    """Ids of the first `head` and the last `tail` lines."""
    chosen = lines[:head] + (lines[-tail:] if tail else [])
    return {id(line) for line in chosen}


def drop_title(draft: Draft) -> Draft:
    """A line among the first few that is the headline (or it without its site suffix)."""
    if not draft.title:
        return draft
    rules = _rules()
    keys, text = {_key(draft.title)}, draft.title
    for _ in range(2):
        shorter = rules.site_suffix.sub("", text)
        if shorter == text:
            break
        text = shorter
        keys.add(_key(text))
    keys.discard("")
    head = _zone(draft.lines, head=rules.title_zone)

    def is_title(line: Line) -> bool:
        if id(line) not in head:
            return False
        key = _key(line.text)
        return bool(key) and (
            key in keys
            or (
                len(key.split()) >= rules.title_prefix_words
                and any(k.startswith(key) for k in keys)
            )
        )

    return keep_lines(draft, "title", is_title)


def drop_date_stamp(draft: Draft) -> Draft:
    """A short top line holding a date or time that is not a sentence: a timestamp or byline."""
    rules = _rules()
    head = _zone(draft.lines, head=rules.stamp_zone)

    def is_stamp(line: Line) -> bool:
        return (
            id(line) in head
            and len(line.text) <= _MAX_STAMP_CHARS
            and _SENTENCE_END.search(line.text) is None
            and len(_WORD.findall(line.text)) <= rules.stamp_words
            and rules.dateish.search(line.text) is not None
        )

    return keep_lines(draft, "date_stamp", is_stamp)


def drop_trailers(draft: Draft) -> Draft:
    """Contacts, credits, copyright and share prompts at the end; newsletter boxes at either end;
    reading-time labels anywhere."""
    rules = _rules()
    tail = _zone(draft.lines, tail=rules.trailer_zone)
    edges = _zone(draft.lines, head=rules.newsletter_zone, tail=rules.newsletter_zone)
    draft = keep_lines(draft, rules.trailer_kind, partial(_trailer, rules, tail))
    draft = keep_lines(draft, rules.newsletter_kind, partial(_newsletter, rules, edges))
    return keep_lines(draft, "reading_time", partial(_reading_time, rules))


def _reading_time(rules: EdgeRules, line: Line) -> bool:
    return rules.reading_time.match(line.text) is not None


def _trailer(rules: EdgeRules, zone: set[int], line: Line) -> bool:
    return (
        id(line) in zone
        and len(line.text) < rules.trailer_max
        and rules.trailer.match(line.text) is not None
    )


def _newsletter(rules: EdgeRules, zone: set[int], line: Line) -> bool:
    return (
        id(line) in zone
        and len(line.text) < rules.newsletter_max
        and rules.newsletter.search(line.text) is not None
    )
