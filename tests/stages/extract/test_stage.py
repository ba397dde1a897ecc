"""The extraction stage end to end: the seed, the step list, the payload."""

from __future__ import annotations

from tests.conftest import squash
from tests.stages.extract.articles import cleaned
from workers.contract.events import validate
from workers.stages.extract.stage import Extraction, extract_steps


def test_seed_enriched_fields(enrich, seed_text, seed_expected):
    enriched = enrich({"text": seed_text})
    assert enriched["language"] == seed_expected["language"]
    assert enriched["script"] == seed_expected["script"]
    assert enriched["dateline"] == seed_expected["dateline"]
    assert [squash(p) for p in enriched["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]
    assert enriched["body"] == "\n\n".join(enriched["paragraphs"])
    assert [d["date"] for d in enriched["dates"]] == seed_expected["dates"]
    assert enriched["mentions"] == ["aimim_national", "asadowaisi", "imtiaz_jaleel"]
    assert enriched["stats"]["paragraphs"] == 3


def test_enriched_satisfies_schema(enrich, seed_text):
    validate("article.enriched", enrich({"text": seed_text}))


def test_seed_entities_under_canonical_names(enrich, seed_text, seed_expected):
    enriched = enrich({"text": seed_text})
    found = {(e["type"], e["name"]): e for e in enriched["entities"]}
    for kind, names in seed_expected["entities"].items():
        for name, aliases in names.items():
            assert (kind, name) in found, (kind, name)
            assert set(aliases) <= set(found[(kind, name)]["aliases"]), name
    body = enriched["body"]
    for entity in enriched["entities"]:
        for start, end in entity["spans"]:
            assert body[start:end] in entity["aliases"]


def test_the_steps_and_their_order(rules):
    names = [s.name for s in extract_steps(rules.extract)]
    assert names == [
        "detect_languages",
        "describe_structure",
        "find_entities",
        "find_dates",
        "find_social",
        "find_keywords",
        "summarize",
        "categorize",
        "fingerprint",
    ]


def test_an_enrichment_can_be_left_out_and_the_rest_still_run(rules):
    steps = [s for s in extract_steps(rules.extract) if s.name != "find_entities"]
    timings: dict[str, float] = {}
    payload = Extraction(steps, rules.extract.sentences)(
        cleaned("Body text of the story."), timings
    )
    assert "entities" not in payload and payload["keywords"]
    assert list(timings) == [s.name for s in steps]
    assert not {"schema", "id", "pipeline"} & set(payload)
