"""Entities as they are found: merged by type and canonical name (and by phonetic key, so two
spellings of one name are one entity), with every surface form, count and body span; and the
embeds' authors and handles, which are entities too."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workers.stages.extract.entities.lexicon import MIN_PHONETIC, Lexicon, folded_words
from workers.stages.extract.entities.names import Names, humanize_handle


@dataclass
class Entity:
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    spans: list[list[int]] = field(default_factory=list)
    count: int = 0
    sources: list[str] = field(default_factory=list)

    def add(self, alias: str, source: str, span: tuple[int, int] | None = None) -> None:
        if alias not in self.aliases:
            self.aliases.append(alias)
        if source not in self.sources:
            self.sources.append(source)
        if span is not None:
            self.spans.append(list(span))
        self.count += 1

    def absorb(self, other: Entity) -> None:
        """Take `other`'s mentions as this entity's."""
        self.aliases.extend(a for a in other.aliases if a not in self.aliases)
        self.sources.extend(s for s in other.sources if s not in self.sources)
        self.spans = sorted([*self.spans, *other.spans])
        self.count += other.count

    def record(self) -> dict[str, Any]:
        return {
            "type": self.type,
            "name": self.name,
            "aliases": self.aliases,
            "count": self.count,
            "spans": self.spans,
            "sources": self.sources,
        }


class Found:
    """Entities collected so far, merged by (type, canonical name)."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.by_name: dict[tuple[str, str], Entity] = {}
        self.by_key: dict[str, tuple[str, str]] = {}

    def add(
        self, kind: str, name: str, alias: str, source: str, span: tuple[int, int] | None = None
    ) -> None:
        key = self.names.phonetic_key(name)
        known = self.by_key.get(key)
        if known and known[0] == kind:
            name = known[1]
        entity = self.by_name.setdefault((kind, name), Entity(kind, name))
        entity.add(alias, source, span)
        if len(key.replace(" ", "")) >= MIN_PHONETIC:
            self.by_key.setdefault(key, (kind, name))

    def records(self) -> list[dict[str, Any]]:
        """The entities, the most mentioned first; a one-word name typed a person at some
        mentions and a place or an organisation at more others, or as many and first, is that
        place or organisation throughout ("GOMA, Congo (AP)", "in Congo", "Congo's army": one
        sense in one text; but "Defence Secretary Austin ... in Austin" is a man and a city),
        unless a person's full name ends in it ("Kylie Jenner", then "Jenner still has")."""
        surnames = {n.rsplit(" ", 1)[-1] for k, n in self.by_name if k == "PERSON" and " " in n}
        for (kind, name), entity in list(self.by_name.items()):
            if kind != "PERSON" or " " in name or name in surnames:
                continue
            other = max(
                (e for (k, n), e in self.by_name.items() if n == name and k != "PERSON"),
                key=lambda e: e.count,
                default=None,
            )
            if other is not None and _outweighs(other, entity):
                other.absorb(entity)
                del self.by_name[(kind, name)]
        entities = [e.record() for e in self.by_name.values()]
        return sorted(entities, key=lambda e: (-e["count"], e["type"], e["name"]))


def _outweighs(other: Entity, person: Entity) -> bool:
    """`other` has more mentions than `person`, or as many and the first (a mention with no
    span, in a title or a dateline, comes before the body's)."""
    if other.count != person.count:
        return other.count > person.count
    return _first(other) < _first(person)


def _first(entity: Entity) -> int:
    """Where the entity is first mentioned in the body; -1 before it (a title, a dateline)."""
    if len(entity.spans) < entity.count or not entity.spans:
        return -1
    return min(start for start, _ in entity.spans)


@dataclass(frozen=True)
class Authors:
    """Embed authors by phonetic key, and where a phonetic match against them can start."""

    by_key: dict[str, tuple[str, str]]
    firsts: dict[str, int]  # first word's key -> most words of an author key opening with it
    pairs: frozenset[str]  # the first two words' keys of each author key of two words or more

    @classmethod
    def of(cls, by_key: dict[str, tuple[str, str]]) -> Authors:
        firsts: dict[str, int] = {}
        for key in by_key:
            words = key.split(" ")
            firsts[words[0]] = max(firsts.get(words[0], 0), len(words))
        pairs = frozenset(" ".join(k.split(" ")[:2]) for k in by_key if " " in k)
        return cls(by_key, firsts, pairs)


def add_authors(embeds: list[dict[str, Any]], idx: Lexicon, found: Found) -> Authors:
    """Embed authors as entities, and by phonetic key, so their Devanagari spellings in the body
    link to them."""
    authors: dict[str, tuple[str, str]] = {}
    for embed in embeds:
        name, handle = embed.get("author_name"), embed.get("handle")
        if not name:
            continue
        known = idx.exact.get(" ".join(folded_words(name)))
        if handle and handle.lower() in idx.handles:
            known = idx.handles[handle.lower()]
        words = {w.lower() for w in name.split()}
        kind, canonical = known or ("ORG" if words & idx.org_words else "PERSON", name)
        key = idx.names.phonetic_key(name)
        if len(key.replace(" ", "")) >= MIN_PHONETIC:
            authors[key] = (kind, canonical)
        found.add(kind, canonical, f"@{handle}" if handle else name, "embed")
    return Authors.of(authors)


def add_handle(handle: str, idx: Lexicon, found: Found, embeds: list[dict[str, Any]]) -> None:
    """A mentioned handle: a known account, else a name read out of it (unless it is an
    embed's author, added already)."""
    known = idx.handles.get(handle.lower())
    if known:
        found.add(known[0], known[1], f"@{handle}", "handle")
        return
    for embed in embeds:
        if (embed.get("handle") or "").lower() == handle.lower() and embed.get("author_name"):
            return
    name = humanize_handle(handle)
    if name:
        kind = "ORG" if {w.lower() for w in name.split()} & idx.org_words else "PERSON"
        found.add(kind, name, f"@{handle}", "handle")
