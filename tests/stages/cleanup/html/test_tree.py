"""Removing an element keeps the text after it."""

from __future__ import annotations

from lxml.html import fromstring

from workers.stages.cleanup.html.tree import drop, text_of


def test_drop_keeps_the_tail_with_the_previous_sibling_or_the_parent():
    tree = fromstring("<p>a<b>x</b>tail one<i>y</i>tail two</p>")
    drop(tree.find("b"))
    assert tree.text == "atail one"
    drop(tree.find("i"))
    assert text_of(tree) == "atail onetail two"


def test_text_of_squashes_spaces():
    assert text_of(fromstring("<div> a \n\n b <span>c</span></div>")) == "a b c"
