"""Photo captions: the line a credit closes, and the text a credit line follows.

Two shapes, both found by the credit rather than by the caption's words: a line that ends in a
photo credit and does not end as prose is a caption ("पथ संचलन में शामिल स्वयंसेवक (फाइल चित्र)");
and before a credit line of its own ("(AFP)"), the caption is the line before it, or, when the
scraper glued the caption to a paragraph ("…in New Delhi.The previous version of the form."), the
part after the last sentence end glued without its space.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from workers import data
from workers.stages.cleanup.boilerplate import LineRule
from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.rules import Pattern, compile_any
from workers.stages.cleanup.shape import ends_as_prose
from workers.stages.text.words import words

# A sentence end run into the next sentence: "Delhi.The", "scenes.?Bollywood" (a lost quote).
_GLUED_END = regex.compile(r"(?<=[\p{Ll}\p{N}\p{M})\"”’])[.?!][\"”’?]?(?=[\p{Lu}\"“‘])")


_CREDIT_CHARS = 80


@dataclass(frozen=True)
class CaptionRules:
    """Credits that close a caption, the credit lines that follow one, and a caption's size."""

    closing_credit: Pattern
    credit_line: LineRule
    max_words: int

    @classmethod
    def load(cls, credit_line: LineRule) -> CaptionRules:
        rules = data.toml("cleanup", "captions.toml")
        closing = compile_any([f"(?:{p})\\s*$" for p in rules["closing_credit"]])
        return cls(closing, credit_line, rules["max_words"])

    def caption_shaped(self, text: str) -> bool:
        count = len(words(text))
        return 0 < count <= self.max_words and not ends_as_prose(text)


def drop_captions(draft: Draft, rules: CaptionRules) -> None:
    """Captions leave the body as `caption`; the credit lines stay for the boilerplate step."""
    kept: list[Line] = []
    for line in draft.lines:
        tail = max(len(line.text) - _CREDIT_CHARS, 0)  # a credit is short: search the end only
        closing = rules.closing_credit.search(line.text, tail)
        if closing and closing.start() > 0:
            before = line.text[: closing.start()].rstrip()
            if rules.caption_shaped(before):
                draft.note_removed("caption", line.text, line.no)
                continue
            draft.note_removed("credit", closing.group(0), line.no)  # a paragraph's photo credit
            line.text = before
        credit = len(line.text) <= _CREDIT_CHARS and rules.credit_line.matches(line.text)
        if credit and kept and not rules.credit_line.matches(kept[-1].text):
            _cut_caption(draft, kept[-1], rules)
            if not kept[-1].text:
                kept.pop()
        kept.append(line)
    draft.lines = kept


def _cut_caption(draft: Draft, before: Line, rules: CaptionRules) -> None:
    """Cut the caption from the line before a credit line: its glued last part, or all of it when
    it is caption-shaped."""
    glued = list(_GLUED_END.finditer(before.text))
    start = glued[-1].end() if glued else 0
    caption = before.text[start:]
    if (glued and len(words(caption)) <= rules.max_words) or rules.caption_shaped(caption):
        draft.note_removed("caption", caption, before.no)
        before.text = before.text[:start].rstrip()
