"""A stream of distinct scraped articles for the throughput benchmark (`khabar bench stream`).

Replaying one article measures caches, and near-copies measure the duplicate path: real traffic
is neither. Every article here is built from `data/bench/sentences.json` (a mix of languages, a
log-normal size, a scraper's noise), its names and numbers generated so that no two are
near-duplicates under the extract stage's MinHash; `near_duplicates` makes copies that are.
Deterministic: article `n` of seed `s` draws from its own `random.Random`, seeded with both.
"""

from __future__ import annotations

import html
import math
import random
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from typing import Any

import orjson
import regex

MIN_BYTES, MAX_BYTES = 1024, 50 * 1024  # the body's UTF-8 size is clipped to this range
SIGMA = 0.6  # of the body size's logarithm
SITES = tuple(f"{n}.example" for n in ("samachar", "city-herald", "prabhat", "desh-live", "samvad"))
# Language: (Unicode script of its letters, first code point of its Brahmic block, weight %).
LANGUAGES: dict[str, tuple[str, int | None, float]] = {
    "hi": ("DEVANAGARI", 0x0900, 40.0),
    "en": ("LATIN", None, 35.0),
    "bn": ("BENGALI", 0x0980, 25 / 6),
    "ta": ("TAMIL", 0x0B80, 25 / 6),
    "mr": ("DEVANAGARI", 0x0900, 25 / 6),
    "ur": ("ARABIC", None, 25 / 6),
    "te": ("TELUGU", 0x0C00, 25 / 6),
    "gu": ("GUJARATI", 0x0A80, 25 / 6),
}
# Offsets in a Brahmic block: consonants KA..HA, and vowel signs all five blocks place alike.
_CONSONANTS, _VOWEL_SIGNS = range(0x15, 0x3A), (0x3E, 0x3F, 0x40, 0x41, 0x42, 0x47, 0x48, 0x4B)
_ALPHABETS = {"en": ("bcdghjklmnprstvy", "aeiou"), "ur": ("بپتٹجچدڈرزسشکگلمنہ", "اوی")}
TOP, END = -1, 10**9  # noise positions before the first paragraph and after the last
_PLACEHOLDER = regex.compile(r"\{(PERSON|PLACE|NUMBER)\}")
_NUMBER = regex.compile(r"(?<![#\w])[0-9](?:[0-9,]*[0-9])?")
_LETTER = r"([\p{InSC=Consonant}\p{Latin}\p{Arabic}&&\p{L}])"  # no Indic vowel: it has no sign
_SWAP = regex.compile(rf"(?<=\p{{L}}\p{{M}}*){_LETTER}{_LETTER}(?=[\p{{L}}\p{{M}}])", regex.V1)
_BODY_P = regex.compile(r"(?<=\n<p>)[^<]+(?=</p>)")  # a page's body paragraphs, not its noise
Noise = tuple[int, str, tuple[str, ...]]  # (after paragraph index, TOP or END; kind; lines)


@dataclass(frozen=True)
class Sentences:
    """The source material: body sentences by language, scraper noise lines by kind, and those a
    site in each language shows (in its script or Latin) by (kind, language)."""

    body: Mapping[str, tuple[str, ...]]
    noise: Mapping[str, tuple[str, ...]]
    local: Mapping[tuple[str, str], tuple[str, ...]]
    lines: frozenset[str]  # every noise line

    @staticmethod
    def load() -> Sentences:
        """The shipped sentences, read once."""
        return _load()


@cache
def _load() -> Sentences:
    path = resources.files("workers") / "data/bench/sentences.json"
    raw: dict[str, dict[str, list[str]]] = orjson.loads(path.read_bytes())
    noise = {kind: tuple(lines) for kind, lines in raw["noise"].items()}
    local = {
        (kind, lang): tuple(line for line in lines if _scripts(line) <= {"LATIN", script}) or lines
        for kind, lines in noise.items()
        for lang, (script, _, _) in LANGUAGES.items()
    }
    body = {lang: tuple(lines) for lang, lines in raw["body"].items()}
    return Sentences(body, noise, local, frozenset(line for ls in noise.values() for line in ls))


