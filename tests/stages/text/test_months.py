"""Month names: the shipped table, numbers, regex alternations and short forms."""

from __future__ import annotations

import re

from workers.stages.text.months import Months

months = Months.load()


def test_the_shipped_table_loads_every_language():
    assert {"en", "hi"} <= set(months.by_language)
    assert months.by_language["en"]["january"] == 1


def test_numbers_merge_the_names_of_the_languages_asked():
    numbers = months.numbers(["en", "hi"])
    assert numbers["sept"] == 9
    assert numbers["सितम्बर"] == 9
    assert numbers["सितंबर"] == 9
    assert numbers["मई"] == 5
    assert "janeiro" not in numbers


def test_alternation_puts_longer_names_first():
    names = months.alternation(["en"]).split("|")
    assert names.index("september") < names.index("sept") < names.index("sep")
    assert [len(n) for n in names] == sorted((len(n) for n in names), reverse=True)


def test_alternation_matches_whole_names_in_a_regex():
    pattern = re.compile(rf"\d+ ({months.alternation(['en', 'hi'])})", re.IGNORECASE)
    text = "5 Sept, 6 September, 7 सितंबर, 8 मई"
    assert pattern.findall(text) == ["Sept", "September", "सितंबर", "मई"]


def test_short_forms_are_the_names_after_the_full_one():
    short = months.short_forms("en")
    assert {"jan", "sept", "sep", "dec"} <= short
    assert "may" not in short
    assert "january" not in short


def test_a_hand_built_table_serves_a_rule_with_other_names():
    table = Months({"en": {"march": 3, "mar": 3}, "mr": {"जानेवारी": 1, "मे": 5}})
    assert table.numbers(["mr"]) == {"जानेवारी": 1, "मे": 5}
    assert table.alternation(["en", "mr"]) == "जानेवारी|march|mar|मे"
    assert table.short_forms("en") == {"mar"}
    assert table.short_forms("mr") == frozenset()
