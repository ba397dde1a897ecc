"""The memory of a source's recurring lines and its two steps: furniture a source prints under
its stories goes; body text that merely looks like it (a copy of one story, a long standing
paragraph, another source's line, an article of nothing else) stays."""

from __future__ import annotations

from typing import Any

import pytest

from workers.stages.dedup.lines import (
    RecurringRules,
    SourceLines,
    drop_recurring,
    from_hex,
    line_key,
    line_keys,
    remember_lines,
    to_hex,
)

PLEA = "Subscribe to our newsletter for the day's top stories."
HINDI_PLEA = "देश-दुनिया की ताज़ा ख़बरों के लिए हमें फ़ेसबुक पर फ़ॉलो करें"
BACKGROUND = (
    "The farmers' unions have camped at the borders of the capital since November, demanding "
    "that the three laws be repealed and that the minimum support price be made a legal right "
    "for every crop, a demand the government has so far refused in eleven rounds of talks with "
    "their leaders."
)


def rules(**changes: int) -> RecurringRules:
    given = {"min_stories": 3, "max_words": 40, "max_lines": 16, "window": 50, "sources": 500}
    return RecurringRules(**{**given, **changes})


def story(n: int, *extra: str, source: str = "example.com") -> dict[str, Any]:
    return {
        "id": f"s{n}",
        "source": source,
        "paragraphs": [f"Story number {n} is about something else on day {n}.", *extra],
        "cleanup": {"removed": [], "repaired": []},
        "fingerprint": {},
        "duplicate_of": None,
    }


def publish(memory: SourceLines, *stories: dict[str, Any]) -> None:
    for enriched in stories:
        remember_lines(enriched, memory)


def test_keys_ignore_case_spacing_and_punctuation_and_travel_as_hex():
    assert line_key("Subscribe  to our newsletter!") == line_key("subscribe to our Newsletter")
    assert line_key(HINDI_PLEA) != line_key(PLEA)
    keys = line_keys([PLEA, HINDI_PLEA, BACKGROUND, PLEA], rules())
    assert len(keys) == 2  # distinct short lines only: the long paragraph is body
    assert from_hex(to_hex(keys)) == keys
    with pytest.raises(ValueError, match="6 bytes each"):
        from_hex("abcd")


def test_more_short_lines_than_kept_keep_the_edges():
    lines = [f"Line {n} of a long list." for n in range(30)]
    keys = line_keys(lines, rules(max_lines=4))
    assert keys == [line_key(lines[n]) for n in (0, 1, 28, 29)]


def test_a_line_printed_under_three_other_stories_of_the_source_is_furniture():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA, HINDI_PLEA) for n in range(3)))
    cleaned = story(9, PLEA, "A short body line of its own.", HINDI_PLEA)
    drop_recurring(cleaned, memory)
    assert cleaned["paragraphs"] == [
        "Story number 9 is about something else on day 9.",
        "A short body line of its own.",
    ]
    removed = cleaned["cleanup"]["removed"]
    assert [(r["kind"], r["text"], r["stories"]) for r in removed] == [
        ("recurring", PLEA, 3),
        ("recurring", HINDI_PLEA, 3),
    ]


def test_under_two_stories_it_stays():
    memory = SourceLines(rules())
    publish(memory, story(1, PLEA), story(2, PLEA))
    cleaned = story(9, PLEA)
    drop_recurring(cleaned, memory)
    assert PLEA in cleaned["paragraphs"]


def test_trap_copies_of_one_story_count_once():
    memory = SourceLines(rules())
    copies = [story(n, PLEA) for n in range(5)]
    for copy in copies[1:]:
        copy["duplicate_of"] = "s0"
    publish(memory, *copies)
    cleaned = story(9, PLEA)
    drop_recurring(cleaned, memory)
    assert PLEA in cleaned["paragraphs"]


def test_trap_a_long_standing_paragraph_of_a_running_story_stays():
    memory = SourceLines(rules())
    publish(memory, *(story(n, BACKGROUND) for n in range(5)))
    cleaned = story(9, BACKGROUND)
    drop_recurring(cleaned, memory)
    assert BACKGROUND in cleaned["paragraphs"]


def test_trap_another_source_s_furniture_is_not_this_source_s():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA, source="other.in") for n in range(5)))
    cleaned = story(9, PLEA)
    drop_recurring(cleaned, memory)
    assert PLEA in cleaned["paragraphs"]


def test_trap_an_article_of_nothing_but_furniture_keeps_it():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA) for n in range(5)))
    cleaned = story(9, PLEA)
    cleaned["paragraphs"] = [PLEA]
    drop_recurring(cleaned, memory)
    assert cleaned["paragraphs"] == [PLEA]


def test_a_redelivered_story_does_not_count_itself():
    memory = SourceLines(rules())
    publish(memory, story(1, PLEA), story(2, PLEA), story(3, PLEA))
    again = story(3, PLEA)
    drop_recurring(again, memory)
    assert PLEA in again["paragraphs"]  # two other stories printed it, not three
    assert len(memory) == 3


def test_removed_furniture_still_counts_so_the_line_stays_known():
    memory = SourceLines(rules(window=3))
    publish(memory, *(story(n, PLEA) for n in range(3)))
    for n in range(3, 9):  # every later story loses the line, and still remembers it
        cleaned = story(n, PLEA)
        drop_recurring(cleaned, memory)
        assert PLEA not in cleaned["paragraphs"]
        remember_lines(cleaned, memory)
        assert from_hex(cleaned["fingerprint"]["lines"])[-1] == line_key(PLEA)


def test_the_window_and_the_sources_are_bounded():
    memory = SourceLines(rules(window=2, sources=2))
    publish(memory, *(story(n, PLEA) for n in range(4)))
    assert memory.stories("example.com", line_key(PLEA)) == 2
    publish(memory, story(7, PLEA, source="b.in"), story(8, PLEA, source="c.in"))
    assert memory.stories("example.com", line_key(PLEA)) == 0  # least recently seen: gone
    assert len(memory) == 2


def test_an_article_without_a_source_is_neither_judged_nor_remembered():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA, source="") for n in range(5)))
    assert len(memory) == 0
    cleaned = story(9, PLEA, source="")
    drop_recurring(cleaned, memory)
    assert PLEA in cleaned["paragraphs"]


def test_the_shipped_rules_load():
    loaded = RecurringRules.load()
    assert loaded.min_stories >= 2 and loaded.max_words >= 20 and loaded.window >= 10
