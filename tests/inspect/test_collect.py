"""Articles through the built stages for the inspect pages: the enriched event with the input's
lines and the cleanup's records; for a refused article, its error and what was removed before."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.inputs import Item, read_inputs, wrap
from workers.inspect.collect import inspect_items
from workers.inspect.view import Inspected
from workers.pipeline.build import build_stages

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def inspected(rules) -> dict[str, Inspected]:
    stages = build_stages(rules, min_words=15)
    return {Path(a.origin).name: a for a in inspect_items(read_inputs([str(FIXTURES)]), stages)}


def test_a_text_article_keeps_its_lines_and_the_cleanup_records(inspected):
    article = inspected["hi_promo.txt"]
    assert article.problem is None and article.enriched is not None
    assert article.language == "hi" and not article.from_page
    assert [no for no, _ in article.lines] == [1, 2, 3, 4, 5, 6]
    assert article.lines[1] == (2, "ये भी पढ़ें : दिल्ली में बारिश से यातायात प्रभावित")
    kinds = {(r["kind"], r["line"]) for r in article.removed}
    assert {("read_also", 2), ("separator", 4), ("advertisement", 5), ("dateline", 1)} <= kinds
    assert [r["kind"] for r in article.repaired] == ["glued_sentence"]
    assert article.removed == article.enriched["cleanup"]["removed"]


def test_a_page_shows_the_text_read_from_it_and_its_metadata(inspected):
    article = inspected["en_page.html"]
    assert article.from_page and article.problem is None
    assert any("Pune Municipal Corporation" in text for _, text in article.lines)
    assert not any("<p>" in text or "Home" in text for _, text in article.lines)
    assert article.page.get("title") == "River clean-up drive begins in Pune"
    embeds = [r for r in article.removed if r["kind"] == "embed"]
    assert embeds and embeds[0]["line"] is None  # read from the markup: no line


def test_an_article_refused_as_empty_keeps_what_was_removed(inspected):
    article = inspected["stub.txt"]
    assert article.enriched is None and article.problem is not None
    assert (article.problem.stage, article.problem.reason) == ("cleanup", "empty")
    assert "KHABAR_MIN_WORDS" in article.problem.message
    assert {r["kind"] for r in article.removed} == {"read_also", "advertisement"}
    assert len(article.lines) == 2


def test_bad_inputs_are_problems_not_exceptions(rules):
    items = [
        Item("broken.json", None, "not valid JSON"),
        Item("no-text.json", wrap({"id": "k2", "title": "<b>no text</b>"})),
    ]
    unreadable, refused = inspect_items(items, build_stages(rules))
    assert unreadable.problem is not None and unreadable.problem.reason == "input"
    assert refused.problem is not None and refused.problem.reason == "schema"
    assert refused.article_id == "k2" and '"title": "<b>no text</b>"' in refused.raw_json
    assert refused.lines == []


def test_near_duplicates_are_marked_within_the_run(rules):
    text = (FIXTURES / "hi_promo.txt").read_text("utf-8")
    items = [
        Item("one", wrap({"id": "one", "text": text})),
        Item("two", wrap({"id": "two", "text": text})),
    ]
    first, second = inspect_items(items, build_stages(rules))
    assert first.enriched and second.enriched
    assert second.enriched["duplicate_of"] == "one"
