"""`khabar tail`, `produce` and `replay`: what they refuse before they touch a broker, and one
line for each thing that can go wrong (unreachable broker, missing path, a reader gone)."""

from __future__ import annotations

import subprocess
import sys

import orjson

from tests.cli.test_pipeline import ROOT, khabar
from workers.contract.deadletter import Origin, record

# A dead-letter record as the workers write it (the original: a raw article).
DEAD_LETTER = orjson.dumps(
    record(
        stage="cleanup",
        reason="stage",
        error=ValueError("boom"),
        article_id="x",
        origin=Origin("articles.raw", 0, 7, 0, b"x", b"{}", []),
    )
).decode()


def test_tail_of_an_unknown_topic_is_one_clear_error():
    result = khabar("tail", "enriched_v2", env={"KHABAR_BROKER": "127.0.0.1:1"})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "khabar tail: unknown topic 'enriched_v2': one of raw, cleaned, enriched, deadletter, "
        "fingerprints (or articles.<name>)"
    )


def test_replay_refuses_what_is_not_a_dead_letter():
    result = khabar("replay", "-", "--dry-run", input='{"id": "x"}\n')
    assert result.returncode == 2 and result.stderr.startswith("khabar replay: not a dead-letter")


def test_an_unreachable_broker_is_one_line_naming_it():
    """No traceback, no client library chatter, no leaked-client warning: one line, exit 1."""
    unreachable = {"KHABAR_BROKER": "127.0.0.1:1"}
    for args, stdin in (
        (("tail", "enriched", "--idle-timeout", "1"), None),
        (("produce", "seeds"), None),
        (("replay", "-"), DEAD_LETTER),
    ):
        result = khabar(*args, env=unreachable, input=stdin)
        command = f"khabar {args[0]}"
        assert result.returncode == 1, (args, result.stderr)
        assert result.stderr.startswith(f"{command}: cannot reach the broker at 127.0.0.1:1 (")
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_paths_that_are_not_there_are_one_line_each():
    result = khabar("replay", "/nonexistent")
    assert (result.returncode, result.stderr) == (
        1,
        "khabar replay: /nonexistent: No such file or directory\n",
    )
    result = khabar("produce", "/nonexistent", env={"KHABAR_BROKER": "127.0.0.1:1"})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "not sent: /nonexistent: no such file or folder",
        "khabar produce: nothing to send",
    ]


def test_a_reader_that_stops_early_ends_the_command_quietly():
    reader = subprocess.Popen(
        [sys.executable, "-m", "workers", "config"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.readline()
    reader.stdout.close()  # `khabar config | head -1`
    assert reader.wait(30) in (0, 141)
    assert b"Traceback" not in reader.stderr.read()
