"""Cleaned articles for the extraction step tests: the fields a step reads, nothing more."""

from __future__ import annotations

from typing import Any

from workers.stages.extract.analysis import Analysis
from workers.stages.text.sentences import SentenceSplitter

SPLITTER = SentenceSplitter(frozenset({"Dr", "डॉ"}))


def cleaned(*paragraphs: str, **fields: Any) -> dict[str, Any]:
    article: dict[str, Any] = {
        "id": "a1",
        "url": None,
        "source": None,
        "title": None,
        "published_at": None,
        "fetched_at": None,
        "meta": {},
        "dateline": None,
        "paragraphs": list(paragraphs),
        "embeds": [],
        "related": [],
        "cleanup": {"removed": [], "repaired": []},
    }
    return {**article, **fields}


def analysis(*paragraphs: str, **fields: Any) -> Analysis:
    return Analysis(cleaned(*paragraphs, **fields), SPLITTER)
