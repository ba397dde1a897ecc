"""The counters behind the periodic stats line."""

from __future__ import annotations

from workers.ops.metrics import StageStats


def test_counts_reset_each_report_and_totals_do_not():
    stats = StageStats("cleanup")
    stats.count("articles.raw", 0, 5, dead=False)
    stats.count("articles.raw", 1, 9, dead=True)
    first = stats.report(lag=3)
    assert (first["processed"], first["dead_lettered"], first["lag"]) == (1, 1, 3)
    assert first["stage"] == "cleanup" and first["rate_per_s"] > 0
    stats.count("articles.raw", 0, 6, dead=False)
    second = stats.report(lag=None)
    assert (second["processed"], second["dead_lettered"]) == (1, 0)
    assert (second["total_processed"], second["total_dead_lettered"]) == (2, 1)
    assert stats.last_offsets == {("articles.raw", 0): 6, ("articles.raw", 1): 9}
