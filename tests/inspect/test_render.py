"""The inspect pages, rendered from small hand-written articles: marks with their kinds, the
escaping of untrusted text, refused articles, one page or a page each."""

from __future__ import annotations

import re

from workers.inspect.render import INDEX, render_page, render_split
from workers.inspect.style import REMOVAL_COLOURS, kind_class, legend, stylesheet
from workers.inspect.view import Inspected, Problem

PARAGRAPHS = ["उत्तर प्रदेश सरकार ने नई योजना शुरू की.", "योगी आदित्यनाथ ने कहा."]
HINDI = Inspected(
    origin="hi.txt",
    article_id="a1",
    lines=[
        (1, "लखनऊ: उत्तर प्रदेश सरकार ने नई योजना शुरू की."),
        (2, "ये भी पढ़ें : दिल्ली में बारिश"),
        (3, "योगी आदित्यनाथ ने कहा.Advertisement"),
    ],
    removed=[
        {"kind": "dateline", "text": "लखनऊ:", "line": 1},
        {"kind": "read_also", "text": "ये भी पढ़ें : दिल्ली में बारिश", "line": 2},
        {"kind": "advertisement", "text": "Advertisement", "line": 3},
        {"kind": "embed", "text": "a post from the page's markup", "line": None},
    ],
    repaired=[{"kind": "glued_sentence", "text": "योगी आदित्यनाथ ने कहा.", "line": 3}],
    enriched={
        "id": "a1",
        "title": "नई जल योजना",
        "dateline": "लखनऊ",
        "language": "hi",
        "script": "Deva",
        "category": "politics",
        "published_at": "2024-03-14T09:00:00+05:30",
        "paragraphs": PARAGRAPHS,
        "body": "\n\n".join(PARAGRAPHS),
        "entities": [
            {
                "type": "LOC",
                "name": "Uttar Pradesh",
                "aliases": ["उत्तर प्रदेश"],
                "count": 1,
                "spans": [[0, 12]],
            },
            {
                "type": "PERSON",
                "name": "Yogi Adityanath",
                "aliases": ["योगी आदित्यनाथ"],
                "count": 1,
                "spans": [[41, 55]],
            },
        ],
        "keywords": [{"term": "जल योजना", "score": 0.9}],
        "related": [{"title": "दिल्ली में बारिश", "url": "https://example.in/rain"}],
        "embeds": [{"platform": "twitter", "handle": "CMOfficeUP", "text": "योजना", "copies": 2}],
        "duplicate_of": "b2",
    },
    language="hi",
)
REFUSED = Inspected(
    origin="stub.txt",
    article_id="b2",
    lines=[(1, "Also read: Monsoon to arrive early")],
    removed=[{"kind": "read_also", "text": "Also read: Monsoon to arrive early", "line": 1}],
    problem=Problem("cleanup", "empty", "EmptyArticleError: 0 words of body left"),
)


def test_a_removal_is_highlighted_with_its_kind():
    page = render_page([HINDI])
    assert (
        '<mark class="rm k-read_also" data-kind="read_also" title="removed: read_also">'
        "ये भी पढ़ें : दिल्ली में बारिश</mark>"
    ) in page
    # Only the part of a line that was removed: the dateline, then the rest of the line as is.
    assert 'title="removed: dateline">लखनऊ:</mark> उत्तर प्रदेश' in page
    assert 'data-kind="advertisement" title="removed: advertisement">Advertisement</mark>' in page
    assert '<span class="chip k-advertisement" title="removed: advertisement">' in page


def test_a_repaired_line_is_outlined_and_labelled():
    page = render_page([HINDI])
    assert '<tr class="repaired"><td class="no">3</td>' in page
    assert '<span class="chip repair-chip" title="repaired: glued_sentence">' in page


def test_removals_without_a_line_are_listed_beside_the_lines():
    page = render_page([HINDI])
    assert "Removed, not on a line" in page
    assert "a post from the page&#x27;s markup" in page


def test_entities_are_marked_in_the_cleaned_paragraphs():
    page = render_page([HINDI])
    assert '<mark class="ent e-LOC" title="LOC: Uttar Pradesh">उत्तर प्रदेश</mark>' in page
    assert '<mark class="ent e-PERSON" title="PERSON: Yogi Adityanath">योगी आदित्यनाथ</mark>' in page


