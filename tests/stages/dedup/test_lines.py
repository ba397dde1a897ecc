"""The memory of a source's recurring lines and its two steps: furniture a source prints under
its stories goes; body text that merely looks like it (a copy of one story, a long standing
paragraph, another source's line, an article of nothing else) stays."""

from __future__ import annotations

from typing import Any

import pytest

from workers.stages.dedup.lines import (
    Furniture,
    RecurringKeys,
    RecurringRules,
    SourceLines,
    drop_recurring,
    from_hex,
    line_key,
    line_keys,
    pack,
    remember_lines,
    unpack,
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
    assert unpack(from_hex(pack(keys).hex())) == keys
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
    drop_recurring(cleaned, Furniture(memory))
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
    drop_recurring(cleaned, Furniture(memory))
    assert PLEA in cleaned["paragraphs"]


def test_trap_copies_of_one_story_count_once():
    memory = SourceLines(rules())
    copies = [story(n, PLEA) for n in range(5)]
    for copy in copies[1:]:
        copy["duplicate_of"] = "s0"
    publish(memory, *copies)
    cleaned = story(9, PLEA)
    drop_recurring(cleaned, Furniture(memory))
    assert PLEA in cleaned["paragraphs"]


def test_trap_a_long_standing_paragraph_of_a_running_story_stays():
    memory = SourceLines(rules())
    publish(memory, *(story(n, BACKGROUND) for n in range(5)))
    cleaned = story(9, BACKGROUND)
    drop_recurring(cleaned, Furniture(memory))
    assert BACKGROUND in cleaned["paragraphs"]


def test_trap_another_source_s_furniture_is_not_this_source_s():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA, source="other.in") for n in range(5)))
    cleaned = story(9, PLEA)
    drop_recurring(cleaned, Furniture(memory))
    assert PLEA in cleaned["paragraphs"]


def test_trap_an_article_of_nothing_but_furniture_keeps_it():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA) for n in range(5)))
    cleaned = story(9, PLEA)
    cleaned["paragraphs"] = [PLEA]
    drop_recurring(cleaned, Furniture(memory))
    assert cleaned["paragraphs"] == [PLEA]


def test_a_redelivered_story_does_not_count_itself():
    memory = SourceLines(rules())
    publish(memory, story(1, PLEA), story(2, PLEA), story(3, PLEA))
    assert memory.stories("example.com", line_key(PLEA)) == 3
    again = story(3, PLEA)
    drop_recurring(again, Furniture(memory))
    assert PLEA in again["paragraphs"]  # two other stories printed it, not three


def test_an_article_remembered_twice_counts_once():
    """The local finishing step and the fingerprints topic's follower both bring it."""
    memory = SourceLines(rules())
    enriched = story(1, PLEA)
    remember_lines(enriched, memory)
    packed = from_hex(enriched["fingerprint"]["lines"])
    memory.remember("s1", "example.com", packed)
    assert memory.stories("example.com", line_key(PLEA)) == 1 and len(memory) == 1


def test_a_drop_that_would_leave_too_few_words_is_not_made():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA) for n in range(3)))
    cleaned = story(9, PLEA)
    drop_recurring(cleaned, Furniture(memory, min_words=50))
    assert PLEA in cleaned["paragraphs"]


def test_removed_furniture_still_counts_so_the_line_stays_known():
    memory = SourceLines(rules(window=3))
    publish(memory, *(story(n, PLEA) for n in range(3)))
    for n in range(3, 9):  # every later story loses the line, and still remembers it
        cleaned = story(n, PLEA)
        drop_recurring(cleaned, Furniture(memory))
        assert PLEA not in cleaned["paragraphs"]
        remember_lines(cleaned, memory)
        assert unpack(from_hex(cleaned["fingerprint"]["lines"]))[-1] == line_key(PLEA)


def test_the_window_and_all_stories_held_are_bounded():
    memory = SourceLines(rules(window=2, sources=2))  # 4 stories in all
    publish(memory, *(story(n, PLEA) for n in range(4)))
    assert memory.stories("example.com", line_key(PLEA)) == 2  # its window
    publish(memory, story(7, PLEA, source="b.in"), story(8, PLEA, source="c.in"))
    assert len(memory) == 4  # the oldest of all went first: example.com's
    assert memory.stories("example.com", line_key(PLEA)) == 2
    publish(memory, story(9, PLEA, source="d.in"))
    assert memory.stories("example.com", line_key(PLEA)) == 1 and len(memory) == 4


def test_one_source_more_than_the_budget_does_not_empty_the_memory():
    """Least-recently-seen eviction by source would forget each source just before its next
    story; the memory forgets the oldest story instead."""
    memory = SourceLines(rules(window=4, sources=3))  # 12 stories in all
    for round_ in range(4):
        for site in range(4):  # one source more than `sources`
            n = round_ * 4 + site
            publish(memory, story(n, PLEA, source=f"site{site}.in"))
    assert memory.stories("site0.in", line_key(PLEA)) == 3
    assert memory.stories("site3.in", line_key(PLEA)) == 3


def test_turns_say_when_a_line_starts_and_stops_recurring():
    """What batch mode tells its children: a line starts to recur at its third story and
    stops when the window forgets one of them; a line under fewer stories never turns."""
    memory = SourceLines(rules(window=3))
    assert memory.turns() == []  # the record starts here
    publish(memory, story(1, PLEA, HINDI_PLEA), story(2, PLEA), story(3, PLEA))
    assert memory.turns() == [("example.com", line_key(PLEA), True)]
    assert memory.turns() == []  # each turn is told once
    publish(memory, story(4, HINDI_PLEA))  # story 1 goes: the plea is under two now
    assert memory.turns() == [("example.com", line_key(PLEA), False)]


def test_a_child_drops_what_the_turns_it_heard_say_recurs():
    memory, known = SourceLines(rules()), RecurringKeys(rules())
    memory.turns()
    publish(memory, *(story(n, PLEA) for n in range(3)))
    turns = memory.turns()
    known.hear(turns, 0)
    known.hear(turns, 0)  # told again (another task carried it too): heard once
    assert known.heard == 1
    cleaned = story(9, PLEA, HINDI_PLEA)
    drop_recurring(cleaned, Furniture(known))
    assert cleaned["paragraphs"] == ["Story number 9 is about something else on day 9.", HINDI_PLEA]
    known.hear([("example.com", line_key(PLEA), False)], 1)
    cleaned = story(10, PLEA)
    drop_recurring(cleaned, Furniture(known))
    assert PLEA in cleaned["paragraphs"]
    assert known.stories("other.in", line_key(PLEA)) == 0


def test_an_article_without_a_source_is_neither_judged_nor_remembered():
    memory = SourceLines(rules())
    publish(memory, *(story(n, PLEA, source="") for n in range(5)))
    assert len(memory) == 0
    cleaned = story(9, PLEA, source="")
    drop_recurring(cleaned, Furniture(memory))
    assert PLEA in cleaned["paragraphs"]


def test_the_shipped_rules_load():
    loaded = RecurringRules.load()
    assert loaded.min_stories >= 2 and loaded.max_words >= 20 and loaded.window >= 10
