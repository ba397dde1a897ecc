"""Cleanup rules loaded from the data files in `workers/data/cleanup/`, compiled once."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

import regex

Pattern = regex.Pattern[str]


@cache
def load(name: str) -> dict[str, Any]:
    """One TOML rules file of `workers/data/cleanup/`."""
    text = resources.files("workers").joinpath("data", "cleanup", f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def compile_any(patterns: list[str], *, whole: bool = False, flags: int = 0) -> Pattern:
    """One alternation of the patterns; `whole` anchors it to the full line."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(f"^(?:{body})$" if whole else body, flags | regex.IGNORECASE)
