"""Article ids and keys: the given id, else the canonical URL, else the content; stable."""

from __future__ import annotations

from workers.contract.ids import article_id, canonical_url, message_key, stable_hash


def test_id_prefers_given_then_url_then_content():
    assert article_id({"id": " a1 ", "url": "https://x.in/a"}) == "a1"
    by_url = article_id({"url": "https://www.X.in/story/?utm_source=tw#top", "text": "t"})
    assert by_url == article_id({"url": "https://x.in/story", "text": "other"})
    assert article_id({"text": "same"}) == article_id({"text": "same"}) != article_id({"text": "x"})
    assert article_id({"html": "<p>page</p>"}) == stable_hash("<p>page</p>")


def test_canonical_url_drops_tracking_and_fragment():
    assert (
        canonical_url("HTTPS://WWW.Site.com/a/b/?b=2&utm_medium=x&a=1#c")
        == "https://site.com/a/b?a=1&b=2"
    )
    assert canonical_url("https://x.in/?fbclid=1&gclid=2") == "https://x.in/"


def test_hash_is_short_and_stable_across_str_and_bytes():
    assert stable_hash("खबर") == stable_hash("खबर".encode()) and len(stable_hash("x")) == 16
    assert message_key("a1") == b"a1"
