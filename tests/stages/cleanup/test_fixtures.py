"""Hand-written articles across languages (fixtures/): each noise kind and each trap, end to end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.conftest import squash
from workers.stages.cleanup import clean

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.json"))
EMBED_FIELDS = ("platform", "author_name", "handle", "date", "text", "mentions", "url")


def load(path: Path) -> dict[str, Any]:
    fixture: dict[str, Any] = orjson.loads(path.read_bytes())
    return fixture


@pytest.fixture(params=FIXTURES, ids=[p.stem for p in FIXTURES])
def case(request) -> tuple[dict[str, Any], dict[str, Any]]:
    fixture = load(request.param)
    return fixture, clean(fixture["input"])


def test_paragraphs(case):
    fixture, cleaned = case
    assert [squash(p) for p in cleaned["paragraphs"]] == [
        squash(p) for p in fixture["expected"]["paragraphs"]
    ]


def test_embeds(case):
    fixture, cleaned = case
    got = [{k: e.get(k) for k in EMBED_FIELDS} for e in cleaned["embeds"]]
    want = [{k: e.get(k) for k in EMBED_FIELDS} for e in fixture["expected"]["embeds"]]
    assert got == want


def test_related(case):
    fixture, cleaned = case
    assert cleaned["related"] == fixture["expected"]["related"]


def test_dateline(case):
    fixture, cleaned = case
    assert cleaned["dateline"] == fixture["expected"]["dateline"]


def test_fixture_set_covers_every_noise_kind_and_language():
    if not FIXTURES:
        pytest.skip("no fixtures")
    fixtures = [load(p) for p in FIXTURES]
    covers: dict[str, int] = {}
    for f in fixtures:
        for kind in f["covers"]:
            covers[kind] = covers.get(kind, 0) + 1
    assert len(fixtures) >= 40
    kinds = (
        "markup_residue",
        "embed",
        "duplicate",
        "read_also",
        "call_to_action",
        "advertisement",
        "credit",
        "separator",
        "glued_sentence",
        "unicode",
        "trap",
    )
    assert all(covers.get(kind, 0) >= 3 for kind in kinds), covers
    languages = {f["language"] for f in fixtures}
    assert {"hi", "en"} <= languages and len(languages - {"hi", "en"}) >= 2
