"""Entities without a model, matched against the lexicon (`lexicon.py`): gazetteer aliases,
social handles, tweet authors linked to their Devanagari spellings by phonetic key, acronyms
spelt in Devanagari, role words before unknown names ("प्रदेश अध्यक्ष X ने"), known given names
with surnames, and places named by the dateline or before गांव/जिले. Every entity gets a
canonical Latin name."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from workers.stages.extract.lexicon import MIN_PHONETIC, Index, Token, fold, index, tokens
from workers.stages.extract.names import (
    acronym,
    humanize_handle,
    is_devanagari,
    phonetic_key,
    romanize,
)
from workers.stages.social import MENTION


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

    def __init__(self) -> None:
        self.by_name: dict[tuple[str, str], Entity] = {}
        self.by_key: dict[str, tuple[str, str]] = {}

    def add(
        self, kind: str, name: str, alias: str, source: str, span: tuple[int, int] | None = None
    ) -> None:
        key = phonetic_key(name)
        known = self.by_key.get(key)
        if known and known[0] == kind:
            name = known[1]
        entity = self.by_name.setdefault((kind, name), Entity(kind, name))
        entity.add(alias, source, span)
        if len(key.replace(" ", "")) >= MIN_PHONETIC:
            self.by_key.setdefault(key, (kind, name))


def find_entities(
    body: str, dateline: str | None, title: str | None, embeds: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """PERSON, ORG and LOC entities of an article, with canonical names, aliases and body spans."""
    idx = index()
    found = Found()
    authors = _authors(embeds, idx, found)
    for source, text in (("body", body), ("dateline", dateline or ""), ("title", title or "")):
        if text:
            _scan(text, source, idx, found, authors)
    if dateline and not any("dateline" in e.sources for e in found.by_name.values()):
        # A dateline names a place, known or not: "रुद्रप्रयाग:" is one even off the gazetteers.
        name = " ".join(romanize(w) for w in dateline.split())
        found.add(
            "LOC", name if is_devanagari(dateline) else dateline.title(), dateline, "dateline"
        )
    for embed in embeds:
        for handle in embed.get("mentions", []):
            _handle(handle, idx, found, embeds)
    for handle in MENTION.findall(body):
        _handle(handle, idx, found, embeds)
    entities = [e.record() for e in found.by_name.values()]
    return sorted(entities, key=lambda e: (-e["count"], e["type"], e["name"]))


def _authors(embeds: list[dict[str, Any]], idx: Index, found: Found) -> dict[str, tuple[str, str]]:
    """Embed authors by phonetic key, so their Devanagari spellings in the body link to them."""
    authors: dict[str, tuple[str, str]] = {}
    for embed in embeds:
        name, handle = embed.get("author_name"), embed.get("handle")
        if not name:
            continue
        known = idx.exact.get(" ".join(fold(t.text) for t in tokens(name)))
        if handle and handle.lower() in idx.handles:
            known = idx.handles[handle.lower()]
        words = {w.lower() for w in name.split()}
        kind, canonical = known or ("ORG" if words & idx.org_words else "PERSON", name)
        key = phonetic_key(name)
        if len(key.replace(" ", "")) >= MIN_PHONETIC:
            authors[key] = (kind, canonical)
        found.add(kind, canonical, f"@{handle}" if handle else name, "embed")
    return authors


def _scan(
    text: str, source: str, idx: Index, found: Found, authors: dict[str, tuple[str, str]]
) -> None:
    toks = tokens(text)
    folded = [fold(t.text) for t in toks]
    keys: list[str | None] = [None] * len(toks)
    author_firsts = {k.split(" ", 1)[0] for k in authors}
    place_words_at = {j for j, word in enumerate(folded) if word.casefold() in idx.place_words}
    i = 0
    while i < len(toks):
        first = folded[i]
        if (
            not _may_start(first, toks[i].text)
            and i + 1 not in place_words_at
            and i + 2 not in place_words_at
            and not (
                author_firsts
                and first not in idx.particles
                and _may_start_author(toks, i, author_firsts)
            )
        ):
            i += 1  # the common case: a word that starts nothing the rules know
            continue
        hit = _match(toks, folded, keys, i, idx, authors)
        if hit is not None:
            n, kind, canonical = hit
            _add_words(found, kind, canonical, text, toks[i], toks[i + n - 1], source)
            i += n
            continue
        role = _role_at(folded, i, idx)
        while role and _role_at(folded, i + role, idx):  # "पूर्व मुख्यमंत्री डॉ. X"
            role += _role_at(folded, i + role, idx)
        if role and i + role < len(toks) and _match(toks, folded, keys, i + role, idx, authors):
            role = 0  # a known name follows the role word: the next step matches it
        if role:
            name_end = i + role
            while (
                name_end < len(toks)
                and name_end - i - role < 3
                and folded[name_end] not in idx.particles
                and _name_like(toks[name_end].text)
                and (name_end == i + role or _adjacent(text, toks[name_end - 1], toks[name_end]))
            ):
                name_end += 1
            if name_end > i + role and (name_end == len(toks) or folded[name_end] in idx.particles):
                name = " ".join(romanize(t.text) for t in toks[i + role : name_end])
                _add_words(found, "PERSON", name, text, toks[i + role], toks[name_end - 1], source)
                i = name_end
                continue
        for kind, rule in (("LOC", _place_before_word_at), ("PERSON", _given_name_at)):
            end = rule(text, toks, folded, i, idx)
            if end:
                name = " ".join(_latin_name(toks[j].text, folded[j], idx) for j in range(i, end))
                _add_words(found, kind, name, text, toks[i], toks[end - 1], source)
                i = end
                break
        else:
            i += 1


def _match(
    toks: list[Token],
    folded: list[str],
    keys: list[str | None],
    i: int,
    idx: Index,
    authors: dict[str, tuple[str, str]],
) -> tuple[int, str, str] | None:
    """Longest gazetteer alias, author name or known acronym starting at token i."""
    first = folded[i]
    devanagari = "\u0900" <= first[0] <= "\u097f"
    longest = idx.span.get(first, 0)
    if not devanagari:
        longest = max(longest, idx.span.get(first.casefold(), 0))
    phonetic_first = ""
    if (devanagari or first[:1].isupper()) and first not in idx.particles:
        phonetic_first = _key(toks, keys, i)
        if len(phonetic_first) < 2:  # one consonant: too common to start a phonetic match
            phonetic_first = ""
    longest_phonetic = 0
    if (
        phonetic_first
        and i + 1 < len(folded)
        and folded[i + 1] not in idx.particles
        and _pair_may_match(_two_keys(toks, keys, i), idx, authors)
    ):
        longest_phonetic = max(
            idx.phonetic_span.get(phonetic_first, 0),
            max(
                (k.count(" ") + 1 for k in authors if k.split(" ", 1)[0] == phonetic_first),
                default=0,
            ),
        )
    exact = _longest_exact(folded, i, idx) if longest else None
    if exact is None and not devanagari and not toks[i].text.isupper():
        hit = idx.exact.get(first.casefold())
        exact = (1, hit) if hit else None
    for n in range(min(longest_phonetic, len(toks) - i), max(exact[0] if exact else 0, 1), -1):
        key = " ".join(_key(toks, keys, j) for j in range(i, i + n))
        hit = authors.get(key) or idx.phonetic.get(key)
        if hit is not None:
            return n, hit[0], hit[1]
    if exact is not None:
        return exact[0], exact[1][0], exact[1][1]
    latin = acronym(toks[i].text)
    if latin and latin in idx.exact:
        kind, canonical = idx.exact[latin]
        return 1, kind, canonical
    return None


def _two_keys(toks: list[Token], keys: list[str | None], i: int) -> str:
    return f"{_key(toks, keys, i)} {_key(toks, keys, i + 1)}"


def _pair_may_match(pair: str, idx: Index, authors: dict[str, tuple[str, str]]) -> bool:
    """Whether some multi-word alias or author name starts with these two phonetic keys."""
    return pair in idx.phonetic_pairs or any(k == pair or k.startswith(pair + " ") for k in authors)


def _longest_exact(folded: list[str], i: int, idx: Index) -> tuple[int, tuple[str, str]] | None:
    """The longest alias starting at token i, growing the key while it is an alias prefix."""
    best = None
    key = folded[i]
    for n in range(1, len(folded) - i + 1):
        if n > 1:
            key = f"{key} {folded[i + n - 1]}"
        if key not in idx.prefixes:
            break
        hit = idx.exact.get(key)
        if hit is not None:
            best = (n, hit)
    return best


def _key(toks: list[Token], keys: list[str | None], j: int) -> str:
    if keys[j] is None:
        keys[j] = phonetic_key(toks[j].text)
    return keys[j] or ""


@lru_cache(maxsize=65536)
def _may_start(folded: str, word: str) -> bool:
    """Whether a word can open a gazetteer alias, a role, a known given name, a phonetic match of
    a multi-word alias or a known acronym: the same for every article, so remembered."""
    idx = index()
    key = folded.casefold()
    if folded in idx.span or key in idx.span or folded in idx.roles or key in idx.given_names:
        return True
    if folded not in idx.particles and _phonetic_start(word) in idx.phonetic_span:
        return True
    latin = acronym(word)
    return latin is not None and latin in idx.exact


def _phonetic_start(word: str) -> str:
    """The phonetic key a word would open a phonetic match with ("" if it cannot)."""
    if not ("\u0900" <= word[0] <= "\u097f" or word[:1].isupper()):
        return ""
    key = phonetic_key(word)
    return key if len(key) >= 2 else ""


def _add_words(
    found: Found, kind: str, name: str, text: str, first: Token, last: Token, source: str
) -> None:
    """An entity whose surface form runs from token `first` to `last` of `text`."""
    span = (first.start, last.end)
    found.add(kind, name, text[first.start : last.end], source, span if source == "body" else None)


def _may_start_author(toks: list[Token], i: int, author_firsts: set[str]) -> bool:
    """Whether an embed author's name, spelt differently, could start at token i (the
    gazetteers' phonetic starts are in `_may_start`)."""
    return i + 1 < len(toks) and _phonetic_start(toks[i].text) in author_firsts


