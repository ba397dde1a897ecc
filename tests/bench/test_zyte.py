"""The Zyte benchmark's scoring, as the benchmark defines it: 4-token shingles per page."""

from __future__ import annotations

import gzip

import orjson

from workers.bench.zyte import load_pages, page_score, report, run, shingles
from workers.pipeline.table import Stage


def test_shingles_and_page_scores():
    assert shingles("a b c") == {("a", "b", "c")}
    assert len(shingles("one two three four five")) == 2
    assert page_score("", "") == (1.0, 1.0)
    assert page_score("", "some truth here now") == (0.0, 0.0)
    assert page_score("a b c d e", "a b c d x") == (0.5, 0.5)


def test_a_small_benchmark_folder_is_scored_for_every_extractor(tmp_path, stages):
    sentences = [
        "Heavy rain lashed Guwahati on Monday and rivers rose fast across the state.",
        "The disaster authority said twelve districts were on alert as the water rose.",
        "Relief camps were opened in Dhubri and Goalpara for families moved out of homes.",
        "Schools in the worst-hit areas will stay closed until Thursday, officials said.",
    ]
    body = " ".join(sentences)
    html = "<html><body><article>" + "".join(f"<p>{s}</p>" for s in sentences) + "</article>"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "p1.html.gz").write_bytes(gzip.compress(html.encode()))
    (tmp_path / "ground-truth.json").write_bytes(
        orjson.dumps({"p1": {"url": "https://x.in/a", "articleBody": body}})
    )
    assert [p.id for p in load_pages(tmp_path)] == ["p1"]
    scores = run(tmp_path, stages[Stage.CLEANUP].function)
    assert [s.name for s in scores] == [
        "trafilatura (plain extract)",
        "trafilatura (khabar settings)",
        "khabar cleanup",
        "khabar, posts in the body",
    ]
    assert scores[2].f1 == 1.0 and "khabar cleanup" in report(scores)
    assert scores[3].f1 == 1.0  # no embedded post here: the same body
