"""Dates in Hindi and English, absolute and relative, with their offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.stages.extract.articles import analysis
from workers.stages.extract.dates import DateRules, dates_in, find_dates, reference_date
from workers.stages.text.months import Months

THURSDAY = dt.date(2024, 3, 14)


@pytest.fixture(scope="module")
def date_rules() -> DateRules:
    return DateRules.load(Months.load())


@pytest.fixture
def dates(date_rules):
    def found(text: str, reference: dt.date | None = THURSDAY) -> list[tuple[str, str]]:
        return [(d["date"], d["text"]) for d in dates_in(text, reference, date_rules)]

    return found


def test_absolute_forms_and_devanagari_digits(dates):
    text = "29 अप्रैल 2023, २९ अप्रैल, २०२३, April 29, 2023, 29/04/2023 और 2023-04-29"
    assert [d for d, _ in dates(text)] == ["2023-04-29"] * 5


def test_offsets_point_at_the_surface_text(date_rules):
    text = "बैठक 15 अगस्त को होगी।"
    (found,) = dates_in(text, THURSDAY, date_rules)
    assert text[found["start"] : found["end"]] == "15 अगस्त" and found["date"] == "2024-08-15"


def test_relative_dates_resolve_against_the_article_date(dates):
    assert dates("2 दिन पहले बैठक हुई। बीते सोमवार को हमला हुआ। अगले शुक्रवार को सुनवाई होगी।") == [
        ("2024-03-12", "2 दिन पहले"),
        ("2024-03-11", "बीते सोमवार"),
        ("2024-03-15", "अगले शुक्रवार"),
    ]
    assert dates("Yesterday it rained; 3 days ago it was dry.") == [
        ("2024-03-13", "Yesterday"),
        ("2024-03-11", "3 days ago"),
    ]


def test_hindi_kal_takes_the_tense_of_its_clause(dates):
    assert dates("कल बारिश हुई। कल बारिश होगी।") == [("2024-03-13", "कल"), ("2024-03-15", "कल")]
    assert dates("He said on Monday that he will resign.") == [("2024-03-11", "Monday")]


def test_relative_dates_need_a_reference_and_words_need_boundaries(dates):
    assert dates("कल बारिश हुई।", None) == []
    assert dates("कलीमुल हाफिज और आजाद मैदान, May be later") == []


def test_reference_date_from_timestamps():
    assert reference_date(None, "2024-03-14T23:30:00+05:30") == THURSDAY
    assert reference_date("not a date", "2024-03-14") == THURSDAY


def test_the_step_adds_body_and_embed_dates(date_rules):
    article = analysis(
        "कल बारिश हुई।",
        embeds=[{"text": "x", "date": "2024-03-01"}],
        published_at="2024-03-14T10:00:00+05:30",
    )
    find_dates(article, date_rules)
    assert [(d["date"], d.get("where")) for d in article.enriched["dates"]] == [
        ("2024-03-13", None),
        ("2024-03-01", "embed"),
    ]


def test_a_month_or_weekday_in_any_case_or_letter_form_is_read_not_refused(dates):
    """The patterns match case-insensitively; "ſ" (a long s) and "İ" match too, and must not
    send the article to the dead letters."""
    assert dates("on 3 ſeptember 2020, and 3 SEPTEMBER 2020") == [
        ("2020-09-03", "3 ſeptember 2020"),
        ("2020-09-03", "3 SEPTEMBER 2020"),
    ]
    assert dates("aprİl 29, 2023") == [("2023-04-29", "aprİl 29, 2023")]
    assert dates("LAST ſUNDAY") == [("2024-03-10", "LAST ſUNDAY")]
