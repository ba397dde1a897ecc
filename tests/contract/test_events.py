"""Events: schemas load and compile, validation says where an event fails, coding is strict."""

from __future__ import annotations

import pytest

from workers.contract.events import (
    SCHEMA_NAMES,
    DecodeError,
    SchemaError,
    decode,
    encode,
    load_schema,
    schema_tag,
    validate,
)


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_every_schema_is_versioned_and_names_itself(name):
    schema = load_schema(name)
    assert schema["$id"].endswith(f"{name}.v1.json")
    assert schema["properties"]["schema"]["properties"]["name"]["const"] == name
    assert schema_tag(name) == {"name": name, "version": 1}


def test_raw_needs_text_or_html():
    validate("article.raw", {"text": "x"})
    validate("article.raw", {"html": "<p>x</p>"})
    plain = r"^article\.raw v1: the event needs `text` or `html` \(a non-empty string\)$"
    with pytest.raises(SchemaError, match=plain):
        validate("article.raw", {"title": "only a title"})
    with pytest.raises(SchemaError, match=plain):
        validate("article.raw", {"text": ""})


def test_a_bad_field_is_named_by_its_path():
    with pytest.raises(SchemaError, match=r"^article\.raw v1: `meta` must be object$"):
        validate("article.raw", {"text": "x", "meta": "tags"})
    with pytest.raises(SchemaError, match=r"^article\.raw v1: `text` must be string$"):
        validate("article.raw", {"text": 5})


def test_decode_rejects_non_objects():
    assert decode(b'{"a": 1}') == {"a": 1}
    assert decode(encode({"ख़बर": [1, None]})) == {"ख़बर": [1, None]}
    for value, reason in ((b"not json", "not valid JSON"), (b"[1, 2]", "got list"), (None, "tomb")):
        with pytest.raises(DecodeError, match=reason):
            decode(value)


def test_a_failure_names_the_field_never_the_value():
    body = "ख़बर " * 10_000  # a 50 KB body must not end up in a dead letter's error
    with pytest.raises(SchemaError) as failure:
        validate("article.raw", {"text": body, "title": 7})
    assert str(failure.value) == "article.raw v1: `title` must be string"
    with pytest.raises(SchemaError, match=r"`schema\.name` must be \"article\.raw\"$"):
        validate("article.raw", {"text": "x", "schema": {"name": "raw", "version": 1}})