def _scripts(line: str) -> set[str]:
    return {unicodedata.name(ch, "?").split()[0] for ch in line if ch.isalpha()}


@cache
def _letters(language: str) -> tuple[str, str]:
    """Consonants and vowels (signs, in a Brahmic script) names are made of, all assigned."""
    block = LANGUAGES[language][1]
    if block is None:
        return _ALPHABETS["ur" if language == "ur" else "en"]
    consonants = "".join(chr(block + i) for i in _CONSONANTS)
    vowels = "".join(chr(block + i) for i in _VOWEL_SIGNS)
    return tuple(  # type: ignore[return-value]
        "".join(c for c in group if unicodedata.name(c, "") and not unicodedata.decomposition(c))
        for group in (consonants, vowels)
    )


def _word(rng: random.Random, language: str) -> str:
    """A name-like word of 2-3 syllables (consonant, maybe a vowel) in the language's script."""
    consonants, vowels = _letters(language)
    latin = language == "en"
    word = "".join(
        rng.choice(consonants) + (rng.choice(vowels) if latin or rng.random() < 0.6 else "")
        for _ in range(rng.randint(2, 3))
    )
    return word.capitalize() if latin else word


def _number(rng: random.Random) -> str:
    """A number as news prints one: small, large (sometimes with separators) or decimal."""
    roll = rng.random()
    if roll >= 0.9:
        return f"{rng.uniform(1, 100):.1f}"
    value = rng.randint(2, 99) if roll < 0.5 else rng.randint(100, 999_999)
    return f"{value:,}" if value > 999 and rng.random() < 0.5 else str(value)


def _filler(rng: random.Random, language: str) -> Callable[[str], str]:
    """What fills one article's placeholders: new names in its script, some reused (a story
    names its people more than once), and random numbers."""
    named: dict[str, list[str]] = {"PERSON": [], "PLACE": []}

    def fill(match: regex.Match[str]) -> str:
        kind = match.group(1)
        if kind == "NUMBER":
            return _number(rng)
        if named[kind] and rng.random() < 0.4:
            return rng.choice(named[kind])
        name = _word(rng, language)
        name = f"{name} {_word(rng, language)}" if kind == "PERSON" else name
        named[kind].append(name)
        return name

    return partial(_PLACEHOLDER.sub, fill)


@dataclass(frozen=True)
class Story:
    """One article before rendering: its body paragraphs and the noise placed around them."""

    id: str
    language: str
    site: str
    slug: str
    title: str
    paragraphs: tuple[str, ...]
    noise: tuple[Noise, ...]
    html: bool

    @property
    def body(self) -> str:
        """The article proper, paragraphs separated by a blank line: its size is the drawn one."""
        return "\n\n".join(self.paragraphs)

    def event(self) -> dict[str, Any]:
        """The raw event a producer sends: `html` for a page, else the scraped `text`."""
        content = {"html": _page(self)} if self.html else {"text": _text(self)}
        url = f"https://{self.site}/{self.slug}"
        return {"id": self.id, "url": url, "source": self.site, "title": self.title, **content}


def stories(
    count: int, *, seed: int = 0, html_share: float = 0.1, median_bytes: int = 3600
) -> Iterator[Story]:
    """The stories `articles` renders, for a look at their language and body size."""
    sentences = Sentences.load()
    languages, weights = list(LANGUAGES), [spec[2] for spec in LANGUAGES.values()]
    for n in range(count):
        rng = random.Random(f"{seed}:{n}")
        language = rng.choices(languages, weights)[0]
        target = math.exp(rng.gauss(math.log(median_bytes), SIGMA))
        page = rng.random() < html_share
        fill, pool = _filler(rng, language), _pool(rng, sentences.body[language], target)
        paragraphs = _paragraphs(rng, pool, fill, min(max(target, MIN_BYTES), MAX_BYTES))
        title = " ".join(fill(rng.choice(pool)).split()[: rng.randint(6, 12)])
        title = regex.sub(r"[\p{P}\s]+$", "", title)
        words = regex.findall(r"[a-z0-9]+", title.lower())[:6] if language == "en" else []
        words = words or [_word(rng, "en").lower() for _ in range(rng.randint(3, 5))]
        noise = _noise(rng, sentences, language, len(paragraphs))
        noise = ((TOP, "title", (title,)), *noise) if rng.random() < 0.25 else noise
        slug, site = f"{'-'.join(words)}-{n}", rng.choice(SITES)
        yield Story(f"bench-{seed}-{n}", language, site, slug, title, paragraphs, noise, page)


