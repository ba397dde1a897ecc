"""Small operations on a parsed page that the readers of its parts share."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_SPACE = re.compile(r"\s+")


def text_of(node: HtmlElement) -> str:
    """An element's text, spaces squashed."""
    return _SPACE.sub(" ", node.text_content()).strip()


def drop(node: HtmlElement) -> None:
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
