"""`khabar tail`, `produce` and `replay`: what they refuse before they touch a broker."""

from __future__ import annotations

from tests.cli.test_pipeline import khabar


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
