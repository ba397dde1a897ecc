"""`khabar bench speed`: the stage timings and the page-by-page comparison with trafilatura."""

from __future__ import annotations

from tests.stages.cleanup.html.test_page import PAGE
from workers.bench import speed
from workers.bench.zyte import Page
from workers.pipeline.table import Stage


def test_stage_timings_for_an_article(stages, seed_text):
    timings = speed.run({"seed": {"text": seed_text}}, stages, repeat=3)
    assert [t.name.split()[0] for t in timings] == ["cleanup", "extract", "both"]
    assert all(0 < t.median_ms <= t.p95_ms for t in timings)
    assert "articles/s" in speed.report(timings)


def test_pages_timed_beside_trafilatura(stages):
    pages = [Page("flood", "https://news.example/assam-flood", PAGE, "")]
    [timing] = speed.measure_pages(pages, stages[Stage.CLEANUP], repeat=2)
    assert timing.text_chars > 300 and timing.library_ms > 0 and timing.khabar_ms > 0
    report = speed.page_report([timing], seed_chars=timing.text_chars)
    assert report.splitlines()[1].startswith("all pages")
    assert report.splitlines()[2].startswith("seed-sized")
