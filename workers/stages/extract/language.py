"""Language and script of a text, offline: pycld2 (Compact Language Detector 2, model in wheel)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache
from typing import Any

import pycld2

# ISO 15924 code of each script by Unicode block, for the scripts of Indian and world news.
_BLOCKS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latn"),
    (0x0370, 0x03FF, "Grek"),
    (0x0400, 0x04FF, "Cyrl"),
    (0x0590, 0x05FF, "Hebr"),
    (0x0600, 0x06FF, "Arab"),
    (0x0750, 0x077F, "Arab"),
    (0x0900, 0x097F, "Deva"),
    (0x0980, 0x09FF, "Beng"),
    (0x0A00, 0x0A7F, "Guru"),
    (0x0A80, 0x0AFF, "Gujr"),
    (0x0B00, 0x0B7F, "Orya"),
    (0x0B80, 0x0BFF, "Taml"),
    (0x0C00, 0x0C7F, "Telu"),
    (0x0C80, 0x0CFF, "Knda"),
    (0x0D00, 0x0D7F, "Mlym"),
    (0x0D80, 0x0DFF, "Sinh"),
    (0x0E00, 0x0E7F, "Thai"),
    (0x1100, 0x11FF, "Hang"),
    (0x3040, 0x30FF, "Jpan"),
    (0x4E00, 0x9FFF, "Hani"),
    (0xAC00, 0xD7AF, "Hang"),
)


_BLOCK_PATTERNS = tuple(
    (script, re.compile(f"[{chr(start)}-{chr(end)}]")) for start, end, script in _BLOCKS
)
_STARTS = [start for start, _, _ in _BLOCKS]


@lru_cache(maxsize=4096)
def script_of(char: str) -> str | None:
    """ISO 15924 code of the Unicode block a character is in; None outside the known blocks."""
    start, end, script = _BLOCKS[max(bisect_right(_STARTS, ord(char)) - 1, 0)]
    return script if start <= ord(char) <= end else None


def script_counts(text: str) -> Counter[str]:
    """Characters per script (each distinct character looked up once)."""
    counts: Counter[str] = Counter()
    for char, count in Counter(text).items():
        script = script_of(char)
        if script is not None:
            counts[script] += count
    return counts


_SAMPLE = 400  # characters enough to tell a document's script


def dominant_script(text: str) -> str:
    """ISO 15924 code of the script most letters are written in; 'Zyyy' when there are none."""
    counts = script_counts(text[:_SAMPLE]) or script_counts(text)
    return counts.most_common(1)[0][0] if counts else "Zyyy"


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code of the text's language, 'und' if unknown; the hint breaks unreliable calls."""
    try:
        reliable, _, details = pycld2.detect(text, bestEffort=True)
    except pycld2.error:
        return hint or "und"
    code: str = details[0][1]
    if code == "un" or (not reliable and hint):
        return hint or "und"
    return code.split("-")[0]


# ISO 639-1 of the language a script most likely is in a span too short to detect reliably.
_SCRIPT_LANGUAGE = {
    "Latn": "en",
    "Deva": "hi",
    "Beng": "bn",
    "Guru": "pa",
    "Gujr": "gu",
    "Orya": "or",
    "Taml": "ta",
    "Telu": "te",
    "Knda": "kn",
    "Mlym": "ml",
    "Arab": "ur",
}
# Per script, any letter of the others: one search tells whether a document mixes scripts.
_OTHER_SCRIPTS = {
    script: re.compile(
        "["
        + "".join(f"{chr(a)}-{chr(b)}" for a, b, other in _BLOCKS if other != script and a >= 0x41)
        + "]"
    )
    for _, _, script in _BLOCKS
}
_PIECE = re.compile(r"[^.।!?:]+[.।!?:]?")


def mixed_spans(text: str, script: str) -> list[dict[str, Any]]:
    """Runs of the text in another script than the document's (an English headline in a Hindi
    story): offsets, script and language, adjacent pieces merged."""
    own = next((p for s, p in _BLOCK_PATTERNS if s == script), None)
    if own is None or _OTHER_SCRIPTS[script].search(text) is None:
        return []
    spans: list[dict[str, Any]] = []
    for piece in _PIECE.finditer(text):
        chunk = piece.group()
        letters = sum(c.isalpha() for c in chunk)
        if letters < 6 or len(own.findall(chunk)) * 2 >= letters:
            continue
        other = dominant_script(chunk)
        start = piece.start() + len(chunk) - len(chunk.lstrip())
        end = piece.start() + len(chunk.rstrip())
        if spans and spans[-1]["script"] == other and text[spans[-1]["end"] : start].strip() == "":
            spans[-1]["end"] = end
            continue
        language = detect_language(text[start:end], _SCRIPT_LANGUAGE.get(other))
        spans.append({"start": start, "end": end, "script": other, "language": language})
    return spans
