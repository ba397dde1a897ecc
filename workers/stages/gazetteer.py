"""The gazetteers shipped in `workers/data/gazetteer/`: people, organisations, places, handles."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Entry:
    """One named thing: its canonical Latin name, a kind, and every surface form."""

    canonical: str
    kind: str
    aliases: tuple[str, ...]


def rows(name: str) -> list[list[str]]:
    """The cells of a gazetteer table's rows (comments and blank lines skipped)."""
    path = resources.files("workers").joinpath("data", "gazetteer", f"{name}.tsv")
    if not path.is_file():
        return []
    rows = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([unicodedata.normalize("NFC", cell.strip()) for cell in line.split("\t")])
    return rows


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """Rows of `persons`, `orgs` or `places`: canonical, kind, `|`-separated aliases."""
    found = []
    for row in rows(name):
        canonical, kind = row[0], row[1] if len(row) > 1 else ""
        aliases = tuple(a.strip() for a in row[2].split("|") if a.strip()) if len(row) > 2 else ()
        found.append(Entry(canonical, kind, (canonical, *aliases)))
    return tuple(found)


@cache
def place_names() -> frozenset[str]:
    return frozenset(alias for entry in entries("places") for alias in entry.aliases)
