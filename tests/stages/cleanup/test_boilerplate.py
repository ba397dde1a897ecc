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


def test_a_call_to_follow_glued_after_the_last_sentence_is_cut(rules):
    d = draft("Padmavati also stars Ranveer Singh in a key role.Follow @htshowbiz for more")
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == ["Padmavati also stars Ranveer Singh in a key role."]
    assert d.removed == [
        {"kind": "call_to_action", "text": "Follow @htshowbiz for more", "line": 1}
    ]


def test_trap_handles_in_prose_and_a_handle_line_of_its_own_stay(rules):
    prose = "The minister replied to @PMOIndia within minutes. He thanked @narendramodi for it."
    d = draft(prose, "Аккаунт: @oleg_ilyin")
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == [prose, "Аккаунт: @oleg_ilyin"]


def test_a_call_to_action_that_names_us_a_platform_and_an_imperative_goes(rules):
    calls = [
        "अपने फेसबुक पर हमारी खबरें पाने के लिए हमारा पेज लाइक करें",
        "(Install our app, and follow us on Facebook and Twitter)",
    ]
    d = draft(*calls, "Body line.")
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == ["Body line."]
    assert {r["kind"] for r in d.removed} == {"call_to_action"}


def test_trap_prose_that_reports_an_appeal_stays(rules):
    prose = [
        "लोगों से अपील है कि वे फेसबुक पर भ्रामक पोस्ट शेयर न करें।",
        "The minister asked people to download the app and follow the rules.",
        "हम फेसबुक पर लगातार नजर रख रहे हैं, मुख्यमंत्री ने कहा।",
    ]
    d = draft(*prose)
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == prose


def test_a_photographer_and_agencies_in_parentheses_are_a_credit(rules):
    d = draft("Body.", "(Chris Pizzello/Invision/AP)", "(Reuters/Adnan Abidi)", "Body two.")
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == ["Body.", "Body two."]
    assert {r["kind"] for r in d.removed} == {"credit"}


def test_trap_a_parenthesis_with_a_slash_inside_prose_stays(rules):
    d = draft("Sales rose in 2019/20 (April/March), the company said.", "(2019/20)")
    drop_boilerplate(d, rules.cleanup.boilerplate)
    assert texts(d) == ["Sales rose in 2019/20 (April/March), the company said.", "(2019/20)"]
