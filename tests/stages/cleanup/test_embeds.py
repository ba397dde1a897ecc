"""Embedded posts in text: one structured record each, every copy out of the body."""

from __future__ import annotations

import pytest

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.embeds import EmbedRules, extract_embeds, parse_date


@pytest.fixture
def embeds(rules) -> EmbedRules:
    return rules.cleanup.embeds


def test_tweet_attribution_collects_text_and_mentions(embeds):
    d = draft(
        "Body paragraph that stays in the article.",
        "Great day in Pune with the team @narendramodi #Pune",
        "— Some One (@someone) March 3, 2024",
        "Next body paragraph.",
    )
    extract_embeds(d, embeds)
    assert texts(d) == ["Body paragraph that stays in the article.", "Next body paragraph."]
    (embed,) = d.embeds
    assert embed["handle"] == "someone" and embed["date"] == "2024-03-03"
    assert embed["text"] == "Great day in Pune with the team"
    assert embed["mentions"] == ["narendramodi"] and embed["hashtags"] == ["Pune"]


def test_tweet_with_status_url_on_one_line(embeds):
    d = draft(
        "Rain is here pic — Weather Desk (@wxdesk) July 1, 2024 https://twitter.com/wxdesk/status/123"
    )
    extract_embeds(d, embeds)
    (embed,) = d.embeds
    assert embed["url"] == "https://twitter.com/wxdesk/status/123"
    assert embed["text"] == "Rain is here pic"


def test_a_tweet_scraped_three_times_is_one_post(embeds):
    post = "Counting begins at 8 am tomorrow across all centres."
    attribution = "— Election Desk (@ecdesk) June 3, 2024"
    d = draft("Body first.", post, attribution, post, attribution, post, "Body last.")
    extract_embeds(d, embeds)
    assert texts(d) == ["Body first.", "Body last."]
    (embed,) = d.embeds
    assert embed["copies"] == 2 and embed["text"] == post
    assert [r["kind"] for r in d.removed] == ["embed"] * 3 + ["duplicate_embed"] * 2


def test_instagram_caption_between_marker_and_attribution(embeds):
    d = draft(
        "Body.",
        "View this post on Instagram",
        "Practice session done ✅",
        "A post shared by Virat Kohli (@virat.kohli)",
        "More body.",
    )
    extract_embeds(d, embeds)
    assert texts(d) == ["Body.", "More body."]
    assert d.embeds[0]["platform"] == "instagram"
    assert d.embeds[0]["text"] == "Practice session done ✅"


def test_youtube_link_line_becomes_embed(embeds):
    d = draft("Body.", "https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    extract_embeds(d, embeds)
    assert texts(d) == ["Body."]
    assert d.embeds[0]["platform"] == "youtube"


def test_a_quote_with_a_dash_and_a_handle_but_no_date_stays(embeds):
    line = "It was a good day — said Anand (@anand_m), who led the team."
    d = draft(line)
    extract_embeds(d, embeds)
    assert texts(d) == [line] and d.embeds == []


def test_parse_date_forms(embeds):
    assert parse_date("April 29, 2023", embeds.months) == "2023-04-29"
    assert parse_date("29 Apr 2023", embeds.months) == "2023-04-29"
    assert parse_date("Someday", embeds.months) is None
    assert parse_date("February 30, 2023", embeds.months) is None


def test_platforms_are_the_data_file_s(embeds):
    assert [p.name for p in embeds.platforms] == ["twitter", "instagram", "facebook", "youtube"]
    assert embeds.months["sept"] == 9 and "जनवरी" not in embeds.months


def test_a_posts_text_without_its_attribution_is_found_by_its_media_link(embeds):
    tweet = "Dozens of people are missing after two deadly landslides. https://t.co/bRc8Oc93ra"
    d = draft(
        "बीजिंग। भूस्खलन में 11 लोगों की मौत हो गई।",
        tweet,
        tweet.replace("https://t.co/bRc8Oc93ra", "pic.twitter.com/bRc8Oc93ra"),
    )
    extract_embeds(d, embeds)
    assert texts(d) == ["बीजिंग। भूस्खलन में 11 लोगों की मौत हो गई।"]
    assert len(d.embeds) == 1 and d.embeds[0]["copies"] == 2
    assert d.embeds[0]["text"] == "Dozens of people are missing after two deadly landslides."


def test_trap_prose_with_a_link_that_is_not_a_posts_stays(embeds):
    prose = "The full report is at https://example.org/report and on t.co/ nothing."
    d = draft(prose, "Read it at https://www.t.com/abc")
    extract_embeds(d, embeds)
    assert len(d.lines) == 2 and not d.embeds


def test_trap_a_paragraph_that_ends_in_a_posts_link_stays(embeds):
    paragraph = "In a sprawling interview, the actor spoke about her family and her work. " * 6
    d = draft(paragraph + "pic.twitter.com/WkXCgWR1PV")
    extract_embeds(d, embeds)
    assert len(d.lines) == 1 and not d.embeds