def articles(
    count: int, *, seed: int = 0, html_share: float = 0.1, median_bytes: int = 3600
) -> Iterator[dict[str, Any]]:
    """`count` raw article events, none a near-duplicate of another: about `html_share` whole
    pages, the rest scraped text; the body's UTF-8 size log-normal around `median_bytes`."""
    for story in stories(count, seed=seed, html_share=html_share, median_bytes=median_bytes):
        yield story.event()


def _pool(rng: random.Random, pool: tuple[str, ...], target: float) -> tuple[str, ...]:
    """The sentences an article draws from: all, or for a long one 40 % of them, so that two
    long articles share few (the pool is a few hundred sentences at most)."""
    draws = target * len(pool) / sum(len(sentence.encode()) for sentence in pool)
    return pool if draws < 0.4 * len(pool) else tuple(rng.sample(pool, int(0.4 * len(pool))))


def _paragraphs(
    rng: random.Random, pool: tuple[str, ...], fill: Callable[[str], str], target: float
) -> tuple[str, ...]:
    """Filled sentences, 1-4 a paragraph, until the body's UTF-8 size is nearest `target`
    (within MIN_BYTES..MAX_BYTES)."""
    paragraphs: list[list[str]] = []
    size, left = 0, 0  # bytes so far; sentences left in the current paragraph
    while True:
        sentence = fill(rng.choice(pool))
        grown = size + len(sentence.encode()) + (1 if left else 2 if paragraphs else 0)
        if size >= MIN_BYTES and (grown - target > target - size or grown > MAX_BYTES):
            return tuple(" ".join(p) for p in paragraphs)
        if not left:
            paragraphs.append([])
            left = rng.randint(1, 4)
        paragraphs[-1].append(sentence)
        size, left = grown, left - 1


def _noise(
    rng: random.Random, sentences: Sentences, language: str, paragraphs: int
) -> tuple[Noise, ...]:
    """What a scrape leaves in: often a dateline at the top; 0-2 promos between paragraphs;
    sometimes a caption, tweet residue, a list of other headlines; often a call to action."""

    def pick(kind: str) -> str:
        return rng.choice(sentences.local[kind, language])

    def chance(share: float) -> bool:
        return rng.random() < share

    last = paragraphs - 1
    found: list[Noise] = [(TOP, "dateline", (pick("dateline"),))] if chance(0.7) else []
    between = max(last - 1, 0)  # a promo sits between paragraphs
    found += [
        (rng.randint(0, between), "promo", (pick("promo"),)) for _ in range(rng.randint(0, 2))
    ]
    if chance(0.3):
        found.append((rng.choice((0, rng.randint(0, last))), "caption", (pick("caption"),)))
    if chance(0.2):
        tweet = _tweet(rng, sentences.local["tweet", language])
        found.append((rng.randint(0, last), "tweet", tweet))
    if chance(0.3):
        headlines = sentences.local["headline_list", language]
        found.append((END, "headline_list", tuple(rng.sample(headlines, rng.randint(3, 6)))))
    if chance(0.7):
        found.append((END, "cta", (pick("cta"),)))
    return tuple(sorted(found, key=lambda noise: noise[0]))


