"""Language and script of the body, offline (pycld2: Compact Language Detector 2, its model in
the wheel), and the spans written in another script with their own language."""

from __future__ import annotations

import re
from typing import Any

import pycld2

from workers.stages.extract.analysis import Analysis
from workers.stages.text.scripts import BLOCKS, other_ranges, ranges, script_counts
from workers.stages.text.sentences import PIECE

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
# Per script: its own letters, and any letter of the others (one search tells whether a
# document mixes scripts).
_OWN = {script: re.compile(f"[{ranges(script)}]") for _, _, script in BLOCKS}
_OTHERS = {script: re.compile(f"[{other_ranges(script)}]") for _, _, script in BLOCKS}
# Per script: a letter outside its blocks (\w but no digit or "_": every str.isalpha letter). A
# piece without one is all in the document's script, and is passed over with one search.
_FOREIGN = {script: re.compile(rf"[^\W\d_{ranges(script)}]") for _, _, script in BLOCKS}


def mixed_spans(text: str, script: str) -> list[dict[str, Any]]:
    """Runs of the text in another script than the document's (an English headline in a Hindi
    story): offsets, script and language, adjacent pieces merged."""
    own, others, foreign = _OWN.get(script), _OTHERS.get(script), _FOREIGN.get(script)
    if own is None or others is None or foreign is None or others.search(text) is None:
        return []
    spans: list[dict[str, Any]] = []
    for piece in PIECE.finditer(text):
        chunk = piece.group()
        if foreign.search(chunk) is None:
            continue
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


def detect_languages(analysis: Analysis) -> None:
    """`language`, `script` and `language_spans` of the body (the cleaned article's language
    hint breaks unreliable calls)."""
    body = analysis.body
    script = dominant_script(body)
    analysis.enriched["language"] = detect_language(body, analysis.cleaned.get("language_hint"))
    analysis.enriched["script"] = script
    analysis.enriched["language_spans"] = mixed_spans(body, script)
