"""Whole-line boilerplate and separators; prose that mentions the same words stays."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.boilerplate import drop_boilerplate, drop_separators


def test_separator_lines_and_trailing_runs():
    d = draft("Body one.", "-", "* * *", "Body two----", "A - B")
    drop_separators(d)
    assert texts(d) == ["Body one.", "Body two", "A - B"]
    assert [r["text"] for r in d.removed] == ["----", "-", "* * *"]


def test_boilerplate_lines(rules):
    d = draft(
        "Body.",
        "Advertisement",
        "विज्ञापन",
        "फोटो : PTI",
        "Follow us on Google News",
        "Body ends here. (इनपुट: भाषा)",
    )
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == ["Body.", "Body ends here."]
    assert {r["kind"] for r in d.removed} == {"advertisement", "credit", "call_to_action"}


def test_a_hindi_call_to_action_inside_a_short_line(rules):
    d = draft("देश-दुनिया की ताजा खबरों के लिए हमारा ऐप डाउनलोड करें", "खबर जारी है।")
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == ["खबर जारी है।"] and d.removed[0]["kind"] == "call_to_action"


def test_advertisement_in_prose_stays(rules):
    line = "The advertisement campaign cost the company Rs 4 crore."
    d = draft(line)
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == [line]


def test_a_long_paragraph_is_never_boilerplate(rules):
    line = "Follow us on Twitter " + "and read the long report that follows here " * 10
    d = draft(line)
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == [line]
