"""Month names, read once from `data/text/months.toml`: each rule that reads dates picks the
languages it knows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from workers import data


@dataclass(frozen=True)
class Months:
    """Month names per language: name (lower case) -> month number, full names first."""

    by_language: dict[str, dict[str, int]]

    @classmethod
    def load(cls) -> Months:
        table = data.toml("text", "months.toml")
        return cls(
            {
                language: {name: int(n) for n, names in months.items() for name in names}
                for language, months in table.items()
            }
        )

    def numbers(self, languages: Iterable[str]) -> dict[str, int]:
        """Every name of the given languages' months -> the month's number."""
        found: dict[str, int] = {}
        for language in languages:
            found.update(self.by_language[language])
        return found

    def alternation(self, languages: Iterable[str]) -> str:
        """A regular-expression alternation of the names, longest first."""
        names = sorted(self.numbers(languages), key=len, reverse=True)
        return "|".join(re.escape(name) for name in names)

    def short_forms(self, language: str) -> frozenset[str]:
        """Abbreviated names ("jan", "sept"): every name of a month but its first, full one."""
        seen: set[int] = set()
        short = set()
        for name, number in self.by_language[language].items():
            if number in seen:
                short.add(name)
            seen.add(number)
        return frozenset(short)
