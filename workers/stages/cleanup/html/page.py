"""The page as trafilatura reads it, parsed once: the step that turns a raw article's `html`
into its text, metadata, embedded posts and read-also links."""

from __future__ import annotations

import contextlib
import difflib
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass

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

from workers.stages.cleanup.draft import Draft, Record
from workers.stages.cleanup.embeds import EmbedRules
from workers.stages.cleanup.html.embeds import EmbedMarkup, take_embeds
from workers.stages.cleanup.html.related import take_related
from workers.stages.cleanup.promos import PromoRules
from workers.stages.cleanup.shape import ends_as_prose
from workers.stages.text.words import words

_BODY_CLASS = re.compile(r"(?i)(?:^|[\s_-])(?:article|story|post|entry)?[_-]*body(?:$|[\s_-])")
# In trafilatura's list of elements to delete, and read neither for text nor for metadata.
_NEVER_TEXT = (
    *("svg", "style", "iframe", "object", "embed", "canvas", "video", "audio"),
    *("picture", "source", "track", "param", "map", "area"),
)
# Below this many words, precision mode may have cut the article (a notice kept, or paragraphs
# dropped with the boilerplate): the default mode reads the page too, and its text is taken when
# precision mode kept under half of its words. On the Zyte pages this leaves F1 as it was
# (0.9724; an 80-word limit with a fifth gave the same) for 16 % more time per page; it serves
# pages whose body precision mode cuts in half (issue 14's held-out publishers).
_SHORT_WORDS = 400
_FALLBACK_RATIO = 0.5
# Links long enough to be another story's headline, whose text is no body line of this one.
_LONG_LINKS = etree.XPath("//a[string-length(normalize-space()) > 25]")
_SENTENCE_WORDS = 8  # a line precision mode dropped comes back from this many words on
_META_FIELDS = ("title", "author", "date", "url", "sitename", "language", "description")


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


@dataclass(frozen=True)
class PageRules:
    """What the page step reads out of the markup: posts, read-also boxes; and the class
    attributes worth a look in the raw page before its tree is walked (body-like ones: "body",
    "Body", and the embed classes of gated elements), one scan with a literal start."""

    embeds: EmbedMarkup
    promos: PromoRules
    notable_class: re.Pattern[str]

    @classmethod
    def of(cls, embeds: EmbedRules, promos: PromoRules) -> PageRules:
        markup = EmbedMarkup.of(embeds)
        alternatives = "|".join(["ody", *map(re.escape, markup.gated_classes)])
        notable = re.compile(f'class="([^"]*(?:{alternatives})[^"]*)"')
        return cls(markup, promos, notable)


def read_page(draft: Draft, rules: PageRules) -> None:
    """A page's main text (unless the scraper gave text), metadata, posts and read-also links;
    the posts go to `embeds` at once, the links join `related` when the stage ends."""
    if not draft.html:
        return
    text, draft.page, embeds, draft.page_related = extract_page(draft.html, draft.url, rules)
    draft.text = draft.text or text
    for embed in embeds:
        draft.embeds.append(embed)
        draft.note_removed("embed", embed["text"] or embed["url"] or embed["platform"], None)


def extract_page(
    html: str, url: str | None, rules: PageRules
) -> tuple[str, Record, list[Record], list[Record]]:
    """The page's main text (a paragraph a line), its metadata, its embedded posts and its
    read-also links.

    The page is parsed once, with trafilatura's parser settings; embeds and read-also boxes are
    taken out of the tree and a split body is joined before the same tree goes to trafilatura.
    """
    tree = parse_page(html)
    if tree is None:
        return "", {}, [], []
    classes = rules.notable_class.findall(html)
    gated = any(name in c for c in classes for name in rules.embeds.gated_classes)
    embeds = take_embeds(tree, rules.embeds, gated=gated)
    # Elements trafilatura deletes anyway, gone in one C call: its copies and XPath passes over
    # the tree get cheaper (an icon is many small elements). Same text on all benchmark pages.
    etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
    related = take_related(tree, rules.promos)
    if _maybe_split_body(classes):
        merge_split_bodies(tree)
    taken = [str(e["text"]) for e in embeds if e.get("text")]
    links = frozenset(" ".join(a.text_content().split()) for a in _LONG_LINKS(tree))
    text, meta = library_extract(tree, url, fallback_page=html, taken=taken, links=links)
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
    page: str | HtmlElement,
    url: str | None = None,
    fallback_page: str | None = None,
    taken: Sequence[str] = (),
    links: Collection[str] = frozenset(),
) -> tuple[str, Record]:
    """trafilatura's main text and metadata: its precision mode, and its default mode when the
    precise text is suspiciously short (a page where precision mode keeps only a notice), or the
    sentences it dropped inside the article put back (none that is part of a `taken` post, none
    that is a link's text: another story's teaser).
    trafilatura prunes a tree it is given, so the fallback reads `fallback_page` if given."""
    text, meta = _trafilatura(page, url, favor_precision=True)
    count = len(words(text))
    if count < _SHORT_WORDS:
        second = fallback_page if fallback_page is not None else page
        fallback, fallback_meta = _trafilatura(second, url, favor_precision=False)
        if count == 0 or count < _FALLBACK_RATIO * len(words(fallback)):
            text, meta = fallback, meta or fallback_meta
        else:
            text = restore_interior(text, fallback, taken, links)
    return text, meta


def restore_interior(
    precise: str, full: str, taken: Sequence[str] = (), links: Collection[str] = frozenset()
) -> str:
    """The precise text with the lines the default mode found between two of its lines put
    back when they are sentences: precision mode drops a paragraph inside the article as readily
    as the boilerplate around it. Only lines the default mode adds (not its other version of a
    line kept), never before the first kept line or after the last, nor lines shaped as
    headlines, labels or calls to action (no full stop, a few words), a post's (`taken`) or a
    link's (`links`)."""
    kept = precise.split("\n")
    found = full.split("\n")
    opcodes = difflib.SequenceMatcher(None, kept, found, autojunk=False).get_opcodes()
    lines: list[str] = []
    for n, (op, k0, k1, f0, f1) in enumerate(opcodes):
        lines.extend(kept[k0:k1])
        if op == "insert" and 0 < n < len(opcodes) - 1:
            lines.extend(
                line
                for line in found[f0:f1]
                if _sentence(line)
                and line.strip() not in links
                and not any(line in t for t in taken)
            )
    return "\n".join(lines)


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


def _sentence(line: str) -> bool:
    return ends_as_prose(line) and len(words(line)) >= _SENTENCE_WORDS


def _maybe_split_body(classes: list[str]) -> bool:
    """Two or more elements share one body-like class: the article may be split by ads."""
    counts = Counter(c for c in classes if _BODY_CLASS.search(c))
    return any(n >= 2 for n in counts.values())


def merge_split_bodies(tree: HtmlElement, min_chars: int = 200) -> int:
    """A body split into same-class containers (ads or grids between them): move the later
    containers' children into the first, so the extractor sees one article. Only containers
    are merged: elements that hold text of their own (paragraphs sharing a `story-body` class)
    are pieces of one body already, and moving their children would drop that text."""
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
            m
            for m in members
            if not _holds_text(m) and sum(len(p.text_content()) for p in m.iter("p")) >= min_chars
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


def _holds_text(element: HtmlElement) -> bool:
    """Whether the element has text of its own, beside its children's."""
    return bool((element.text or "").strip()) or any((c.tail or "").strip() for c in element)
