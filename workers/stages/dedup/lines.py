"""Lines that recur across a source's stories (site furniture: a standing plea to subscribe, a
disclaimer, a desk credit), which no rule of a single article can tell from body text: the
memory, and the two stateful steps that use it. `drop_recurring` finishes the cleaned article;
`remember_lines` finishes the enriched one, after the near-duplicate marking. Both run in the
consumer's process, after the pure steps, with the memory they are given.

Per source it keeps the short-line keys of its latest distinct stories and, per key, how many of
them printed it. Copies of one story (what the near-duplicate index marks) are not remembered, so
a re-scraped wire story does not turn its own sentences into furniture. Like the near-duplicate
index it is plain state its owner passes in: batch mode keeps one for the run; a worker rebuilds
it from the fingerprints topic (each record carries its article's source and line keys), so every
cleanup worker knows what all extract workers saw.
"""

from __future__ import annotations

import hashlib
from collections import Counter, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol, Self

from workers import data
from workers.contract.events import RECORDED_CHARS, Event, trimmed
from workers.stages.text.words import word_key, words

# Keys are taken of a line's first characters, those a removed piece keeps when it is recorded.
_KEYED_CHARS = RECORDED_CHARS - 1
_KEY_BYTES = 6


@dataclass(frozen=True)
class RecurringRules:
    """When a recurring line is furniture, and how much is remembered (`recurring.toml`)."""

    min_stories: int
    max_words: int
    max_lines: int
    window: int
    sources: int

    @classmethod
    def load(cls) -> Self:
        return cls(**data.toml("dedup", "recurring.toml"))


def line_key(text: str) -> int:
    """A line's key: 48 bits of a hash of its words in lower case (so spacing, punctuation and
    case do not matter)."""
    return _hash(word_key(text.strip()[:_KEYED_CHARS]))


def short_line_key(text: str, max_words: int) -> int | None:
    """The key of a line of at most `max_words` words (one pass over its words), else None; a
    line of more than ten characters a word is not read at all (the body's paragraphs)."""
    text = text.strip()
    if len(text) > 10 * max_words:
        return None
    return _short_key(text, max_words)


@lru_cache(maxsize=1024)
def _short_key(text: str, max_words: int) -> int | None:
    """Remembered: both finishing steps key the same paragraphs (one after the other in one
    process in batch mode and in a worker of both stages), and furniture recurs."""
    found = words(text.casefold())
    if not 0 < len(found) <= max_words:
        return None
    return _hash(" ".join(found)) if len(text) <= _KEYED_CHARS else line_key(text)


def _hash(folded: str) -> int:
    return int.from_bytes(hashlib.blake2b(folded.encode(), digest_size=_KEY_BYTES).digest())


def from_hex(text: str) -> bytes:
    """Packed keys from a fingerprint record's `lines` (12 hex digits a key); ValueError if it
    is not that."""
    packed = bytes.fromhex(text)
    if len(packed) % _KEY_BYTES:
        raise ValueError(f"line keys are {_KEY_BYTES} bytes each, not {len(packed)} in all")
    return packed


def unpack(packed: bytes) -> list[int]:
    """The keys `pack` packed."""
    return [
        int.from_bytes(packed[at : at + _KEY_BYTES]) for at in range(0, len(packed), _KEY_BYTES)
    ]


def line_keys(lines: Sequence[str], rules: RecurringRules) -> list[int]:
    """The distinct keys of the short ones of `lines`, at most `max_lines`: those nearest the
    two ends of the list, where furniture sits (the enriched article lists its paragraphs, then
    the lines the cleanup removed as recurring); only lines up to there are read."""
    head = rules.max_lines // 2
    first = _first_keys(lines, head, rules.max_words)
    last = _first_keys(lines[::-1], rules.max_lines - head, rules.max_words)
    return list(dict.fromkeys([*first, *reversed(last)]))


def _first_keys(lines: Iterable[str], wanted: int, max_words: int) -> list[int]:
    keys: dict[int, None] = {}
    for text in lines:
        if len(keys) == wanted:
            break
        if (key := short_line_key(text, max_words)) is not None:
            keys[key] = None
    return list(keys)