def _place_before_word_at(
    text: str, toks: list[Token], folded: list[str], i: int, idx: Index
) -> int:
    """End of an unknown place named before a word that says it is one ("सकरा थाना क्षेत्र",
    "मझौलिया गांव", "Kurla area"): one or two name-like words, then the place word."""
    for size in (1, 2):
        after = i + size
        if after >= len(toks) or folded[after].casefold() not in idx.place_words:
            continue
        words = range(i, after)
        if all(
            _name_like(toks[j].text)
            and folded[j] not in idx.particles
            and folded[j].casefold() not in idx.place_words
            and (j == i or _adjacent(text, toks[j - 1], toks[j]))
            for j in words
        ) and _adjacent(text, toks[after - 1], toks[after]):
            return after
    return 0


def _given_name_at(text: str, toks: list[Token], folded: list[str], i: int, idx: Index) -> int:
    """End of a person's name that opens with a known given name at token i (0 if none): up to
    the last known surname within three more words ("सुरेंद्र राय", "Rakesh Kumar Verma"), or, in
    Latin script, the capitalised word that follows ("Ding Liren")."""
    first = folded[i].casefold()
    if first not in idx.given_names:
        return 0
    end = 0
    j = i + 1
    while (
        j < len(toks)
        and j - i <= 3
        and _adjacent(text, toks[j - 1], toks[j])
        and _name_like(toks[j].text)
        and folded[j] not in idx.particles
    ):
        if folded[j].casefold() in idx.surnames:
            end = j + 1
        j += 1
    latin = not is_devanagari(toks[i].text)
    if not end and latin and j > i + 1 and toks[i + 1].text not in idx.roles:
        end = i + 2
    return end


