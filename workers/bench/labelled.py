"""Extraction quality on hand-labelled articles: entity precision and recall per type, dates,
and category accuracy (`khabar bench extract`).

An expected entity with a canonical name is found when an entity of its type has that name; one
without (a person the gazetteers do not know) when an entity of its type has its surface form
among its aliases. A predicted entity is correct when it is some expected entity in that sense.
A date is found when a predicted date has the same day and overlapping surface text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from workers.pipeline.processor import Processor
from workers.pipeline.runner import apply

TYPES = ("PERSON", "ORG", "LOC")


@dataclass
class Tally:
    true_positive: int = 0
    predicted: int = 0
    expected: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    articles: int = 0
    entities: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TYPES})
    known: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TYPES})
    dates: Tally = field(default_factory=Tally)
    categories: Counter[bool] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    # All three types' entities, by the articles' language ("hi", "en").
    languages: dict[str, Tally] = field(default_factory=dict)

    @property
    def all_entities(self) -> Tally:
        """The three types' tallies summed: one precision and recall for all entities."""
        return Tally(*(sum(getattr(t, part) for t in self.entities.values()) for part in _PARTS))


_PARTS = ("true_positive", "predicted", "expected", "found")


def as_cleaned(fixture: dict[str, Any]) -> dict[str, Any]:
    """A cleaned event made of a fixture's input (its paragraphs are already clean)."""
    given = fixture["input"]
    return {
        "schema": {"name": "article.cleaned", "version": 1},
        "id": fixture.get("id", "fixture"),
        "url": None,
        "source": None,
        "title": given.get("title"),
        "published_at": given.get("published_at"),
        "fetched_at": None,
        "language_hint": None,
        "meta": {},
        "dateline": given.get("dateline"),
        "paragraphs": given["paragraphs"],
        "embeds": [],
        "related": [],
        "cleanup": {"removed": [], "repaired": []},
        "pipeline": {"version": "eval", "stages": {}},
    }


def _is(entity: dict[str, Any], expected: dict[str, Any]) -> bool:
    if entity["type"] != expected["type"]:
        return False
    if expected.get("name"):
        return bool(entity["name"] == expected["name"])
    return expected["surface"] in entity["aliases"]


def score(folder: Path, extract: Processor) -> Report:
    """The labelled articles in `folder` through the extract stage."""
    report = Report()
    for path in sorted(folder.glob("*.json")):
        fixture = orjson.loads(path.read_bytes())
        enriched = apply(extract, as_cleaned(fixture))
        want = fixture["expected"]
        report.articles += 1
        language = report.languages.setdefault(str(fixture.get("language")), Tally())
        for kind in TYPES:
            expected = [e for e in want["entities"] if e["type"] == kind]
            predicted = [e for e in enriched["entities"] if e["type"] == kind]
            found = [any(_is(p, e) for p in predicted) for e in expected]
            right = [any(_is(p, e) for e in expected) for p in predicted]
            for tally in (report.entities[kind], language):
                tally.expected += len(expected)
                tally.found += sum(found)
                tally.predicted += len(predicted)
                tally.true_positive += sum(right)
            known = [hit for e, hit in zip(expected, found, strict=True) if e.get("name")]
            report.known[kind].expected += len(known)
            report.known[kind].found += sum(known)
            report.misses.extend(
                f"{path.stem}: missed {kind} {e.get('name')} ({e['surface']})"
                for e, hit in zip(expected, found, strict=True)
                if not hit
            )
            report.misses.extend(
                f"{path.stem}: extra {kind} {p['name']} {p['aliases']}"
                for p, hit in zip(predicted, right, strict=True)
                if not hit
            )
        _score_dates(
            report,
            path.stem,
            want["dates"],
            [d for d in enriched["dates"] if d.get("where") != "embed"],
        )
        report.categories[enriched["category"] == want.get("category")] += 1
    return report


def _score_dates(
    report: Report, name: str, expected: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> None:
    def same(p: dict[str, Any], e: dict[str, Any]) -> bool:
        return bool(
            p["date"] == e["date"] and (e["surface"] in p["text"] or p["text"] in e["surface"])
        )

    unused = list(predicted)
    for e in expected:
        match = next((p for p in unused if same(p, e)), None)
        if match is not None:
            unused.remove(match)
            report.dates.found += 1
        else:
            report.misses.append(f"{name}: missed date {e['date']} ({e['surface']})")
    report.dates.expected += len(expected)
    report.dates.predicted += len(predicted)
    report.dates.true_positive += len(predicted) - len(unused)
    report.misses.extend(f"{name}: extra date {p['date']} ({p['text']})" for p in unused)


def render(report: Report, verbose: bool = False) -> str:
    lines = [
        f"{report.articles} labelled articles",
        f"{'':<22} {'precision':>9} {'recall':>7} {'expected':>8} {'F1':>6}",
    ]
    by_language = [(f"entities, {lang}", t) for lang, t in sorted(report.languages.items())]
    rows = [*report.entities.items(), ("entities", report.all_entities)]
    for kind, t in rows + (by_language if len(by_language) > 1 else []):
        lines.append(
            f"{kind:<22} {t.precision:>9.3f} {t.recall:>7.3f} {t.expected:>8} {t.f1:>6.3f}"
        )
    for kind in TYPES:
        t = report.known[kind]
        lines.append(f"{kind + ' (gazetteer)':<22} {'':>9} {t.recall:>7.3f} {t.expected:>8}")
    d = report.dates
    lines.append(f"{'dates':<22} {d.precision:>9.3f} {d.recall:>7.3f} {d.expected:>8}")
    total = sum(report.categories.values()) or 1
    lines.append(f"category accuracy {report.categories[True] / total:.3f}")
    if verbose:
        lines.extend(report.misses)
    return "\n".join(lines)
