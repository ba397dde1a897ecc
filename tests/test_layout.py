"""The README's layout says imports flow one way: each part of the package uses only the parts
listed below it. Checked against the code, so the README cannot drift from it."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

PACKAGE = ROOT / "workers"


def listed_parts() -> list[str]:
    """The package's top-level parts in the order the README's layout lists them."""
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("## Layout", 1)[1].split("```", 2)[1]
    return re.findall(r"^  (\w+)(?:/|\.py)", block, flags=re.MULTILINE)


def imported_parts(path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        found |= {n.split(".")[1] for n in names if n.startswith("workers.")}
    return found


def test_the_layout_lists_every_part_of_the_package():
    parts = {p.stem for p in PACKAGE.iterdir() if not p.name.startswith(("_", "."))}
    parts.discard("py.typed")
    assert set(listed_parts()) == parts - {"__main__"}


def test_each_part_imports_only_the_parts_listed_below_it():
    rank = {part: n for n, part in enumerate(listed_parts())}
    upward = []
    for path in PACKAGE.rglob("*.py"):
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        if top not in rank:
            continue
        upward += [(top, used) for used in imported_parts(path) if rank.get(used, 99) < rank[top]]
    assert not upward
