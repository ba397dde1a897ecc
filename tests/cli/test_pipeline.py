"""`khabar process` and `khabar worker`, as a user runs them."""

from __future__ import annotations

import signal
import subprocess
import sys

import orjson
import pytest

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


def test_khabar_process_in_two_jobs_and_a_bad_count():
    result = khabar("process", "--jobs", "2", str(ROOT / "seeds"))
    assert result.returncode == 0, result.stderr
    assert orjson.loads(result.stdout)["dateline"] == "नई दिल्ली"
    refused = khabar("process", "--jobs", "-1", "-")
    assert refused.returncode == 2 and "at least 0 (0: one per core)" in refused.stderr


def test_worker_stages_are_the_table_s():
    result = khabar("worker", "--stage", "clean")
    assert result.returncode == 2 and "invalid choice: 'clean'" in result.stderr


def test_a_worker_waits_for_its_broker_as_long_as_told_then_says_so():
    env = {"KHABAR_BROKER": "127.0.0.1:1", "KHABAR_BROKER_WAIT": "2", "PATH": "/usr/bin:/bin"}
    result = khabar("worker", "--stage", "cleanup", env=env, timeout=60)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "Unclosed" not in out
    events = [orjson.loads(line) for line in out.splitlines() if line.startswith("{")]
    waits = [e for e in events if e["event"] == "broker_unreachable"]
    assert [e["attempt"] for e in waits] == list(range(1, len(waits) + 1)) and len(waits) >= 2
    assert all(0 <= e["deadline_s"] <= 2 for e in waits)
    assert events[-1]["event"] == "broker_wait_exceeded" and events[-1]["waited_s"] >= 2
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("khabar worker: the broker at 127.0.0.1:1 did not answer within 2 s")


@pytest.mark.parametrize("processes", ["1", "2"])
def test_a_worker_or_pool_stopped_while_it_waits_for_its_broker_exits_0(processes):
    env = {"KHABAR_BROKER": "127.0.0.1:1", "KHABAR_BROKER_WAIT": "60", "PATH": "/usr/bin:/bin"}
    command = [sys.executable, "-m", "workers", "worker", "--processes", processes]
    with subprocess.Popen(
        command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    ) as worker:
        assert worker.stdout is not None
        for line in worker.stdout:  # still starting: the broker never answers
            if '"broker_unreachable"' in line:
                break
        worker.send_signal(signal.SIGTERM)
        out, _ = worker.communicate(timeout=30)
    assert worker.returncode == 0, out
    assert "Traceback" not in out
    last = orjson.loads(out.strip().splitlines()[-1])
    assert last["event"] == "worker_stopped_while_starting" and last["signal"] == "SIGTERM"
