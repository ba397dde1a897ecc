"""A stage as the runner holds it: its place in the table, its pure function and the stateful
steps that finish its output event (recurring lines and near-duplicate marking, with the memory
it is given: the pure steps may run in another process, the finishing ones run where the state
is, one message after another).

A worker whose stages compute in child processes holds only this: no stage code and no rules
(the stages' libraries, about 30 MB, load in the fork server that makes the children). The pure
functions are built in `build.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from workers.contract.events import Event
from workers.pipeline.table import STAGES, Stage, StageSpec
from workers.stages.dedup.index import LshIndex
from workers.stages.dedup.lines import Furniture, SourceLines, drop_recurring, remember_lines
from workers.stages.extract.duplicates import NearDuplicates, mark_duplicate
from workers.stages.steps import Step, step

# A stage's work: an input event in, its output payload out; step timings into the dict.
StageFunction = Callable[[Event, dict[str, float]], Event]


@dataclass(frozen=True)
class Processor:
    """A stage ready to run: its place in the table, its pure function, and the stateful steps
    that finish its output event."""

    spec: StageSpec
    function: StageFunction
    finish: tuple[Step[Event], ...] = ()


@dataclass(frozen=True)
class Memory:
    """What the finishing steps remember across articles: the near-duplicate index and the
    sources' recurring lines (a worker's are rebuilt from the fingerprints topic; batch mode's
    live for the run)."""

    index: LshIndex = field(default_factory=LshIndex)
    lines: SourceLines = field(default_factory=SourceLines)


def finishing_stages(
    memory: Memory, threshold: float = 0.7, min_words: int = 1
) -> dict[Stage, Processor]:
    """The stages as a worker holds them when their pure halves run in its child processes
    (`isolation.py`): the finishing steps, and no rules loaded in this process."""
    finish = finishing_steps(memory, threshold, min_words)
    return {
        stage: Processor(spec, in_child_process, finish[stage]) for stage, spec in STAGES.items()
    }


def in_child_process(event: Event, timings: dict[str, float]) -> Event:
    """The function of a stage that runs in a child process: never called in the worker's."""
    raise RuntimeError("this stage's function runs in its child process (isolation.py)")


def finishing_steps(
    memory: Memory, threshold: float, min_words: int = 1
) -> dict[Stage, tuple[Step[Event], ...]]:
    """Each stage's stateful finishing steps: the source's recurring lines dropped from the
    cleaned article (never below `min_words` words); near-duplicates marked against the index
    from `threshold` on, then the article's lines remembered."""
    duplicates = NearDuplicates(memory.index, threshold)
    return {
        Stage.CLEANUP: (step(drop_recurring, Furniture(memory.lines, min_words)),),
        Stage.EXTRACT: (step(mark_duplicate, duplicates), step(remember_lines, memory.lines)),
    }
