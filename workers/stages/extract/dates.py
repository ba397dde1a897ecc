"""Dates in English and Hindi text, normalised to ISO with their positions.

Candidates are found with regular expressions built from the word lists in
`data/dates/words.toml` and the month names (no general date parser on the hot path); relative dates
("2 दिन पहले", "बीते सोमवार", "yesterday") are resolved against the article's own date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from workers import data
from workers.stages.extract.analysis import Analysis
from workers.stages.text.months import Months
from workers.stages.text.scripts import INDIC_WORD, devanagari

# Indian-script digits read as ASCII, one character for one, so offsets stay the same.
_DIGITS = {
    ord(c): str(i)
    for base in (0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66)
    for i, c in enumerate(chr(base + n) for n in range(10))
}
_INDIC_DIGIT = re.compile("[" + "".join(chr(c) for c in _DIGITS) + "]")
_ANY_DIGIT = re.compile(r"\d")
_WORD_END = rf"(?![\w{INDIC_WORD}])"
_WORD_START = rf"(?<![\w{INDIC_WORD}])"
# Where a clause ends: the tense of "said on Monday, that he will resign" is the first clause's.
_CLAUSE_END = re.compile(rf"[.।!?;,:]|\bthat\b|{_WORD_START}कि{_WORD_END}")


@dataclass(frozen=True)
class DateRules:
    """The patterns of every kind of date mention, and the words they read."""

    day_month_year: re.Pattern[str]
    month_day_year: re.Pattern[str]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    days_offset: re.Pattern[str]
    weekday: re.Pattern[str]
    single: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    words: dict[str, str]
    last: frozenset[str]
    future: re.Pattern[str]

    @classmethod
    def load(cls, months: Months) -> DateRules:
        return _rules(data.toml("dates", "words.toml"), months)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _opens(words: list[str]) -> str:
    """A lookahead for the letters these words begin with: `re` tries a pattern that opens with
    a lookbehind and an alternation at every character, and a one-letter test first makes the
    miss ~2x cheaper (the patterns take `re.I`, so one case is enough)."""
    return f"(?=[{''.join(sorted({re.escape(w[0].lower()) for w in words}))}])"


def _rules(table: dict[str, Any], month_names: Months) -> DateRules:
    months = month_names.numbers(table["month_languages"])
    weekdays = {w: int(n) for n, names in table["weekdays"].items() for w in names}
    rel = table["relative"]
    month = rf"(?P<month>{_alt(list(months))})\.?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4})"
    words = {
        w: kind
        for kind in ("today", "yesterday", "tomorrow", "either_1", "either_2")
        for w in rel[kind]
    }
    modifier = _alt(rel["last"] + rel["next"])
    at_month = _opens(list(months))
    # Patterns that open with a digit test for one first, `(?=\d)`, as `_opens` does for words:
    # a miss, at almost every character, is then 2-3x cheaper.
    return DateRules(
        day_month_year=re.compile(rf"(?=\d){_WORD_START}{day}\s+{month},?\s+{year}(?!\d)", re.I),
        month_day_year=re.compile(
            rf"{at_month}{_WORD_START}{month}\s+{day},?\s+{year}(?!\d)", re.I
        ),
        numeric=re.compile(
            r"(?=\d)(?<![\d/.-])(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-]"
            r"(?P<year>\d{4})(?![\d/.-])"
        ),
        iso=re.compile(r"(?=\d)(?<![\d-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\d-])"),
        day_month=re.compile(rf"(?=\d){_WORD_START}{day}\s+{month}{_WORD_END}(?!,?\s+\d)", re.I),
        month_day=re.compile(
            rf"{at_month}{_WORD_START}{month}\s+{day}(?!\d)(?!,?\s+\d{{4}}){_WORD_END}", re.I
        ),
        days_offset=re.compile(
            rf"(?=\d)(?P<n>\d{{1,2}})\s+(?P<unit>{_alt(rel['days_ago'] + rel['days_later'])})", re.I
        ),
        weekday=re.compile(
            rf"{_opens([*rel['last'], *rel['next'], *weekdays])}"
            rf"{_WORD_START}(?:(?P<mod>{modifier})\s+)?(?P<weekday>{_alt(list(weekdays))})"
            rf"{_WORD_END}",
            re.I,
        ),
        single=re.compile(
            rf"{_opens(list(words))}{_WORD_START}(?P<word>{_alt(list(words))}){_WORD_END}", re.I
        ),
        months=months,
        weekdays=weekdays,
        words={
            **words,
            **{w: "days_ago" for w in rel["days_ago"]},
            **{w: "days_later" for w in rel["days_later"]},
        },
        last=frozenset(w.lower() for w in rel["last"]),
        future=_future_pattern(rel["future_endings"]),
    )


def _future_pattern(endings: list[str]) -> re.Pattern[str]:
    """Future markers; a Hindi ending (गा, गी, गे) only after a vowel sign, as in होगी or
    करेंगे, so ठगी or लगी (nouns, past) do not count."""
    suffixes = [e for e in endings if " " not in e and devanagari(e[0])]
    others = [e for e in endings if e not in suffixes]
    return re.compile(
        rf"(?:(?<=[\u093e-\u094c\u0902\u0901\u0905-\u0914])(?:{_alt(suffixes)})|{_WORD_START}(?:{_alt(others)}))"
        rf"{_WORD_END}",
        re.I,
    )


def reference_date(*stamps: str | None) -> dt.date | None:
    """The article's own day, from the first ISO timestamp that parses."""
    for stamp in stamps:
        if not stamp:
            continue
        try:
            return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()
        except ValueError:
            try:
                return dt.date.fromisoformat(stamp[:10])
            except ValueError:
                continue
    return None