def test_the_enriched_fields_are_shown():
    page = render_page([HINDI, REFUSED])
    for shown in ("नई जल योजना", "politics", "hi · Deva", "2024-03-14T09:00:00+05:30", "जल योजना"):
        assert shown in page
    assert '<a href="https://example.in/rain" rel="noopener noreferrer nofollow">' in page
    assert "@CMOfficeUP" in page and "2 copies" in page
    # The near-duplicate's id links to its section when it is on the page.
    assert '<a href="#a2">b2</a> (on this page)' in page


def test_the_page_is_utf8_with_the_article_language_and_no_outside_asset():
    page = render_page([HINDI])
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert '<table class="lines" lang="hi">' in page and 'dir="auto"' in page
    assert "Noto Sans Devanagari" in page
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert "url(" not in page and "@import" not in page


def test_untrusted_text_is_shown_as_text():
    evil = '<script>alert("x")</script>'
    article = Inspected(
        origin=f"{evil}.txt",
        article_id='"><script>',
        lines=[(1, f"{evil} body text"), (2, "<img src=x onerror=alert(1)>")],
        removed=[
            {"kind": "markup_residue", "text": "<script>", "line": 1},
            {"kind": '"><script>', "text": "<img src=x onerror=alert(1)>", "line": 2},
        ],
        page={"title": evil, "url": "javascript:alert(1)"},
        enriched={
            "title": evil,
            "paragraphs": [evil],
            "url": "javascript:alert(1)",
            "related": [{"title": evil, "url": "javascript:alert(1)"}],
            "entities": [{"type": '"><i onclick=alert(1)>', "name": evil, "spans": [[0, 8]]}],
        },
        problem=Problem("extract", "stage", evil),
    )
    for page in (render_page([article]), *render_split([article]).values()):
        assert "<script" not in page and "<img" not in page and "<i onclick" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
        assert 'href="javascript' not in page
    page = render_page([article])
    # A kind the colour table does not know is drawn as "other", its name escaped as data.
    assert 'class="rm k-other" data-kind="&quot;&gt;&lt;script&gt;"' in page


def test_a_refused_article_is_shown_with_its_error():
    page = render_page([REFUSED])
    assert "Refused in cleanup (empty):</b> EmptyArticleError: 0 words of body left" in page
    assert '<span class="bad">cleanup: empty</span>' in page
    assert "no enriched event" in page
    assert 'data-kind="read_also"' in page  # what was removed before it was refused
    unreadable = Inspected("broken.json", None, problem=Problem(None, "input", "not valid JSON"))
    raw = Inspected(
        "x.json", "k2", problem=Problem("cleanup", "schema", "no text"), raw_json='{"id": "k2"}'
    )
    page = render_page([unreadable, raw])
    assert "Refused (input):</b> not valid JSON" in page
    assert '<pre class="raw">{&quot;id&quot;: &quot;k2&quot;}</pre>' in page


def test_one_page_has_an_index_then_a_section_per_article():
    page = render_page([HINDI, REFUSED])
    assert page.index('<table class="index">') < page.index('<section class="article" id="a1">')
    assert '<a href="#a1">नई जल योजना</a>' in page and '<a href="#a2">stub.txt</a>' in page
    assert page.count('<section class="article"') == 2


def test_split_pages_have_an_index_page_linking_them():
    pages = render_split([HINDI, REFUSED, Inspected("odd", "../../etc/passwd")])
    assert list(pages) == [INDEX, "001-a1.html", "002-b2.html", "003-etc-passwd.html"]
    assert '<a href="001-a1.html">नई जल योजना</a>' in pages[INDEX]
    assert '<a href="002-b2.html">b2</a> (on this page)' in pages["001-a1.html"]
    assert f'<a href="{INDEX}">' in pages["002-b2.html"]


def test_every_removal_kind_has_its_colour_once_in_the_style_and_legend():
    css, key = stylesheet(), legend()
    for kind, colour in REMOVAL_COLOURS.items():
        assert css.count(f".{kind_class(kind)}{{background:{colour}}}") == 1
        assert f'<span class="chip {kind_class(kind)}">{kind}</span>' in key
    assert kind_class("a kind no table knows") == "k-other" and ".k-other{" in css
