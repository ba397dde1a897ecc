"""Whole HTML pages: what the markup says best, then main content and metadata by trafilatura.

Social embeds and read-also boxes are taken out of the parsed page first, as structured records
(their markup says who posted what, when, and where a link points), so the text extractor never
sees them; an article split across same-class containers is joined. The page is parsed once and
the same tree goes to trafilatura, the field's reference extractor.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from typing import Any
from urllib.parse import parse_qs, urlsplit

import trafilatura
from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import is_dubious_html, repair_faulty_html

from workers.stages.cleanup.embeds import Post, parse_date
from workers.stages.cleanup.promos import first_word, promo_first_words, promo_title

_BODY_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:article|story|post|entry)?[_-]*body(?:$|[\s_-])")
# In trafilatura's list of elements to delete, and read neither for text nor for metadata.
_NEVER_TEXT = (
    *("svg", "style", "iframe", "object", "embed", "canvas", "video", "audio"),
    *("picture", "source", "track", "param", "map", "area"),
)
# Class attributes worth a look before the tree is walked: body-like ones ("body", "Body":
# `_BODY_CLASS` decides) and Facebook's post divs. One scan of the raw page, with a literal start.
_NOTABLE_CLASS = re.compile(r'class="([^"]*(?:ody|fb-)[^"]*)"')
_WORD = re.compile(r"\w+")
# Short text that is not only space (filtered further in Python: faster than in XPath).
_SHORT_TEXTS = etree.XPath("/html/body/descendant::text()[string-length() < 80][normalize-space()]")
_LABEL_LEAD = " \t\n\r*•►▶➤>»[(|:-"
_MAX_PROMO_LINKS = 12  # a read-also box lists a few links; more is a menu
_PLAYER_TITLES = {"youtube video player", "youtube video", "youtube", "video player"}
_SHORT_WORDS = 80  # below this, precision mode may have missed the article: compare
_FALLBACK_RATIO = 0.2  # take the default mode when precision kept under a fifth of its words
_META_FIELDS = ("title", "author", "date", "url", "sitename", "language", "description")
_ATTRIBUTION = re.compile(
    r"[—–-]\s*(?P<name>[^()\n]{0,80}?)\s*\(@(?P<handle>[A-Za-z0-9_.]{1,30})\)\s*(?P<date>.*)$",
    re.S,
)
_SHARED_BY = re.compile(
    r"shared by\s*(?P<name>[^()\n]{0,80}?)\s*\(@(?P<handle>[A-Za-z0-9_.]{1,30})\)"
)
_PIC_LINK = re.compile(r"(?:https?://)?pic\.twitter\.com/\w+")
_SPACE = re.compile(r"\s+")
# Posts are blockquotes, iframes and (Facebook's) divs, found by walking those tags only.
_EMBED_CLASSES = {
    "blockquote": ("twitter-tweet", "twitter-video", "instagram-media"),
    "div": ("fb-post", "fb-video"),
}
_EMBED_SOURCES = (
    "youtube.com/embed",
    "youtube-nocookie.com/embed",
    "facebook.com/plugins/",
)


# trafilatura's parser settings; every element an HtmlElement without a Python callback.
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity
    )
)

Record = dict[str, Any]


def extract_page(
    html: str, url: str | None = None
) -> tuple[str, Record, list[Record], list[Record]]:
    """The page's main text (a paragraph a line), its metadata, its embedded posts and its
    read-also links.

    The page is parsed once, with trafilatura's parser settings; embeds and read-also boxes are
    taken out of the tree and a split body is joined before the same tree goes to trafilatura.
    """
    tree = parse_page(html)
    if tree is None:
        return "", {}, [], []
    classes = _NOTABLE_CLASS.findall(html)
    embeds = take_embeds(tree, facebook=any("fb-post" in c or "fb-video" in c for c in classes))
    # Elements trafilatura deletes anyway, gone in one C call: its copies and XPath passes over
    # the tree get cheaper (an icon is many small elements). Same text on all benchmark pages.
    etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
    related = take_related(tree)
    if _maybe_split_body(classes):
        merge_split_bodies(tree)
    text, meta = library_extract(tree, url, fallback_page=html)
    return text, meta, embeds, related


def parse_page(html: str) -> HtmlElement | None:
    """The tree trafilatura would build (its repairs, its parser settings), with element classes
    looked up in C: lxml.html's lookup calls back into Python for every element touched, which
    costs trafilatura about 1 ms a page on a tree it is given, and Khabar's own walks as much."""
    beginning = html[:50].lower()
    html = repair_faulty_html(html, beginning)
    tree = None
    # A str that declares its encoding raises ValueError: lxml wants it as bytes.
    with contextlib.suppress(ValueError, etree.LxmlError):
        tree = fromstring(html, parser=_PARSER)
    if tree is None or len(tree) < 1:
        try:
            tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
        except (ValueError, etree.LxmlError):
            return None
    if is_dubious_html(beginning) and len(tree) < 2:
        return None  # not a page at all (trafilatura's own test)
    return tree


def library_extract(
    page: str | HtmlElement, url: str | None = None, fallback_page: str | None = None
) -> tuple[str, Record]:
    """trafilatura's main text and metadata: its precision mode, and its default mode when the
    precise text is suspiciously short (a page where precision mode keeps only a notice).
    trafilatura prunes a tree it is given, so the fallback reads `fallback_page` if given."""
    text, meta = _trafilatura(page, url, favor_precision=True)
    words = len(_WORD.findall(text))
    if words < _SHORT_WORDS:
        second = fallback_page if fallback_page is not None else page
        fallback, fallback_meta = _trafilatura(second, url, favor_precision=False)
        if words == 0 or words < _FALLBACK_RATIO * len(_WORD.findall(fallback)):
            text, meta = fallback, meta or fallback_meta
    return text, meta


