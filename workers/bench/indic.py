"""Cleanup quality on scraped text labelled line by line (`khabar bench indic`).

The folder holds `cases/*.json` as `../shared/bench/indic-scraped` defines them: the raw scrape,
one label per line (body, or the kind of noise), inline noise spans and the gold body. Scored as
that set's `score.py` scores: body precision and recall on 4-token shingles of NFC tokens
`[\\p{L}\\p{M}\\p{N}_]+`, per case, averaged; and the share of noise items (of 3 tokens or more)
that leak, an item leaking when at least half of its 3-token windows occur more often in the
output than in the gold body. Cases are grouped into a development and a held-out split by the
split file (sites, or single cases, kept out of tuning).
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
import regex

from workers import data
from workers.bench.zyte import set_score, token_shingles
from workers.pipeline.processor import Processor
from workers.pipeline.table import Stage

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}_]+")
Cleaner = Callable[[dict[str, Any]], list[str]]


@dataclass(frozen=True)
class Split:
    """Which cases are held out of tuning: whole sites, and single cases of a kept site."""

    sites: frozenset[str]
    cases: frozenset[str]

    @classmethod
    def load(cls, folder: str = "indic-scraped") -> Split | None:
        """The split of the labelled folder of that name, if one is decided."""
        split = data.toml("bench", "indic_split.toml").get(folder)
        if split is None:
            return None
        held = split["held_out"]
        return cls(frozenset(held["sites"]), frozenset(held["cases"]))

    def of(self, case: dict[str, Any]) -> str:
        held = case.get("site") in self.sites or case["id"] in self.cases
        return "held-out" if held else "dev"


def part_of(split: Split | None, case: dict[str, Any]) -> str:
    """The case's split ("dev", "held-out"), or "all" in a folder without one."""
    return "all" if split is None else split.of(case)


@dataclass
class Leaks:
    items: int = 0
    leaked: int = 0

    def add(self, leaked: bool) -> None:
        self.items += 1
        self.leaked += leaked

    @property
    def share(self) -> float:
        return self.leaked / self.items if self.items else 0.0


@dataclass
class Group:
    """Body scores and leaks of the cases of one group (all, a split, a source, a language)."""

    scores: list[tuple[float, float]] = field(default_factory=list)
    leaks: Leaks = field(default_factory=Leaks)

    @property
    def precision(self) -> float:
        return sum(p for p, _ in self.scores) / len(self.scores) if self.scores else 0.0

    @property
    def recall(self) -> float:
        return sum(r for _, r in self.scores) / len(self.scores) if self.scores else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass
class Report:
    groups: dict[str, Group] = field(default_factory=lambda: defaultdict(Group))
    labels: dict[str, dict[str, Leaks]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(Leaks))
    )  # split -> label -> leaks
    details: list[dict[str, Any]] = field(default_factory=list)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(unicodedata.normalize("NFC", text))


def _grams(toks: list[str], n: int = 3) -> Counter[tuple[str, ...]]:
    if len(toks) < n:
        return Counter([tuple(toks)]) if toks else Counter()
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


def body_score(predicted: list[str], gold: list[str]) -> tuple[float, float]:
    return set_score(token_shingles(predicted), token_shingles(gold))


def noise_items(case: dict[str, Any]) -> list[tuple[str, int, str]]:
    """(label, line, text) of every noise line and inline span of 3 tokens or more."""
    items = [
        (label, no, line.strip())
        for no, (line, label) in enumerate(
            zip(case["raw"].split("\n"), case["labels"], strict=True)
        )
        if label not in ("body", "blank")
    ]
    items += [
        (span.get("label", "other_noise"), span["line"], span["text"].strip())
        for span in case.get("inline_noise", [])
    ]
    return [item for item in items if len(tokens(item[2])) >= 3]


