"""Unicode normalisation for display, mojibake repair, NFC, and the keys that fold variants."""

from __future__ import annotations

import unicodedata

import pytest

from workers.stages.text.normalize import (
    fold_marks,
    match_key,
    normalize_text,
    repair_mojibake,
    squash_spaces,
    to_nfc,
)


def test_odd_spaces_become_one_plain_space_and_line_breaks_become_newlines():
    assert normalize_text("a\u00a0b\u2009c\td  e\r\nf\rg\u2028h") == "a b c d e\nf\ng\nh"


def test_invisible_characters_are_removed():
    assert normalize_text("क\u200bख\ufeffग\u00adघ\u2060ङ\u200e") == "कखगघङ"


def test_joiners_stay_inside_conjuncts_and_go_when_stray():
    assert normalize_text("क्\u200dष क्\u200cष") == "क्\u200dष क्\u200cष"
    assert normalize_text("\u200dनमस्ते \u200cजी\u200c") == "नमस्ते जी"


def test_normalize_text_makes_nfc():
    assert normalize_text("\u0958 Cafe\u0301") == "क\u093c Café"


def test_mojibake_of_utf8_read_as_latin1_is_repaired():
    assert repair_mojibake("नई दिल्ली".encode().decode("latin-1")) == "नई दिल्ली"


def test_mojibake_of_utf8_read_as_cp1252_is_repaired():
    garbled = "India’s ‘big’ day – राम".encode().decode("cp1252")
    assert repair_mojibake(garbled) == "India’s ‘big’ day – राम"
    assert normalize_text(garbled) == "India’s ‘big’ day – राम"


def test_mojibake_of_a_virama_read_as_windows_1252_is_repaired():
    # cp1252-only characters (€ from ी) beside the C1 control web decoders leave for 0x8D (्).
    assert repair_mojibake("à¤¦à¤¿à¤²à¥\u008dà¤²à¥€") == "दिल्ली"


def test_mojibake_of_a_closing_quote_and_mixed_text_is_repaired():
    # ” is E2 80 9D: 0x9D becomes U+009D; correct text around the garbled span stays as it is.
    garbled = "à¤•à¤¹à¤¾ â€œà¤¹à¤¾à¤‚â€\u009d"
    assert repair_mojibake(f"उन्होंने {garbled} और café") == "उन्होंने कहा “हां” और café"


def test_curly_quotes_and_text_without_mojibake_are_left_alone():
    text = "He said “yes” — and ‘no’ … ५० रुपये"
    assert repair_mojibake(text) is text


def test_clean_text_is_returned_as_the_same_object():
    text = "Café déjà vu, नई दिल्ली"
    assert repair_mojibake(text) is text


@pytest.mark.parametrize(
    "text",
    [
        "Cafe\u0301 e\u0323\u0301",
        "क\u093c \u0958 ड\u093cर",
        "ক\u09c7\u09be",
        "க\u0bc6\u0bbe \u0b92",
        "\U0001d400\u0301 😀 नमस्ते",
        "\u212b plain",
    ],
)
def test_to_nfc_equals_unicodedata_nfc(text: str):
    assert to_nfc(text) == unicodedata.normalize("NFC", text)


def test_match_key_folds_nukta_chandrabindu_case_punctuation_and_spacing():
    assert match_key("क़ौम, के!") == match_key("कौम  के") == "कौम के"
    assert match_key("\u0958ौम") == "कौम"
    assert match_key("हँसी।") == "हंसी"
    assert match_key("  The BJP’s  WIN!! ") == "the bjp s win"


def test_fold_marks_drops_nukta_and_makes_chandrabindu_anusvara():
    assert fold_marks("ज़िंदगी में चाँद") == "जिंदगी में चांद"
    assert fold_marks("plain") == "plain"


def test_squash_spaces_joins_runs_of_space_and_strips():
    assert squash_spaces("  नई \u00a0\t दिल्ली  ") == "नई दिल्ली"
    assert squash_spaces("a \n b") == "a \n b"
