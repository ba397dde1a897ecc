"""Social posts embedded in a page's markup, read as structured records (their markup says who
posted what, when, and where the post lives) and taken out of the tree, so the text extractor
never sees them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from lxml.html import HtmlElement

from workers.stages.cleanup.draft import Record
from workers.stages.cleanup.embeds import EmbedRules, Platform, Post, parse_date
from workers.stages.cleanup.html.tree import drop, text_of

_PLAYER_TITLES = {"youtube video player", "youtube video", "youtube", "video player"}
_PIC_LINK = re.compile(r"(?:https?://)?pic\.twitter\.com/\w+")


# Elements every page has hundreds of: walked only when the raw page names one of their embed
# classes; the other embed elements are rare, and always walked.
GATED = "div"


@dataclass(frozen=True)
class EmbedMarkup:
    """Where the platforms' posts sit in a page: tag -> (platform, class) pairs, and the iframe
    sources of players; the embed classes of the gated elements, to look for in the raw page."""

    rules: EmbedRules
    by_tag: dict[str, tuple[tuple[Platform, str], ...]]
    sources: tuple[tuple[Platform, str], ...]
    gated_classes: tuple[str, ...]

    @classmethod
    def of(cls, rules: EmbedRules) -> EmbedMarkup:
        by_tag: dict[str, list[tuple[Platform, str]]] = {}
        for platform in rules.platforms:
            for tag, names in platform.markup_classes.items():
                by_tag.setdefault(tag, []).extend((platform, name) for name in names)
        return cls(
            rules,
            {tag: tuple(pairs) for tag, pairs in by_tag.items()},
            tuple((p, where) for p in rules.platforms for where in p.markup_sources),
            tuple(name for _, name in by_tag.get(GATED, ())),
        )

    def platform_of(self, node: HtmlElement) -> Platform | None:
        """The platform whose embed this element is, by its class or by its source."""
        if node.tag in self.by_tag:
            classes = node.get("class") or ""
            return next((p for p, name in self.by_tag[node.tag] if name in classes), None)
        source = (node.get("src") or "") + " " + (node.get("data-src") or "")
        return next((p for p, where in self.sources if where in source), None)


def take_embeds(tree: HtmlElement, markup: EmbedMarkup, gated: bool = True) -> list[Record]:
    """Records of the posts embedded in the page, their elements out of the tree; the `GATED`
    elements only when `gated` (the raw page names one of their classes)."""
    tags = [tag for tag in markup.by_tag if gated or tag != GATED]
    tags += ["iframe"] if markup.sources else []
    found = [(node, p) for node in tree.iter(*tags) if (p := markup.platform_of(node)) is not None]
    records: list[Record] = []
    seen: set[tuple[str, str]] = set()
    for node, platform in found:
        record = _READERS.get(platform.name, _linked)(node, platform, markup.rules.months)
        drop(node)
        if record is None:
            continue
        key = (record["platform"], record["url"] or f"{record['handle']}|{record['text']}")
        if key in seen:
            continue
        seen.add(key)
        records.append(record)
    return records


def _tweet(node: HtmlElement, platform: Platform, months: dict[str, int]) -> Record:
    paragraphs = node.findall(".//p")
    text = " ".join(text_of(p) for p in paragraphs)
    after = text_of(node)
    for p in paragraphs:
        after = after.replace(text_of(p), "", 1)
    assert platform.markup_attribution is not None
    match = platform.markup_attribution.search(after)
    status = [a.get("href", "") for a in node.iter("a") if "/status/" in a.get("href", "")]
    url = status[-1].split("?")[0] if status else None
    name = match.group("name").strip() if match else None
    handle = match.group("handle") if match else None
    date = parse_date(match.group("date"), months) if match else None
    return _record("twitter", name or None, handle, date, text, url)


def _instagram(node: HtmlElement, platform: Platform, months: dict[str, int]) -> Record:
    assert platform.markup_attribution is not None
    shared_by = platform.markup_attribution
    full = text_of(node)
    match = shared_by.search(full)
    captions = [
        text_of(p)
        for p in node.iter("p")
        if not shared_by.search(text_of(p)) and "View this post" not in text_of(p)
    ]
    text = " ".join(c for c in captions if c)
    url = node.get("data-instgrm-permalink")
    return _record(
        "instagram",
        match.group("name").strip() or None if match else None,
        match.group("handle") if match else None,
        parse_date(full, months),
        text,
        url.split("?")[0] if url else None,
    )


def _source(node: HtmlElement) -> str:
    return node.get("src") or node.get("data-src") or node.get("data-href") or ""


def _youtube(node: HtmlElement, platform: Platform, months: dict[str, int]) -> Record | None:
    source = _source(node)
    if "youtube" not in source:
        return None
    title = node.get("title")
    text = None if not title or title.casefold() in _PLAYER_TITLES else title
    return _record("youtube", None, None, None, text, source.split("?")[0])


def _facebook(node: HtmlElement, platform: Platform, months: dict[str, int]) -> Record | None:
    source = _source(node)
    if "facebook" not in source:
        return None
    href = parse_qs(urlsplit(source).query).get("href", [source])[0]
    return _record("facebook", None, None, None, None, href)


def _linked(node: HtmlElement, platform: Platform, months: dict[str, int]) -> Record | None:
    """A platform without a reader of its own: a record of the post's link."""
    source = _source(node)
    return _record(platform.name, None, None, None, None, source) if source else None


_READERS = {"twitter": _tweet, "instagram": _instagram, "youtube": _youtube, "facebook": _facebook}


def _record(
    platform: str,
    name: str | None,
    handle: str | None,
    date: str | None,
    text: str | None,
    url: str | None,
) -> Record:
    """The same record as for a post found in text (`embeds.Post`)."""
    post = Post(platform, name, handle, date, url=url, copies=1)
    if text:
        post.add_segment(_PIC_LINK.sub("", text).strip())
    return post.record()
