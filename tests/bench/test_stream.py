"""The stream benchmark's broker-free parts: the compute limit and the near-duplicate storm
(the broker parts run in tests/cli/test_bench.py)."""

from __future__ import annotations

from workers.bench import corpus, stream


def test_compute_counts_every_article_and_names_its_costliest_steps():
    articles = list(corpus.articles(30, seed=5))
    measured = stream.compute(articles)
    assert measured.articles == 30 and measured.dead_lettered == 0 and measured.per_s > 0
    assert sum(measured.languages.values()) == 30
    assert len(measured.steps_ms) == 8 and all(ms >= 0 for ms in measured.steps_ms.values())
    costs = list(measured.steps_ms.values())
    assert costs == sorted(costs, reverse=True)
    assert {name.split(".")[0] for name in measured.steps_ms} <= {"cleanup", "extract"}


def test_a_storm_costs_the_same_per_copy_late_as_early():
    story = next(a for a in corpus.articles(10, seed=6) if a.get("text"))
    measured = stream.storm(story, copies=2_000)
    assert measured.copies == 2_000 and measured.copy_100_ms > 0
    assert measured.ratio < 1.5  # the index stays flat: a copy is found through its original
