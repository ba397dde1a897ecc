"""Where the inspect page puts its marks: removals on their input lines, entities and dates on
the cleaned paragraphs."""

from __future__ import annotations

from workers.inspect.view import Mark, line_views, paragraph_marks, pieces, place

LINES = [
    (1, "लखनऊ: उत्तर प्रदेश सरकार ने नई योजना शुरू की."),
    (2, "ये भी पढ़ें : दिल्ली में बारिश"),
    (4, 'x" class="tweet"> same words, same words'),
]


def test_a_removal_found_in_its_line_marks_that_part_only():
    removed = [{"kind": "dateline", "text": "लखनऊ:", "line": 1}]
    (first, *_), unplaced = line_views(LINES, removed, [])
    assert first.marks == [Mark(0, 5, "dateline", "removed: dateline")]
    assert first.whole == [] and unplaced == []


def test_a_removal_of_the_whole_line_marks_it_all():
    removed = [{"kind": "read_also", "text": "ये भी पढ़ें : दिल्ली में बारिश", "line": 2}]
    views, _ = line_views(LINES, removed, [])
    assert [(m.start, m.end) for m in views[1].marks] == [(0, len(LINES[1][1]))]


def test_a_removal_changed_by_an_earlier_step_marks_the_whole_line():
    removed = [{"kind": "embed", "text": "x same words, same words", "line": 4}]
    views, _ = line_views(LINES, removed, [])
    assert views[2].marks == [] and views[2].whole == ["embed"] and views[2].kinds == ["embed"]


def test_the_same_text_twice_on_a_line_is_marked_at_both_places():
    removed = [
        {"kind": "duplicate", "text": "same words", "line": 4},
        {"kind": "duplicate", "text": "same words", "line": 4},
        {"kind": "markup_residue", "text": '" class="tweet">', "line": 4},
    ]
    views, _ = line_views(LINES, removed, [])
    assert [(m.start, m.end, m.kind) for m in views[2].marks] == [
        (1, 17, "markup_residue"),
        (18, 28, "duplicate"),
        (30, 40, "duplicate"),
    ]


def test_removals_without_a_shown_line_are_left_for_a_list():
    removed = [
        {"kind": "embed", "text": "a post read from the page's markup", "line": None},
        {"kind": "separator", "text": "-", "line": 3},  # a blank line: never shown
    ]
    _, unplaced = line_views(LINES, removed, [])
    assert unplaced == removed


def test_repairs_are_kept_per_line():
    repaired = [{"kind": "glued_sentence", "text": "whatever it was", "line": 1}]
    views, _ = line_views(LINES, [], repaired)
    assert views[0].repairs == ["glued_sentence"] and views[1].repairs == []


def test_a_trimmed_removal_is_found_by_its_head():
    line = "word " * 60
    trimmed = line[:199].strip() + "…"
    assert place(line, trimmed, []) == (0, len(line[:199].strip()))
    assert place("abc", "zzz…", []) is None
    assert place("abc", "", []) is None


def test_pieces_cut_a_text_at_its_marks():
    marks = [Mark(0, 2, "a"), Mark(1, 3, "overlap"), Mark(4, 5, "b")]
    assert pieces("abcdef", marks) == [
        ("ab", marks[0]),
        ("cd", None),
        ("e", marks[2]),
        ("f", None),
    ]


def test_entities_and_dates_move_from_body_offsets_to_their_paragraph():
    paragraphs = ["Modi met Sharif.", "On Monday Delhi voted."]
    enriched = {
        "paragraphs": paragraphs,
        "body": "\n\n".join(paragraphs),
        "entities": [
            {"type": "PERSON", "name": "Narendra Modi", "spans": [[0, 4]]},
            {"type": "LOC", "name": "Delhi", "spans": [[28, 33]]},
            {"type": "LOC", "name": "Out of range", "spans": [[90, 99]]},
        ],
        "dates": [
            {"date": "2024-03-11", "text": "Monday", "start": 21, "end": 27},
            {"date": "2024-03-11", "text": "in an embed", "start": None, "end": None},
        ],
    }
    (first, first_marks), (second, second_marks) = paragraph_marks(enriched)
    assert first == paragraphs[0] and first_marks == [Mark(0, 4, "PERSON", "PERSON: Narendra Modi")]
    assert [(second[m.start : m.end], m.kind) for m in second_marks] == [
        ("Monday", "date"),
        ("Delhi", "LOC"),
    ]


def test_overlapping_body_marks_keep_the_longer_one():
    enriched = {
        "paragraphs": ["Uttar Pradesh police"],
        "entities": [
            {"type": "LOC", "name": "Uttar Pradesh", "spans": [[0, 13]]},
            {"type": "ORG", "name": "Uttar Pradesh Police", "spans": [[0, 20]]},
        ],
    }
    [(_, marks)] = paragraph_marks(enriched)
    assert [m.kind for m in marks] == ["ORG"]
