"""The extraction stage: a cleaned article in, the enriched one out (language and script,
structure, entities, dates, social, keywords, summary, category, fingerprint), all offline.

It is a list of small steps over an `Analysis`, which computes sentences and words once for all
of them; each enrichment is one function in one module, with its rules loaded once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workers import data
from workers.contract.events import Event
from workers.stages.extract.analysis import Analysis
from workers.stages.extract.category import CategoryRules, categorize
from workers.stages.extract.dates import DateRules, find_dates
from workers.stages.extract.duplicates import fingerprint
from workers.stages.extract.entities.finder import EntityFinder, find_entities
from workers.stages.extract.entities.lexicon import Lexicon
from workers.stages.extract.entities.names import Names
from workers.stages.extract.keywords import Stopwords, find_keywords
from workers.stages.extract.language import detect_languages
from workers.stages.extract.social import find_social
from workers.stages.extract.structure import describe_structure
from workers.stages.extract.summary import summarize
from workers.stages.gazetteer import Gazetteer
from workers.stages.steps import Step, run_steps, step
from workers.stages.text.months import Months
from workers.stages.text.sentences import SentenceSplitter


@dataclass(frozen=True)
class ExtractRules:
    """Every extraction step's rules, loaded once."""

    sentences: SentenceSplitter
    entities: EntityFinder
    dates: DateRules
    stopwords: Stopwords
    categories: CategoryRules

    @classmethod
    def load(cls, months: Months, gazetteer: Gazetteer) -> ExtractRules:
        abbreviations = data.toml("lexicons", "abbreviations.toml")
        listed = {word for words in abbreviations.values() for word in words}
        # Short month names are abbreviations too ("Jan. 3"), written with a capital.
        short_months = {name.capitalize() for name in months.short_forms("en")}
        dates = DateRules.load(months)
        # Month and weekday names are never a name's words ("in February", "Friday said").
        common = [*months.numbers(["en"]), *dates.weekdays, *abbreviations["en"]]
        return cls(
            sentences=SentenceSplitter(frozenset(listed | short_months)),
            entities=EntityFinder(Lexicon.load(gazetteer, Names.load(), common)),
            dates=dates,
            stopwords=Stopwords(),
            categories=CategoryRules.load(),
        )


def extract_steps(rules: ExtractRules) -> tuple[Step[Analysis], ...]:
    """The enrichments, in order (keywords need the language, the summary the keywords)."""
    return (
        step(detect_languages),
        step(describe_structure),
        step(find_entities, rules.entities),
        step(find_dates, rules.dates),
        step(find_social),
        step(find_keywords, rules.stopwords),
        step(summarize),
        step(categorize, rules.categories),
        step(fingerprint),
    )


class Extraction:
    """The stage: `extraction(cleaned, timings)` is the enriched payload (the runner adds the
    envelope)."""

    def __init__(self, steps: Sequence[Step[Analysis]], sentences: SentenceSplitter) -> None:
        self.steps = tuple(steps)
        self.sentences = sentences

    def __call__(self, cleaned: Event, timings: dict[str, float] | None = None) -> Event:
        return run_steps(self.steps, Analysis(cleaned, self.sentences), timings).enriched
