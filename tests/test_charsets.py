"""Bytes decoded as a browser would: mark, declaration, UTF-8, then a guess (with a trap: short
Latin text, which reads as well in several legacy encodings)."""

from __future__ import annotations

import codecs

import pytest

from workers.charsets import decode


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Привет, как дела? Москва сегодня утром.", "cp1251"),
        ("東京で会議が開かれた。参加者は百人だった。", "shift_jis"),
        ("Ça coûte très cher à Orléans, déjà été.", "cp1252"),
        ("नई दिल्ली, मंगलवार", "utf-8"),
    ],
)
def test_undeclared_text_in_a_legacy_encoding(text, encoding):
    assert decode(text.encode(encoding)) == text


def test_a_mark_wins_over_a_declaration_and_a_declaration_over_a_guess():
    page = '<meta charset="koi8-r"><p>Мир</p>'
    assert decode(codecs.BOM_UTF8 + page.encode("utf-8"), html=True) == page
    assert decode(page.encode("koi8-r"), html=True) == page
    unknown = '<meta charset="x-unheard-of"><p>Déjà vu à Orléans : le café coûte très cher.</p>'
    assert decode(unknown.encode("cp1252"), html=True) == unknown  # guessed instead


def test_bytes_that_no_encoding_explains_still_decode():
    assert isinstance(decode(bytes(range(256)) * 3), str)


@pytest.mark.parametrize(
    "label", ["base64", "hex", "rot13", "zip", "idna", "punycode", "undefined"]
)
def test_a_declared_label_that_is_no_charset_is_passed_over(label):
    page = f'<meta charset="{label}"><p>Déjà vu à Orléans : le café coûte très cher.</p>'
    assert decode(page.encode("utf-8"), html=True) == page


def test_a_page_declaring_utf16_in_ascii_bytes_is_read_as_utf8():
    page = '<meta charset="utf-16"><p>नई दिल्ली</p>'
    assert decode(page.encode("utf-8"), html=True) == page
