"""The extraction stage: `extract(cleaned) -> enriched`, a pure function over plain dicts."""

from __future__ import annotations

from typing import Any

from workers.events import schema_tag
from workers.stages.extract.dates import find_dates, reference_date
from workers.stages.extract.entities import find_entities
from workers.stages.extract.fingerprint import content_hash, minhash, to_hex
from workers.stages.extract.keywords import category, keywords, summary
from workers.stages.extract.language import detect_language, dominant_script, mixed_spans
from workers.stages.extract.structure import lowercase, reading_time_s, split_sentences, words
from workers.stages.social import find_hashtags, find_mentions, find_urls

PARAGRAPH_SEPARATOR = "\n\n"


def extract(cleaned: dict[str, Any]) -> dict[str, Any]:
    """Enrich a cleaned article: language, script, structure, social, dates, fingerprint."""
    paragraphs: list[str] = cleaned["paragraphs"]
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    embeds: list[dict[str, Any]] = cleaned["embeds"]
    embed_texts = [e["text"] for e in embeds if e.get("text")]
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    tokens = [words(s) for s in sentences]  # shared by keywords, summary, category, counts
    lowered = lowercase(tokens)
    word_count = sum(len(t) for t in tokens)
    language = detect_language(body, cleaned.get("language_hint"))
    script = dominant_script(body)
    terms = keywords(tokens, lowered, language)
    mentions = find_mentions([body, *embed_texts])
    mentions += [m for e in embeds for m in e["mentions"] if m not in mentions]
    hashtags = find_hashtags([body, *embed_texts])
    hashtags += [h for e in embeds for h in e.get("hashtags", []) if h not in hashtags]
    return {
        "schema": schema_tag("article.enriched"),
        "id": cleaned["id"],
        "url": cleaned["url"],
        "source": cleaned["source"],
        "title": cleaned["title"] or (sentences[0] if sentences else None),
        "published_at": cleaned["published_at"],
        "fetched_at": cleaned["fetched_at"],
        "meta": cleaned["meta"],
        "language": language,
        "script": script,
        "language_spans": mixed_spans(body, script),
        "dateline": cleaned["dateline"],
        "paragraphs": paragraphs,
        "body": body,
        "embeds": embeds,
        "related": cleaned["related"],
        "entities": find_entities(body, cleaned["dateline"], cleaned["title"], embeds),
        "dates": find_dates(body, reference_date(cleaned["published_at"], cleaned["fetched_at"]))
        + _embed_dates(embeds),
        "mentions": mentions,
        "hashtags": hashtags,
        "urls": find_urls([body, *embed_texts, *(e["url"] for e in embeds if e.get("url"))]),
        "keywords": terms,
        "lede": sentences[0] if sentences else None,
        "summary": summary(sentences, lowered, [t["term"] for t in terms]),
        "category": category(body, lowered),
        "stats": {
            "paragraphs": len(paragraphs),
            "sentences": len(sentences),
            "words": word_count,
            "chars": len(body),
            "reading_time_s": reading_time_s(word_count),
            "removed": len(cleaned["cleanup"]["removed"]),
            "embeds": len(embeds),
            "related": len(cleaned["related"]),
        },
        "cleanup": cleaned["cleanup"],
        "fingerprint": {
            "content_hash": content_hash(paragraphs),
            "minhash": to_hex(minhash(paragraphs)),
        },
        "duplicate_of": None,
        "pipeline": cleaned["pipeline"],
    }


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
