"""Entity quality on public gold-annotated news (`khabar bench extract FOLDER` when the folder
holds `<language>/<split>.jsonl`): mention precision, recall and F1 per language and split, and
per type its recall (in the table) or precision and recall (in the JSON).

A record is a sentence group or an article: its paragraphs and its gold entities, each a PERSON,
ORG or LOC span in one paragraph (the folder's README names the sources, licences, conventions).
The extract stage reads the paragraphs as a cleaned article; each of its entities' spans in the body
is a predicted mention. A mention is correct when a gold one has the same start, end and type
(CoNLL's exact match), so a name found with a title inside it, or cut short, is both a miss and
a false alarm. The dev split is for looking at misses; the test split is for reporting.

Labels of a benchmark's articles (`tests/stages/extract/scraped`) name their text instead of
holding it, so the text is not copied here: `texts` is the folder of those benchmarks
(`../shared/bench`), and a hash checks that the text read is the one labelled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from workers.bench.labelled import TYPES, Tally, as_cleaned
from workers.pipeline.processor import Processor
from workers.pipeline.runner import apply
from workers.stages.extract.analysis import PARAGRAPH_SEPARATOR

SPLITS = ("dev", "test")
Mention = tuple[int, int, str]  # start and end in the body, type


def count(tally: Tally, gold: set[Mention], predicted: set[Mention]) -> None:
    """Mentions into a tally: a correct one is both a true positive and a gold one found."""
    correct = len(gold & predicted)
    tally.expected += len(gold)
    tally.predicted += len(predicted)
    tally.true_positive += correct
    tally.found += correct


@dataclass
class Group:
    """The scores of one language's split: all types, and each."""

    records: int = 0
    all: Tally = field(default_factory=Tally)
    types: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TYPES})


@dataclass
class Report:
    groups: dict[tuple[str, str], Group] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def is_gold_folder(folder: Path) -> bool:
    return any((d / f"{s}.jsonl").is_file() for d in folder.iterdir() if d.is_dir() for s in SPLITS)


class TextMissing(Exception):
    """A record names a benchmark's text that is not where it was asked for, or not the same."""


def load(
    folder: Path, splits: Iterable[str] = SPLITS, texts: Path | None = None
) -> Iterator[tuple[str, str, Any]]:
    """(language, split, record) for every record of the folder's splits asked for, each with
    its paragraphs (read from `texts` when the record names them)."""
    for path in sorted(folder.glob("*/*.jsonl")):
        if path.stem in splits:
            for line in path.read_bytes().splitlines():
                if line.strip():
                    record = orjson.loads(line)
                    if "paragraphs" not in record:
                        record["paragraphs"] = named_text(record, texts)
                    yield path.parent.name, path.stem, record


def named_text(record: dict[str, Any], texts: Path | None) -> list[str]:
    """The paragraphs a record names: an indic-scraped case's body, or a Zyte page's article
    body from its start to the paragraph that reaches `chars` characters."""
    where = record.get("text")
    if not isinstance(where, dict) or "bench" not in where:
        raise TextMissing(f"{record.get('id')}: no paragraphs, and no text named")
    if texts is None:
        raise TextMissing(f"{record['id']} names its text in {where['bench']}: give --texts")
    try:
        if where["bench"] == "indic-scraped":
            case = orjson.loads(
                (texts / "indic-scraped" / "cases" / f"{where['case']}.json").read_bytes()
            )
            paragraphs = [p for p in case["body_paragraphs"] if p.strip()]
        else:
            paragraphs = _opening(_zyte_bodies(texts / "zyte")[where["page"]], where["chars"])
    except (OSError, KeyError, ValueError) as error:  # ValueError: no JSON
        raise TextMissing(
            f"{record['id']}: no {where['bench']} text under {texts} ({error})"
        ) from None
    if hashlib.sha1("\n".join(paragraphs).encode()).hexdigest() != record["sha1"]:
        raise TextMissing(f"{record['id']}: the text under {texts} is not the one labelled")
    return paragraphs


@cache
def _zyte_bodies(folder: Path) -> dict[str, str]:
    truth = orjson.loads((folder / "ground-truth.json").read_bytes())
    return {page: entry["articleBody"] for page, entry in truth.items()}


def _opening(body: str, chars: int) -> list[str]:
    paragraphs, length = [], 0
    for paragraph in filter(None, (line.strip() for line in body.split("\n"))):
        paragraphs.append(paragraph)
        length += len(paragraph)
        if length >= chars:
            break
    return paragraphs


def gold_mentions(record: dict[str, Any]) -> set[Mention]:
    """The record's gold entities as spans in the body its paragraphs make."""
    starts, at = [], 0
    for paragraph in record["paragraphs"]:
        starts.append(at)
        at += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return {
        (starts[e["paragraph"]] + e["start"], starts[e["paragraph"]] + e["end"], e["type"])
        for e in record["entities"]
        if e["type"] in TYPES
    }


def predicted_mentions(enriched: dict[str, Any]) -> set[Mention]:
    return {
        (start, end, entity["type"])
        for entity in enriched["entities"]
        if entity["type"] in TYPES
        for start, end in entity.get("spans", [])
    }


def score(records: Iterable[tuple[str, str, Any]], extract: Processor) -> Report:
    """Every record through the extract stage, scored by language and split."""
    report = Report()
    for language, split, record in records:
        fixture = {"id": record["id"], "input": {"paragraphs": record["paragraphs"]}}
        enriched = apply(extract, as_cleaned(fixture))
        gold, predicted = gold_mentions(record), predicted_mentions(enriched)
        group = report.groups.setdefault((language, split), Group())
        group.records += 1
        count(group.all, gold, predicted)
        for kind in TYPES:
            count(
                group.types[kind],
                {m for m in gold if m[2] == kind},
                {m for m in predicted if m[2] == kind},
            )
        body = enriched["body"]
        report.misses.extend(
            f"{split} {record['id']}: {what} {m[2]} {body[m[0] : m[1]]!r}"
            for what, mentions in (("missed", gold - predicted), ("extra", predicted - gold))
            for m in sorted(mentions)
        )
    return report


def render(report: Report, verbose: bool = False) -> str:
    head = f"{'language split':<16} {'records':>7} {'precision':>9} {'recall':>7} {'F1':>6}"
    lines = [head + "".join(f" {t + ' R':>9}" for t in TYPES) + f" {'mentions':>8}"]
    for (language, split), group in sorted(report.groups.items()):
        c = group.all
        recalls = "".join(f" {group.types[t].recall:>9.3f}" for t in TYPES)
        lines.append(
            f"{language + ' ' + split:<16} {group.records:>7} {c.precision:>9.3f} "
            f"{c.recall:>7.3f} {c.f1:>6.3f}{recalls} {c.expected:>8}"
        )
    if verbose:
        lines.extend(report.misses)
    return "\n".join(lines)


def as_json(report: Report) -> bytes:
    return orjson.dumps(
        {
            f"{language} {split}": {
                "records": group.records,
                "precision": round(group.all.precision, 4),
                "recall": round(group.all.recall, 4),
                "f1": round(group.all.f1, 4),
                "types": {
                    t: {
                        "precision": round(c.precision, 4),
                        "recall": round(c.recall, 4),
                        "gold": c.expected,
                    }
                    for t, c in group.types.items()
                },
            }
            for (language, split), group in sorted(report.groups.items())
        }
    )
