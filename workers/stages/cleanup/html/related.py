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
        box = _box_of(node)
        if box is None or any(b is box or b in box.iterancestors() for b in boxes):
            continue
        boxes.append(box)
        found.extend(
            {"title": text_of(a), "url": a.get("href")}
            for a in box.iter("a")
            if a.get("href") and text_of(a)
        )
    for box in boxes:
        drop(box)
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