@dataclass
class _Source:
    stories: deque[tuple[str, bytes]] = field(default_factory=deque)  # id, its keys packed
    printed: Counter[int] = field(default_factory=Counter)  # key -> stories that printed it


def pack(keys: Sequence[int]) -> bytes:
    """Keys as the memory holds them: 6 bytes each."""
    return b"".join(key.to_bytes(_KEY_BYTES) for key in keys)


class LineCounts(Protocol):
    """What `drop_recurring` asks of a memory: its rules, and how many other stories of a
    source printed a line."""

    rules: RecurringRules

    def stories(self, source: str, key: int, besides: str = "") -> int: ...


# A change of what recurs: (source, key, True) when a line starts to recur, False when it stops.
Turn = tuple[str, int, bool]


class SourceLines:
    """Per source, the line keys of its latest `window` distinct stories, and of all sources at
    most `window` x `sources` stories: past that, the oldest story of all is forgotten, so a
    source that publishes rarely keeps what it has until newer stories need the room (there is
    no cliff at a number of sources)."""

    def __init__(self, rules: RecurringRules | None = None) -> None:
        self.rules = rules if rules is not None else RecurringRules.load()
        self._sources: dict[str, _Source] = {}
        self._arrivals: deque[tuple[str, str]] = deque()  # (source, id), oldest first
        self._remembered: dict[str, bytes] = {}  # article id -> its keys, packed
        self._turns: list[Turn] | None = None  # kept only for `turns`' caller

    def turns(self, keep: bool = True) -> list[Turn]:
        """The lines that started or stopped recurring since the last call (the first call
        starts the record, `keep=False` ends it): what batch mode's children are told, so
        that they drop what this memory would (`RecurringKeys`)."""
        turns, self._turns = self._turns or [], [] if keep else None
        return turns

    def recurring(self) -> list[tuple[str, int]]:
        """Every (source, key) that recurs now."""
        bar = self.rules.min_stories
        return [
            (source, key)
            for source, held in self._sources.items()
            for key, count in held.printed.items()
            if count >= bar
        ]

    @property
    def capacity(self) -> int:
        """Stories held at most."""
        return self.rules.window * self.rules.sources

    def stories(self, source: str, key: int, besides: str = "") -> int:
        """How many remembered stories of `source` other than article `besides` (a redelivery
        is held already) printed the line with this key."""
        held = self._sources.get(source)
        if held is None:
            return 0
        own = besides in self._remembered and key in unpack(self._remembered[besides])
        return held.printed[key] - own

    def recurs(self, source: str, key: int, besides: str = "") -> bool:
        return self.stories(source, key, besides) >= self.rules.min_stories

    def remember(self, article_id: str, source: object, packed: bytes, copy: bool = False) -> None:
        """An article's line keys (`pack`ed), unless it has no source, is a copy of an earlier
        story, or is held already (the local step and the topic's follower both bring it)."""
        if not isinstance(source, str) or not source or copy or article_id in self._remembered:
            return
        if not self.capacity:  # a memory sized to hold nothing (an extract-only worker's)
            return
        held = self._sources.setdefault(source, _Source())
        held.stories.append((article_id, packed))
        keys = unpack(packed)
        held.printed.update(keys)
        self._record_turns(source, held, keys, recurs=True)
        self._remembered[article_id] = packed
        self._arrivals.append((source, article_id))
        if len(held.stories) > self.rules.window:
            self._forget(source, held)
        while len(self._remembered) > self.capacity:
            oldest, story = self._arrivals.popleft()
            first = self._sources.get(oldest)
            if first is not None and first.stories[0][0] == story:  # else its window forgot it
                self._forget(oldest, first)

    def _record_turns(self, source: str, held: _Source, keys: list[int], recurs: bool) -> None:
        """After a story's keys were counted in or out (a count moves by one a story): those
        that just reached the bar start to recur, those just under it stop."""
        if self._turns is not None:
            count = self.rules.min_stories - (0 if recurs else 1)
            self._turns.extend((source, k, recurs) for k in keys if held.printed[k] == count)

    def _forget(self, source: str, held: _Source) -> None:
        """The source's oldest story."""
        article_id, packed = held.stories.popleft()
        self._remembered.pop(article_id, None)
        keys = unpack(packed)
        held.printed.subtract(keys)
        self._record_turns(source, held, keys, recurs=False)
        for key in keys:
            if held.printed[key] <= 0:
                del held.printed[key]
        if not held.stories:
            del self._sources[source]
        if len(self._arrivals) > 2 * self.capacity:  # drop arrivals their windows forgot
            self._arrivals = deque(
                (s, i) for s, i in self._arrivals if self._remembered.get(i) is not None
            )

    def __len__(self) -> int:
        """Stories held."""
        return len(self._remembered)


