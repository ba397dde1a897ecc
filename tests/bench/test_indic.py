"""`khabar bench indic`: the labelled-scrape scorer gives the gold body full marks and a
pass-through cleaner every noise item leaked; splits, labels and the command's output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from workers.bench import indic

BODY = [
    "चीन के दक्षिण-पश्चिम गुइझोऊ प्रांत के एक गांव में हुए भूस्खलन की घटना में कम से कम 11 लोगों "
    "की मौत हो गई जबकि 34 अन्य लापता हैं।",
    "सरकारी समाचार एजेंसी शिन्हुआ ने खबर दी है कि भूस्खलन के बाद गांव में बचाव दल 11 लोगों को "
    "सुरक्षित निकाल चुके हैं और लापता लोगों की तलाश जारी है।",
]
NOISE = {
    "related": "वॉट्सऐप चैट और डेटा रहेगा सेफ, चाहे गुम हो जाए फोन",
    "cta": "फेसबुक पर हमारी खबरें पाने के लिए हमारा पेज लाइक करें",
}


def _case(case_id: str, site: str) -> dict[str, object]:
    lines = [NOISE["related"], BODY[0], NOISE["cta"], BODY[1], ""]
    return {
        "id": case_id,
        "language": "hi",
        "site": site,
        "raw": "\n".join(lines),
        "labels": ["related", "body", "cta", "body", "blank"],
        "body_paragraphs": BODY,
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder named as the shared set, whose split the bench knows."""
    root = tmp_path / "indic-scraped"
    (root / "cases").mkdir(parents=True)
    for case_id, site in (("a_01", "one.example"), ("a_02", "punjabkesari.in")):
        (root / "cases" / f"{case_id}.json").write_bytes(orjson.dumps(_case(case_id, site)))
    return root


def test_the_gold_body_scores_full_marks_and_leaks_nothing(folder):
    report = indic.score(indic.load_cases(folder), lambda case: BODY, indic.Split.load())
    everything = report.groups["all"]
    assert (everything.precision, everything.recall, everything.leaks.share) == (1.0, 1.0, 0.0)


def test_passing_the_scrape_through_leaks_every_noise_item(folder):
    report = indic.score(
        indic.load_cases(folder), lambda case: case["raw"].split("\n"), indic.Split.load()
    )
    assert report.groups["all"].leaks.share == 1.0 and report.groups["all"].precision < 0.8
    assert (
        report.labels["dev"]["related"].leaked == 1 and report.labels["held-out"]["cta"].leaked == 1
    )


def test_a_duplicate_leaks_only_when_both_copies_stay():
    case = {
        "id": "d_01",
        "language": "hi",
        "raw": "\n".join([BODY[0], BODY[0], BODY[1]]),
        "labels": ["body", "duplicate", "body"],
        "body_paragraphs": BODY,
    }
    split = indic.Split.load()
    once = indic.score([case], lambda c: BODY, split)
    twice = indic.score([case], lambda c: [BODY[0], BODY[0], BODY[1]], split)
    assert once.groups["all"].leaks.leaked == 0 and twice.groups["all"].leaks.leaked == 1


def test_the_split_holds_out_whole_sites_and_named_cases():
    split = indic.Split.load()
    assert split is not None and indic.Split.load("another-set") is None
    assert split.of({"id": "x_01", "site": "punjabkesari.in"}) == "held-out"
    assert split.of({"id": "newssummary_08", "site": "hindustantimes.com"}) == "held-out"
    assert split.of({"id": "newssummary_01", "site": "hindustantimes.com"}) == "dev"


def test_the_command_scores_khabars_cleanup_by_split(folder):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "workers",
            "bench",
            "indic",
            str(folder),
            "--json",
            "--split",
            "dev",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    table, summary = out.rsplit("\n", 2)[0], orjson.loads(out.strip().splitlines()[-1])
    assert "Noise leaked by label (dev)" in table and "held-out" not in summary["groups"]
    assert summary["groups"]["dev"]["cases"] == 1 and summary["groups"]["dev"]["recall"] == 1.0
    assert summary["groups"]["dev"]["leaked_share"] == 0.0  # the headline and the call both go


def test_a_folder_without_a_split_is_scored_whole(folder, tmp_path):
    other = folder.rename(tmp_path / "another-set")
    report = indic.score(indic.load_cases(other), lambda case: BODY, indic.Split.load(other.name))
    assert set(report.groups) == {
        "all",
        "language hi",
        "source one.example",
        "source punjabkesari.in",
    }
    done = subprocess.run(
        [sys.executable, "-m", "workers", "bench", "indic", str(other), "--split", "dev"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "no split" in done.stderr


def test_a_folder_without_cases_is_one_clear_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "workers", "bench", "indic", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and "no cases" in done.stderr and "Traceback" not in done.stderr
