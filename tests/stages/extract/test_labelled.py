"""The quality bar on the hand-labelled articles (fixtures/): what `khabar bench extract` prints."""

from __future__ import annotations

from pathlib import Path

from workers.evaluation.labelled import TYPES, score

FIXTURES = Path(__file__).parent / "fixtures"


def test_entities_and_dates_reach_the_quality_bar():
    report = score(FIXTURES)
    assert report.articles >= 30
    for kind in TYPES:
        assert report.entities[kind].precision >= 0.9, kind
        assert report.known[kind].recall >= 0.9, kind
    assert report.dates.precision >= 0.9 and report.dates.recall >= 0.9
