"""What a worker holds of a stage when the stage computes in its child processes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from workers.pipeline.processor import Memory, finishing_stages
from workers.pipeline.table import STAGES, Stage


def test_a_worker_whose_stages_run_in_child_processes_holds_only_their_finishing_steps():
    held = finishing_stages(Memory())
    assert list(held) == list(STAGES)
    assert [s.name for s in held[Stage.EXTRACT].finish] == ["mark_duplicate", "remember_lines"]
    assert [s.name for s in held[Stage.CLEANUP].finish] == ["drop_recurring"]
    with pytest.raises(RuntimeError, match="runs in its child process"):
        held[Stage.CLEANUP].function({}, {})


def test_a_worker_loads_no_stage_code_or_stage_libraries():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, workers.kafka.worker; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert not [m for m in loaded if m.startswith(("workers.stages.cleanup", "trafilatura"))]
    assert not [m for m in loaded if m.startswith(("workers.stages.extract.entities", "lxml"))]