def leaked_items(
    case: dict[str, Any], out: Counter[tuple[str, ...]], gold: Counter[tuple[str, ...]]
) -> Iterable[tuple[str, int, str, bool]]:
    """Each noise item with whether it leaked; identical items leak once per surplus copy."""
    by_tokens: dict[tuple[str, ...], list[tuple[str, int, str]]] = defaultdict(list)
    for item in noise_items(case):
        by_tokens[tuple(tokens(item[2]))].append(item)
    for seq, copies in by_tokens.items():
        surplus = sorted((max(0, out[w] - gold[w]) for w in _grams(list(seq))), reverse=True)
        extra = min(len(copies), surplus[(len(surplus) - 1) // 2]) if surplus else 0
        for k, (label, no, text) in enumerate(copies):
            yield label, no, text, k < extra


def load_cases(folder: Path) -> list[dict[str, Any]]:
    return [orjson.loads(path.read_bytes()) for path in sorted((folder / "cases").glob("*.json"))]


def score(cases: list[dict[str, Any]], clean: Cleaner, split: Split | None) -> Report:
    report = Report()
    for case in cases:
        predicted = tokens("\n".join(clean(case)))
        gold = tokens("\n".join(case["body_paragraphs"]))
        part = part_of(split, case)
        names = dict.fromkeys(("all", part, f"language {case['language']}"))
        groups = [report.groups[name] for name in names]
        groups.append(report.groups[f"source {case.get('site', case['id'].rsplit('_', 1)[0])}"])
        p, r = body_score(predicted, gold)
        leaks = []
        for label, no, text, leaked in leaked_items(case, _grams(predicted), _grams(gold)):
            report.labels[part][label].add(leaked)
            for group in groups:
                group.leaks.add(leaked)
            if leaked:
                leaks.append({"label": label, "line": no, "text": text})
        for group in groups:
            group.scores.append((p, r))
        report.details.append(
            {"id": case["id"], "split": part, "precision": p, "recall": r, "leaked": leaks}
        )
    return report


def khabar_cleaner(stages: Mapping[Stage, Processor]) -> Cleaner:
    """Khabar's stages as a cleaner, the cases a stream in the order scored: the scrape in as
    an article's text from its site, no title (the scraper gave none), the cleaned paragraphs
    out; each article then enriched, so the memory of the sites' recurring lines holds it as a
    worker's does. A case refused as no article is an empty body."""
    from workers.contract.events import NotAnArticleError
    from workers.pipeline.runner import apply

    def clean(case: dict[str, Any]) -> list[str]:
        raw = {"id": case["id"], "source": case.get("site"), "text": case["raw"]}
        try:
            cleaned = apply(stages[Stage.CLEANUP], raw)
        except NotAnArticleError:
            return []
        apply(stages[Stage.EXTRACT], cleaned)
        return list(cleaned["paragraphs"])

    return clean


def render(report: Report) -> str:
    lines = [f"{'group':<34} {'cases':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'leaked':>8}"]
    order = sorted(report.groups, key=lambda g: (g != "all", g != "dev", g != "held-out", g))
    for name in order:
        g = report.groups[name]
        lines.append(
            f"{name:<34} {len(g.scores):>5} {g.precision:>9.3f} {g.recall:>7.3f} {g.f1:>6.3f} "
            f"{g.leaks.share:>7.1%}"
        )
    for part in sorted(report.labels):
        lines += ["", f"Noise leaked by label ({part}): items of 3 tokens or more kept in the body"]
        labels = report.labels[part]
        for label in sorted(labels, key=lambda k: (-labels[k].leaked, k)):
            n = labels[label]
            lines.append(f"  {label:<16} {n.leaked:>4} of {n.items:<4} {n.share:>7.1%}")
    return "\n".join(lines)


def as_json(report: Report) -> bytes:
    summary = {
        name: {
            "cases": len(g.scores),
            "precision": round(g.precision, 4),
            "recall": round(g.recall, 4),
            "f1": round(g.f1, 4),
            "leaked_share": round(g.leaks.share, 4),
        }
        for name, g in report.groups.items()
    }
    labels = {
        part: {label: [n.leaked, n.items] for label, n in by_label.items()}
        for part, by_label in report.labels.items()
    }
    return orjson.dumps({"groups": summary, "leaked_by_label": labels})
