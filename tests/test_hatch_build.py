"""The compiled build (`hatch_build.py`): a wheel built with the hook on carries the entity finder
and the keyword scorer as C extensions, which find exactly what the pure modules find."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import orjson
import pytest

import hatch_build
from tests.conftest import ROOT

# A minute of C compilation: `pytest -m heavy tests/test_hatch_build.py` (.ci/run runs it).
pytestmark = pytest.mark.heavy

# Every labelled article's entities and keywords (the fixtures, the written sets) and those of
# 300 articles of the stream benchmark's corpus, as JSON, with the files the modules came from.
_FOUND_IN_EVERY_TEXT = """
import sys
import orjson
from pathlib import Path
from workers.bench import corpus
from workers.bench.labelled import as_cleaned
from workers.pipeline.build import build_stages
from workers.pipeline.runner import apply
from workers.pipeline.table import Stage
from workers.stages.extract import keywords
from workers.stages.extract.entities import finder

stages = build_stages()
labelled = sorted(Path("tests/stages/extract").glob("**/*.json"))
events = [as_cleaned(orjson.loads(path.read_bytes())) for path in labelled]
events += [apply(stages[Stage.CLEANUP], raw) for raw in corpus.articles(300, seed=0)]
enriched = [apply(stages[Stage.EXTRACT], event) for event in events]
found = [[event.get("entities"), event.get("keywords")] for event in enriched]
modules = [finder.__file__, keywords.__file__]
sys.stdout.buffer.write(orjson.dumps({"modules": modules, "found": found}))
"""


def _run(code: list[str], path: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(path)} if path else dict(os.environ)
    # -P: the checkout's folder is not put first on the path, so PYTHONPATH's modules load
    return subprocess.run([sys.executable, "-P", *code], cwd=ROOT, env=env, capture_output=True)


@pytest.fixture(scope="module")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel's contents, built with the hook on from this checkout."""
    out = tmp_path_factory.mktemp("wheel")
    build = ["-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out), "."]
    env = {**os.environ, "HATCH_BUILD_HOOK_ENABLE_CUSTOM": "true"}
    result = subprocess.run([sys.executable, *build], cwd=ROOT, env=env, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()[-3000:]
    (wheel,) = out.glob("khabar-*.whl")
    zipfile.ZipFile(wheel).extractall(out / "unpacked")
    return out / "unpacked"


def test_the_wheel_carries_each_module_listed_compiled_and_no_source_gets_one(compiled):
    sources = hatch_build.compiled(ROOT)
    assert {str(path.relative_to(ROOT)) for path in sources} >= {
        "workers/stages/extract/entities/finder.py", "workers/stages/extract/keywords.py",
    }  # fmt: skip
    for source in sources:
        built = compiled / source.relative_to(ROOT).parent
        assert list(built.glob(f"{source.stem}.cpython-*.so")), source
    assert not list((ROOT / "workers").rglob("*.so"))  # no extension shadows an edited file


def test_compiled_and_pure_find_the_same_entities_and_keywords_in_every_text(compiled):
    runs = [_run(["-c", _FOUND_IN_EVERY_TEXT], path) for path in (None, compiled)]
    for run in runs:
        assert run.returncode == 0, run.stderr.decode()[-3000:]
    pure, native = (orjson.loads(run.stdout) for run in runs)
    assert all(path.endswith(".py") for path in pure["modules"])
    assert all(path.endswith(".so") for path in native["modules"])
    found: list[Any] = pure["found"]
    assert len(found) > 450 and sum(bool(entities) for entities, _ in found) > 400
    assert native["found"] == found


def test_the_extraction_tests_pass_on_the_compiled_modules(compiled):
    # The compiled finder is loaded first, so the tests' imports find it already loaded.
    tests = ["tests/stages/extract", "-q", "-p", "no:cacheprovider", "--import-mode=append"]
    code = (
        "import sys, pytest; from workers.stages.extract.entities import finder; "
        f"assert finder.__file__.endswith('.so'), finder.__file__; sys.exit(pytest.main({tests}))"
    )
    result = _run(["-c", code], compiled)
    assert result.returncode == 0, (result.stdout + result.stderr).decode()[-3000:]
    assert b" passed" in result.stdout
