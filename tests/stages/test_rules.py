"""Every step's rules, loaded once from the shipped data."""

from __future__ import annotations

from workers.stages.rules import Rules


def test_both_stages_rules_load_and_share_the_month_names(rules: Rules):
    assert rules.cleanup.embeds.months["april"] == 4
    assert "Sept" in rules.extract.sentences.abbreviations  # from the month names
    assert "Dr" in rules.extract.sentences.abbreviations  # from the abbreviations list
    assert {p.name for p in rules.cleanup.embeds.platforms} >= {"twitter", "youtube"}
