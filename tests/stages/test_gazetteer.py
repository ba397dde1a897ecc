"""The gazetteers: entries with every surface form, handles and role words."""

from __future__ import annotations

from workers.stages.gazetteer import Entry, Gazetteer, entries


def test_rows_become_entries_with_the_canonical_among_the_aliases():
    assert entries([["Lucknow", "city", "लखनऊ|Lakhnau| "], ["Goa"]]) == (
        Entry("Lucknow", "city", ("Lucknow", "लखनऊ", "Lakhnau")),
        Entry("Goa", "", ("Goa",)),
    )


def test_the_shipped_gazetteer():
    gazetteer = Gazetteer.load()
    assert len(gazetteer.places) > 1000 and len(gazetteer.persons) > 500
    assert {"लखनऊ", "Lucknow", "नई दिल्ली"} <= gazetteer.place_names()
    assert ("narendramodi", "Narendra Modi", "PERSON") in gazetteer.handles
    assert all(implies in ("PERSON", "ORG", "LOC") for _, _, implies in gazetteer.roles)
