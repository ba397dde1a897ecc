"""Shared test data: the seed article the project started from and its expected result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

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


def squash(text: str) -> str:
    """Whitespace-normalised text, as the expected file is compared."""
    return " ".join(text.split())
