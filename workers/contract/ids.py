"""Article ids and message keys: the producer's id, else a stable hash of the canonical URL,
else of the content; every event of one article is keyed by it."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that track a click, not an article: dropped from the canonical URL.
_TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "ref", "ref_src", "cmpid", "ito", "amp")


def canonical_url(url: str) -> str:
    """The URL that names the article: lower-case host, no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(_TRACKING_PARAMS)
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "https", host, path, urlencode(sorted(query)), ""))


def stable_hash(content: str | bytes) -> str:
    """A short, stable hex digest (64 bits of BLAKE2b): ids and keys, not security."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def article_id(raw: dict[str, Any]) -> str:
    """The producer's id, else a hash of the canonical URL, else of the content."""
    given = raw.get("id")
    if isinstance(given, str) and given.strip():
        return given.strip()
    url = raw.get("url")
    if isinstance(url, str) and url.strip():
        return stable_hash(canonical_url(url))
    content = raw.get("text") or raw.get("html") or ""
    return stable_hash(str(content))


def message_key(article: str) -> bytes:
    return article.encode("utf-8")