class RecurringKeys:
    """A batch child's view of its parent's memory: the keys that recur, as the parent's
    `turns` told them, with no counts. The child drops those lines ahead of the parent, which
    checks every drop against its own memory (`batch.py`)."""

    def __init__(self, rules: RecurringRules) -> None:
        self.rules = rules
        self._keys: dict[str, set[int]] = {}
        self.heard = 0  # turns applied, counted from the parent's first

    def hear(self, turns: Sequence[Turn], first: int) -> None:
        """Apply the parent's turns numbered `first` on, skipping those heard already."""
        for source, key, recurs in turns[max(self.heard - first, 0) :]:
            keys = self._keys.setdefault(source, set())
            if recurs:
                keys.add(key)
            else:
                keys.discard(key)
        self.heard = max(self.heard, first + len(turns))

    def stories(self, source: str, key: int, besides: str = "") -> int:
        """The bar when the line recurs, else none (the parent's count is not known here)."""
        return self.rules.min_stories if key in self._keys.get(source, ()) else 0


KIND = "recurring"  # what `drop_recurring` records its removals as


@dataclass(frozen=True)
class Furniture:
    """What `drop_recurring` is given: the memory, and the fewest words a body keeps
    (KHABAR_MIN_WORDS: a drop that would leave fewer is not made)."""

    memory: LineCounts
    min_words: int = 1


def drop_recurring(cleaned: Event, furniture: Furniture) -> None:
    """Remove each short paragraph printed under `min_stories` other stories of the source,
    recording it under `recurring` with how many. An article made only of such lines, or left
    too short without them, keeps them (a stub or a re-post is not emptied by what its source
    usually prints)."""
    source, memory = cleaned.get("source"), furniture.memory
    if not isinstance(source, str) or not source:
        return
    article_id = str(cleaned.get("id", ""))
    paragraphs: list[str] = cleaned["paragraphs"]
    keys = [short_line_key(text, memory.rules.max_words) for text in paragraphs]
    seen = [0 if key is None else memory.stories(source, key, article_id) for key in keys]
    drop = [count >= memory.rules.min_stories for count in seen]
    kept = [text for text, gone in zip(paragraphs, drop, strict=True) if not gone]
    if not any(drop) or sum(len(words(text)) for text in kept) < max(furniture.min_words, 1):
        return
    cleaned["paragraphs"] = kept
    cleaned["cleanup"]["removed"].extend(
        {"kind": KIND, "text": trimmed(text), "line": None, "stories": count}
        for text, count, gone in zip(paragraphs, seen, drop, strict=True)
        if gone
    )


def remember_lines(enriched: Event, memory: SourceLines) -> None:
    """`fingerprint.lines`: the keys of the article's short lines (its body's and those the
    cleanup removed as recurring), which its fingerprint record carries to every worker; the
    memory holds them unless the article is a copy of an earlier story. (It runs before the
    event's last checks: an event refused there is held all the same, as an article seen.)"""
    recurring = [r["text"] for r in enriched["cleanup"]["removed"] if r["kind"] == KIND]
    keys = pack(line_keys([*enriched["paragraphs"], *recurring], memory.rules))
    enriched["fingerprint"]["lines"] = keys.hex()
    copy = enriched.get("duplicate_of") is not None
    memory.remember(str(enriched["id"]), enriched.get("source"), keys, copy=copy)
