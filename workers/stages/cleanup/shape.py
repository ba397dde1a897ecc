"""The shape of scraped lines where the page's structure is lost: the page's furniture above the
first paragraph, other stories' headlines among the paragraphs, the article's own headline as its
first line, and long captions.

A flattened page keeps the headlines of other stories (teasers, "more from this section") as
bare lines between paragraphs, with no label to find them by. They have a headline's shape: a few
words, no sentence end. So do sub-headings, which are body. What separates them is vocabulary:
a sub-heading (or the article's own headline) shares most of its content words with the
paragraphs, another story's headline few. Thresholds are data (`shape.toml`).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex
import stopwordsiso

from workers import data
from workers.stages.cleanup.draft import Draft, Line, keep_lines
from workers.stages.text.scripts import script_of
from workers.stages.text.sentences import ENDS_LINE
from workers.stages.text.words import words

# Prose ends in one "." or a danda (closing quotes after it), or in a colon that introduces what
# follows; a headline may end in "?", "!", an ellipsis, or nothing.
_PROSE_MARKS = ".।॥۔:"  # "۔": the Urdu full stop
_CLOSERS = "\"'”’)] "


def ends_as_prose(text: str) -> bool:
    """Whether a line ends as a sentence or an introduction does (not as a headline)."""
    bare = text.rstrip(_CLOSERS)
    return bare[-1:] in _PROSE_MARKS and bare[-1:] != "" and not bare.endswith(("..", "….", "…"))


# A danda inside a line ("…त्रिवेदी। मंच पर…"): sentences with no last one.
INNER_END = regex.compile(r"[।॥]\s+\S")
# A danda inside a line, or a full stop after a word of five letters and marks (not an initial,
# "डॉ." or "प्रो."), before more text.
INNER_STOP = regex.compile(r"(?:(?<=[\p{L}\p{M}]{5})[.۔]|[।॥])[\"'”’)]*\s+\S")
_TRUNCATED = regex.compile(r"(?:\.{3,}|…)[\s.…]*(?:read more|और पढ़ें)?\s*$", regex.IGNORECASE)
_LIST_ITEM = regex.compile(r"^\s*(?:[-*•●▪►]|\d{1,3}[.)]|\(?[a-z]\))\s")


@dataclass(frozen=True)
class ShapeRules:
    """The limits of a headline's shape, and the shares of shared vocabulary that decide."""

    min_words: int
    max_words: int
    min_content_words: int
    caption_words: int
    paragraph_words: int
    min_vocabulary: int
    header_lines: int
    min_content_vocabulary: int
    related_words: int
    stem_chars: int
    unrelated: float
    own_title: float
    stopwords: frozenset[str]

    @classmethod
    def load(cls) -> ShapeRules:
        rules = data.toml("cleanup", "shape.toml")
        stopwords: set[str] = set()
        for language in rules.pop("stopword_languages"):
            if stopwordsiso.has_lang(language):
                stopwords |= stopwordsiso.stopwords(language)
        return cls(stopwords=frozenset(w.casefold() for w in stopwords), **rules)

    def may_be_headline(self, text: str) -> bool:
        """The cheap half of `headline_shaped`: a word count by spaces and the line's end."""
        return self.min_words <= text.count(" ") + 1 <= 2 * self.max_words and not ends_as_prose(
            text
        )

    def content_words(self, text: str) -> set[str]:
        """The line's words that are not stopwords, cut to their first `stem_chars` characters
        (an inflected form shares its stem: ಹಳ್ಳಿಗಳ, ಹಳ್ಳಿಗಳು; villages, village)."""
        cut, stop = self.stem_chars, self.stopwords
        return {w[:cut] for w in set(words(text.casefold())) if w not in stop and not w.isdigit()}

    def another_storys(self, text: str) -> bool:
        """Short enough for another story's headline, and one sentence: a longer line, or one
        with a sentence end inside, is prose that lost its full stop or was broken; unless it
        is cut short with an ellipsis, as teasers are."""
        count = len(words(text))
        if _TRUNCATED.search(text):  # a teaser cut short: "मेष- आज आपको मान-सम्मान मिलेगा। …"
            return count <= 2 * self.related_words
        return count <= self.related_words and INNER_STOP.search(text) is None

    def headline_shaped(self, text: str) -> bool:
        count = len(words(text))
        return (
            self.min_words <= count <= self.max_words
            and not ends_as_prose(text)
            and _LIST_ITEM.match(text) is None
        )

    def caption_shaped(self, text: str, long_is_odd: bool = True) -> bool:
        """A photo caption: longer than a sub-heading (where paragraphs keep their full stops),
        or short sentences after a danda without a last one ("…त्रिवेदी। मंच पर उपस्थित अन्य
        विशिष्टजन"); longer sentences whose last lost its end are a broken paragraph."""
        count = len(words(text))
        if INNER_STOP.search(text) is not None:  # sentences, the last without its end
            return count < self.caption_words and INNER_END.search(text) is not None
        return long_is_odd and count >= self.caption_words

    def paragraph(self, text: str) -> bool:
        """A line the article's vocabulary is read from: a sentence's end and enough words, or
        longer than any headline (some sites drop a paragraph's last full stop)."""
        count = text.count(" ") + 1
        return count > self.max_words or (count >= self.paragraph_words and ends_as_prose(text))


def shared_share(content: set[str], vocabulary: set[str]) -> float:
    """The share of a line's content words that the article's paragraphs also use."""
    return len(content & vocabulary) / len(content) if content else 0.0


