"""The gazetteers shipped in `data/gazetteer/`: people, organisations, places, social handles
and role words, read once into one object that both stages build their rules from."""

from __future__ import annotations

from dataclasses import dataclass

from workers import data


@dataclass(frozen=True)
class Entry:
    """One named thing: its canonical Latin name, a kind, and every surface form."""

    canonical: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Gazetteer:
    """Entries by table (`persons`, `orgs`, `world_orgs`, `places`), handles and role words."""

    persons: tuple[Entry, ...] = ()
    orgs: tuple[Entry, ...] = ()
    world_orgs: tuple[Entry, ...] = ()  # matched by spelling only (its header says why)
    places: tuple[Entry, ...] = ()
    handles: tuple[tuple[str, str, str], ...] = ()  # handle, canonical, PERSON or ORG
    roles: tuple[tuple[str, str, str], ...] = ()  # role word, language, type it implies

    @classmethod
    def load(cls) -> Gazetteer:
        def rows(name: str) -> list[list[str]]:
            return data.table("gazetteer", f"{name}.tsv")

        return cls(
            persons=entries(rows("persons")),
            orgs=entries(rows("orgs")),
            world_orgs=entries(rows("world_orgs")),
            places=entries(rows("places")),
            handles=tuple((r[0], r[1], r[2]) for r in rows("handles") if len(r) >= 3),
            roles=tuple((r[0], r[1], r[2]) for r in rows("roles") if len(r) >= 3),
        )

    def place_names(self) -> frozenset[str]:
        """Every surface form of every place."""
        return frozenset(alias for entry in self.places for alias in entry.aliases)


def entries(rows: list[list[str]]) -> tuple[Entry, ...]:
    """Rows of a table: canonical, kind, `|`-separated aliases (the canonical is one too)."""
    found = []
    for row in rows:
        canonical, kind = row[0], row[1] if len(row) > 1 else ""
        aliases = tuple(a.strip() for a in row[2].split("|") if a.strip()) if len(row) > 2 else ()
        found.append(Entry(canonical, kind, (canonical, *aliases)))
    return tuple(found)
