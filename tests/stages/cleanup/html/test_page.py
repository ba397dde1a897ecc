"""The page step: the parse handed to trafilatura, and what is taken out of the tree before it
(embeds, read-also boxes, elements that never hold article text)."""

from __future__ import annotations

import lxml.html
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from workers.stages.cleanup.draft import Draft
from workers.stages.cleanup.html.page import (
    extract_page,
    library_extract,
    merge_split_bodies,
    parse_page,
    read_page,
    restore_interior,
)

PAGE = """<!DOCTYPE html><html><head><title>Flood alert in Assam</title>
<style>.x{color:red}</style></head><body>
<nav><a href="/">Home</a></nav>
<article class="story-body">
<h1>Flood alert in Assam</h1>
<p>Heavy rain lashed Guwahati on Monday <svg><path d="M0 0"/></svg>and rivers rose fast.</p>
<p>The state disaster authority said twelve districts were on alert as the Brahmaputra rose.</p>
<div class="fb-post" data-href="https://www.facebook.com/asdma/posts/1"></div>
<p>Officials said relief camps were opened in Dhubri and Goalpara for families moved out.</p>
<p>Schools in the worst-hit areas will stay closed until Thursday, the government said.</p>
<div class="also-read"><strong>Also Read:</strong>
<a href="https://news.example/assam-rain-2022">How Assam coped with the 2022 floods</a></div>
<p>The weather office has forecast more rain for the next three days across the region.</p>
</article></body></html>"""


def test_parse_page_builds_the_tree_trafilatura_would():
    tree = parse_page(PAGE)
    assert isinstance(tree, HtmlElement)
    assert etree.tostring(tree) == etree.tostring(load_html(PAGE))
    assert all(isinstance(e, HtmlElement) for e in tree.iter() if isinstance(e.tag, str))


def test_parse_page_refuses_what_is_not_a_page():
    assert parse_page("") is None
    assert parse_page("just a line of text") is None
    declared = '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>'
    assert parse_page(declared) is not None  # a str that declares its encoding is read as bytes


def test_page_text_keeps_what_follows_a_removed_icon_and_loses_the_box(rules):
    text, meta, embeds, related = extract_page(
        PAGE, "https://news.example/assam-flood", rules.cleanup.page
    )
    assert "Heavy rain lashed Guwahati on Monday and rivers rose fast." in text
    assert "Also Read" not in text and "How Assam coped" not in text
    assert meta["title"] == "Flood alert in Assam"
    assert embeds[0]["url"] == "https://www.facebook.com/asdma/posts/1"
    assert related == [
        {
            "title": "How Assam coped with the 2022 floods",
            "url": "https://news.example/assam-rain-2022",
        }
    ]


def test_the_step_reads_the_page_into_the_draft(rules):
    d = Draft(html=PAGE, url="https://news.example/assam-flood")
    read_page(d, rules.cleanup.page)
    assert "\nHeavy rain lashed Guwahati on Monday" in d.text and d.page["title"]
    assert [e["platform"] for e in d.embeds] == ["facebook"]
    assert d.removed == [{"kind": "embed", "text": d.embeds[0]["url"], "line": None}]
    assert d.page_related[0]["url"] == "https://news.example/assam-rain-2022"
    assert d.related == []  # the page's links join the text's when the stage ends


def test_text_the_scraper_gave_wins_over_the_page(rules):
    d = Draft(text="The scraper's own text.", html=PAGE)
    read_page(d, rules.cleanup.page)
    assert d.text == "The scraper's own text." and d.page["title"] == "Flood alert in Assam"


def test_a_draft_without_a_page_is_left_alone(rules):
    d = Draft(text="Only text.")
    read_page(d, rules.cleanup.page)
    assert d == Draft(text="Only text.")


def test_a_nearly_empty_precise_text_falls_back_to_the_default_mode():
    page = (
        "<html><body><div class='notice'>Cookies help us.</div><table><tr><td>"
        + "<p>Chennai saw its heaviest rain of the season on Sunday, the weather office said.</p>"
        * 6
        + "</td></tr></table></body></html>"
    )
    text, _ = library_extract(page)
    assert text.count("Chennai saw its heaviest rain") >= 1


def test_a_sentence_precision_mode_dropped_inside_the_article_comes_back():
    """Only between two lines the precise text kept, only sentences, never a taken post's."""
    precise = "First paragraph of the story.\nLast paragraph of the story."
    full = "\n".join(
        [
            "Site menu",
            "First paragraph of the story.",
            "The discovery was announced in an article published Monday in a journal.",
            "GET THE APP ON THE GO BY CLICKING HERE",
            "Observe a minute of silence in honour of the departed souls.",
            "Last paragraph of the story.",
            "Copyright 2019 The Station. All rights reserved and kept.",
        ]
    )
    taken = ["Senate resolves to: Observe a minute of silence in honour of the departed souls."]
    assert restore_interior(precise, full, taken).split("\n") == [
        "First paragraph of the story.",
        "The discovery was announced in an article published Monday in a journal.",
        "Last paragraph of the story.",
    ]


def test_trap_a_link_s_text_or_another_version_of_a_kept_line_is_not_put_back():
    """Another story's teaser (a link's whole text) stays out; so does the default mode's other
    cut of a line the precise text kept."""
    precise = "First paragraph of the story.\nLast paragraph of the story."
    teaser = "Drought: Centre sends a team to Marathwada this week to assess the crop loss."
    full = f"First paragraph of the story.\n{teaser}\nLast paragraph of the story."
    assert restore_interior(precise, full, links={teaser}) == precise
    kept = "First part of a sentence. Second part of the same paragraph, as precision mode cut it."
    other = (
        "First part of a sentence.\nSecond part of the same paragraph, as precision mode cut it."
    )
    assert restore_interior(f"A line.\n{kept}\nEnd.", f"A line.\n{other}\nEnd.") == (
        f"A line.\n{kept}\nEnd."
    )


def test_the_stage_cleans_a_page_into_its_paragraphs(clean):
    cleaned = clean({"html": PAGE, "url": "https://news.example/assam-flood"})
    assert cleaned["paragraphs"][0].startswith("Heavy rain lashed Guwahati")
    assert len(cleaned["paragraphs"]) == 5
    assert cleaned["related"][0]["title"] == "How Assam coped with the 2022 floods"


def test_a_body_split_into_containers_is_merged_and_paragraphs_sharing_a_class_keep_their_text():
    filler = "The council met on Monday to discuss the budget for the coming year. " * 4
    split = lxml.html.fromstring(
        f'<html><body><div class="article-body"><p>{filler}</p></div>'
        '<div class="ad">Buy now</div>'
        f'<div class="article-body"><p>{filler}Second half.</p></div></body></html>'
    )
    assert merge_split_bodies(split) == 1
    (body,) = split.find_class("article-body")
    assert len(body.findall("p")) == 2 and "Second half." in body.text_content()
    # The trap: paragraphs that share a body class hold their own text; nothing moves.
    paragraphs = lxml.html.fromstring(
        f'<html><body><p class="story-body">{filler}<b>one</b> tail</p>'
        f'<p class="story-body">{filler}<a href="/x">two</a> more</p></body></html>'
    )
    before = paragraphs.text_content()
    assert merge_split_bodies(paragraphs) == 0
    assert paragraphs.text_content() == before
