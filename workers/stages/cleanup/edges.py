"""Page-edge boilerplate: the headline repeated as a body line, date stamps at the top, and
trailers (contacts, credits, copyright, newsletter boxes) at the bottom.

Each rule looks only at the first or last few lines, where extractors leave this noise; the
zones and patterns are data (`edges.toml`), with the gain each rule measured on the benchmark.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

import regex

from workers import data
from workers.stages.cleanup.draft import Draft, Line, keep_lines
from workers.stages.cleanup.rules import Pattern, compile_any
from workers.stages.text.months import Months
from workers.stages.text.sentences import BREAK, ENDS_LINE
from workers.stages.text.words import word_key, words

_MAX_STAMP_CHARS = 200  # a stamp has at most a few words; longer lines are not tried


@dataclass(frozen=True)
class EdgeRules:
    """Per rule, the zone of first or last lines it looks at, its patterns and limits."""

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
    stamp_label_words: int
    dateish: Pattern
    call: TrailingCall

    @classmethod
    def load(cls, months: Months) -> EdgeRules:
        rules = data.toml("cleanup", "edges.toml")
        names = months.alternation(rules["date_stamp"]["month_languages"])
        dateish = (
            rf"\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}|(?:{names})\.?\s+\d{{1,2}},?\s+\d{{4}}"
            rf"|\d{{1,2}}[-\s]+(?:de\s+)?(?:{names})\.?[-\s,]+(?:de\s+)?\d{{4}}"
            rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}:\d{{2}}(?:\s*[ap]\.?m\.?)?"
        )
        title, trailer, newsletter = rules["title"], rules["trailer"], rules["newsletter"]
        platforms = data.toml("cleanup", "noise.toml")["call_to_action"]["addressed"]["platforms"]
        return cls(
            title_zone=title["zone"],
            title_prefix_words=title["min_prefix_words"],
            site_suffix=regex.compile(title["site_suffix"]),
            trailer_zone=trailer["zone"],
            trailer_max=trailer["max_chars"],
            trailer_kind=trailer["kind"],
            trailer=compile_any(trailer["patterns"], whole=True),
            newsletter_zone=newsletter["zone"],
            newsletter_max=newsletter["max_chars"],
            newsletter_kind=newsletter["kind"],
            newsletter=compile_any([newsletter["pattern"]]),
            reading_time=compile_any(rules["reading_time"]["patterns"], whole=True),
            stamp_zone=rules["date_stamp"]["zone"],
            stamp_words=rules["date_stamp"]["max_words"],
            stamp_label_words=rules["date_stamp"]["max_label_words"],
            dateish=compile_any([dateish]),
            call=TrailingCall.of(rules["call"], platforms),
        )


@dataclass(frozen=True)
class TrailingCall:
    """A call to the reader among the last lines (`edges.toml`, `[call]`)."""

    zone: int
    max_words: int
    kind: str
    imperative: Pattern  # opening the line (or a bullet)
    reader: Pattern
    publication: Pattern  # as written
    reported: Pattern
    link: Pattern  # a URL, a handle, an e-mail address: what "mostly links" counts
    platform: Pattern  # apart from `link`: one alternation of both is ten times slower
    here: Pattern

    @classmethod
    def of(cls, rule: dict[str, Any], platforms: list[str]) -> TrailingCall:
        def any_word(words: list[str]) -> str:
            longest_first = sorted(words, key=len, reverse=True)
            return rf"\b(?:{'|'.join(regex.escape(w) for w in longest_first)})\b"

        kept = [p for p in platforms if p not in rule["not_platforms"]]
        return cls(
            zone=rule["zone"],
            max_words=rule["max_words"],
            kind=rule["kind"],
            imperative=compile_any([rf"(?:[-–•*]\s*)?{any_word(rule['imperatives'])}"]),
            reader=compile_any([any_word(rule["reader"])]),
            publication=regex.compile(any_word(rule["publication"])),
            reported=compile_any([any_word(rule["reported"])]),
            link=compile_any(rule["links"]),
            platform=compile_any([any_word(kept)]),
            here=compile_any(rule["here"]),
        )

    def matches(self, text: str) -> bool:
        """Mostly links; or, reporting no speech, it opens with an imperative and has the reader
        or a channel; its first sentence names the reader and it has a channel; or it names
        the publication's side with a channel other than "here" (a closing paragraph that only
        ends with "Read our review here." stays whole). The cheap tests go first: most last
        lines are none of these."""
        if not text or (text.count(" ") >= self.max_words and len(text.split()) > self.max_words):
            return False
        linked = (
            sum(len(m.group()) for m in self.link.finditer(text))
            if "http" in text or "www." in text or "@" in text
            else 0
        )
        if 2 * linked >= len(text):
            return True
        if self.imperative.match(text) is not None:
            call = (
                self.reader.search(text) is not None
                or self.here.search(text) is not None
                or self._channel(text, linked)
            )
        elif self.reader.search(BREAK.split(text, maxsplit=1)[0]) is not None:
            call = self.here.search(text) is not None or self._channel(text, linked)
        else:
            call = self.publication.search(text) is not None and self._channel(text, linked)
        return call and self.reported.search(text) is None

    def _channel(self, text: str, linked: int) -> bool:
        return linked > 0 or self.platform.search(text) is not None


def _zone(lines: list[Line], head: int = 0, tail: int = 0) -> set[int]:
    """Ids of the first `head` and the last `tail` lines."""
    chosen = lines[:head] + (lines[-tail:] if tail else [])
    return {id(line) for line in chosen}


def drop_title(draft: Draft, rules: EdgeRules) -> None:
    """A line among the first few that is the headline (or it without its site suffix)."""
    if not draft.title:
        return
    keys, text = {word_key(draft.title)}, draft.title
    for _ in range(2):
        shorter = rules.site_suffix.sub("", text)
        if shorter == text:
            break
        text = shorter
        keys.add(word_key(text))
    keys.discard("")
    head = _zone(draft.lines, head=rules.title_zone)

    def is_title(line: Line) -> bool:
        if id(line) not in head:
            return False
        key = word_key(line.text)
        return bool(key) and (
            key in keys
            or (
                len(key.split()) >= rules.title_prefix_words
                and any(k.startswith(key) for k in keys)
            )
        )

    keep_lines(draft, "title", is_title)


def drop_date_stamp(draft: Draft, rules: EdgeRules) -> None:
    """A short top line holding a date or time that is not a sentence (a timestamp or byline);
    anywhere, a line that is a date and at most a label ("दिनांक 22-जुलाई-2019", "Updated: 09 Apr,
    2018 02:13 PM"), such as the date lines of a block of other stories."""
    head = _zone(draft.lines, head=rules.stamp_zone)

    def is_stamp(line: Line) -> bool:
        if len(line.text) > _MAX_STAMP_CHARS or line.text.count(" ") >= 2 * rules.stamp_words:
            return False
        if ENDS_LINE.search(line.text) is not None:
            return False
        count = len(words(line.text))
        if count > rules.stamp_words or rules.dateish.search(line.text) is None:
            return False
        label = rules.dateish.sub(" ", line.text)
        return id(line) in head or len(words(label)) <= rules.stamp_label_words

    keep_lines(draft, "date_stamp", is_stamp)


def drop_trailers(draft: Draft, rules: EdgeRules) -> None:
    """Contacts, credits, copyright and share prompts at the end; newsletter boxes at either end;
    reading-time labels anywhere."""
    tail = _zone(draft.lines, tail=rules.trailer_zone)
    edges = _zone(draft.lines, head=rules.newsletter_zone, tail=rules.newsletter_zone)
    keep_lines(draft, rules.trailer_kind, partial(_trailer, rules, tail))
    keep_lines(draft, rules.newsletter_kind, partial(_newsletter, rules, edges))
    keep_lines(draft, "reading_time", partial(_reading_time, rules))
    drop_trailing_calls(draft, rules.call)


def drop_trailing_calls(draft: Draft, call: TrailingCall) -> None:
    """The run of calls to the reader that ends the body (after the credits have gone)."""
    run = 0
    for line in reversed(draft.lines[-call.zone :]):
        if not call.matches(line.text):
            break
        run += 1
    if run and run < len(draft.lines):  # a body of calls only is left to the emptiness check
        for line in draft.lines[-run:]:
            draft.note_removed(call.kind, line.text, line.no)
        draft.lines = draft.lines[:-run]


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
