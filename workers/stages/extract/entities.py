"""Entities without a model, matched against the lexicon (`lexicon.py`): gazetteer aliases,
social handles, tweet authors linked to their Devanagari spellings by phonetic key, acronyms
spelt in Devanagari, role words before unknown names ("प्रदेश अध्यक्ष X ने"), known given names
with surnames, names written with initials, capitalised organisation names that end in a head
noun (Authority, Group), and places named by the dateline or before गांव/जिले. Every entity gets
a canonical Latin name."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from workers.stages.extract.lexicon import MIN_PHONETIC, Index, Tokens, fold, folded_words, index
from workers.stages.extract.names import (
    acronym,
    humanize_handle,
    initials,
    is_devanagari,
    latin_initials,
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


def _authors(embeds: list[dict[str, Any]], idx: Index, found: Found) -> Authors:
    """Embed authors by phonetic key, so their Devanagari spellings in the body link to them."""
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
        key = phonetic_key(name)
        if len(key.replace(" ", "")) >= MIN_PHONETIC:
            authors[key] = (kind, canonical)
        found.add(kind, canonical, f"@{handle}" if handle else name, "embed")
    return Authors.of(authors)


class Word(NamedTuple):
    """What the rules need to know of a word, the same in every article, so remembered."""

    folded: str  # matching form
    opens: bool  # may open a gazetteer alias, a role, a known given name or a known acronym
    key: str  # phonetic key
    phonetic: str  # the key when the word can open a phonetic match, else ""
    particle: bool
    place: bool  # a word that follows a place's name: गांव, जिले, district
    name_like: bool  # Devanagari, or a capitalised Latin word
    capital: bool  # a Latin word that starts with a capital ("Urban", "IT")
    org_head: bool  # a capitalised noun that ends an organisation's name: Authority, Group
    initial: bool  # a name's initials: "M" of "M.", "T.J" of "T.J.", "यू.आर" of "यू.आर."


@lru_cache(maxsize=65536)
def _word(word: str) -> Word:
    idx = index()
    folded = fold(word)
    lower = folded.casefold()
    latin = acronym(word)
    key = phonetic_key(word)
    particle = folded in idx.particles
    devanagari = "\u0900" <= word[0] <= "\u097f"
    capital = not devanagari and word[:1].isupper()
    return Word(
        folded,
        folded in idx.span
        or lower in idx.span
        or folded in idx.roles
        or lower in idx.given_names
        or (latin is not None and latin in idx.exact),
        key,
        key if (devanagari or word[:1].isupper()) and len(key) >= 2 and not particle else "",
        particle,
        lower in idx.place_words,
        is_devanagari(word) or (word[:1].isupper() and word[1:2].islower()),
        capital,
        capital and lower in idx.org_heads,
        initials(word),
    )


def _scan(text: str, source: str, idx: Index, found: Found, authors: Authors) -> None:
    toks = Tokens(text)
    info = [_word(w) for w in toks.words]
    n = len(info)
    before_place = {j - d for j, w in enumerate(info) if w.place for d in (1, 2)}
    organisations = _organisations(toks, info, idx)
    # Most words start nothing the rules know: only the others are looked at.
    candidates = [
        i
        for i, w in enumerate(info)
        if w.opens
        or w.initial
        or i in before_place
        or i in organisations
        or (
            w.phonetic
            and (w.phonetic in idx.phonetic_span or w.phonetic in authors.firsts)
            and i + 1 < n
            and not info[i + 1].particle
            and _pair_may_match(f"{w.key} {info[i + 1].key}", idx, authors)
        )
    ]
    i = 0
    for candidate in candidates:
        if candidate < i:
            continue  # inside a name already found
        i = candidate
        hit = _match(toks, info, i, idx, authors)
        end = organisations.get(i, 0)
        if end and (hit is None or hit[0] < end - i):
            # A longer name ending in Authority or Group: "Madras Engineer Group" is no Chennai.
            _add_words(
                found, "ORG", _surface(text, toks, i, end - 1), text, toks, i, end - 1, source
            )
            i = end
            continue
        if hit is not None:
            size, kind, canonical = hit
            _add_words(found, kind, canonical, text, toks, i, i + size - 1, source)
            i += size
            continue
        role = _role_at(info, i, idx)
        while role and _role_at(info, i + role, idx):  # "पूर्व मुख्यमंत्री डॉ. X"
            role += _role_at(info, i + role, idx)
        if role and i + role < n and _match(toks, info, i + role, idx, authors):
            role = 0  # a known name follows the role word: the next step matches it
        if role:
            name_end = i + role
            while (
                name_end < n
                and name_end - i - role < 3
                and not info[name_end].particle
                and info[name_end].name_like
                and (name_end == i + role or toks.adjacent(name_end - 1))
            ):
                name_end += 1
            if name_end > i + role and (name_end == n or info[name_end].particle):
                name = " ".join(romanize(w) for w in toks.words[i + role : name_end])
                _add_words(found, "PERSON", name, text, toks, i + role, name_end - 1, source)
                i = name_end
                continue
        end = _initials_at(toks, info, i, idx)
        if end:
            name = " ".join(
                f"{latin_initials(w)}." if info[j].initial else romanize(w)
                for j, w in enumerate(toks.words[i:end], start=i)
            )
            _add_words(found, "PERSON", name, text, toks, i, end - 1, source)
            i = end
            continue
        for kind, rule in (("LOC", _place_before_word_at), ("PERSON", _given_name_at)):
            end = rule(toks, info, i, idx)
            if end:
                name = _latin_words(text, toks, info, i, end, idx)
                _add_words(found, kind, name, text, toks, i, end - 1, source)
                i = end
                break
        else:
            i += 1


def _organisations(toks: Tokens, info: list[Word], idx: Index) -> dict[int, int]:
    """Start -> end of each run of capitalised words around an organisation's head noun: up to
    five before it, joined by spaces or a hyphen ("Mysuru Urban Development Authority",
    "Anti-Narcotics Cell"), and capitalised words after "of" or "for", then "and" ("Africa
    Centres for Disease Control and Prevention")."""
    runs: dict[int, int] = {}
    for head in [j for j, word in enumerate(info) if word.org_head]:
        start = head
        while start > 0 and head - start < 6:
            before = start - 1
            if toks.gap(before) not in ("", "-"):
                break
            if info[before].capital and not info[before].particle:
                start = before  # "Urban" of "Mysuru Urban Development Authority"
            elif (
                before > 0
                and toks.gap(before - 1) == "-"
                and info[before - 1].capital
                and not info[before - 1].opens
            ):
                start = before - 1  # "Co-operative", but not "Pune-based"
            else:
                break
        if start == head:
            continue
        end = head + 1
        links = idx.org_links
        while (
            end + 1 < len(info)
            and info[end].folded in links
            and info[end + 1].name_like
            and len(toks.words[end + 1]) > 2  # no "for Rs 2 crore"
            and (links is idx.org_links or not _starts_another(info[end + 1]))
        ):
            end += 2
            while end < len(info) and info[end].capital and toks.adjacent(end - 1):
                end += 1
            links = idx.org_joins  # after "for Disease Control", "and Prevention" goes on
        runs[start] = max(runs.get(start, 0), end)  # "Marudhar Capital Services", not "... Capital"
    return runs


def _starts_another(word: Word) -> bool:
    """A word after "and" that opens a name of its own ("... and IIT Bombay", "... and Amit")."""
    return word.opens or not word.name_like


def _initials_at(toks: Tokens, info: list[Word], i: int, idx: Index) -> int:
    """End of a name written with initials at token i ("M. Nagaprasanna", "T.J. Abraham",
    "A. K. Rao"): initials, each with its dot, then one or two capitalised words that are no
    role, place or organisation word. Never after a capitalised word that is no role; and one
    lone letter ("vitamin D. Officials", "Class X. Students") needs a role before it or a known
    name after it."""
    if not info[i].initial:
        return 0
    after_role = any(_role_at(info, i - size, idx) == size for size in range(1, min(i, 4) + 1))
    if i > 0 and info[i - 1].capital and not after_role:
        return 0
    j = i
    while j < len(info) and info[j].initial and toks.gap(j) == ".":
        j += 1
    if j == i:
        return 0
    end = j
    while (
        end < len(info)
        and end - j < 2
        and info[end].name_like
        and not (info[end].particle or info[end].org_head or info[end].place)
        and info[end].folded not in idx.roles
        and (end == j or toks.adjacent(end - 1))
    ):
        end += 1
    if end == j:
        return 0
    lone = j == i + 1 and len(toks.words[i]) == 1
    if lone and not after_role and end == j + 1 and not _known_name(info[j], idx):
        return 0
    return end


def _known_name(word: Word, idx: Index) -> bool:
    key = word.folded.casefold()
    return key in idx.given_names or key in idx.surnames


def _surface(text: str, toks: Tokens, first: int, last: int) -> str:
    """The words from `first` to `last` as the text writes them, spaces made single."""
    start, end = toks.span(first, last)
    return " ".join(text[start:end].split())


def _match(
    toks: Tokens, info: list[Word], i: int, idx: Index, authors: Authors
) -> tuple[int, str, str] | None:
    """Longest gazetteer alias, author name or known acronym starting at token i."""
    word = info[i]
    first = word.folded
    devanagari = "\u0900" <= first[0] <= "\u097f"
    longest = idx.span.get(first, 0)
    if not devanagari:
        longest = max(longest, idx.span.get(first.casefold(), 0))
    longest_phonetic = 0
    if (
        word.phonetic
        and (devanagari or first[:1].isupper())  # Latin words by spelling only, acronyms aside
        and i + 1 < len(info)
        and not info[i + 1].particle
        and _pair_may_match(f"{word.key} {info[i + 1].key}", idx, authors)
    ):
        longest_phonetic = max(
            idx.phonetic_span.get(word.phonetic, 0), authors.firsts.get(word.phonetic, 0)
        )
    exact = _longest_exact(info, i, idx) if longest else None
    text = toks.words[i]
    if exact is None and not devanagari and not text.isupper():
        hit = idx.exact.get(first.casefold())
        exact = (1, hit) if hit else None
    for size in range(min(longest_phonetic, len(info) - i), max(exact[0] if exact else 0, 1), -1):
        key = " ".join(w.key for w in info[i : i + size])
        hit = authors.by_key.get(key) or idx.phonetic.get(key)
        if hit is not None:
            return size, hit[0], hit[1]
    if exact is not None:
        return exact[0], exact[1][0], exact[1][1]
    latin = acronym(text)
    if latin and latin in idx.exact:
        kind, canonical = idx.exact[latin]
        return 1, kind, canonical
    return None


def _pair_may_match(pair: str, idx: Index, authors: Authors) -> bool:
    """Whether some multi-word alias or author name starts with these two phonetic keys."""
    return pair in idx.phonetic_pairs or pair in authors.pairs


def _longest_exact(info: list[Word], i: int, idx: Index) -> tuple[int, tuple[str, str]] | None:
    """The longest alias starting at token i, growing the key while it is an alias prefix."""
    best = None
    key = info[i].folded
    for size in range(1, len(info) - i + 1):
        if size > 1:
            key = f"{key} {info[i + size - 1].folded}"
        if key not in idx.prefixes:
            break
        hit = idx.exact.get(key)
        if hit is not None:
            best = (size, hit)
    return best


def _add_words(
    found: Found, kind: str, name: str, text: str, toks: Tokens, first: int, last: int, source: str
) -> None:
    """An entity whose surface form runs from word `first` to word `last` of `text`."""
    start, end = toks.span(first, last)
    found.add(kind, name, text[start:end], source, (start, end) if source == "body" else None)


def _place_before_word_at(toks: Tokens, info: list[Word], i: int, idx: Index) -> int:
    """End of an unknown place named before a word that says it is one ("सकरा थाना क्षेत्र",
    "मझौलिया गांव", "Kurla area"): one or two name-like words, then the place word."""
    for size in (1, 2):
        after = i + size
        if after >= len(info) or not info[after].place:
            continue
        if all(
            info[j].name_like
            and not info[j].particle
            and not info[j].place
            and (j == i or toks.adjacent(j - 1))
            for j in range(i, after)
        ) and toks.adjacent(after - 1):
            return after
    return 0


def _given_name_at(toks: Tokens, info: list[Word], i: int, idx: Index) -> int:
    """End of a person's name that opens with a known given name at token i (0 if none): up to
    the last known surname within three more words ("सुरेंद्र राय", "Rakesh Kumar Verma"); in
    Latin script, over middle initials ("Rekha V. Pillai"), else the capitalised word that
    follows ("Ding Liren"); in Devanagari, else the one word before "ने" ("अरशद नदीम ने")."""
    if info[i].folded.casefold() not in idx.given_names:
        return 0
    latin = not is_devanagari(toks.words[i])
    if latin and i + 1 < len(info) and toks.adjacent(i):
        k = i + 1
        while k < len(info) and info[k].initial and toks.gap(k) == ".":
            k += 1  # middle initials: "Rekha V. Pillai"
        if k > i + 1 and k < len(info) and info[k].capital and info[k].name_like:
            return k + 1
    end = 0
    j = i + 1
    while (
        j < len(info)
        and j - i <= 3
        and toks.adjacent(j - 1)
        and info[j].name_like
        and not info[j].particle
    ):
        if info[j].folded.casefold() in idx.surnames:
            end = j + 1
        j += 1
    if not end and latin and j > i + 1 and toks.words[i + 1] not in idx.roles:
        end = i + 2
    if not end and not latin and j == i + 2 and j < len(info) and info[j].folded in idx.agent:
        end = j
    return end


def _latin_words(text: str, toks: Tokens, info: list[Word], i: int, end: int, idx: Index) -> str:
    """Words i to end - 1 as a Latin name: as written when initials are among them ("Rekha V.
    Pillai"), else word by word."""
    if any(info[j].initial for j in range(i, end)):
        return _surface(text, toks, i, end - 1)
    return " ".join(_latin_name(toks.words[j], info[j], idx) for j in range(i, end))


def _latin_name(word: str, info: Word, idx: Index) -> str:
    """A name word in Latin: its spelling in the names lists, else a romanisation."""
    key = info.folded.casefold()
    return idx.given_names.get(key) or idx.surnames.get(key) or romanize(word)


def _role_at(info: list[Word], i: int, idx: Index) -> int:
    """Length in tokens of the role word starting at token i, 0 if none."""
    if i >= len(info):
        return 0
    for role in idx.roles.get(info[i].folded, ()):
        if tuple(w.folded for w in info[i : i + len(role)]) == role:
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
