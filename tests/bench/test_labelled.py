"""The quality bar on the hand-labelled articles: what `khabar bench extract` prints."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from workers.bench.labelled import TYPES, render, score
from workers.pipeline.table import Stage

FIXTURES = ROOT / "tests" / "stages" / "extract" / "fixtures"


def test_entities_and_dates_reach_the_quality_bar(stages):
    report = score(FIXTURES, stages[Stage.EXTRACT])
    assert report.articles >= 30
    for kind in TYPES:
        assert report.entities[kind].precision >= 0.9, kind
        assert report.known[kind].recall >= 0.9, kind
    assert report.dates.precision >= 0.9 and report.dates.recall >= 0.9
    assert render(report).splitlines()[0] == f"{report.articles} labelled articles"


def test_the_entities_row_sums_the_three_types(stages):
    report = score(FIXTURES, stages[Stage.EXTRACT])
    total = report.all_entities
    assert total.expected == sum(report.entities[kind].expected for kind in TYPES)
    assert total.found == sum(report.entities[kind].found for kind in TYPES)
    assert sorted(report.languages) == ["en", "hi"]
    assert sum(t.expected for t in report.languages.values()) == total.expected
    assert sum(t.predicted for t in report.languages.values()) == total.predicted
    row = next(line for line in render(report).splitlines() if line.startswith("entities"))
    assert row.split()[1:] == [
        f"{total.precision:.3f}",
        f"{total.recall:.3f}",
        str(total.expected),
        f"{total.f1:.3f}",
    ]


def test_an_empty_folder_scores_nothing(stages, tmp_path: Path):
    assert score(tmp_path, stages[Stage.EXTRACT]).articles == 0
