"""The dateline that opens a news body ("नई दिल्ली:", "NEW DELHI:", "Lucknow, Jan 3 (PTI) -"; a
visarga for the colon, as Hindi typists write one: "नई दिल्लीः")."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from workers import data
from workers.stages.cleanup.draft import Draft
from workers.stages.gazetteer import Gazetteer

_DATELINE = regex.compile(
    r"^(?P<place>[\p{L}\p{M}.'’]+(?:[ \-][\p{L}\p{M}.'’]+){0,3})"
    r"(?P<extra>(?:\s*\([^()]{1,30}\))?(?:\s*,\s*[^:()\n]{1,30}?)?(?:\s*\([^()]{1,30}\))?)"
    r"\s*(?:[:：ः]|\s[-–—]{1,2})\s+(?=\S)"
)
_ALL_CAPS = regex.compile(r"^[A-Z][A-Z .'-]{1,40}$")


@dataclass(frozen=True)
class DatelineRules:
    """Places the gazetteer knows, and when an unknown name before ":" counts as a place: at
    most `max_place_words` words, at least `min_words_after` after it, not one of the labels
    that open body text in the same shape (`dateline.toml`). All case-folded."""

    known_places: frozenset[str]
    not_places: frozenset[str]
    min_words_after: int
    max_place_words: int

    @classmethod
    def load(cls, gazetteer: Gazetteer) -> DatelineRules:
        rules = data.toml("cleanup", "dateline.toml")
        return cls(
            known_places=frozenset(name.casefold() for name in gazetteer.place_names()),
            not_places=frozenset(label.casefold() for label in rules["not_places"]),
            min_words_after=rules["min_words_after"],
            max_place_words=rules["max_place_words"],
        )

    def likely_place(self, place: str, rest: str, match: regex.Match[str]) -> bool:
        """An unknown short name before ":" opening a full sentence, not a known label."""
        return (
            match.group(0).rstrip().endswith((":", "：", "ः"))
            and len(place.split()) <= self.max_place_words
            and place.casefold() not in self.not_places
            and len(rest.split()) >= self.min_words_after
        )


def split_dateline(draft: Draft, rules: DatelineRules) -> None:
    """Move a dateline at the start of the first paragraph into `draft.dateline`.

    A known place, an all-capitals place (wire style), a place followed by a date or an agency,
    or a one- or two-word name before ":" that opens a sentence (`dateline.toml`) counts; a
    headline-like "Mega PTM in Delhi School:" stays body text.
    """
    if not draft.lines:
        return
    first = draft.lines[0]
    match = _DATELINE.match(first.text)
    if match is None:
        return
    place = match.group("place").strip(" .")
    rest = first.text[match.end() :].strip()
    known = place.casefold() in rules.known_places or bool(_ALL_CAPS.match(place))
    dated = bool(match.group("extra").strip())  # a date or an agency follows the place
    if not rest or not (known or dated or rules.likely_place(place, rest, match)):
        return
    draft.dateline = place
    draft.note_removed("dateline", first.text[: match.end()], first.no)
    first.text = rest
