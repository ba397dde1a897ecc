"""Shared test data and built stages: the seed article the project started from and its
expected result; the rules loaded once per session, the stages built from them per test."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from workers.pipeline.build import build_stages
from workers.pipeline.processor import Processor
from workers.pipeline.runner import apply
from workers.pipeline.table import Stage
from workers.stages.rules import Rules

ROOT = Path(__file__).resolve().parents[1]
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
SEED_NAME = "000_2c3000ee395a16a0"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "seeds" / f"{SEED_NAME}.txt").read_text("utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict[str, Any]:
    path = SHARED_SEEDS / f"{SEED_NAME}.expected.json"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    expected: dict[str, Any] = orjson.loads(path.read_bytes())
    return expected


@pytest.fixture(scope="session")
def rules() -> Rules:
    """The shipped rules, loaded once for the session."""
    return Rules.load()


@pytest.fixture
def stages(rules: Rules) -> dict[Stage, Processor]:
    """The stages as the worker builds them, with a new near-duplicate index per test."""
    return build_stages(rules)


@pytest.fixture
def clean(stages: dict[Stage, Processor]) -> Any:
    """A raw article -> its cleaned event (payload in its envelope, not validated)."""
    return lambda raw: apply(stages[Stage.CLEANUP], raw)


@pytest.fixture
def enrich(stages: dict[Stage, Processor]) -> Any:
    """A raw article -> its enriched event, through both stages."""
    return lambda raw: apply(stages[Stage.EXTRACT], apply(stages[Stage.CLEANUP], raw))


def squash(text: str) -> str:
    """Whitespace-normalised text, as the expected file is compared."""
    return " ".join(text.split())
