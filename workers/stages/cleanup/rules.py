"""How cleanup rules' patterns are compiled: every pattern in `data/cleanup/` uses the `regex`
module's syntax and matches regardless of case."""

from __future__ import annotations

import regex

Pattern = regex.Pattern[str]


def compile_any(patterns: list[str], *, whole: bool = False, flags: int = 0) -> Pattern:
    """One alternation of the patterns; `whole` anchors it to the full line."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return regex.compile(f"^(?:{body})$" if whole else body, flags | regex.IGNORECASE)
