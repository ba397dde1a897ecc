"""Markup residue: attribute fragments, tags, entities and script lines a scraper left in text."""

from __future__ import annotations

import html
from dataclasses import dataclass

import regex

from workers import data
from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.rules import Pattern, compile_any

_ENTITY = regex.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Residue cannot stand in a line without one of these characters: cheaper to look first.
_RESIDUE_SIGNS = ('"', "'>", "<", ">", "[", "pic.twitter")
_SCRIPT_SIGNS = ("=", ";", "{", "}", "(", "@")


@dataclass(frozen=True)
class MarkupRules:
    """Inline residue, whole script/style lines, script calls anywhere in a line, and the links
    of posts and videos (an embed's player left in the text keeps its link)."""

    inline: Pattern
    script: Pattern
    calls: Pattern
    status_urls: tuple[Pattern, ...]

    @classmethod
    def load(cls, status_urls: tuple[Pattern, ...]) -> MarkupRules:
        rules = data.toml("cleanup", "markup.toml")
        names = "|".join(regex.escape(a) for a in rules["attributes"])
        # `" class="x y" data="`: a closing quote, attribute pairs, maybe one attribute left open.
        attrs = (
            rf'"\s*(?:(?:{names}|data-[\w-]+)\s*=\s*"[^"\n]*"\s*)*'
            rf'(?:(?:{names}|data-[\w-]+)\s*=\s*"[^"\n]*"|(?:{names}|data-[\w-]+)\s*=\s*"\s*$)'
        )
        return cls(
            inline=compile_any([attrs, *rules["inline"], rules["line_start"]]),
            script=compile_any(rules["script_lines"], whole=True),
            calls=regex.compile(rules["script_calls"]),
            status_urls=status_urls,
        )

    def embedded_urls(self, residue: str) -> list[str]:
        """Links of social posts or videos inside removed markup (an iframe's src)."""
        if "src=" not in residue and "href=" not in residue:
            return []
        return [m.group(0) for p in self.status_urls for m in p.finditer(residue)]


def strip_markup(draft: Draft, rules: MarkupRules) -> None:
    """Cut residue out of each line; residue splits a line, as it stood between two texts."""
    lines: list[Line] = []
    for line in draft.lines:
        text = line.text
        if "&" in text and _ENTITY.search(text):
            text = html.unescape(text)
        maybe_script = any(sign in text for sign in _SCRIPT_SIGNS)
        if maybe_script and (rules.script.match(text) or rules.calls.search(text)):
            draft.note_removed("markup_residue", text, line.no)
            continue
        if not any(sign in text for sign in _RESIDUE_SIGNS):
            lines.append(Line(text, line.no))
            continue
        pieces = []
        last = 0
        for match in rules.inline.finditer(text):
            if not match.group(0).strip():
                continue
            draft.note_removed("markup_residue", match.group(0), line.no)
            pieces.append(text[last : match.start()])
            pieces.extend(rules.embedded_urls(match.group(0)))  # an embed's player: its link
            last = match.end()
        pieces.append(text[last:])
        lines.extend(Line(piece.strip(), line.no) for piece in pieces if piece.strip())
    draft.lines = lines
