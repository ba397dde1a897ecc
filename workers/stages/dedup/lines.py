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
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Self

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
    folded = word_key(text.strip()[:_KEYED_CHARS])
    return int.from_bytes(hashlib.blake2b(folded.encode(), digest_size=_KEY_BYTES).digest())


def to_hex(keys: Sequence[int]) -> str:
    """Keys as they travel in a fingerprint record: 12 hex digits each, concatenated."""
    return b"".join(key.to_bytes(_KEY_BYTES) for key in keys).hex()


def from_hex(text: str) -> list[int]:
    """The keys of `to_hex`; ValueError if it is not that."""
    packed = bytes.fromhex(text)
    if len(packed) % _KEY_BYTES:
        raise ValueError(f"line keys are {_KEY_BYTES} bytes each, not {len(packed)} in all")
    return _unpack(packed)


def _unpack(packed: bytes) -> list[int]:
    return [
        int.from_bytes(packed[at : at + _KEY_BYTES]) for at in range(0, len(packed), _KEY_BYTES)
    ]


def line_keys(lines: Iterable[str], rules: RecurringRules) -> list[int]:
    """The distinct keys of an article's short lines: of more than `max_lines`, those at its
    two edges, where furniture sits."""
    keys = list(dict.fromkeys(line_key(t) for t in lines if 0 < len(words(t)) <= rules.max_words))
    if len(keys) <= rules.max_lines:
        return keys
    head = rules.max_lines // 2
    return keys[:head] + keys[len(keys) - (rules.max_lines - head) :]


@dataclass
class _Source:
    stories: deque[tuple[str, bytes]] = field(default_factory=deque)  # id, its keys packed
    printed: Counter[int] = field(default_factory=Counter)  # key -> stories that printed it


class SourceLines:
    """Per source, the line keys of its latest `window` distinct stories; the `sources` seen
    most recently."""

    def __init__(self, rules: RecurringRules | None = None) -> None:
        self.rules = rules if rules is not None else RecurringRules.load()
        self._sources: OrderedDict[str, _Source] = OrderedDict()
        self._remembered: dict[str, bytes] = {}  # article id -> its keys, packed

    def stories(self, source: str, key: int, besides: str = "") -> int:
        """How many remembered stories of `source` other than article `besides` (a redelivery
        is held already) printed the line with this key."""
        held = self._sources.get(source)
        if held is None:
            return 0
        own = besides in self._remembered and key in _unpack(self._remembered[besides])
        return held.printed[key] - own

    def recurs(self, source: str, key: int, besides: str = "") -> bool:
        return self.stories(source, key, besides) >= self.rules.min_stories

    def remember(
        self, article_id: str, source: str | None, keys: Sequence[int], copy: bool = False
    ) -> None:
        """An article's line keys, unless it has no source, is a copy of an earlier story, or is
        held already."""
        if not source or copy or article_id in self._remembered:
            return
        held = self._sources.pop(source, None) or _Source()
        self._sources[source] = held  # now the most recently seen
        packed = b"".join(key.to_bytes(_KEY_BYTES) for key in keys)
        held.stories.append((article_id, packed))
        held.printed.update(keys)
        self._remembered[article_id] = packed
        if len(held.stories) > self.rules.window:
            self._forget(held, *held.stories.popleft())
        if len(self._sources) > self.rules.sources:
            _, oldest = self._sources.popitem(last=False)
            for story in oldest.stories:
                self._remembered.pop(story[0], None)

    def _forget(self, held: _Source, article_id: str, packed: bytes) -> None:
        self._remembered.pop(article_id, None)
        keys = _unpack(packed)
        held.printed.subtract(keys)
        for key in keys:
            if held.printed[key] <= 0:
                del held.printed[key]

    def __len__(self) -> int:
        """Stories held."""
        return len(self._remembered)


KIND = "recurring"  # what `drop_recurring` records its removals as


def drop_recurring(cleaned: Event, memory: SourceLines) -> None:
    """Remove each short paragraph printed under `min_stories` other stories of the source,
    recording it under `recurring` with how many. An article made only of such lines keeps
    them (a stub or a re-post is not emptied by what its source usually prints)."""
    source = cleaned.get("source")
    if not source:
        return
    article_id = str(cleaned.get("id", ""))
    paragraphs: list[str] = cleaned["paragraphs"]
    seen = [
        memory.stories(source, line_key(text), besides=article_id)
        if len(words(text)) <= memory.rules.max_words
        else 0
        for text in paragraphs
    ]
    drop = [count >= memory.rules.min_stories for count in seen]
    if all(drop) or not any(drop):
        return
    cleaned["paragraphs"] = [text for text, gone in zip(paragraphs, drop, strict=True) if not gone]
    cleaned["cleanup"]["removed"].extend(
        {"kind": KIND, "text": trimmed(text), "line": None, "stories": count}
        for text, count, gone in zip(paragraphs, seen, drop, strict=True)
        if gone
    )


def remember_lines(enriched: Event, memory: SourceLines) -> None:
    """`fingerprint.lines`: the keys of the article's short lines (its body's and those the
    cleanup removed as recurring), which its fingerprint record carries to every worker; the
    memory holds them unless the article is a copy of an earlier story."""
    recurring = [r["text"] for r in enriched["cleanup"]["removed"] if r["kind"] == KIND]
    keys = line_keys([*enriched["paragraphs"], *recurring], memory.rules)
    enriched["fingerprint"]["lines"] = to_hex(keys)
    copy = enriched.get("duplicate_of") is not None
    memory.remember(str(enriched["id"]), enriched.get("source"), keys, copy=copy)
