"""The data files the steps are built from, and the one loader that reads them.

Rules, gazetteers, name lists and lexicons live here as TOML, TSV and text files, each naming
its source in its header. They are read when a stage is built (`Rules.load()`), into typed rule
objects that the steps receive: never at import, never per article.
"""

from __future__ import annotations

import tomllib
import unicodedata
from importlib import resources
from typing import Any


def text(*parts: str) -> str:
    """A data file's text, by its path under `workers/data/`."""
    return resources.files(__name__).joinpath(*parts).read_text("utf-8")


def toml(*parts: str) -> dict[str, Any]:
    """A TOML data file, e.g. `toml("cleanup", "markup.toml")`."""
    return tomllib.loads(text(*parts))


def table(*parts: str) -> list[list[str]]:
    """The cells of a tab-separated data file's rows, stripped and in NFC; lines that are blank
    or start with "#" are comments."""
    return [
        [unicodedata.normalize("NFC", cell.strip()) for cell in line.split("\t")]
        for line in text(*parts).splitlines()
        if line.strip() and not line.startswith("#")
    ]
