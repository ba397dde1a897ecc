"""Every step's rules, loaded once from `data/` into typed objects (`Rules.load()`): the month
names and the gazetteer both stages read, and each stage's own."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from workers.stages.cleanup.stage import CleanupRules
from workers.stages.extract.stage import ExtractRules
from workers.stages.gazetteer import Gazetteer
from workers.stages.text.months import Months


@dataclass(frozen=True)
class Rules:
    cleanup: CleanupRules
    extract: ExtractRules

    @classmethod
    def load(cls) -> Rules:
        months, gazetteer = Months.load(), Gazetteer.load()
        return cls(CleanupRules.load(months, gazetteer), ExtractRules.load(months, gazetteer))

    @staticmethod
    @cache
    def shared() -> Rules:
        """The rules loaded once for this process and the children forked from it."""
        return Rules.load()
