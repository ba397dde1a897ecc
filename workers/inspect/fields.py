"""The enriched fields of an article as HTML: a list of names and values, the page's metadata,
the entity table. Every value passes through `esc` (the one escaping helper of the inspect
pages): the fields come from scraped, untrusted text."""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from workers.inspect.style import entity_class
from workers.inspect.view import Record

NONE = '<span class="none">none</span>'


def esc(value: object) -> str:
    """Text for HTML content or a quoted attribute value."""
    return html.escape(str(value), quote=True)


def link(url: object, text: object | None = None) -> str:
    """A link for a web address, plain text for anything else (no `javascript:` link can be
    clicked on a page of scraped text)."""
    label = esc(url if text is None else text)
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return f'<a href="{esc(url)}" rel="noopener noreferrer nofollow">{label}</a>'
    return label


def enriched_fields(enriched: Record, lang: str, links: Mapping[str, str]) -> str:
    """The enriched event's fields a reviewer judges, as one definition list."""
    language = " · ".join(esc(v) for v in (enriched.get("language"), enriched.get("script")) if v)
    spans = enriched.get("language_spans") or []
    if spans:
        language += f" ({len(spans)} span(s) in another language)"
    rows: list[tuple[str, str]] = [
        ("title", _text(enriched.get("title"), lang)),
        ("url", link(enriched["url"]) if enriched.get("url") else NONE),
        ("source", _text(enriched.get("source"), lang)),
        ("dateline", _text(enriched.get("dateline"), lang)),
        ("published_at", _text(enriched.get("published_at"), "")),
        ("fetched_at", _text(enriched.get("fetched_at"), "")),
        ("language", language or NONE),
        ("category", _text(enriched.get("category"), "")),
        ("near-duplicate of", _duplicate(enriched.get("duplicate_of"), links)),
        ("keywords", _list(enriched.get("keywords"), _keyword, lang)),
        ("dates", _list(enriched.get("dates"), _date, lang)),
        ("embeds", _list(enriched.get("embeds"), _embed, lang)),
        ("related", _list(enriched.get("related"), _related, lang)),
        ("mentions", _words(enriched.get("mentions"), "@")),
        ("hashtags", _words(enriched.get("hashtags"), "#")),
        ("links", _list(enriched.get("urls"), link, "")),
        ("summary", _text(enriched.get("summary"), lang)),
    ]
    return definitions(rows)


def page_fields(page: Record) -> str:
    """What the cleanup read from an HTML page's metadata (`cleanup.page`), if anything."""
    if not page:
        return ""
    rows = [(str(k), link(v) if k == "url" else _text(v, "")) for k, v in page.items()]
    return "<h3>Read from the page</h3>" + definitions(rows)


def definitions(rows: Iterable[tuple[str, str]]) -> str:
    """A definition list of names (escaped here) and values (HTML already)."""
    items = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in rows)
    return f'<dl class="fields">{items}</dl>'


def entity_table(enriched: Record, lang: str) -> str:
    """Each entity: its type (in its colour), canonical name, surface forms, count, sources."""
    entities = enriched.get("entities") or []
    if not entities:
        return NONE
    rows = "".join(
        f'<tr><td><span class="chip {entity_class(str(e.get("type")))}">{esc(e.get("type"))}'
        f"</span></td><td>{esc(e.get('name'))}</td>"
        f'<td{lang} dir="auto">{esc(", ".join(map(str, e.get("aliases") or [])))}</td>'
        f"<td>{esc(e.get('count'))}</td><td>{esc(', '.join(map(str, e.get('sources') or [])))}"
        "</td></tr>"
        for e in entities
    )
    head = "<tr><th>type</th><th>name</th><th>as written</th><th>count</th><th>from</th></tr>"
    return f'<table class="index">{head}{rows}</table>'


def _text(value: object, lang: str) -> str:
    if value is None or value == "":
        return NONE
    return f'<span{lang} dir="auto">{esc(value)}</span>'


def _duplicate(of: object, links: Mapping[str, str]) -> str:
    if not of:
        return NONE
    href = links.get(str(of))
    shown = esc(of)
    return f'<a href="{esc(href)}">{shown}</a> (on this page)' if href else shown


def _list(values: object, show: Callable[[Any], str], lang: str) -> str:
    if not isinstance(values, list) or not values:
        return NONE
    items = "".join(f'<li dir="auto">{show(v)}</li>' for v in values)
    return f"<ul{lang}>{items}</ul>"


def _words(values: object, sign: str) -> str:
    if not isinstance(values, list) or not values:
        return NONE
    return esc(" ".join(f"{sign}{v}" for v in values))


def _keyword(keyword: Record) -> str:
    return f'{esc(keyword.get("term"))} <span class="meta">{esc(keyword.get("score"))}</span>'


def _date(date: Record) -> str:
    where = " · ".join(esc(date.get(k)) for k in ("kind", "where") if date.get(k))
    return f'{esc(date.get("date"))} ← “{esc(date.get("text"))}” <span class="meta">{where}</span>'


def _embed(embed: Record) -> str:
    who = " ".join(
        part
        for part in (
            esc(embed.get("author_name") or ""),
            f"@{esc(embed['handle'])}" if embed.get("handle") else "",
        )
        if part
    )
    about = " · ".join(
        part
        for part in (
            esc(embed.get("platform") or ""),
            who,
            esc(embed.get("date") or ""),
            f"{esc(embed.get('copies'))} copies" if (embed.get("copies") or 1) > 1 else "",
        )
        if part
    )
    url = f" {link(embed['url'])}" if embed.get("url") else ""
    return f'<b>{about}</b>{url}<br><span dir="auto">{esc(embed.get("text") or "")}</span>'


def _related(related: Record) -> str:
    title = related.get("title") or related.get("url") or ""
    return link(related.get("url"), title) if related.get("url") else esc(title)
