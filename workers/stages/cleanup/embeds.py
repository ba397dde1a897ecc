"""Embedded social posts: one structured record per post, every scraped copy out of the body.

Scrapers flatten an embedded tweet into its text followed by an attribution line
("— Name (@handle) April 29, 2023"), often two or three times, with the text split around the
attribution. A post is identified by its attribution; its text is the line before the attribution
(the platform puts it there), plus lines after it that end in the post's trailing @mentions or that
repeat text of the same post. Any other line that repeats the post's text is a copy too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import regex

from workers import data
from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.rules import Pattern
from workers.stages.text.months import Months
from workers.stages.text.normalize import match_key
from workers.stages.text.social import HASHTAG, MENTION, unique

_TRAILING_TAGS = re.compile(r"(?:\s*[@#][A-Za-z0-9_]{1,30})+\s*$")
_DATE_PARTS = re.compile(r"[A-Za-z]+|\d+")
_POST_CHARS = 300  # a post's text is at most this long (280 on Twitter/X): longer is a paragraph


@dataclass(frozen=True)
class Platform:
    name: str
    attribution: Pattern | None
    status_url: Pattern
    markers: Pattern | None
    text_position: str
    hints: tuple[str, ...]  # text any line of this platform's embed contains, as written
    markup_attribution: Pattern | None = None  # the attribution inside a page's embed
    markup_classes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # tag -> classes
    markup_sources: tuple[str, ...] = ()  # an iframe's source that embeds a post
    media_link: Pattern | None = None  # ends a post's text, attributed or not

    def may_match(self, text: str) -> bool:
        """Cheap test on the line before any pattern runs."""
        return any(hint in text for hint in self.hints)


@dataclass
class Post:
    """One embedded post gathered across its copies."""

    platform: str
    author_name: str | None
    handle: str | None
    date: str | None
    url: str | None = None
    segments: list[str] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    copies: int = 0

    def add_segment(self, text: str) -> None:
        key = match_key(text)
        if key and key not in self.keys:
            self.keys.add(key)
            self.segments.append(text)

    def record(self) -> dict[str, Any]:
        text = " ".join(self.segments)
        mentions, hashtags = unique(MENTION.findall(text)), unique(HASHTAG.findall(text))
        text = _TRAILING_TAGS.sub("", text).strip()
        return {
            "platform": self.platform,
            "author_name": self.author_name,
            "handle": self.handle,
            "date": self.date,
            "text": text or None,
            "mentions": mentions,
            "hashtags": hashtags,
            "url": self.url,
            "copies": max(self.copies, 1),
        }


@dataclass(frozen=True)
class EmbedRules:
    """The platforms, in the order their attributions are tried, and the month names that
    attribution dates use."""

    platforms: tuple[Platform, ...]
    months: dict[str, int]

    @classmethod
    def load(cls, months: Months) -> EmbedRules:
        rules = data.toml("cleanup", "embeds.toml")
        languages = rules["month_languages"]
        names = months.alternation(languages)
        specs = {name: spec for name, spec in rules.items() if isinstance(spec, dict)}
        return cls(
            tuple(_platform(name, spec, names) for name, spec in specs.items()),
            months.numbers(languages),
        )

    def status_urls(self) -> tuple[Pattern, ...]:
        return tuple(p.status_url for p in self.platforms)


def _platform(name: str, spec: dict[str, Any], months: str) -> Platform:
    def pattern(key: str) -> Pattern | None:
        if key not in spec:
            return None
        text = spec[key].replace("{author}", spec.get("author", "")).replace("{months}", months)
        return regex.compile(text, regex.I)

    markers = spec.get("markers")
    return Platform(
        name=name,
        attribution=pattern("attribution"),
        status_url=regex.compile(spec["status_url"], regex.I),
        markers=regex.compile("^(?:" + "|".join(markers) + ")$", regex.I) if markers else None,
        text_position=spec["text_position"],
        hints=tuple(spec["hints"]),
        markup_attribution=pattern("markup_attribution"),
        markup_classes={tag: tuple(c) for tag, c in spec.get("markup_classes", {}).items()},
        markup_sources=tuple(spec.get("markup_sources", ())),
        media_link=pattern("media_link"),
    )


def parse_date(text: str | None, months: dict[str, int]) -> str | None:
    """'April 29, 2023' or '29 Apr 2023' -> '2023-04-29'; None when it is not a date."""
    if not text:
        return None
    parts = _DATE_PARTS.findall(text)
    month = next((months[p.lower()] for p in parts if p.lower() in months), None)
    numbers = [int(p) for p in parts if p.isdigit()]
    years = [n for n in numbers if n > 31]
    days = [n for n in numbers if n <= 31]
    if month is None or not years or not days:
        return None
    try:
        return dt.date(years[0], month, days[0]).isoformat()
    except ValueError:
        return None


def extract_embeds(draft: Draft, rules: EmbedRules) -> None:
    """Turn attributed posts into `embeds` records and remove all their copies from the body."""
    lines = draft.lines
    owner: dict[int, tuple[Post, bool]] = {}  # line index -> (post, is a later copy)
    posts: dict[tuple[str, str], Post] = {}
    for platform in rules.platforms:
        candidates = [i for i, line in enumerate(lines) if platform.may_match(line.text)]
        if not candidates:
            continue
        if platform.attribution is not None:
            _attributed(platform, lines, candidates, posts, owner, rules.months)
        else:
            _linked(platform, lines, candidates, posts, owner)
    for platform in rules.platforms:
        if platform.media_link is not None:
            _unattributed(platform, lines, posts, owner)
    if not posts:
        return
    # Any other line repeating a post's text is one more scraped copy of it.
    for i, line in enumerate(lines):
        if i in owner:
            continue
        text = line.text
        if "@" in text or "#" in text:
            text = _TRAILING_TAGS.sub("", text)
        key = match_key(text)
        for post in posts.values():
            if key and key in post.keys:
                owner[i] = (post, True)
                break
    kept = []
    for i, line in enumerate(lines):
        if i in owner:
            _, is_copy = owner[i]
            draft.note_removed("duplicate_embed" if is_copy else "embed", line.text, line.no)
        else:
            kept.append(line)
    draft.lines = kept
    draft.embeds.extend(post.record() for post in posts.values())


def _attributed(
    platform: Platform,
    lines: list[Line],
    candidates: list[int],
    posts: dict[tuple[str, str], Post],
    owner: dict[int, tuple[Post, bool]],
    months: dict[str, int],
) -> None:
    assert platform.attribution is not None
    matches = {i: platform.attribution.fullmatch(lines[i].text) for i in candidates}
    attributions = {i: m for i, m in matches.items() if m is not None and i not in owner}
    for i, match in attributions.items():
        handle = match.groupdict().get("handle")
        date = parse_date(match.groupdict().get("date"), months)
        name = (match.group("name") or "").strip() or None
        key = (platform.name, f"{(handle or name or '').lower()}|{date}")
        post = posts.get(key)
        is_copy = post is not None
        if post is None:
            post = posts[key] = Post(platform.name, name, handle, date)
        post.copies += 1
        owner[i] = (post, is_copy)
        url = platform.status_url.search(match.group(0))
        if url and post.url is None:
            post.url = url.group(0)
        lead = match.group("lead").strip()
        if lead:
            post.add_segment(lead)
        if platform.text_position == "between":
            _take_between(platform, lines, i, post, is_copy, owner)
        elif not lead:
            before = i - 1
            if before >= 0 and before not in owner and before not in attributions:
                post.add_segment(lines[before].text)
                owner[before] = (post, is_copy)
        after = i + 1
        if after < len(lines) and after not in owner and after not in attributions:
            text = lines[after].text
            sandwiched = after + 1 in attributions
            if _TRAILING_TAGS.search(text) or sandwiched or match_key(text) in post.keys:
                post.add_segment(text)
                owner[after] = (post, is_copy)


def _take_between(
    platform: Platform,
    lines: list[Line],
    i: int,
    post: Post,
    is_copy: bool,
    owner: dict[int, tuple[Post, bool]],
) -> None:
    """Instagram: the caption lies between the 'View this post' marker and the attribution."""
    assert platform.markers is not None
    start = i - 1
    while start >= 0 and start not in owner and i - start <= 12:
        if platform.markers.match(lines[start].text):
            for j in range(start, i):
                if j != start:
                    post.add_segment(lines[j].text)
                owner[j] = (post, is_copy)
            return
        start -= 1


def _unattributed(
    platform: Platform,
    lines: list[Line],
    posts: dict[tuple[str, str], Post],
    owner: dict[int, tuple[Post, bool]],
) -> None:
    """A post's text whose attribution the scraper lost: a line ending in the platform's media
    link, which prose never carries."""
    assert platform.media_link is not None
    for i, line in enumerate(lines):
        link = (
            platform.media_link.search(line.text) if "/" in line.text and i not in owner else None
        )
        if link is None or not 0 < link.start() <= _POST_CHARS:
            continue
        text = line.text[: link.start()]
        key = (platform.name, match_key(text))
        post = posts.get(key)
        is_copy = post is not None
        if post is None:
            post = posts[key] = Post(platform.name, None, None, None)
            post.add_segment(text)
        post.copies += 1
        owner[i] = (post, is_copy)


def _linked(
    platform: Platform,
    lines: list[Line],
    candidates: list[int],
    posts: dict[tuple[str, str], Post],
    owner: dict[int, tuple[Post, bool]],
) -> None:
    """Platforms whose embed leaves only a link (YouTube): a line that is just the link."""
    for i in candidates:
        if i in owner:
            continue
        match = platform.status_url.fullmatch(lines[i].text.strip())
        if match is None:
            continue
        key = (platform.name, match.group("id"))
        post = posts.get(key)
        is_copy = post is not None
        if post is None:
            post = posts[key] = Post(platform.name, None, None, None, url=match.group(0))
        post.copies += 1
        owner[i] = (post, is_copy)
