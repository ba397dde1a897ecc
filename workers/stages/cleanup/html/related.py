"""Read-also boxes and lines in a page ("ALSO READ" + links, "આ પણ વાંચો: <a>…</a>"): their
links as `related` records, the elements out of the tree."""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from workers.stages.cleanup.draft import Record
from workers.stages.cleanup.html.tree import drop, text_of
from workers.stages.cleanup.promos import PromoRules, first_word

# Short text that is not only space (filtered further in Python: faster than in XPath).
_SHORT_TEXTS = etree.XPath("/html/body/descendant::text()[string-length() < 80][normalize-space()]")
_LABEL_LEAD = " \t\n\r*•►▶➤>»[(|:-"
_MAX_PROMO_LINKS = 12  # a read-also box lists a few links; more is a menu
_LABEL_SLACK = 10  # characters beside a label or a link that still make a box's line ("• ", "- ")


def take_related(tree: HtmlElement, rules: PromoRules) -> list[Record]:
    """The links of read-also boxes, the boxes out of the tree. Only short text nodes can be
    such a label, so those are tested, and only when they start like one of the phrases."""
    found: list[Record] = []
    boxes: list[HtmlElement] = []
    for node in _SHORT_TEXTS(tree):
        label = node.strip(_LABEL_LEAD)
        if len(label) < 3 or first_word(label) not in rules.first_words:
            continue
        owner = node.getparent()
        if node.is_tail and owner is not None:
            owner = owner.getparent()
        if owner is None or owner.tag in ("script", "style", "a") or rules.title(label) is None:
            continue
        box = _box_of(node, label)
        if not box or any(b is e or b in e.iterancestors() for e in box for b in boxes):
            continue
        boxes.extend(box)
        found.extend(
            {"title": text_of(a), "url": a.get("href")}
            for e in box
            for a in e.iter("a")
            if a.get("href") and text_of(a)
        )
    for box in boxes:
        drop(box)
    return found


def _box_of(node: Any, label: str) -> list[HtmlElement]:
    """The elements around a label that hold the links it introduces: the nearest element (a few
    levels up) with links, or, when that element holds more prose than links (the article's own
    paragraphs around a "DON'T MISS" line), only the label's block and the blocks of links that
    follow it."""
    element = node.getparent()
    if node.is_tail and element is not None:
        element = element.getparent()
    below = None
    for _ in range(3):
        if element is None or element.tag in ("body", "html", "article", "main"):
            return []
        anchors = [a for a in element.iter("a") if a.get("href")]
        if anchors:
            if len(anchors) > _MAX_PROMO_LINKS:
                return []
            if below is None or _links_lead(element, len(label)):
                return [element]
            if len(text_of(below)) - len(label) > _LABEL_SLACK:
                return []  # the label ends a paragraph of the article's: none of it goes
            return _label_and_links(below)
        below, element = element, element.getparent()
    return []


def _label_and_links(label_block: HtmlElement) -> list[HtmlElement]:
    """A label's block and the blocks right after it that are links and little else (empty ones
    passed over), up to the first that is not."""
    box = [label_block]
    for sibling in label_block.itersiblings():
        if not isinstance(sibling.tag, str) or not text_of(sibling):
            continue
        if not any(a.get("href") for a in sibling.iter("a")) or not _only_links(sibling):
            break  # a paragraph with a link in its prose is the article's
        box.append(sibling)
    return box if len(box) > 1 else []


def _only_links(element: HtmlElement) -> bool:
    """The element's text is its links, but for a few characters ("• ", " [VIDEO]") or a
    quarter of it."""
    linked = _linked_chars(element)
    return len(text_of(element)) - linked <= max(_LABEL_SLACK, linked // 4)


def _links_lead(element: HtmlElement, label: int = 0) -> bool:
    """As much of the element's text (its label's `label` characters aside) is in its links as
    outside them."""
    return 2 * _linked_chars(element) >= len(text_of(element)) - label


def _linked_chars(element: HtmlElement) -> int:
    """Characters of the element's text inside its links."""
    return sum(len(text_of(a)) for a in element.iter("a"))
