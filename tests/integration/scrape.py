"""Scraping a worker's endpoints as Prometheus and a kubelet do."""

from __future__ import annotations

import re
import urllib.error
import urllib.request


def get(port: int, path: str) -> tuple[int, str]:
    """The status and body of a GET on the worker's port (an error status is an answer too)."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def series(port: int) -> dict[str, float]:
    """The scrape, as {'name{labels}': value}."""
    status, body = get(port, "/metrics")
    assert status == 200
    found = {}
    for line in body.splitlines():
        if line and not line.startswith("#"):
            name, value = line.rsplit(" ", 1)
            found[name] = float(value)
    return found


def total(scrape: dict[str, float], pattern: str) -> float:
    return sum(v for k, v in scrape.items() if re.fullmatch(pattern, k))
