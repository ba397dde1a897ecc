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
