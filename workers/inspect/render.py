"""Inspect pages as HTML text: one page for many articles (an index, then a section each), or
one page per article with an index page beside them. Pure: records in, text out.

Every piece of article text, record field and attribute passes through one escaping helper
(`fields.esc`): the articles are scraped and untrusted, and the page runs no script at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from workers.inspect.fields import NONE, enriched_fields, entity_table, esc, page_fields
from workers.inspect.style import entity_class, kind_class, legend, stylesheet
from workers.inspect.view import Inspected, LineView, Mark, Record, line_views, paragraph_marks
from workers.inspect.view import pieces as cut_at

INDEX = "index.html"


def render_page(articles: Sequence[Inspected], title: str = "Khabar inspect") -> str:
    """One page: the legend, an index of the articles, then a section for each."""
    anchors = [f"a{n}" for n in range(1, len(articles) + 1)]
    hrefs = [f"#{anchor}" for anchor in anchors]
    links = _links(articles, hrefs)
    sections = [
        article_section(article, n, anchor, links)
        for n, (article, anchor) in enumerate(zip(articles, anchors, strict=True), start=1)
    ]
    body = legend() + index_table(articles, hrefs) + "".join(sections)
    return document(title, body)


def render_split(articles: Sequence[Inspected], title: str = "Khabar inspect") -> dict[str, str]:
    """A page per article and an index page linking them, by file name (all in one folder)."""
    names = [page_name(n, a) for n, a in enumerate(articles, start=1)]
    links = _links(articles, names)
    pages = {INDEX: document(title, legend() + index_table(articles, names))}
    for n, (article, name) in enumerate(zip(articles, names, strict=True), start=1):
        back = f'<p class="meta"><a href="{INDEX}">← all articles</a></p>'
        section = article_section(article, n, "article", links)
        pages[name] = document(f"{article.heading} · {title}", back + legend() + section)
    return pages


def page_name(number: int, article: Inspected) -> str:
    """A safe file name for an article's page: its number, and its id's plain characters."""
    slug = re.sub(r"[^A-Za-z0-9_-]+", "-", article.article_id or "")[:40].strip("-")
    return f"{number:03d}-{slug}.html" if slug else f"{number:03d}.html"


def _links(articles: Sequence[Inspected], hrefs: Sequence[str]) -> dict[str, str]:
    """Where each article id is shown, for near-duplicate links (the first, if repeated)."""
    links: dict[str, str] = {}
    for article, href in zip(articles, hrefs, strict=True):
        if article.article_id:
            links.setdefault(article.article_id, href)
    return links


def document(title: str, body: str) -> str:
    """A whole HTML document, its style inlined and nothing fetched."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{stylesheet()}</style>\n</head>\n<body>\n"
        f"<h1>{esc(title)}</h1>\n{body}\n</body>\n</html>\n"
    )


def index_table(articles: Sequence[Inspected], hrefs: Sequence[str]) -> str:
    """The table of contents: each article's number, title, outcome and a few counts."""
    rows = []
    for n, (article, href) in enumerate(zip(articles, hrefs, strict=True), start=1):
        enriched = article.enriched or {}
        rows.append(
            f'<tr><td>{n}</td><td><a href="{esc(href)}">{esc(article.heading)}</a>'
            f'<div class="meta">{esc(article.origin)}</div></td>'
            f"<td>{_outcome(article)}</td><td>{esc(enriched.get('language') or '')}</td>"
            f"<td>{esc(enriched.get('category') or '')}</td><td>{len(article.removed)}</td>"
            f"<td>{esc(enriched.get('duplicate_of') or '')}</td></tr>"
        )
    head = (
        "<tr><th>#</th><th>article</th><th>outcome</th><th>language</th><th>category</th>"
        "<th>removed</th><th>near-duplicate of</th></tr>"
    )
    return f'<table class="index">{head}{"".join(rows)}</table>'


def _outcome(article: Inspected) -> str:
    problem = article.problem
    if problem is None:
        return '<span class="ok">enriched</span>'
    where = f"{problem.stage}: " if problem.stage else ""
    return f'<span class="bad">{esc(where + problem.reason)}</span>'


