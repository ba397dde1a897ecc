"""Markup residue: attribute fragments, tags, entities and script lines a scraper left in text."""

from __future__ import annotations

import html
from functools import cache

import regex

from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.embeds import platforms
from workers.stages.cleanup.rules import Pattern, compile_any, load

_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Residue cannot stand in a line without one of these characters: cheaper to look first.
_RESIDUE_SIGNS = ('"', "'>", "<", ">", "[", "pic.twitter")
_SCRIPT_SIGNS = ("=", ";", "{", "}", "(", "@")


@cache
def _patterns() -> tuple[Pattern, Pattern, Pattern]:
    """Inline residue, whole script/style lines, and script calls anywhere in a line."""
    rules = load("markup")
    names = "|".join(regex.escape(a) for a in rules["attributes"])
    # `" class="x y" data="` : a closing quote, attribute pairs, maybe one attribute left open.
    attrs = (
        rf'"\s*(?:(?:{names}|data-[\w-]+)\s*=\s*"[^"\n]*"\s*)*'
        rf'(?:(?:{names}|data-[\w-]+)\s*=\s*"[^"\n]*"|(?:{names}|data-[\w-]+)\s*=\s*"\s*$)'
    )
    inline = compile_any([attrs, *rules["inline"], rules["line_start"]])
    script = compile_any(rules["script_lines"], whole=True)
    return inline, script, regex.compile(rules["script_calls"])


def embedded_urls(residue: str) -> list[str]:
    """Links of social posts or videos inside removed markup (an iframe's src)."""
    if "src=" not in residue and "href=" not in residue:
        return []
    return [m.group(0) for p in platforms() for m in p.status_url.finditer(residue)]


def strip_markup(draft: Draft) -> Draft:
    """Cut residue out of each line; residue splits a line, as it stood between two texts."""
    inline, script, calls = _patterns()
    lines: list[Line] = []
    for line in draft.lines:
        text = line.text
        if "&" in text and _ENTITY.search(text):
            text = html.unescape(text)
        maybe_script = any(sign in text for sign in _SCRIPT_SIGNS)
        if maybe_script and (script.match(text) or calls.search(text)):
            draft.note_removed("markup_residue", text, line.no)
            continue
        if not any(sign in text for sign in _RESIDUE_SIGNS):
            lines.append(Line(text, line.no))
            continue
        pieces = []
        last = 0
        for match in inline.finditer(text):
            if not match.group(0).strip():
                continue
            draft.note_removed("markup_residue", match.group(0), line.no)
            pieces.append(text[last : match.start()])
            pieces.extend(embedded_urls(match.group(0)))  # an embed's player: keep its link
            last = match.end()
        pieces.append(text[last:])
        lines.extend(Line(piece.strip(), line.no) for piece in pieces if piece.strip())
    draft.lines = lines
    return draft
