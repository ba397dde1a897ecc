"""`khabar process` and `khabar worker`, as a user runs them."""

from __future__ import annotations

import subprocess
import sys

import orjson

from tests.conftest import ROOT, squash


def khabar(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workers", *args], capture_output=True, text=True, cwd=ROOT, **kwargs
    )


def test_khabar_process_command_on_the_seed(seed_expected):
    result = khabar("process", str(ROOT / "seeds"))
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    enriched = orjson.loads(line)
    assert [squash(p) for p in enriched["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]
    assert enriched["dateline"] == seed_expected["dateline"]


def test_khabar_process_exits_1_when_an_input_fails():
    result = khabar("process", "-", input='{"id": "k2"}\n')
    assert result.returncode == 1 and result.stdout == ""
    assert orjson.loads(result.stderr)["error"]["reason"] == "schema"


def test_worker_stages_are_the_table_s():
    result = khabar("worker", "--stage", "clean")
    assert result.returncode == 2 and "invalid choice: 'clean'" in result.stderr
