"""The stages built from the table: the same for the worker, batch mode and the tests."""

from __future__ import annotations

from workers.pipeline.build import build_stages
from workers.pipeline.processor import Memory
from workers.pipeline.runner import apply
from workers.pipeline.table import STAGES, Stage

STORY = (
    "The Election Commission on Tuesday announced the schedule for the assembly elections in "
    "five states, with polling to be held in seven phases from April 10, officials said."
)


def test_every_stage_of_the_table_is_built(rules):
    built = build_stages(rules)
    assert list(built) == list(STAGES)
    assert all(built[stage].spec is STAGES[stage] for stage in STAGES)


def test_extraction_marks_near_duplicates_against_the_index_it_is_given(rules):
    memory = Memory()
    index = memory.index
    built = build_stages(rules, memory=memory, threshold=0.7)

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


def test_cleanup_drops_what_the_source_printed_under_its_other_stories(rules):
    built = build_stages(rules)
    plea = "Follow Example News for the latest updates and breaking news."

    def run(article_id: str, text: str) -> dict:
        raw = {"id": article_id, "source": "example.com", "text": text}
        return apply(built[Stage.EXTRACT], apply(built[Stage.CLEANUP], raw))

    stories = [
        STORY,
        "Heavy rain lashed the coast on Monday, and schools stayed shut.",
        "The central bank kept its policy rate unchanged for the fifth meeting in a row.",
    ]
    for n, text in enumerate(stories):
        assert plea in run(f"s{n}", f"{text}\n\n{plea}")["paragraphs"]
    fourth = run("s9", f"A new bridge opened to traffic over the river on Friday.\n\n{plea}")
    assert plea not in fourth["paragraphs"]
    assert {"kind": "recurring", "text": plea, "line": None, "stories": 3} in fourth["cleanup"][
        "removed"
    ]