def _tweet(rng: random.Random, lines: tuple[str, ...]) -> tuple[str, ...]:
    """Residue of an embedded post: a line 1-3 times (scrapers repeat them), or hashtags and the
    signature ("— Name (@handle) date"; alone, the paragraph above would read as the post)."""
    signatures = [line for line in lines if line.startswith("—")]
    hashtags = [line for line in lines if line.startswith("#")]
    others = [line for line in lines if line not in signatures]
    if signatures and hashtags and rng.random() < 0.4:
        return rng.choice(hashtags), rng.choice(signatures)
    return (rng.choice(others),) * rng.randint(1, 3)


def _text(story: Story) -> str:
    """The article as a scraper extracts text: blocks separated by blank lines."""
    blocks = [(at, 1, "\n".join(lines)) for at, _, lines in story.noise]
    blocks += [(index, 0, paragraph) for index, paragraph in enumerate(story.paragraphs)]
    return "\n\n".join(block for *_, block in sorted(blocks, key=lambda block: block[:2]))


def _page(story: Story) -> str:
    """The article as a whole page: navigation, the article with its noise in the containers
    sites use, related headlines and a footer."""
    e, home = _escape, f"https://{story.site}"
    nav = Sentences.load().local["headline_list", story.language][:6]
    links = "".join(
        f'<li><a href="{home}/{story.slug}-{i}">{e(h)}</a></li>' for i, h in enumerate(nav)
    )
    parts = [
        f'<!doctype html>\n<html lang="{story.language}"><head><meta charset="utf-8">',
        f"<title>{e(story.title)} | {story.site}</title></head><body>",
        f'<header><a class="logo" href="{home}/">{story.site}</a><nav><ul>{links}</ul></nav>',
        f"</header><main><article>\n<h1>{e(story.title)}</h1>",
    ]
    for at, kind, lines in story.noise:
        if at == TOP and kind == "dateline":
            parts.append(f'<div class="article-meta"><span>{e(lines[0])}</span></div>')
    for index, paragraph in enumerate(story.paragraphs):
        parts.append(f"<p>{e(paragraph)}</p>")
        parts += [_box(home, kind, lines) for at, kind, lines in story.noise if at == index]
    parts.append("</article>")
    footer = ""
    for at, kind, lines in story.noise:
        if at == END and kind == "headline_list":
            items = "".join(f'<li><a href="{home}/">{e(h)}</a></li>' for h in lines)
            parts.append(f'<aside class="related"><ul>{items}</ul></aside>')
        elif at == END:
            footer += f"<p>{e(lines[0])}</p>"
    parts.append(f"</main><footer>{footer}<p>© 2024 {story.site}</p></footer></body></html>")
    return "\n".join(parts)


_escape = partial(html.escape, quote=False)  # text, not attribute values


def _box(home: str, kind: str, lines: tuple[str, ...]) -> str:
    """A piece of noise in the page element sites put it in."""
    if kind == "promo":
        return f'<div class="also-read"><a href="{home}/">{_escape(lines[0])}</a></div>'
    if kind == "caption":
        image = f'<img src="{home}/images/photo.jpg" alt="">'
        return f"<figure>{image}<figcaption>{_escape(lines[0])}</figcaption></figure>"
    inner = "".join(f"<p>{_escape(line)}</p>" for line in lines)
    return f'<blockquote class="twitter-tweet">{inner}</blockquote>'


def near_duplicates(
    story: dict[str, Any], copies: int, *, seed: int = 0
) -> Iterator[dict[str, Any]]:
    """Copies of a raw `story` as a wire story is re-scraped, ids `<id>-copy-<n>`: a number or
    two changed, a word misspelt, a comma dropped, a noise line dropped or added; few enough
    edits for the body's length that each copy stays near 0.88 similar (well above 0.7). A page
    is edited in its body `<p>` text, and gets an also-read box. `story` needs `text` or `html`."""
    rng = random.Random(f"{seed}:{story['id']}")
    key = "text" if story.get("text") else "html"
    title = str(story.get("title", ""))
    for n in range(1, copies + 1):
        content, budget = _retouch(rng, story[key], key == "html", title)
        content = _renoise(rng, content, key == "html", title, budget)
        yield {**story, "id": f"{story['id']}-copy-{n}", key: content}


