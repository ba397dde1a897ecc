"""The stages of the table, built: each one's steps with their rules, and the extract stage's
near-duplicate marking with the index it is given (the one stateful step, a finishing step over
the output event: the pure steps may run in another process, the finishing ones run where the
state is, one message after another)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workers.contract.events import Event
from workers.pipeline.table import STAGES, Stage, StageSpec
from workers.stages.cleanup.stage import Cleanup, cleanup_steps
from workers.stages.dedup.index import LshIndex
from workers.stages.extract.duplicates import NearDuplicates, mark_duplicate
from workers.stages.extract.stage import Extraction, extract_steps
from workers.stages.rules import Rules
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


def build_stages(
    rules: Rules | None = None,
    index: LshIndex | None = None,
    threshold: float = 0.7,
    min_words: int = 1,
) -> dict[Stage, Processor]:
    """Every stage of the table. Near-duplicates are marked against `index` (a worker's lives
    in the fingerprints topic; by default a new one, for one run) from `threshold` on; a body of
    fewer than `min_words` words is no article."""
    rules = rules if rules is not None else Rules.load()
    finish = _finishing(index, threshold)
    functions: dict[Stage, StageFunction] = {
        Stage.CLEANUP: Cleanup(cleanup_steps(rules.cleanup), min_words),
        Stage.EXTRACT: Extraction(extract_steps(rules.extract), rules.extract.sentences),
    }
    return {
        stage: Processor(spec, functions[stage], finish[stage]) for stage, spec in STAGES.items()
    }


def finishing_stages(index: LshIndex, threshold: float = 0.7) -> dict[Stage, Processor]:
    """The stages as a worker holds them when their pure halves run in its child processes
    (`isolation.py`): the finishing steps, and no rules loaded in this process."""
    finish = _finishing(index, threshold)
    return {
        stage: Processor(spec, in_child_process, finish[stage]) for stage, spec in STAGES.items()
    }


def in_child_process(event: Event, timings: dict[str, float]) -> Event:
    """The function of a stage that runs in a child process: never called in the worker's."""
    raise RuntimeError("this stage's function runs in its child process (isolation.py)")


def _finishing(index: LshIndex | None, threshold: float) -> dict[Stage, tuple[Step[Event], ...]]:
    duplicates = NearDuplicates(index if index is not None else LshIndex(), threshold)
    return {Stage.CLEANUP: (), Stage.EXTRACT: (step(mark_duplicate, duplicates),)}
