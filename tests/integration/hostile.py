"""Hostile input: fixed cases a scraper or an attacker produces, and a hypothesis strategy for
thousands more (invalid UTF-8 and JSON, wrong types, deep nesting, long and strange text, markup
bombs). Every one must end as an enriched event or a dead letter, and none may stop a worker."""

from __future__ import annotations

import random

import orjson
from hypothesis import strategies as st

# Characters that break naive text handling: line and paragraph separators, NEL, NUL,
# zero-width joiners and spaces, bidirectional overrides, a BOM, combining marks, Devanagari.
ODD = "\u2028\u2029\x85\x00\u200b\u200c\u200d\u2060\u202e\u202d\u2066\ufeff\u0301\u094d\u093c"
PROMO = "ये भी पढ़ें: "


def fixed_cases() -> list[bytes]:
    """One of each kind the bad-input issue lists, each under the broker's 1 MB message limit."""
    rng = random.Random(11)
    words = " ".join(["समाचार", "news", "खबर", "report"] * 40)
    return [
        bytes(rng.randrange(256) for _ in range(5000)),  # random bytes
        b"\xff\xfe" + "नमस्ते".encode("utf-16-le"),  # UTF-16 with a BOM, no JSON
        b'{"text": "unterminated',
        b"[" * 50_000 + b"]" * 50_000,  # nesting 50,000 deep
        b'{"a":' * 20_000 + b"1" + b"}" * 20_000,
        orjson.dumps({"text": 42, "id": ["x"]}),  # wrong types
        orjson.dumps({"html": {"body": "x"}}),
        orjson.dumps({"id": "", "text": ""}),
        orjson.dumps({"text": "x\n" * 50_000}),  # 50,000 lines
        orjson.dumps({"text": ("a" * 200 + " ") * 4_000}),  # 800 KB of long words
        orjson.dumps({"html": "<div>" * 20_000 + "text" + "</div>" * 20_000}),  # markup bomb
        orjson.dumps({"html": "<p>" + "<b>" * 5_000 + words + "</p>"}),  # unclosed tags
        b'{"text": "lone \\ud800 surrogate ' + (PROMO * 5_000).encode() + b'"}',
        orjson.dumps({"text": ODD * 15_000}),  # zero-width and bidi flood
        orjson.dumps({"text": (words + "\u2028") * 50}),  # U+2028 inside a JSON string
        orjson.dumps({"text": "\u202e" + words + "\u202c" + "\x00" * 1000}),
        orjson.dumps({"text": "(" * 10_000 + "a" * 10_000 + "!" * 10_000}),  # regex-hostile
        orjson.dumps({"text": "Also read: x\n" * 10_000}),
        orjson.dumps(  # 10,000 embedded tweets
            {
                "html": "<article><p>"
                + words
                + "</p>"
                + "<blockquote class=twitter-tweet>@a <a href=https://x.com/a/status/1>1</a>"
                "</blockquote>" * 10_000 + "</article>"
            }
        ),
        orjson.dumps({"text": words, "url": "not a url \x00", "published_at": "yesterday"}),
        b"null",
        b"",
    ]


_JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)  # what JSON numbers hold here
    | st.floats()
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_STRANGE_TEXT = st.text(
    st.characters(codec="utf-8") | st.sampled_from(ODD) | st.sampled_from("<>&;\"'\\/ \n\t"),
    max_size=300,
)
_ARTICLE_LIKE = st.fixed_dictionaries(
    {},
    optional={
        "id": st.text(max_size=20) | _JSON,
        "text": _STRANGE_TEXT | _JSON,
        "html": _STRANGE_TEXT.map(lambda t: f"<p>{t}</p>") | _JSON,
        "url": st.text(max_size=30) | _JSON,
        "title": _STRANGE_TEXT | _JSON,
        "published_at": st.text(max_size=30) | _JSON,
        "meta": _JSON,
    },
)


def hostile_values() -> st.SearchStrategy[bytes]:
    """Raw message values: random bytes, JSON of every shape, articles with fields of the wrong
    type or strange text, and JSON carrying lone surrogates."""
    return st.one_of(
        st.binary(max_size=500),
        _JSON.map(orjson.dumps),
        _ARTICLE_LIKE.map(orjson.dumps),
        _STRANGE_TEXT.map(lambda t: b'{"text": "\\udc80' + orjson.dumps(t)[1:] + b"}"),
    )
