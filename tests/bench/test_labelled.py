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


def test_an_empty_folder_scores_nothing(stages, tmp_path: Path):
    assert score(tmp_path, stages[Stage.EXTRACT]).articles == 0
