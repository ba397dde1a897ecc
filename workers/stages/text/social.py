"""Mentions, hashtags and links: one definition for both stages (embeds in cleanup; the body
and the embeds in extraction). Each pattern runs only on texts holding its sign: a whole-body
search costs more than the check."""

from __future__ import annotations

import regex

# A handle is ASCII letters, digits and "_": it ends where they do, even against Devanagari.
MENTION = regex.compile(r"(?<![\w@.])@([A-Za-z0-9_]{1,30})(?![A-Za-z0-9_])")
HASHTAG = regex.compile(r"(?<![\w&#])#([\p{L}\p{M}\p{N}_]{2,80})")
URL = regex.compile(r"https?://[^\s<>\"'()\[\]]+|www\.[^\s<>\"'()\[\]]+")


def unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def find_mentions(texts: list[str]) -> list[str]:
    return unique([m for t in texts if "@" in t for m in MENTION.findall(t)])


def find_hashtags(texts: list[str]) -> list[str]:
    return unique([h for t in texts if "#" in t for h in HASHTAG.findall(t)])


def find_urls(texts: list[str]) -> list[str]:
    return unique(
        [u.rstrip(".,;:!?") for t in texts if "http" in t or "www." in t for u in URL.findall(t)]
    )
