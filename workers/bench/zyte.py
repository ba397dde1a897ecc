"""Article-body extraction benchmark (scrapinghub/article-extraction-benchmark, 181 pages).

Scoring as the benchmark defines it: word tokens, sets of 4-token shingles, precision and recall
per page, averaged over pages; F1 of the averages. Khabar's cleaned body and trafilatura's plain
extraction are scored in the same run, on the same pages.
"""

from __future__ import annotations

import gzip
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson
import regex

_TOKEN = regex.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class Page:
    id: str
    url: str | None
    html: str
    truth: str


@dataclass(frozen=True)
class Score:
    name: str
    precision: float
    recall: float
    seconds: float
    pages: int
    errors: int = 0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def token_shingles(tokens: list[str], n: int = SHINGLE) -> set[tuple[str, ...]]:
    """The n-token shingles of tokens (a text of fewer tokens is one shingle)."""
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def shingles(text: str) -> set[tuple[str, ...]]:
    return token_shingles(_TOKEN.findall(text))


def set_score(pred: set[tuple[str, ...]], true: set[tuple[str, ...]]) -> tuple[float, float]:
    """Precision and recall of predicted shingles; an empty side scores as a reader would
    expect."""
    if not pred and not true:
        return 1.0, 1.0
    if not pred:
        return 0.0, 0.0
    if not true:
        return 0.0, 1.0
    tp = len(pred & true)
    return tp / len(pred), tp / len(true)


def page_score(predicted: str, truth: str) -> tuple[float, float]:
    """Precision and recall of one page."""
    return set_score(shingles(predicted), shingles(truth))


def load_pages(folder: Path) -> Iterator[Page]:
    truth = orjson.loads((folder / "ground-truth.json").read_bytes())
    for page_id in sorted(truth):
        path = folder / "html" / f"{page_id}.html.gz"
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        yield Page(page_id, truth[page_id].get("url"), html, truth[page_id]["articleBody"])


def score(
    name: str,
    extractor: Callable[[Page], str],
    pages: list[Page],
    done: Callable[[int], object] = lambda _: None,
) -> Score:
    precisions, recalls = [], []
    errors = 0
    started = time.perf_counter()
    for page in pages:
        try:
            predicted = extractor(page)
        except Exception:  # scored as an empty extraction, and counted
            predicted = ""
            errors += 1
        p, r = page_score(predicted, page.truth)
        precisions.append(p)
        recalls.append(r)
        done(1)
    seconds = time.perf_counter() - started
    n = len(pages)
    return Score(name, sum(precisions) / n, sum(recalls) / n, seconds, n, errors)


def trafilatura_body(page: Page) -> str:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url) or ""


def trafilatura_as_configured(page: Page) -> str:
    from workers.stages.cleanup.html.page import library_extract

    return library_extract(page.html, page.url)[0]


def run(
    folder: Path,
    cleanup: Callable[[dict[str, Any], dict[str, float]], dict[str, Any]],
    progress: Callable[[int], object] = lambda _: None,
) -> list[Score]:
    """Three extractors on the same pages: trafilatura as most users call it, trafilatura as
    Khabar calls it (precision mode, fallback, metadata: the library's own cost), and Khabar's
    cleanup stage (`cleanup`: its function, raw article in, cleaned payload out); and Khabar's
    body with the text of the posts it moved to `embeds` put back, as the benchmark's ground
    truth keeps embedded tweets in the body (scored from the same run, so its ms are 0)."""
    embedded: dict[str, str] = {}

    def khabar_body(page: Page) -> str:
        cleaned = cleanup({"html": page.html, "url": page.url or ""}, {})
        posts = [e["text"] for e in cleaned["embeds"] if e.get("text")]
        body = "\n\n".join(cleaned["paragraphs"])
        embedded[page.id] = "\n\n".join([body, *posts])
        return body

    pages = list(load_pages(folder))
    scores = [
        score("trafilatura (plain extract)", trafilatura_body, pages, progress),
        score("trafilatura (khabar settings)", trafilatura_as_configured, pages, progress),
        score("khabar cleanup", khabar_body, pages, progress),
    ]
    posts_kept = score("khabar, posts in the body", lambda p: embedded.get(p.id, ""), pages)
    return [*scores, replace(posts_kept, seconds=0.0)]


def report(scores: list[Score]) -> str:
    lines = [
        f"{'extractor':<30} {'precision':>9} {'recall':>7} {'F1':>6} {'ms/page':>8}",
    ]
    for s in scores:
        lines.append(
            f"{s.name:<30} {s.precision:>9.4f} {s.recall:>7.4f} {s.f1:>6.4f} "
            f"{1000 * s.seconds / s.pages:>8.1f}"
            + (f"  ({s.errors} pages failed)" if s.errors else "")
        )
    return "\n".join(lines)
