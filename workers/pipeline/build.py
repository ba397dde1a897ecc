"""The stages of the table, built: each one's steps with their rules (`Rules.load()` unless
given), and their finishing steps with the memory they are given."""

from __future__ import annotations

from workers.pipeline.processor import Memory, Processor, StageFunction, finishing_steps
from workers.pipeline.table import STAGES, Stage
from workers.stages.cleanup.stage import Cleanup, cleanup_steps
from workers.stages.extract.stage import Extraction, extract_steps
from workers.stages.rules import Rules


def build_stages(
    rules: Rules | None = None,
    memory: Memory | None = None,
    threshold: float = 0.7,
    min_words: int = 1,
) -> dict[Stage, Processor]:
    """Every stage of the table. Near-duplicates and recurring lines are judged against
    `memory` (a worker's lives in the fingerprints topic; by default a new one, for one run),
    near-duplicates from `threshold` on; a body of fewer than `min_words` words is no article."""
    rules = rules if rules is not None else Rules.load()
    finish = finishing_steps(memory if memory is not None else Memory(), threshold, min_words)
    functions: dict[Stage, StageFunction] = {
        Stage.CLEANUP: Cleanup(cleanup_steps(rules.cleanup), min_words),
        Stage.EXTRACT: Extraction(extract_steps(rules.extract), rules.extract.sentences),
    }
    return {
        stage: Processor(spec, functions[stage], finish[stage]) for stage, spec in STAGES.items()
    }
