"""The cleanup stage: `clean(raw) -> cleaned`, a pure function over plain dicts.

It is a list of small steps, each a function from a `Draft` to a `Draft` (the way structlog composes
processors), so each noise kind lives in one module and is tested alone.
"""

from __future__ import annotations

from typing import Any

from workers import __version__
from workers.events import article_id, schema_tag
from workers.stages.cleanup.boilerplate import drop_boilerplate, drop_separators
from workers.stages.cleanup.dateline import split_dateline
from workers.stages.cleanup.draft import Draft, Line, Step
from workers.stages.cleanup.duplicates import drop_repeats
from workers.stages.cleanup.edges import drop_date_stamp, drop_title, drop_trailers
from workers.stages.cleanup.embeds import extract_embeds
from workers.stages.cleanup.html import extract_page
from workers.stages.cleanup.markup import strip_markup
from workers.stages.cleanup.promos import extract_related
from workers.stages.cleanup.repair import repair_glued_sentences, split_glued_handles
from workers.stages.normalize import normalize_text, squash_spaces

STEPS: tuple[Step, ...] = (
    strip_markup,
    split_glued_handles,
    drop_separators,
    extract_embeds,
    extract_related,
    drop_boilerplate,
    drop_title,
    drop_date_stamp,
    split_dateline,
    repair_glued_sentences,
    drop_repeats,
    drop_trailers,
)


class EmptyArticleError(ValueError):
    """Nothing of the article is left after cleanup: it was all noise, or the page had no body."""


def clean(raw: dict[str, Any]) -> dict[str, Any]:
    """Turn a raw article (text and/or html) into clean paragraphs, embeds and related links."""
    page: dict[str, Any] = {}
    page_embeds: list[dict[str, Any]] = []
    page_related: list[dict[str, Any]] = []
    text = raw.get("text") or ""
    if raw.get("html"):
        html_text, page, page_embeds, page_related = extract_page(raw["html"], raw.get("url"))
        text = text or html_text
    title = squash_spaces(normalize_text(raw.get("title") or page.get("title") or "")) or None
    draft = run_steps(text, raw.get("language"), page_embeds=page_embeds, title=title)
    draft.related[:0] = [r for r in page_related if r not in draft.related]
    if not draft.lines:
        raise EmptyArticleError(
            f"no body text left after cleanup ({len(draft.removed)} pieces removed as noise)"
        )
    cleanup: dict[str, Any] = {"removed": draft.removed, "repaired": draft.repaired}
    if page:
        cleanup["page"] = page
    return {
        "schema": schema_tag("article.cleaned"),
        "id": article_id(raw),
        "url": raw.get("url") or page.get("url"),
        "source": raw.get("source") or page.get("sitename"),
        "title": title,
        "published_at": raw.get("published_at") or page.get("date"),
        "fetched_at": raw.get("fetched_at"),
        "language_hint": raw.get("language") or page.get("language"),
        "meta": raw.get("meta") or {},
        "dateline": draft.dateline,
        "paragraphs": [line.text for line in draft.lines],
        "embeds": draft.embeds,
        "related": draft.related,
        "cleanup": cleanup,
        "pipeline": {"version": __version__, "stages": {}},
    }


def run_steps(
    text: str,
    language: str | None = None,
    steps: tuple[Step, ...] = STEPS,
    page_embeds: list[dict[str, Any]] | None = None,
    title: str | None = None,
) -> Draft:
    """Normalise the text, split it into lines and pass it through every step.

    `page_embeds` are posts already taken out of an HTML page's markup."""
    lines = [
        Line(stripped, no)
        for no, line in enumerate(normalize_text(text).split("\n"), start=1)
        if (stripped := line.strip())
    ]
    draft = Draft(lines=lines, language=language, title=title)
    for embed in page_embeds or []:
        draft.embeds.append(embed)
        draft.note_removed("embed", embed["text"] or embed["url"] or embed["platform"], None)
    for step in steps:
        draft = step(draft)
    return draft
