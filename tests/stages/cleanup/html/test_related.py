"""Read-also boxes in a page: their links into `related`, the boxes out; a menu stays."""

from __future__ import annotations

from workers.stages.cleanup.html.page import parse_page
from workers.stages.cleanup.html.related import take_related

BOX = """<html><body><article><p>Body text of the story goes on for a while here.</p>
<div><strong>ये भी पढ़ें:</strong> <a href="/a">पहली खबर</a> <a href="/b">दूसरी खबर</a></div>
<p>More body.</p></article>
<nav><span>Read more:</span>{links}</nav></body></html>"""


def test_a_read_also_box_becomes_related_and_leaves_the_tree(rules):
    tree = parse_page(BOX.format(links=""))
    related = take_related(tree, rules.cleanup.promos)
    assert related == [{"title": "पहली खबर", "url": "/a"}, {"title": "दूसरी खबर", "url": "/b"}]
    assert "पहली खबर" not in tree.text_content() and "More body." in tree.text_content()


def test_a_label_before_a_whole_menu_is_no_box(rules):
    links = "".join(f'<a href="/m{i}">Menu {i}</a>' for i in range(20))
    tree = parse_page(BOX.format(links=links))
    related = take_related(tree, rules.cleanup.promos)
    assert [r["url"] for r in related] == ["/a", "/b"]
    assert "Menu 19" in tree.text_content()


PROSE_AROUND = """<html><body><div class="text">
<p>First paragraph of the story, long enough to be prose and nothing else at all.</p>
<p>Second paragraph, which the article's own reader would not want to lose.</p>
<p><strong>DON'T MISS</strong></p>
<p><a href="/x">Another story</a></p><p></p>
<p><a href="/y">A third story</a></p>
<p>Last paragraph of the story, after the box, still the article's text.</p>
</div></body></html>"""


def test_a_label_among_the_articles_paragraphs_takes_only_its_links(rules):
    """The nearest element with links is the body itself (a "DON'T MISS" line between its
    paragraphs): only the label and the link blocks after it leave."""
    tree = parse_page(PROSE_AROUND)
    related = take_related(tree, rules.cleanup.promos)
    assert [r["url"] for r in related] == ["/x", "/y"]
    text = tree.text_content()
    assert "First paragraph" in text and "Second paragraph" in text and "Last paragraph" in text
    assert "DON'T MISS" not in text and "A third story" not in text


def test_a_box_of_one_link_under_a_long_label_still_leaves(rules):
    """Trap: the label's own words are not prose; a short box with one link goes whole."""
    page = BOX.format(links="").replace(
        '<a href="/a">पहली खबर</a> <a href="/b">दूसरी खबर</a>', '<a href="/a">खबर</a>'
    )
    tree = parse_page(page)
    assert take_related(tree, rules.cleanup.promos) == [{"title": "खबर", "url": "/a"}]
    assert "ये भी पढ़ें" not in tree.text_content()


def test_trap_a_label_ending_a_paragraph_or_a_link_inside_prose_takes_no_prose(rules):
    """The label closes a paragraph of the article's: nothing goes; a paragraph after the box
    with a link inside its prose ends the box and stays."""
    ending = """<html><body><div><p>First paragraph of the story, with enough words in it.</p>
<p>The minister said relief would reach farmers within a month.<br><strong>ALSO READ:</strong></p>
<p><a href="/x">Another story</a></p><p>Last paragraph of the story.</p></div></body></html>"""
    tree = parse_page(ending)
    take_related(tree, rules.cleanup.promos)
    assert "relief would reach farmers" in tree.text_content()
    prose = PROSE_AROUND.replace(
        '<p><a href="/y">A third story</a></p>',
        '<p>The full <a href="/r">report of the flood committee</a> is online now.</p>',
    )
    tree = parse_page(prose)
    assert [r["url"] for r in take_related(tree, rules.cleanup.promos)] == ["/x"]
    assert "report of the flood committee" in tree.text_content()
