"""Read-also promos: headlines of other articles, captured into `related` and out of the body."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from workers import data
from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.rules import Pattern
from workers.stages.text.sentences import ENDS

# A visarga often stands for the colon after a Hindi phrase ("ये भी पढ़ेंः").
_SEPARATOR = r"\s*[:：ः|\-–—>»]+\s*"
_END = regex.compile(rf"[{regex.escape(ENDS)}]\s*")  # a sentence's end, with or without its space
_LEAD = " \t*•►▶➤>»[("  # what may stand before a promo phrase (as in `PromoRules.promo`)
_URL = regex.compile(r"https?://\S+")
_TRAILING_JUNK = regex.compile(r"[\s\-–—_=*~|:ः>»]+$")
_MAX_WORDS = 40  # a headline is short; a longer line after the prefix is body text
_MAX_NEXT_LINE_WORDS = 25  # stricter for the line after a bare prefix: it may be body


@dataclass(frozen=True)
class PromoRules:
    """Read-also phrases of every language (`promos.toml`): `loose` ones are a promo on their
    own, `strict` ones only with a separator after them."""

    promo: Pattern  # a line opening with a phrase; the headline is its `title` group
    glued: Pattern  # a phrase with its separator, tried after a sentence end in a line
    first_words: frozenset[str]  # first words of every phrase, lower-case: a cheap test first

    @classmethod
    def load(cls) -> PromoRules:
        return cls.of_phrases(data.toml("cleanup", "promos.toml"))

    @classmethod
    def of_phrases(cls, languages: dict[str, dict[str, list[str]]]) -> PromoRules:
        """The rules for phrases by language: {"en": {"loose": [...], "strict": [...]}}."""

        def phrases(kind: str) -> list[str]:
            found = {p for lang in languages.values() for p in lang.get(kind, [])}
            return sorted(found, key=len, reverse=True)

        loose, strict = phrases("loose"), phrases("strict")
        loose_alt, strict_alt = _alternation(loose), _alternation(strict)
        return cls(
            promo=regex.compile(
                rf"^[\s*•►▶➤>»\[(]*(?:(?:{loose_alt})(?:{_SEPARATOR}|\s+|$)"
                rf"|(?:{strict_alt}){_SEPARATOR})(?P<title>.*)$",
                regex.I,
            ),
            glued=regex.compile(rf"(?:{loose_alt}|{strict_alt}){_SEPARATOR}", regex.I),
            first_words=frozenset(p.split()[0].lower() for p in (*loose, *strict)),
        )

    def title(self, text: str) -> str | None:
        """The headline a promo line carries ("" for a bare "Also read:"), None if not a promo."""
        match = self.promo.match(text.strip())
        return None if match is None else match.group("title").strip()


def _alternation(phrases: list[str]) -> str:
    return "|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in phrases)


def first_word(text: str) -> str:
    """The lower-cased first word of a line, without the marks that may precede a promo."""
    words = text.lstrip(_LEAD).split(maxsplit=1)
    return words[0].lower().rstrip(":：ः|-–—>»") if words else ""


def extract_related(draft: Draft, rules: PromoRules) -> None:
    """Lines opening with a read-also phrase become `related` {title, url}."""
    promo = rules.promo
    kept: list[Line] = []
    waiting = False  # a bare "Also read:" line: its headline is the next line
    firsts = rules.first_words
    for line in _split_glued(draft, rules):
        if waiting:
            waiting = False
            if len(line.text.split()) <= _MAX_NEXT_LINE_WORDS:
                _add(draft, line.text, line)
                continue
        match = promo.match(line.text) if first_word(line.text[:60]) in firsts else None
        if match is None:
            kept.append(line)
            continue
        title = match.group("title").strip()
        if len(title.split()) > _MAX_WORDS:
            kept.append(line)
            continue
        if _TRAILING_JUNK.sub("", _URL.sub("", title)).strip():
            _add(draft, title, line)
        else:
            draft.note_removed("read_also", line.text, line.no)
            waiting = True
    draft.lines = kept


def _split_glued(draft: Draft, rules: PromoRules) -> list[Line]:
    """Lines with a promo glued after their last sentence, split in two; the sentence end may
    have lost its space too ("...security forces moved in to trap him.ALSO READ:After ...")."""
    glued, firsts = rules.glued, rules.first_words
    lines: list[Line] = []
    for line in draft.lines:
        text, start = line.text, 0
        for gap in _END.finditer(line.text):
            at = gap.end()
            if first_word(line.text[at : at + 40]) in firsts and glued.match(line.text, at):
                lines.append(Line(line.text[start : gap.start() + 1], line.no))
                start = at
        lines.append(line if start == 0 else Line(text[start:], line.no))
    return lines


def _add(draft: Draft, text: str, line: Line) -> None:
    url_match = _URL.search(text)
    url = url_match.group(0).rstrip(").,]") if url_match else None
    title = _TRAILING_JUNK.sub("", _URL.sub("", text)).strip(" \"'“”‘’")
    if title:
        draft.related.append({"title": title, "url": url})
    trailing = text[len(text.rstrip(" -–—_=*~")) :].strip()
    if len(trailing) >= 2:
        draft.note_removed("separator", trailing, line.no)
    draft.note_removed("read_also", line.text, line.no)
