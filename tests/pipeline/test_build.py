"""The stages built from the table: the same for the worker, batch mode and the tests."""

from __future__ import annotations

from workers.pipeline.build import build_stages
from workers.pipeline.runner import apply
from workers.pipeline.table import STAGES, Stage
from workers.stages.dedup.index import LshIndex

STORY = (
    "The Election Commission on Tuesday announced the schedule for the assembly elections in "
    "five states, with polling to be held in seven phases from April 10, officials said."
)


def test_every_stage_of_the_table_is_built(rules):
    built = build_stages(rules)
    assert list(built) == list(STAGES)
    assert all(built[stage].spec is STAGES[stage] for stage in STAGES)


def test_extraction_marks_near_duplicates_against_the_index_it_is_given(rules):
    index = LshIndex()
    built = build_stages(rules, index=index, threshold=0.7)

    def enrich(article_id: str, text: str) -> dict:
        raw = {"id": article_id, "text": text}
        return apply(built[Stage.EXTRACT], apply(built[Stage.CLEANUP], raw))

    assert enrich("a", STORY)["duplicate_of"] is None
    assert enrich("b", STORY + " More later.")["duplicate_of"] == "a"
    assert len(index) == 2  # the index the caller owns holds both


def test_each_build_has_its_own_index_unless_one_is_shared(rules):
    first, second = build_stages(rules), build_stages(rules)
    for built, article_id in ((first, "a"), (second, "b")):
        cleaned = apply(built[Stage.CLEANUP], {"id": article_id, "text": STORY})
        assert apply(built[Stage.EXTRACT], cleaned)["duplicate_of"] is None
