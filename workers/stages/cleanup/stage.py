"""The cleanup stage: a raw article (scraped text and/or a whole page) in, clean paragraphs,
embedded posts, related links and a record of everything removed out.

It is a list of small steps over a `Draft` (the way structlog composes processors): each noise
kind lives in one module, with its rules loaded once into a typed object the step receives.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workers.contract.events import Event, NotAnArticleError
from workers.stages.cleanup.boilerplate import BoilerplateRules, drop_boilerplate, drop_separators
from workers.stages.cleanup.captions import CaptionRules, drop_captions
from workers.stages.cleanup.dateline import DatelineRules, split_dateline
from workers.stages.cleanup.draft import Draft
from workers.stages.cleanup.duplicates import drop_repeats
from workers.stages.cleanup.edges import EdgeRules, drop_date_stamp, drop_title, drop_trailers
from workers.stages.cleanup.embeds import EmbedRules, extract_embeds
from workers.stages.cleanup.html.page import PageRules, read_page
from workers.stages.cleanup.lines import split_lines
from workers.stages.cleanup.markup import MarkupRules, strip_markup
from workers.stages.cleanup.promos import PromoRules, extract_related
from workers.stages.cleanup.repair import (
    join_broken_lines,
    repair_glued_sentences,
    split_glued_handles,
)
from workers.stages.cleanup.shape import ShapeRules, drop_header_furniture, drop_stray_headlines
from workers.stages.gazetteer import Gazetteer
from workers.stages.steps import Step, run_steps, step
from workers.stages.text.months import Months
from workers.stages.text.words import words


@dataclass(frozen=True)
class CleanupRules:
    """Every cleanup step's rules, loaded once."""

    page: PageRules
    markup: MarkupRules
    embeds: EmbedRules
    promos: PromoRules
    boilerplate: BoilerplateRules
    captions: CaptionRules
    edges: EdgeRules
    dateline: DatelineRules
    shape: ShapeRules

    @classmethod
    def load(cls, months: Months, gazetteer: Gazetteer) -> CleanupRules:
        embeds = EmbedRules.load(months)
        promos = PromoRules.load()
        boilerplate = BoilerplateRules.load()
        return cls(
            page=PageRules.of(embeds, promos),
            markup=MarkupRules.load(embeds.status_urls()),
            embeds=embeds,
            promos=promos,
            boilerplate=boilerplate,
            captions=CaptionRules.load(boilerplate.lines["credit"]),
            edges=EdgeRules.load(months),
            dateline=DatelineRules.load(gazetteer),
            shape=ShapeRules.load(),
        )


def cleanup_steps(rules: CleanupRules) -> tuple[Step[Draft], ...]:
    """The steps, in order: the page and the lines first, then each kind of noise."""
    return (
        step(read_page, rules.page),
        step(split_lines),
        step(strip_markup, rules.markup),
        step(split_glued_handles),
        step(join_broken_lines),
        step(drop_separators),
        step(extract_embeds, rules.embeds),
        step(extract_related, rules.promos),
        step(drop_captions, rules.captions),
        step(drop_boilerplate, rules.boilerplate),
        step(drop_date_stamp, rules.edges),
        step(drop_header_furniture, rules.shape),
        step(drop_stray_headlines, rules.shape),
        step(drop_title, rules.edges),
        step(split_dateline, rules.dateline),
        step(repair_glued_sentences),
        step(drop_repeats),
        step(drop_trailers, rules.edges),
    )


class EmptyArticleError(NotAnArticleError):
    """Too little of the article is left after cleanup: it was all noise, or the page had no
    body (navigation only)."""


class Cleanup:
    """The stage: `cleanup(raw, timings)` is the cleaned payload (the runner adds the envelope).
    A body of fewer than `min_words` words is no article."""

    def __init__(self, steps: Sequence[Step[Draft]], min_words: int = 1) -> None:
        self.steps = tuple(steps)
        self.min_words = max(min_words, 1)

    def __call__(self, raw: Event, timings: dict[str, float] | None = None) -> Event:
        draft = run_steps(self.steps, Draft.of(raw), timings)
        count = sum(len(words(line.text)) for line in draft.lines)
        if count < self.min_words:
            raise EmptyArticleError(
                f"{count} words of body left after cleanup, fewer than {self.min_words} "
                f"(KHABAR_MIN_WORDS); {len(draft.removed)} pieces removed as noise"
            )
        return payload(raw, draft)


def payload(raw: Event, draft: Draft) -> Event:
    """The cleaned article: what the raw one gave, else what its page said, and the draft's
    findings."""
    page = draft.page
    cleanup: Event = {"removed": draft.removed, "repaired": draft.repaired}
    if page:
        cleanup["page"] = page
    related = [r for r in draft.page_related if r not in draft.related] + draft.related
    return {
        "url": raw.get("url") or page.get("url"),
        "source": raw.get("source") or page.get("sitename"),
        "title": draft.title,
        "published_at": raw.get("published_at") or page.get("date"),
        "fetched_at": raw.get("fetched_at"),
        "language_hint": raw.get("language") or page.get("language"),
        "meta": raw.get("meta") or {},
        "dateline": draft.dateline,
        "paragraphs": [line.text for line in draft.lines],
        "embeds": draft.embeds,
        "related": related,
        "cleanup": cleanup,
    }
