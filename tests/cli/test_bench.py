"""`khabar bench`: every input is a path the user gives; a wrong one is one clear error."""

from __future__ import annotations

import orjson
import pytest

from tests.cli.test_pipeline import khabar


def test_each_measurement_needs_its_input():
    for what in ("zyte", "extract", "speed"):
        result = khabar("bench", what)
        assert result.returncode == 2 and "required" in result.stderr, what


def test_missing_folders_and_articles_are_one_line_each():
    result = khabar("bench", "zyte", "/nonexistent")
    assert (result.returncode, result.stderr) == (
        2,
        "khabar bench: /nonexistent is not a folder (the benchmark's folder)\n",
    )
    result = khabar("bench", "speed", "/nonexistent")
    assert (result.returncode, result.stderr) == (
        2,
        "khabar bench: no readable articles in /nonexistent\n",
    )


def test_speed_on_the_seed_prints_a_row_per_stage():
    result = khabar("bench", "speed", "seeds", "--repeat", "3")
    assert result.returncode == 0, result.stderr
    rows = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert rows == ["cleanup", "extract", "both"]


def test_fingerprints_start_up_on_a_small_topic_prints_its_figures():
    result = khabar("bench", "fingerprints", "--records", "300")
    assert result.returncode == 0, result.stderr
    figures = orjson.loads(result.stdout.splitlines()[-1])
    assert figures["broker"] == "embedded broker"
    assert figures["records"] == figures["index_articles"] == 300
    assert figures["load_s"] >= 0 and figures["rss_after_mb"] > 0
    assert khabar("bench", "fingerprints", "--records", "0").returncode == 2


@pytest.mark.heavy  # two worker pools on a broker, a minute: `pytest -m heavy`
def test_stream_on_a_small_corpus_prints_every_measurement(tmp_path):
    result = khabar(
        "bench", "stream", "--articles", "80", "--processes", "1", "--storm", "300",
        "--window", "500",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    figures = orjson.loads(result.stdout.splitlines()[-1])
    assert figures["articles"] == 80 and figures["compute"]["dead_lettered"] == 0
    assert [run["processes"] for run in figures["chains"]] == [1]  # N: test_processes.py
    for run in figures["chains"]:
        assert run["per_s"] > 0 and run["dead_lettered"] == 0 and run["worker_rss_mb"] > 0
    assert figures["transport_per_s"] > figures["chains"][0]["per_s"]
    assert 0 < figures["latency"]["p50_ms"] <= figures["latency"]["p99_ms"]
    assert figures["storm"]["copies"] == 300 and figures["storm"]["ratio"] > 0
    assert set(figures["ratios"]) == {
        "chain_1_vs_compute", "chain_1_vs_chain_1", "storm_last_vs_copy_100",
    }  # fmt: skip
    assert "| chain, 1 worker process(es) |" in result.stdout
    assert set(figures["chains"][0]["cores"]) == {"workers", "stage processes", "broker"}


def test_stream_writes_its_corpus_for_side_by_side_runs(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    result = khabar("bench", "stream", "--articles", "25", "--write-corpus", str(corpus))
    assert result.returncode == 0, result.stderr
    articles = [orjson.loads(line) for line in corpus.read_bytes().splitlines()]
    assert len(articles) == 25 and len({a["id"] for a in articles}) == 25
    assert khabar("bench", "stream", "--articles", "0").returncode == 2
