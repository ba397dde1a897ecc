"""`khabar inspect`, as a user runs it: one page, a page each, and its arguments."""

from __future__ import annotations

from tests.cli.test_pipeline import khabar
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "inspect" / "fixtures"


def test_one_page_for_all_the_inputs(tmp_path):
    out = tmp_path / "review.html"
    result = khabar("inspect", str(FIXTURES), "--html", str(out))
    assert result.returncode == 0, result.stderr
    assert "4 article(s), 2 refused" in result.stderr and str(out) in result.stderr
    page = out.read_text("utf-8")
    assert page.count('<section class="article"') == 4
    assert 'data-kind="read_also"' in page and "Refused (input):" in page
    assert "Refused in cleanup (empty):" in page  # stub.txt: under KHABAR_MIN_WORDS
    assert "<script" not in page and "&lt;script&gt;" in page


def test_split_writes_a_page_per_article_and_an_index(tmp_path):
    out = tmp_path / "pages"
    result = khabar(
        "inspect",
        str(FIXTURES / "hi_promo.txt"),
        "-",
        "--html",
        str(out),
        "--split",
        input='{"id": "from-stdin", "text": "Also read: nothing here"}\n',
    )
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names[-1] == "index.html" and len(names) == 3
    index = (out / "index.html").read_text("utf-8")
    assert all(f'href="{name}"' in index for name in names[:-1])


def test_the_output_is_required_and_a_bad_one_is_one_line(tmp_path):
    missing = khabar("inspect", str(FIXTURES))
    assert missing.returncode == 2 and "--html" in missing.stderr
    into_a_folder = khabar("inspect", str(FIXTURES / "stub.txt"), "--html", str(tmp_path))
    assert into_a_folder.returncode == 1 and "Traceback" not in into_a_folder.stderr
    assert f"khabar inspect: {tmp_path}" in into_a_folder.stderr
    usage = khabar("inspect", "--help")
    assert "--split" in usage.stdout and "--html OUT" in usage.stdout
