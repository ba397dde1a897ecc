"""`khabar bench`: every input is a path the user gives; a wrong one is one clear error."""

from __future__ import annotations

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
