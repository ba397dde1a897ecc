"""Mention scoring on gold sentence groups: exact spans and types, by language and split."""

from __future__ import annotations

import hashlib
from pathlib import Path

import orjson
import pytest

from workers.bench import gold
from workers.pipeline.build import build_stages
from workers.pipeline.table import Stage

RECORD = {
    "id": "en-1",
    "paragraphs": [
        "Narendra Modi met the chief minister in Lucknow on Monday.",
        "The Reserve Bank of India kept rates unchanged.",
    ],
    "entities": [
        {"type": "PERSON", "surface": "Narendra Modi", "paragraph": 0, "start": 0, "end": 13},
        {"type": "LOC", "surface": "Lucknow", "paragraph": 0, "start": 40, "end": 47},
        {"type": "ORG", "surface": "Reserve Bank of India", "paragraph": 1, "start": 4, "end": 25},
        {"type": "MISC", "surface": "Monday", "paragraph": 0, "start": 51, "end": 57},
    ],
}


@pytest.fixture(scope="module")
def extract():
    return build_stages()[Stage.EXTRACT]


def write(folder: Path, language: str, split: str, records: list[dict]) -> None:
    (folder / language).mkdir(parents=True, exist_ok=True)
    lines = b"".join(orjson.dumps(r) + b"\n" for r in records)
    (folder / language / f"{split}.jsonl").write_bytes(lines)


def test_gold_spans_point_into_the_body_the_paragraphs_make():
    body = "\n\n".join(RECORD["paragraphs"])
    mentions = gold.gold_mentions(RECORD)
    assert {body[s:e] for s, e, _ in mentions} == {
        "Narendra Modi",
        "Lucknow",
        "Reserve Bank of India",
    }


def test_known_names_score_by_exact_span_and_type(tmp_path, extract):
    write(tmp_path, "en", "dev", [RECORD])
    wrong = {**RECORD, "id": "en-2", "entities": [dict(RECORD["entities"][0], type="ORG")]}
    write(tmp_path, "en", "test", [wrong])
    assert gold.is_gold_folder(tmp_path)
    report = gold.score(gold.load(tmp_path), extract)
    dev, test = report.groups[("en", "dev")], report.groups[("en", "test")]
    assert dev.all.expected == 3 and dev.all.found == 3  # the gazetteer's own names, found exactly
    assert dev.types["PERSON"].recall == 1.0
    assert test.all.found == 0 and test.all.expected == 1  # a person is not an ORG
    assert any("missed ORG 'Narendra Modi'" in m for m in report.misses)
    table = gold.render(report)
    assert table.splitlines()[1].startswith("en dev") and "en test" in table
    assert orjson.loads(gold.as_json(report))["en dev"]["recall"] == 1.0


def test_only_the_splits_asked_for_are_read(tmp_path):
    write(tmp_path, "hi", "dev", [RECORD])
    write(tmp_path, "hi", "test", [RECORD, RECORD])
    assert [split for _, split, _ in gold.load(tmp_path, ("test",))] == ["test", "test"]
    assert not gold.is_gold_folder(tmp_path / "hi")


def _named(record: dict, text: dict) -> dict:
    """The record as labels of a benchmark's text carry it: no paragraphs, a hash of them."""
    joined = "\n".join(record["paragraphs"]).encode()
    named = {k: v for k, v in record.items() if k != "paragraphs"}
    return {**named, "text": text, "sha1": hashlib.sha1(joined).hexdigest()}


def test_labels_that_name_their_text_read_it_from_the_benchmarks(tmp_path, extract):
    cases = tmp_path / "bench" / "indic-scraped" / "cases"
    cases.mkdir(parents=True)
    case = {"id": "case_01", "body_paragraphs": [*RECORD["paragraphs"], " "]}
    (cases / "case_01.json").write_bytes(orjson.dumps(case))
    zyte = tmp_path / "bench" / "zyte"
    zyte.mkdir()
    body = "\n".join([RECORD["paragraphs"][0], "", RECORD["paragraphs"][1], "Not labelled."])
    (zyte / "ground-truth.json").write_bytes(orjson.dumps({"p1": {"articleBody": body}}))
    labels = tmp_path / "labels"
    in_case = _named(RECORD, {"bench": "indic-scraped", "case": "case_01"})
    on_page = _named({**RECORD, "id": "p1"}, {"bench": "zyte", "page": "p1", "chars": 60})
    write(labels, "en", "dev", [in_case, on_page])

    records = list(gold.load(labels, texts=tmp_path / "bench"))
    assert [r["paragraphs"] for _, _, r in records] == [RECORD["paragraphs"]] * 2
    assert gold.score(records, extract).groups[("en", "dev")].all.recall == 1.0


def test_labels_of_a_text_not_given_or_changed_are_one_clear_error(tmp_path):
    labels = tmp_path / "labels"
    write(labels, "en", "dev", [_named(RECORD, {"bench": "indic-scraped", "case": "case_01"})])
    with pytest.raises(gold.TextMissing, match="give --texts"):
        list(gold.load(labels))
    with pytest.raises(gold.TextMissing, match="no indic-scraped text"):
        list(gold.load(labels, texts=tmp_path))
    cases = tmp_path / "indic-scraped" / "cases"
    cases.mkdir(parents=True)
    changed = {"body_paragraphs": ["Another text."]}
    (cases / "case_01.json").write_bytes(orjson.dumps(changed))
    with pytest.raises(gold.TextMissing, match="not the one labelled"):
        list(gold.load(labels, texts=tmp_path))


def test_a_record_with_neither_paragraphs_nor_a_text_named_is_one_clear_error(tmp_path):
    labels = tmp_path / "labels"
    write(labels, "en", "dev", [{"id": "x", "entities": []}])
    with pytest.raises(gold.TextMissing, match="no text named"):
        list(gold.load(labels, texts=tmp_path))
