"""NFC tables: the generated module is current, its ranges are sound, and char_class is exact."""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest

from workers.stages.text import nfc, nfc_tables


@pytest.mark.skipif(
    unicodedata.unidata_version != nfc_tables.UNICODE_VERSION,
    reason="nfc_tables.py was generated from another Unicode version than this Python's",
)
def test_the_generated_module_matches_this_pythons_unicode_database():
    assert Path(nfc_tables.__file__).read_text("utf-8") == nfc.source(nfc.compute())


def test_loaded_tables_equal_the_ones_computed_from_this_pythons_unicode_database():
    assert nfc.load() == nfc.compute()


def test_loaded_ranges_are_sorted_and_do_not_overlap():
    tables = nfc.load()
    for ranges in (tables.changed, tables.combining, tables.composing_seconds):
        assert all(a <= b for a, b in ranges)
        assert all(b + 1 < a for (_, b), (a, _) in pairwise(ranges))


def test_loaded_tables_hold_what_nfc_changes_in_devanagari():
    tables = nfc.load()
    assert (0x0958, 0x095F) in tables.changed
    assert any(a <= 0x093C <= b for a, b in tables.combining)
    assert any(a <= 0x09BE <= b for a, b in tables.composing_seconds)


def test_char_class_matches_exactly_the_range_ends_and_between():
    pattern = re.compile(nfc.char_class(((0x2D, 0x2D), (0x41, 0x43), (0x5D, 0x5E))))
    assert [c for c in map(chr, range(0x20, 0x80)) if pattern.fullmatch(c)] == list("-ABC]^")


def test_char_class_of_the_tables_matches_every_range_end_and_nothing_beside():
    tables = nfc.load()
    for ranges in (tables.changed, tables.combining, tables.composing_seconds):
        pattern = re.compile(nfc.char_class(ranges))
        for a, b in ranges:
            assert pattern.fullmatch(chr(a)) and pattern.fullmatch(chr(b))
            assert not pattern.fullmatch(chr(a - 1)) and not pattern.fullmatch(chr(b + 1))
