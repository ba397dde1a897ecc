"""The contract: schemas load and compile, ids and keys are stable, coding is strict."""

from __future__ import annotations

import pytest

from workers.events import (
    SCHEMA_NAMES,
    DecodeError,
    SchemaError,
    article_id,
    canonical_url,
    decode,
    load_schema,
    validate,
)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_schema_is_versioned_and_names_itself(name):
    schema = load_schema(name)
    assert schema["$id"].endswith(f"{name}.v1.json")
    assert schema["properties"]["schema"]["properties"]["name"]["const"] == name


def test_raw_needs_text_or_html():
    validate("article.raw", {"text": "x"})
    validate("article.raw", {"html": "<p>x</p>"})
    with pytest.raises(SchemaError):
        validate("article.raw", {"title": "only a title"})
    with pytest.raises(SchemaError):
        validate("article.raw", {"text": ""})


def test_decode_rejects_non_objects():
    assert decode(b'{"a": 1}') == {"a": 1}
    for value in (b"not json", b"[1, 2]", None):
        with pytest.raises(DecodeError):
            decode(value)


def test_id_prefers_given_then_url_then_content():
    assert article_id({"id": " a1 ", "url": "https://x.in/a"}) == "a1"
    by_url = article_id({"url": "https://www.X.in/story/?utm_source=tw#top", "text": "t"})
    assert by_url == article_id({"url": "https://x.in/story", "text": "other"})
    assert article_id({"text": "same"}) == article_id({"text": "same"}) != article_id({"text": "x"})


def test_canonical_url_drops_tracking_and_fragment():
    assert (
        canonical_url("HTTPS://WWW.Site.com/a/b/?b=2&utm_medium=x&a=1#c")
        == "https://site.com/a/b?a=1&b=2"
    )
