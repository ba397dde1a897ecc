"""Whole HTML pages: embeds read from their markup, then main content and metadata by trafilatura.

Social embeds are taken out of the parsed page first, as structured records (their markup says
exactly who posted what, when, where), so the text extractor never sees them; the page is parsed
once and the same tree goes to trafilatura, the field's reference extractor.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import trafilatura
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from workers.stages.cleanup.embeds import parse_date

_META_FIELDS = ("title", "author", "date", "url", "sitename", "language", "description")
_ATTRIBUTION = re.compile(
    r"[—–-]\s*(?P<name>[^()\n]{0,80}?)\s*\(@(?P<handle>[A-Za-z0-9_.]{1,30})\)\s*(?P<date>.*)$",
    re.S,
)
_SHARED_BY = re.compile(
    r"shared by\s*(?P<name>[^()\n]{0,80}?)\s*\(@(?P<handle>[A-Za-z0-9_.]{1,30})\)"
)
_MENTION = re.compile(r"(?<![\w@])@([A-Za-z0-9_]{1,30})")
_HASHTAG = re.compile(r"(?<![\w&#])#(\w{2,80})")
_TRAILING_TAGS = re.compile(r"(?:\s*[@#][A-Za-z0-9_]{1,30})+\s*$")
_PIC_LINK = re.compile(r"(?:https?://)?pic\.twitter\.com/\w+")
_SPACE = re.compile(r"\s+")
_EMBED_XPATH = (
    "//blockquote[contains(@class,'twitter-tweet') or contains(@class,'twitter-video')]"
    " | //blockquote[contains(@class,'instagram-media')]"
    " | //div[contains(@class,'fb-post') or contains(@class,'fb-video')]"
    " | //iframe[contains(@src,'youtube.com/embed') or contains(@src,'youtube-nocookie.com/embed')"
    " or contains(@src,'facebook.com/plugins/') or contains(@data-src,'youtube.com/embed')]"
)


Record = dict[str, Any]


def extract_page(html: str, url: str | None = None) -> tuple[str, Record, list[Record]]:
    """The page's main text (a paragraph a line), its metadata, and its embedded posts."""
    tree = load_html(html)
    if tree is None:
        return "", {}, []
    embeds = take_embeds(tree)
    text, meta = library_extract(tree, url)
    return text, meta, embeds


def library_extract(page: str | HtmlElement, url: str | None = None) -> tuple[str, Record]:
    """trafilatura alone: main text and metadata (also the baseline of `khabar bench speed`)."""
    document = trafilatura.bare_extraction(
        page,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
        # Only dates the page states for the article; never a guess from a copyright line.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return "", {}
    values = document if isinstance(document, dict) else document.as_dict()
    meta = {k: values.get(k) for k in _META_FIELDS if values.get(k)}
    return values.get("text") or "", meta


def take_embeds(tree: HtmlElement) -> list[dict[str, Any]]:
    """Structured records of the social posts embedded in the page, removed from the tree."""
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for node in tree.xpath(_EMBED_XPATH):
        record = _record(node)
        _drop(node)
        if record is None:
            continue
        key = (record["platform"], record["url"] or f"{record['handle']}|{record['text']}")
        if key in seen:
            continue
        seen.add(key)
        records.append(record)
    return records


def _record(node: HtmlElement) -> dict[str, Any] | None:
    classes = node.get("class") or ""
    if node.tag == "blockquote" and "twitter" in classes:
        return _tweet(node)
    if node.tag == "blockquote":
        return _instagram(node)
    source = node.get("src") or node.get("data-src") or node.get("data-href") or ""
    if "youtube" in source:
        video = urlsplit(source).path.rstrip("/").rsplit("/", 1)[-1]
        return _embed(
            "youtube",
            None,
            None,
            None,
            node.get("title"),
            [],
            f"https://www.youtube.com/watch?v={video}",
        )
    if "facebook" in source:
        href = parse_qs(urlsplit(source).query).get("href", [source])[0]
        return _embed("facebook", None, None, None, None, [], href)
    return None


def _tweet(node: HtmlElement) -> dict[str, Any]:
    paragraphs = node.findall(".//p")
    text = " ".join(_text(p) for p in paragraphs)
    after = _text(node)
    for p in paragraphs:
        after = after.replace(_text(p), "", 1)
    match = _ATTRIBUTION.search(after)
    status = [a.get("href", "") for a in node.iter("a") if "/status/" in a.get("href", "")]
    url = status[-1].split("?")[0] if status else None
    name = match.group("name").strip() if match else None
    handle = match.group("handle") if match else None
    date = parse_date(match.group("date")) if match else None
    return _embed("twitter", name or None, handle, date, text, _MENTION.findall(text), url)


def _instagram(node: HtmlElement) -> dict[str, Any]:
    full = _text(node)
    match = _SHARED_BY.search(full)
    captions = [
        _text(p)
        for p in node.iter("p")
        if not _SHARED_BY.search(_text(p)) and "View this post" not in _text(p)
    ]
    text = " ".join(c for c in captions if c)
    url = node.get("data-instgrm-permalink")
    return _embed(
        "instagram",
        match.group("name").strip() or None if match else None,
        match.group("handle") if match else None,
        parse_date(full),
        text,
        _MENTION.findall(text),
        url.split("?")[0] if url else None,
    )


def _embed(
    platform: str,
    name: str | None,
    handle: str | None,
    date: str | None,
    text: str | None,
    mentions: list[str],
    url: str | None,
) -> dict[str, Any]:
    clean_text = _TRAILING_TAGS.sub("", _PIC_LINK.sub("", text or "")).strip()
    return {
        "platform": platform,
        "author_name": name,
        "handle": handle,
        "date": date,
        "text": clean_text or None,
        "mentions": list(dict.fromkeys(mentions)),
        "hashtags": list(dict.fromkeys(_HASHTAG.findall(text or ""))),
        "url": url,
        "copies": 1,
    }


def _text(node: HtmlElement) -> str:
    return _SPACE.sub(" ", node.text_content()).strip()


def _drop(node: HtmlElement) -> None:
    """Remove a node but keep the text that follows it in its parent."""
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    previous = node.getprevious()
    parent.remove(node)
    if tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
