"""Mentions, hashtags and links of the body and its embedded posts."""

from __future__ import annotations

from workers.stages.extract.analysis import Analysis
from workers.stages.text.social import find_hashtags, find_mentions, find_urls


def find_social(analysis: Analysis) -> None:
    """`mentions`, `hashtags` and `urls`, in order of first sight, each once; what the embeds'
    records hold too."""
    embeds = analysis.embeds
    texts = [analysis.body, *analysis.embed_texts]
    mentions = find_mentions(texts)
    mentions += [m for e in embeds for m in e["mentions"] if m not in mentions]
    hashtags = find_hashtags(texts)
    hashtags += [h for e in embeds for h in e.get("hashtags", []) if h not in hashtags]
    links = [e["url"] for e in embeds if e.get("url")]
    analysis.enriched["mentions"] = mentions
    analysis.enriched["hashtags"] = hashtags
    analysis.enriched["urls"] = find_urls([*texts, *links])