def _retouch(rng: random.Random, content: str, page: bool, title: str) -> tuple[str, float]:
    """Word edits in the body, 0-2 numbers changed and letters swapped for the rest (each edit
    changes three shingles, within a budget of 6 % of its words in changed shingles), and a
    comma dropped or a space doubled (in no shingle); the content and the budget left."""
    spans = [m.span() for m in _BODY_P.finditer(content)] if page else _text_body(content, title)
    spans = spans or [m.span() for m in regex.finditer(r"(?<=<p\b[^>]*>)[^<]+", content)]
    budget = 0.06 * sum(len(content[start:end].split()) for start, end in spans)

    def found(pattern: regex.Pattern[str]) -> list[regex.Match[str]]:
        matches = pattern.finditer(content, overlapped=True)
        return [m for m in matches if any(a <= m.start() and m.end() <= b for a, b in spans)]

    count, numbers = max(1, min(int(budget // 3), 3)), found(_NUMBER)
    chosen = rng.sample(numbers, min(len(numbers), rng.randint(0, 2), count))
    edits = [(m.start(), m.end(), _nudge(rng, m.group())) for m in chosen]
    swaps = [m for m in found(_SWAP) if m.group(1) != m.group(2)]
    for swap in rng.sample(swaps, len(swaps)):  # misspellings for the edits left
        if len(edits) < count and not _overlaps(swap, edits):
            edits.append((swap.start(), swap.end(), swap.group(2) + swap.group(1)))
    free = [m for m in found(regex.compile(r",(?= )| ")) if not _overlaps(m, edits)]
    if free:
        spot = rng.choice(free)
        edits.append((spot.start(), spot.end(), spot.group().strip(",") * 2))
    for start, end, new in sorted(edits, reverse=True):
        content = content[:start] + new + content[end:]
    return content, budget - 3 * len(edits)


def _nudge(rng: random.Random, number: str) -> str:  # as an update corrects a figure
    return number[:-1] + rng.choice("0123456789".replace(number[-1], ""))


def _overlaps(match: regex.Match[str], edits: list[tuple[int, int, str]]) -> bool:
    return any(start < match.end() and match.start() < end for start, end, _ in edits)


def _text_body(text: str, title: str) -> list[tuple[int, int]]:
    """The spans of a text's blocks that are neither noise lines nor the title."""
    noise = Sentences.load().lines | {title}
    spans, start = [], 0
    for block in text.split("\n\n"):
        if not set(block.split("\n")) <= noise:
            spans.append((start, start + len(block)))
        start += len(block) + 2
    return spans


def _renoise(rng: random.Random, content: str, page: bool, title: str, budget: float) -> str:
    """A one-line noise block dropped or a promo (in the title's script or Latin) added, if its
    words fit the budget: unless the cleanup removes it, it is in the body's shingles. A page
    gets an also-read box."""
    sentences = Sentences.load()
    fits = [p for p in sentences.noise["promo"] if len(p.split()) + 2 <= budget]
    promos = [p for p in fits if _scripts(p) <= {"LATIN"} | _scripts(title)]
    if page:  # a box after a paragraph
        ends = [m.end() + len("</p>") for m in _BODY_P.finditer(content)]
        if not promos or not ends:
            return content
        at = rng.choice(ends)
        return f"{content[:at]}\n{_box('', 'promo', (rng.choice(promos),))}{content[at:]}"
    blocks = content.split("\n\n")
    fitting = {line for line in sentences.lines if len(line.split()) + 2 <= budget}
    lone = [index for index, block in enumerate(blocks) if block in fitting]
    if lone and (rng.random() < 0.5 or not promos):
        del blocks[rng.choice(lone)]
    elif promos:
        blocks.insert(rng.randint(1, max(len(blocks) - 1, 1)), rng.choice(promos))
    return "\n\n".join(blocks)
