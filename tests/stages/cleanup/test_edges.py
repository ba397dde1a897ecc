"""Page edges: the headline repeated at the top, date stamps at the top, trailers at the end;
the same text in the middle of the body stays."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.edges import drop_date_stamp, drop_title, drop_trailers

BODY = [f"Body paragraph number {n} with enough words to be a real paragraph." for n in range(8)]


def test_the_headline_repeated_at_the_top_goes(rules):
    d = draft("Flood alert in Assam", *BODY[:3], title="Flood alert in Assam | News Site")
    drop_title(d, rules.cleanup.edges)
    assert texts(d) == BODY[:3] and d.removed[0]["kind"] == "title"


def test_a_prefix_of_the_headline_goes_but_not_a_short_one(rules):
    title = "Flood alert in Assam as Brahmaputra crosses danger mark"
    d = draft("Flood alert in Assam as", *BODY[:2], title=title)
    drop_title(d, rules.cleanup.edges)
    assert texts(d) == BODY[:2]
    d = draft("Flood alert", *BODY[:2], title=title)
    drop_title(d, rules.cleanup.edges)
    assert texts(d)[0] == "Flood alert"


def test_the_headline_in_the_middle_stays(rules):
    d = draft(*BODY[:4], "Flood alert in Assam", *BODY[4:], title="Flood alert in Assam")
    drop_title(d, rules.cleanup.edges)
    assert "Flood alert in Assam" in texts(d)


def test_date_stamps_at_the_top_go(rules):
    d = draft("November 20, 2019 - 11:28 AMT", "Updated: 12/03/2024 5:45 PM IST", *BODY[:3])
    drop_date_stamp(d, rules.cleanup.edges)
    assert texts(d) == BODY[:3]
    d = draft("20 नवंबर 2019", *BODY[:2])
    drop_date_stamp(d, rules.cleanup.edges)
    assert texts(d) == BODY[:2]


def test_a_sentence_with_a_date_at_the_top_stays(rules):
    line = "Polling was held on November 20, 2019."
    d = draft(line, *BODY[:2])
    drop_date_stamp(d, rules.cleanup.edges)
    assert texts(d)[0] == line


def test_trailers_at_the_end_go(rules):
    d = draft(*BODY, "Reporting by Jane Doe; Editing by John Roe", "© 2024 News Corp", "Tags:")
    drop_trailers(d, rules.cleanup.edges)
    assert texts(d) == BODY
    assert {r["kind"] for r in d.removed} == {"credit"}


def test_a_trailer_shaped_line_early_in_the_body_stays(rules):
    line = "Reporting by the district team showed the water had risen overnight."
    d = draft(BODY[0], line, *BODY[1:])
    drop_trailers(d, rules.cleanup.edges)
    assert line in texts(d)


def test_newsletter_boxes_at_either_end_and_reading_time_anywhere(rules):
    d = draft("Sign up for our daily newsletter", *BODY[:4], "5 min read", *BODY[4:])
    drop_trailers(d, rules.cleanup.edges)
    assert texts(d) == BODY
    assert [r["kind"] for r in d.removed] == ["call_to_action", "reading_time"]


def test_a_bare_date_line_anywhere_goes_with_its_label(rules):
    lines = ["दिनांक 22-जुलाई-2019", "Posted on :24-Mar-2019", "Updated: 09 Apr, 2018 02:13 PM"]
    d = draft(*BODY[:4], *lines, *BODY[4:])
    drop_date_stamp(d, rules.cleanup.edges)
    assert texts(d) == BODY and {r["kind"] for r in d.removed} == {"date_stamp"}


def test_trap_a_line_with_a_date_and_more_to_say_stays_in_the_middle(rules):
    line = "Polling in the third phase on 7 May 2024 across 93 seats"
    d = draft(*BODY[:4], line, "22 जुलाई 2019 को संसद में विधेयक पारित", *BODY[4:])
    drop_date_stamp(d, rules.cleanup.edges)
    assert line in texts(d) and "22 जुलाई 2019 को संसद में विधेयक पारित" in texts(d)


CALLS = [
    "Get the day's big stories + fun stuff you love like mock drafts, picks and power rankings.",
    "You can view our June 2018 open thread here.",
    "Follow @BGRDeals on Twitter to keep up with the latest deals. Prices may change.",
    "More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports",
]


def test_the_run_of_calls_to_the_reader_that_ends_the_body_goes(rules):
    """However phrased: an imperative with the reader or a channel, the reader's side with a
    channel, a line of links; at most the last three lines."""
    d = draft(*BODY[:3], *CALLS)
    drop_trailers(d, rules.cleanup.edges)
    assert texts(d) == [*BODY[:3], CALLS[0]]
    assert [r["kind"] for r in d.removed] == ["call_to_action"] * 3


def test_trap_closing_paragraphs_that_only_look_like_calls_stay(rules):
    """A quoted imperative names no reader or channel; a paragraph that only ends with a call
    stays whole; "here" alone is a place, "US" a country, an app no channel, reported speech the
    article's; a call above the last paragraph is the body's."""
    closing = [
        "Follow the money, the prosecutor told the jury before it retired on Friday.",
        "Police said the shooting happened here.",
        "We travelled to London to try it ourselves. It worked. Read our review here.",
        # "US" is a country; an app is news, not a channel; speech reported is the article's.
        "The US government has already banned the TikTok app over security concerns.",
        "See you in court, the farmers' union leader told reporters after the hearing.",
        "Read together, the two orders suggest the Centre wants our states to bear the cost.",
        "Our family has farmed this land for four generations and we will stay here.",
        "The message was clear: get the money to farmers this week, or you will face action.",
    ]
    for line in closing:
        d = draft(*BODY[:3], line)
        drop_trailers(d, rules.cleanup.edges)
        assert texts(d) == [*BODY[:3], line]
    d = draft(*BODY[:2], CALLS[0], BODY[2])
    drop_trailers(d, rules.cleanup.edges)
    assert texts(d) == [*BODY[:2], CALLS[0], BODY[2]]
