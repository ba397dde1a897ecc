"""`khabar demo`: what it refuses before it starts anything (the demo at work is in
tests/integration/test_commands.py)."""

from __future__ import annotations

from tests.cli.test_pipeline import khabar
from workers.cli.demo import missing_summary


def test_a_bad_timeout_is_an_argument_error():
    result = khabar("demo", "--timeout", "soon")
    assert result.returncode == 2 and "invalid float value: 'soon'" in result.stderr


def test_articles_without_a_result_are_one_line_however_many():
    missing = [f"article-{n}" for n in range(2_000)]
    line = missing_summary(missing, 120)
    assert line == (
        "no result within 120 s for 2000 article(s): "
        "article-0, article-1, article-2, article-3, article-4, ..."
    )
    assert missing_summary(["a"], 30) == "no result within 30 s for 1 article(s): a"
