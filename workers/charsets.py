"""Bytes to text as a browser decodes a page: a byte-order mark first, then the charset the
document declares, then UTF-8 if the bytes are valid UTF-8, then a guess from the bytes
(charset-normalizer, installed with trafilatura). Never refused for not being UTF-8: an
undecodable byte becomes U+FFFD."""

from __future__ import annotations

import codecs
import contextlib

import charset_normalizer
import regex

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose mark it starts with
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">,
# looked for where a browser looks: in the first 1024 bytes.
_DECLARED = regex.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", regex.I)
# What browsers read these labels as (the WHATWG Encoding Standard's commonest aliases).
_AS_BROWSERS_DO = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}


# How much more "chaos" (charset-normalizer's measure of implausible characters, 0 to 1) a
# windows-1252 reading may have than the best one and still be preferred.
_NEARLY = 0.1


def decode(data: bytes, *, html: bool = False) -> str:
    """`data` as text; `html`: also honour a charset the page declares."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if html and (declared := _declared(data[:1024])):
        with contextlib.suppress(LookupError, UnicodeError, TypeError):
            return data.decode(declared, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(_guess(data), errors="replace")


def _guess(data: bytes) -> str:
    """The encoding the bytes read best in; among nearly as good ones windows-1252, a browser's
    default and the commonest legacy encoding of the web (Latin text reads almost as well in
    windows-1250 or -1257, where its accents come out wrong; Cyrillic or CJK text does not read
    well in windows-1252 at all)."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return "utf-8"
    least = min(match.chaos for match in matches)
    best = [match for match in matches if match.chaos <= least + _NEARLY]
    for match in best:
        if "cp1252" in match.could_be_from_charset:
            return "cp1252"
    return str(best[0].encoding)


def _declared(head: bytes) -> str | None:
    """The codec a page's meta tag names, if Python knows it."""
    found = _DECLARED.search(head)
    if found is None:
        return None
    label = found.group(1).decode("ascii", errors="ignore").lower()
    label = _AS_BROWSERS_DO.get(label, label)
    try:
        codec = codecs.lookup(label)
    except LookupError:
        return None
    if codec.name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a page that says UTF-16 in ASCII bytes is not UTF-16: browsers read UTF-8
    if not getattr(codec, "_is_text_encoding", True):
        return None  # base64, zip, rot13...: not a charset
    return codec.name
