"""Scripts: the block of a character, counts per script, and the ranges patterns are built from."""

from __future__ import annotations

import re

import pytest

from workers.stages.text.scripts import (
    INDIC_WORD,
    devanagari,
    is_devanagari,
    other_ranges,
    ranges,
    script_counts,
    script_of,
)


def test_devanagari_tells_one_character():
    assert devanagari("क")
    assert devanagari("।")
    assert not devanagari("k")
    assert not devanagari("ক")


def test_is_devanagari_holds_when_any_character_is():
    assert is_devanagari("Delhi दिल्ली")
    assert not is_devanagari("Delhi 2024")
    assert not is_devanagari("")


def test_script_of_names_the_script_of_a_letter():
    assert [script_of(c) for c in "aकকதک"] == ["Latn", "Deva", "Beng", "Taml", "Arab"]


def test_digits_punctuation_and_space_have_no_script():
    assert [script_of(c) for c in "7.,!@ -"] == [None] * 7


@pytest.mark.xfail(
    reason="BLOCKS maps all of 0x41-0x24F to 'Latn', so the ASCII punctuation between the "
    "letters ([ _ `) and Latin-1 symbols (NBSP « ° ×) count as Latin letters"
)
def test_punctuation_between_the_latin_letters_has_no_script():
    assert [script_of(c) for c in "[_`\u00a0«°×"] == [None] * 7


def test_script_counts_counts_characters_per_script_and_skips_the_rest():
    assert script_counts("नई Delhi, 7 কলকাতা") == {"Deva": 2, "Latn": 5, "Beng": 6}
    assert script_counts("2024!") == {}


def test_ranges_make_a_character_class_of_a_script():
    devanagari_letters = re.compile(f"[{ranges('Deva')}]+")
    assert devanagari_letters.findall("Delhi दिल्ली, কলকাতা") == ["दिल्ली"]


def test_other_ranges_match_every_script_but_the_one_named():
    others = re.compile(f"[{other_ranges('Deva')}]+")
    assert others.findall("दिल्ली Delhi কলকাতা 2024") == ["Delhi", "কলকাতা"]


def test_indic_word_covers_vowel_signs_but_not_the_dandas():
    indic = re.compile(f"[{INDIC_WORD}]+")
    assert indic.findall("किताबें पढ़ो। ஏன்॥ ১২") == ["किताबें", "पढ़ो", "ஏன்", "১২"]
