"""`khabar bench`: every input is a path the user gives; a wrong one is one clear error."""

from __future__ import annotations

import orjson

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