def article_section(article: Inspected, number: int, anchor: str, links: Mapping[str, str]) -> str:
    """One article: its heading, its problem if it has one, the input lines with their marks
    beside the enriched fields and the paragraphs with their entities."""
    lang = f' lang="{esc(article.language)}"' if article.language else ""
    meta = " · ".join(esc(part) for part in (article.origin, article.article_id) if part)
    problem = article.problem
    trouble = ""
    if problem is not None:
        where = f" in {problem.stage}" if problem.stage else ""
        trouble = (
            f'<div class="problem"><b>Refused{esc(where)} ({esc(problem.reason)}):</b> '
            f"{esc(problem.message)}</div>"
        )
    left = _input_column(article, lang)
    right = _output_column(article, lang, links)
    return (
        f'<section class="article" id="{esc(anchor)}"><h2{lang}>{number}. '
        f'{esc(article.heading)}</h2><p class="meta">{meta}</p>{trouble}'
        f'<div class="cols"><div>{left}</div><div>{right}</div></div></section>\n'
    )


def _input_column(article: Inspected, lang: str) -> str:
    views, unplaced = line_views(article.lines, article.removed, article.repaired)
    what = "Text read from the page" if article.from_page else "Input text"
    if not views:
        lines = '<p class="none">no text to show</p>'
        if article.raw_json:
            lines += f'<h3>The raw event</h3><pre class="raw">{esc(article.raw_json)}</pre>'
    else:
        rows = "".join(_line_row(view) for view in views)
        lines = f'<table class="lines"{lang}>{rows}</table>'
    heading = f"<h3>{what}, line by line ({len(article.removed)} removed)</h3>"
    return heading + lines + _unplaced(unplaced, lang)


def _line_row(view: LineView) -> str:
    """A table row: the line's number, its text with the removed parts marked (or the whole
    line, when its removal is not found in it verbatim), and a label per kind and repair."""
    text = "".join(_removed_piece(part, mark) for part, mark in cut_at(view.text, view.marks))
    cell = "text"
    if view.whole:
        cell += " " + kind_class(view.whole[0])
    labels = [
        f'<span class="chip {kind_class(k)}" title="removed: {esc(k)}">{esc(k)}</span>'
        for k in view.kinds
    ]
    labels += [
        f'<span class="chip repair-chip" title="repaired: {esc(k)}">{esc(k)}</span>'
        for k in view.repairs
    ]
    row = ' class="repaired"' if view.repairs else ""
    title = ", ".join(
        [*(f"removed: {k}" for k in view.whole), *(f"repaired: {k}" for k in view.repairs)]
    )
    tip = f' title="{esc(title)}"' if title else ""
    return (
        f'<tr{row}><td class="no">{view.no}</td><td class="{cell}" dir="auto"{tip}>{text}</td>'
        f'<td class="kinds">{"".join(labels)}</td></tr>'
    )


def _removed_piece(part: str, mark: Mark | None) -> str:
    if mark is None:
        return esc(part)
    return (
        f'<mark class="rm {kind_class(mark.kind)}" data-kind="{esc(mark.kind)}" '
        f'title="{esc(mark.note)}">{esc(part)}</mark>'
    )


def _unplaced(records: Sequence[Record], lang: str) -> str:
    """Removals that belong to no shown line: pieces read from a page's markup."""
    if not records:
        return ""
    items = "".join(
        f'<li><span class="chip {kind_class(str(r.get("kind")))}">{esc(r.get("kind"))}</span> '
        f'<span dir="auto">{esc(r.get("text") or "")}</span></li>'
        for r in records
    )
    return (
        f'<h3>Removed, not on a line (read from the page)</h3><ul class="loose"{lang}>{items}</ul>'
    )


def _output_column(article: Inspected, lang: str, links: Mapping[str, str]) -> str:
    enriched = article.enriched
    page = page_fields(article.page)
    if enriched is None:
        return page + '<h3>Enriched</h3><p class="none">no enriched event</p>'
    paragraphs = "".join(_paragraph(text, marks) for text, marks in paragraph_marks(enriched))
    return (
        f"<h3>Enriched</h3>{enriched_fields(enriched, lang, links)}{page}"
        f"<h3>Cleaned paragraphs</h3><div{lang}>{paragraphs or NONE}</div>"
        f"<h3>Entities</h3>{entity_table(enriched, lang)}"
    )


def _paragraph(text: str, marks: Sequence[Mark]) -> str:
    shown = "".join(_body_piece(part, mark) for part, mark in cut_at(text, marks))
    return f'<p class="para" dir="auto">{shown}</p>'


def _body_piece(part: str, mark: Mark | None) -> str:
    if mark is None:
        return esc(part)
    style = "date" if mark.kind == "date" else f"ent {entity_class(mark.kind)}"
    return f'<mark class="{style}" title="{esc(mark.note)}">{esc(part)}</mark>'
