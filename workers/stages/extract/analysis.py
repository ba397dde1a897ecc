"""The context the extraction steps share: the cleaned article, what is computed from it once
(body, sentences, words) when a step first asks, and the enriched payload the steps write."""

from __future__ import annotations

from functools import cached_property

from workers.contract.events import Event
from workers.stages.text.sentences import SentenceSplitter
from workers.stages.text.words import words

PARAGRAPH_SEPARATOR = "\n\n"
# Fields of the cleaned article the enriched one carries as they are.
CARRIED = (
    "url",
    "source",
    "published_at",
    "fetched_at",
    "meta",
    "dateline",
    "paragraphs",
    "embeds",
    "related",
    "cleanup",
)


class Analysis:
    """One cleaned article under extraction (never shared between articles)."""

    def __init__(self, cleaned: Event, split_sentences: SentenceSplitter) -> None:
        self.cleaned = cleaned
        self.split_sentences = split_sentences
        self.enriched: Event = {name: cleaned[name] for name in CARRIED}
        self.enriched["body"] = self.body
        self.enriched["duplicate_of"] = None  # until the near-duplicate mark says otherwise

    @property
    def paragraphs(self) -> list[str]:
        paragraphs: list[str] = self.cleaned["paragraphs"]
        return paragraphs

    @property
    def embeds(self) -> list[Event]:
        embeds: list[Event] = self.cleaned["embeds"]
        return embeds

    @cached_property
    def body(self) -> str:
        """The paragraphs joined by blank lines: what every offset points into."""
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @cached_property
    def embed_texts(self) -> list[str]:
        return [e["text"] for e in self.embeds if e.get("text")]

    @cached_property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in self.split_sentences(p)]

    @cached_property
    def tokens(self) -> list[list[str]]:
        """Each sentence's words: shared by keywords, summary, category and counts."""
        return [words(s) for s in self.sentences]

    @cached_property
    def lowered(self) -> list[list[str]]:
        """Each sentence's words in lower case: words hold no spaces, so one join, lower and
        split per sentence does what a call per word does."""
        return [" ".join(s).lower().split(" ") if s else [] for s in self.tokens]
