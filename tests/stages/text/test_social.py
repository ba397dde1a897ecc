"""Mentions, hashtags and links: the patterns and the finders over several texts."""

from __future__ import annotations

from workers.stages.text.social import (
    HASHTAG,
    MENTION,
    URL,
    find_hashtags,
    find_mentions,
    find_urls,
    unique,
)


def test_a_mention_is_ascii_letters_digits_and_underscore():
    assert MENTION.findall("@PMOIndia, @x_1. @@x") == ["PMOIndia", "x_1"]


def test_an_email_address_is_no_mention():
    assert MENTION.findall("write to a.b@gmail.com or news@khabar.in") == []


def test_a_handle_longer_than_thirty_characters_is_no_mention():
    assert MENTION.findall("@" + "a" * 31) == []


def test_a_handle_glued_to_devanagari_ends_at_its_last_ascii_character():
    assert find_mentions(["@imtiaz_jaleelनिजी बात"]) == ["imtiaz_jaleel"]


def test_find_mentions_keeps_the_first_of_each_handle_across_texts():
    assert find_mentions(["@b and @a", "no sign", "@b again"]) == ["b", "a"]


def test_a_hashtag_may_be_hindi_and_ends_at_a_danda():
    assert HASHTAG.findall("#मोदी_सरकार, #भारत। #Budget2024") == [
        "मोदी_सरकार",
        "भारत",
        "Budget2024",
    ]


def test_entities_one_letter_tags_and_tags_inside_words_are_no_hashtags():
    assert HASHTAG.findall("&#39; #a x#yz ##zz") == []


def test_find_hashtags_over_texts():
    assert find_hashtags(["मुंबई #कोरोना", "#कोरोना #தமிழ்"]) == ["कोरोना", "தமிழ்"]


def test_a_url_stops_at_quotes_brackets_and_space():
    assert URL.findall('<a href="https://x.in/p">(www.khabar.in/x) y') == [
        "https://x.in/p",
        "www.khabar.in/x",
    ]


def test_find_urls_strips_trailing_punctuation():
    texts = ["See https://example.com/a?b=1. Also http://t.co/Ab!", "https://example.com/a?b=1"]
    assert find_urls(texts) == ["https://example.com/a?b=1", "http://t.co/Ab"]


def test_unique_keeps_first_seen_order():
    assert unique(["ख", "a", "ख", "b", "a"]) == ["ख", "a", "b"]