def find_dates(analysis: Analysis, rules: DateRules) -> None:
    """`dates`: the body's date mentions, relative ones resolved against the article's own date,
    and the dates of its embedded posts."""
    cleaned = analysis.cleaned
    reference = reference_date(cleaned["published_at"], cleaned["fetched_at"])
    analysis.enriched["dates"] = dates_in(analysis.body, reference, rules) + _embed_dates(
        analysis.embeds
    )


def _embed_dates(embeds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "date": e["date"],
            "text": e["date"],
            "start": None,
            "end": None,
            "kind": "absolute",
            "where": "embed",
        }
        for e in embeds
        if e.get("date")
    ]


def dates_in(text: str, reference: dt.date | None, p: DateRules) -> list[dict[str, Any]]:
    """Every date mention that names one day: ISO date, surface text, offsets, kind."""
    digits = text.translate(_DIGITS) if _INDIC_DIGIT.search(text) else text
    numbers = _ANY_DIGIT.search(digits) is not None  # most date patterns need one
    found: dict[tuple[int, int], dict[str, Any]] = {}
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, day: dt.date | None, kind: str) -> None:
        if day is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found[(start, end)] = {
            "date": day.isoformat(),
            "text": text[start:end],
            "start": start,
            "end": end,
            "kind": kind,
        }

    for pattern in (p.day_month_year, p.month_day_year) if numbers else ():
        for m in pattern.finditer(digits):
            add(
                m.start(),
                m.end(),
                _date(int(m["year"]), p.months.get(_named(m["month"])), int(m["day"])),
                "absolute",
            )
    for pattern in (p.iso, p.numeric) if numbers else ():
        for m in pattern.finditer(digits):
            add(
                m.start(),
                m.end(),
                _date(int(m["year"]), int(m["month"]), int(m["day"])),
                "absolute",
            )
    if reference is not None:
        for pattern in (p.day_month, p.month_day) if numbers else ():
            for m in pattern.finditer(digits):
                month = p.months.get(_named(m["month"]))
                add(m.start(), m.end(), _date(reference.year, month, int(m["day"])), "absolute")
        for m in p.days_offset.finditer(digits) if numbers else ():
            sign = -1 if p.words.get(_named(m["unit"])) == "days_ago" else 1
            add(m.start(), m.end(), reference + dt.timedelta(days=sign * int(m["n"])), "relative")
        for m in p.weekday.finditer(digits):
            add(m.start(), m.end(), _weekday(m, reference, text, p), "relative")
        for m in p.single.finditer(digits):
            add(m.start(), m.end(), _single(m, reference, text, p), "relative")
    return [found[key] for key in sorted(found)]


def _named(word: str) -> str:
    """The key a matched word has in the rules' tables: the patterns match case-insensitively,
    so "ſeptember" (a long s) or "SUNDAY" must find the same key (one lower-case letter per
    letter, "İ" -> "i", then case-folded, "ſ" -> "s")."""
    return "".join(letter.lower()[:1] for letter in word).casefold()


def _date(year: int, month: int | None, day: int) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(year, month, day) if 1900 <= year <= 2100 else None
    except ValueError:
        return None


def _future(text: str, at: int, p: DateRules) -> bool:
    """Whether the clause around offset `at` speaks of the future."""
    window = text[max(0, at - 200) : at + 200]
    at = min(at, 200)
    starts = [m.end() for m in _CLAUSE_END.finditer(window, 0, at)]
    end = _CLAUSE_END.search(window, at)
    clause = window[starts[-1] if starts else 0 : end.start() if end else len(window)]
    return p.future.search(clause) is not None


def _weekday(m: re.Match[str], reference: dt.date, text: str, p: DateRules) -> dt.date | None:
    target = p.weekdays.get(_named(m["weekday"]))
    if target is None:
        return None
    modifier = _named(m["mod"] or "")
    if (modifier and modifier not in p.last) or (not modifier and _future(text, m.start(), p)):
        ahead = (target - reference.weekday()) % 7 or 7
        return reference + dt.timedelta(days=ahead)
    back = (reference.weekday() - target) % 7
    if modifier and back == 0:
        back = 7  # "last Monday" on a Monday is a week ago
    return reference - dt.timedelta(days=back)


def _single(m: re.Match[str], reference: dt.date, text: str, p: DateRules) -> dt.date | None:
    kind = p.words.get(_named(m["word"]))
    if kind is None:
        return None
    if kind == "today":
        return reference
    if kind in ("yesterday", "tomorrow"):
        return reference + dt.timedelta(days=-1 if kind == "yesterday" else 1)
    distance = 1 if kind == "either_1" else 2
    sign = 1 if _future(text, m.start(), p) else -1
    return reference + dt.timedelta(days=sign * distance)