def _latin_name(word: str, folded: str, idx: Index) -> str:
    """A name word in Latin: its spelling in the names lists, else a romanisation."""
    key = folded.casefold()
    return idx.given_names.get(key) or idx.surnames.get(key) or romanize(word)


def _name_like(word: str) -> bool:
    """A word that can be part of a name: Devanagari, or a capitalised Latin word."""
    return is_devanagari(word) or (word[:1].isupper() and word[1:2].islower())


def _adjacent(text: str, left: Token, right: Token) -> bool:
    """Two tokens of one name: only spaces between them (no ")", "।" or ",")."""
    return not text[left.end : right.start].strip()


def _role_at(folded: list[str], i: int, idx: Index) -> int:
    """Length in tokens of the role word starting at token i, 0 if none."""
    if i >= len(folded):
        return 0
    for role in idx.roles.get(folded[i], ()):
        if tuple(folded[i : i + len(role)]) == role:
            return len(role)
    return 0


def _handle(handle: str, idx: Index, found: Found, embeds: list[dict[str, Any]]) -> None:
    known = idx.handles.get(handle.lower())
    if known:
        found.add(known[0], known[1], f"@{handle}", "handle")
        return
    for embed in embeds:
        if (embed.get("handle") or "").lower() == handle.lower() and embed.get("author_name"):
            return  # already added as the embed's author
    name = humanize_handle(handle)
    if name:
        kind = "ORG" if {w.lower() for w in name.split()} & idx.org_words else "PERSON"
        found.add(kind, name, f"@{handle}", "handle")
