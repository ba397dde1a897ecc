"""Whole HTML pages: main content and metadata by trafilatura, the field's reference extractor."""

from __future__ import annotations

from typing import Any

import trafilatura

_META_FIELDS = ("title", "author", "date", "url", "sitename", "language", "description")


def extract_page(html: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """The page's main text (one paragraph a line) and its metadata; empty text if none found."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        deduplicate=False,
    )
    if document is None:
        return "", {}
    values = document if isinstance(document, dict) else document.as_dict()
    meta = {k: values.get(k) for k in _META_FIELDS if values.get(k)}
    return values.get("text") or "", meta
