"""`khabar demo`: what it refuses before it starts anything (the demo at work is in
tests/integration/test_commands.py)."""

from __future__ import annotations

from tests.cli.test_pipeline import khabar


def test_a_bad_timeout_is_an_argument_error():
    result = khabar("demo", "--timeout", "soon")
    assert result.returncode == 2 and "invalid float value: 'soon'" in result.stderr