def drop_header_furniture(draft: Draft, rules: ShapeRules) -> None:
    """Above the first paragraph of scraped text, short lines that are not prose are the page's
    furniture: breadcrumbs and section labels ("Business News Hindi(बिज़नेस)", "main page"),
    location tags, share and channel labels. The headline (longer) stays for the next step."""
    if draft.html is not None:
        return
    head = draft.lines[: rules.header_lines]
    first = next((i for i, line in enumerate(head) if rules.paragraph(line.text)), None)
    if first is None:
        return
    furniture = {
        id(line)
        for line in head[:first]
        if line.text.count(" ") + 1 < rules.min_words and not ends_as_prose(line.text)
    }
    keep_lines(draft, "boilerplate", lambda line: id(line) in furniture)


_BLOCK_LABEL = "block_label"  # removed as part of a `related` block, not a headline itself
_KIND = {_BLOCK_LABEL: "related"}


def drop_stray_headlines(draft: Draft, rules: ShapeRules) -> None:
    """Other stories' headlines leave the body for `related`; when the event has no title, a first
    line that is the article's own headline becomes its title. Only for scraped text: a page's
    own structure (link density, its blocks) has already placed its lines."""
    if draft.html is not None or not any(rules.may_be_headline(li.text) for li in draft.lines):
        return
    paragraphs = " ".join(line.text for line in draft.lines if rules.paragraph(line.text))
    if paragraphs.count(" ") + 1 < rules.min_vocabulary:
        return
    vocabulary = rules.content_words(paragraphs)
    sizes = Counter(script_of(word[0]) for word in vocabulary)  # content words, by script
    main = sizes.most_common(1)[0][0] if sizes else None
    verdicts = _verdicts(draft, rules, vocabulary, _Scripts(main, sizes))
    _join_blocks(draft.lines, verdicts, rules)
    kept: list[Line] = []
    for line, verdict in zip(draft.lines, verdicts, strict=True):
        if verdict is None:
            kept.append(line)
            continue
        draft.note_removed(_KIND.get(verdict, verdict), line.text, line.no)
        if verdict == "related":
            draft.related.append({"title": line.text, "url": None})
        elif verdict == "title":
            draft.title = line.text
    draft.lines = kept


@dataclass(frozen=True)
class _Scripts:
    """The article's main script, and the paragraphs' content words by script."""

    main: str | None
    sizes: Counter[str | None]

    def comparable(self, content: set[str], least: int) -> bool:
        """Whether a line can be judged by the paragraphs' words: a line in a script the article
        is not written in always can (it is foreign to it); one in the article's script only when
        the paragraphs hold enough words in it (a Kannada excerpt is not judged by an English
        disclaimer)."""
        script = Counter(script_of(word[0]) for word in content).most_common(1)[0][0]
        return script != self.main or self.sizes[script] >= least


def _verdicts(
    draft: Draft, rules: ShapeRules, vocabulary: set[str], scripts: _Scripts
) -> list[str | None]:
    """Per line: another story's headline (`related`), the article's own (`title`), a caption,
    or None for a line that stays (prose, a sub-heading, a list item)."""
    verdicts: list[str | None] = []
    listing = False  # inside a list that a line ending in ":" opened
    # Some sites print paragraphs without their last full stop: there a long line without one is
    # no sign of a caption.
    long_lines = [li for li in draft.lines if li.text.count(" ") + 1 >= rules.paragraph_words]
    unstopped = sum(ENDS_LINE.search(li.text) is None for li in long_lines)
    for position, line in enumerate(draft.lines):
        listing = (listing and not ends_as_prose(line.text)) or line.text.endswith(":")
        shaped = not listing and rules.may_be_headline(line.text)
        content = rules.content_words(line.text) if shaped else set()
        if (
            not shaped
            or len(content) < rules.min_content_words
            or not rules.headline_shaped(line.text)
        ):
            verdicts.append(None)
            continue
        if not scripts.comparable(content, rules.min_content_vocabulary):
            verdicts.append(None)
            continue
        share = shared_share(content, vocabulary)
        if share < rules.unrelated and rules.another_storys(line.text):
            verdicts.append("related")
        elif position == 0 and not draft.title and share >= rules.own_title:
            verdicts.append("title")
        elif rules.caption_shaped(line.text, long_is_odd=_odd(line, long_lines, unstopped)):
            verdicts.append("caption")
        else:
            verdicts.append(None)
    return verdicts


def _odd(line: Line, long_lines: list[Line], unstopped: int) -> bool:
    """Whether a long line without a sentence's end is odd in this article: under a third of its
    other long lines lack one too."""
    others = len(long_lines) - (line in long_lines)
    return 3 * (unstopped - (ENDS_LINE.search(line.text) is None)) < others


def _join_blocks(lines: list[Line], verdicts: list[str | None], rules: ShapeRules) -> None:
    """A block of other stories takes its short label and channel lines with it ("Stories You
    May Like", "PunjabKesari TV"): a short line that is not prose, between two of its headlines
    or just before two of them."""
    block = ("related", _BLOCK_LABEL)
    for _ in range(2):  # a label found between headlines counts for the line before it
        for i, line in enumerate(lines):
            if verdicts[i] is not None or not _label_shaped(line.text, rules):
                continue
            between = 0 < i < len(lines) - 1 and verdicts[i - 1] == verdicts[i + 1] == "related"
            ahead = verdicts[i + 1 : i + 3]
            if between or (len(ahead) == 2 and all(v in block for v in ahead)):
                verdicts[i] = _BLOCK_LABEL


def _label_shaped(text: str, rules: ShapeRules) -> bool:
    return text.count(" ") + 1 < rules.min_words and not ends_as_prose(text)