def _trafilatura(
    page: str | HtmlElement, url: str | None, *, favor_precision: bool
) -> tuple[str, Record]:
    document = trafilatura.bare_extraction(
        page,
        url=url,
        favor_precision=favor_precision,
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


def _maybe_split_body(classes: list[str]) -> bool:
    """Two or more elements share one body-like class: the article may be split by ads."""
    counts = Counter(c for c in classes if _BODY_CLASS.search(c))
    return any(n >= 2 for n in counts.values())


def merge_split_bodies(tree: HtmlElement, min_chars: int = 200) -> int:
    """A body split into same-class containers (ads or grids between them): move the later
    containers' children into the first, so the extractor sees one article."""
    groups: dict[tuple[str, str], list[HtmlElement]] = {}
    for element in tree.iter():
        if (
            isinstance(element.tag, str)
            and (cls := element.get("class"))
            and _BODY_CLASS.search(cls)
        ):
            groups.setdefault((element.tag, cls), []).append(element)
    merged = 0
    for members in groups.values():
        if len(members) < 2:
            continue
        members = [
            m for m in members if sum(len(p.text_content()) for p in m.iter("p")) >= min_chars
        ]
        ids = {id(m) for m in members}
        if len(members) < 2 or any(id(a) in ids for m in members for a in m.iterancestors()):
            continue
        for member in members[1:]:
            for child in list(member):
                members[0].append(child)
            parent = member.getparent()
            if parent is not None:
                parent.remove(member)
                merged += 1
    return merged


def take_related(tree: HtmlElement) -> list[Record]:
    """Read-also boxes and lines ("ALSO READ" + links, "આ પણ વાંચો: <a>…</a>"): their links as
    `related` records, the elements out of the tree. Only short text nodes can be such a label,
    so those are tested, and only when they start like one of the phrases."""
    firsts = promo_first_words()
    found: list[Record] = []
    boxes: list[HtmlElement] = []
    for node in _SHORT_TEXTS(tree):
        label = node.strip(_LABEL_LEAD)
        if len(label) < 3 or first_word(label) not in firsts:
            continue
        owner = node.getparent()
        if node.is_tail and owner is not None:
            owner = owner.getparent()
        if owner is None or owner.tag in ("script", "style", "a") or promo_title(label) is None:
            continue
        box = _box_of(node)
        if box is None or any(b is box or b in box.iterancestors() for b in boxes):
            continue
        boxes.append(box)
        found.extend(
            {"title": _text(a), "url": a.get("href")}
            for a in box.iter("a")
            if a.get("href") and _text(a)
        )
    for box in boxes:
        _drop(box)
    return found


def _box_of(node: Any) -> HtmlElement | None:
    """The nearest element around a label that holds the links it introduces (a few levels up)."""
    element = node.getparent()
    if node.is_tail and element is not None:
        element = element.getparent()
    for _ in range(3):
        if element is None or element.tag in ("body", "html", "article", "main"):
            return None
        anchors = [a for a in element.iter("a") if a.get("href")]
        if anchors:
            return element if len(anchors) <= _MAX_PROMO_LINKS else None
        element = element.getparent()
    return None


def take_embeds(tree: HtmlElement, facebook: bool = True) -> list[dict[str, Any]]:
    """Structured records of the social posts embedded in the page, removed from the tree
    (Facebook's post divs only when `facebook`: a test on the raw page is cheaper)."""
    records: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    tags = ("blockquote", "iframe", "div") if facebook else ("blockquote", "iframe")
    for node in [node for node in tree.iter(*tags) if _is_embed(node)]:
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


def _is_embed(node: HtmlElement) -> bool:
    if node.tag in _EMBED_CLASSES:
        classes = node.get("class") or ""
        return any(name in classes for name in _EMBED_CLASSES[node.tag])
    source = (node.get("src") or "") + " " + (node.get("data-src") or "")
    return any(where in source for where in _EMBED_SOURCES)


def _record(node: HtmlElement) -> dict[str, Any] | None:
    classes = node.get("class") or ""
    if node.tag == "blockquote" and "twitter" in classes:
        return _tweet(node)
    if node.tag == "blockquote":
        return _instagram(node)
    source = node.get("src") or node.get("data-src") or node.get("data-href") or ""
    if "youtube" in source:
        title = node.get("title")
        text = None if not title or title.casefold() in _PLAYER_TITLES else title
        return _embed("youtube", None, None, None, text, source.split("?")[0])
    if "facebook" in source:
        href = parse_qs(urlsplit(source).query).get("href", [source])[0]
        return _embed("facebook", None, None, None, None, href)
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
    return _embed("twitter", name or None, handle, date, text, url)


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
        url.split("?")[0] if url else None,
    )


def _embed(
    platform: str,
    name: str | None,
    handle: str | None,
    date: str | None,
    text: str | None,
    url: str | None,
) -> dict[str, Any]:
    """The same record as for a post found in text (`embeds.Post`)."""
    post = Post(platform, name, handle, date, url=url, copies=1)
    if text:
        post.add_segment(_PIC_LINK.sub("", text).strip())
    return post.record()


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
