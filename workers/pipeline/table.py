"""The one stage table: the topics, the stages, and which topic each stage reads and writes.

    producers -> raw -> [cleanup] -> cleaned -> [extract] -> enriched
                            |                      |-> fingerprints (compacted)
                            '-> deadletter <-------'

The worker, batch mode, the AsyncAPI document and the deployment checks all read this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from workers.contract.events import Event, SchemaName
from workers.contract.fingerprints import fingerprint_record


class Topic(StrEnum):
    """A topic by its short name; its full name is `articles.<name>` (plus a prefix)."""

    RAW = "raw"
    CLEANED = "cleaned"
    ENRICHED = "enriched"
    DEADLETTER = "deadletter"
    FINGERPRINTS = "fingerprints"

    @property
    def base(self) -> str:
        return f"articles.{self.value}"

    @property
    def schema(self) -> SchemaName:
        """The schema of every event on the topic."""
        return _SCHEMAS[self]

    @property
    def compacted(self) -> bool:
        """Whether only the latest record per key matters (the near-duplicate index)."""
        return self is Topic.FINGERPRINTS

    @classmethod
    def parse(cls, name: str) -> Topic:
        """The topic named by its short name (`raw`) or its base name (`articles.raw`)."""
        for topic in cls:
            if name in (topic.value, topic.base):
                return topic
        choices = ", ".join(t.value for t in cls)
        raise ValueError(f"unknown topic {name!r}: one of {choices} (or articles.<name>)")


_SCHEMAS: dict[Topic, SchemaName] = {
    Topic.RAW: "article.raw",
    Topic.CLEANED: "article.cleaned",
    Topic.ENRICHED: "article.enriched",
    Topic.DEADLETTER: "deadletter",
    Topic.FINGERPRINTS: "fingerprint",
}


class Stage(StrEnum):
    """A stage: its own consumer group, scaled on its own."""

    CLEANUP = "cleanup"
    EXTRACT = "extract"


@dataclass(frozen=True)
class StageSpec:
    """What a stage reads and writes: its source and target topics, and side outputs (a topic
    and how its record is made from the stage's output event)."""

    stage: Stage
    source: Topic
    target: Topic
    side_outputs: tuple[tuple[Topic, Callable[[Event], Event]], ...] = ()


STAGES: dict[Stage, StageSpec] = {
    Stage.CLEANUP: StageSpec(Stage.CLEANUP, Topic.RAW, Topic.CLEANED),
    Stage.EXTRACT: StageSpec(
        Stage.EXTRACT,
        Topic.CLEANED,
        Topic.ENRICHED,
        side_outputs=((Topic.FINGERPRINTS, fingerprint_record),),
    ),
}
