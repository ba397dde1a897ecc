"""Places no list knows, named in a list with known ones: "पुणे डिवीजन: कोल्हापुर, पुणे, सांगली,
सतारा और सोलापुर" (Sangli and Satara are in no gazetteer of Devanagari names).

A list is a run of items separated by commas or a joining word ("और", "तथा"); an item is a name
found before, or one Devanagari word that may be a name. In a list of three items or more, none
a person or an organisation, an unknown one-word item between two known places is a place too,
and in a list two thirds of whose items are known places, one beside a known place. Not a list's
first or last item: "दरअसल, दिल्ली, मुंबई और पुणे" opens with an adverb, "बाढ़ से
प्रभावित इलाके, दिल्ली और मुंबई" with a phrase's last word, and "गेहूं, चावल, दिल्ली और मुंबई"
or "दिल्ली, मुंबई, पेट्रोल और डीजल" list goods beside places; only in a list mostly of known
places that a region's noun and a colon open, its first item and its last before a full stop
("नागपुर डिवीजन: भंडारा, चंद्रपुर, ... नागपुर और वर्धा।"), where no phrase can reach.
"""

from __future__ import annotations

from workers.stages.extract.entities.lexicon import Lexicon, Tokens
from workers.stages.extract.entities.words import Word

_MIN_ITEMS = 3
_MIN_KNOWN = 2
_MOSTLY = 2 / 3  # of a list's items known places: an unknown one beside one of them is a place


def listed_places(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[int]:
    """The positions of the unknown one-word items of such lists; `ends` holds the names found,
    by last word: (first word, type). Only lists around a place found are read."""
    places = sorted(first for first, kind in ends.values() if kind == "LOC")
    if len(places) < _MIN_KNOWN:
        return []
    names = {first: (last, kind) for last, (first, kind) in ends.items()}
    found: list[int] = []
    done = -1  # the last word of the last list read
    for place in places:
        if place <= done:
            continue
        start = _list_start(toks, info, ends, idx, place)
        items = _list_from(toks, info, names, idx, start)
        done = items[-1][1]
        kinds = [kind for _, _, kind in items]
        if len(items) < _MIN_ITEMS or kinds.count("LOC") < _MIN_KNOWN:
            continue
        if set(kinds) <= {"LOC", ""}:
            mostly = kinds.count("LOC") >= _MOSTLY * len(items)
            found.extend(
                first
                for n, (first, _, kind) in enumerate(items)
                if not kind
                and (
                    (
                        0 < n < len(items) - 1
                        and (
                            kinds[n - 1] == kinds[n + 1] == "LOC"
                            or (mostly and "LOC" in (kinds[n - 1], kinds[n + 1]))
                        )
                    )
                    or (mostly and _bounded(toks, info, items, n, idx))
                )
            )
    return found


def _bounded(
    toks: Tokens, info: list[Word], items: list[tuple[int, int, str]], n: int, idx: Lexicon
) -> bool:
    """Item n is the first or the last of a list that a region's noun and a colon open
    ("नागपुर डिवीजन: भंडारा, चंद्रपुर, ... नागपुर और वर्धा।"): no phrase's word beside it
    (not "पेट्रोल के दाम: दिल्ली, मुंबई, कोलकाता और डीजल।", "ताजा खबरें: ... और क्रिकेट")."""
    opening = items[0][0]
    head = opening - 1
    if head < 0 or toks.gap(head) != ":":
        return False
    if not (info[head].place or info[head].folded.casefold() in idx.region_nouns):
        return False
    last = items[n][1]
    return n == 0 or (
        n == len(items) - 1 and (last + 1 == len(toks) or toks.gap(last) in (".", "।"))
    )


def _list_start(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon, k: int
) -> int:
    """The first item of the list the item at word k belongs to (k itself if none before)."""
    while k > 0:
        before = k - 1
        if info[before].folded in idx.list_joins and toks.gap(before) == "":
            before -= 1
            if before < 0 or toks.gap(before) not in ("", ","):
                return k
        elif toks.gap(before) != ",":
            return k
        if before in ends:
            k = ends[before][0]
        elif _may_be_place(info[before], idx):
            k = before
        else:
            return k
    return k


def _list_from(
    toks: Tokens, info: list[Word], names: dict[int, tuple[int, str]], idx: Lexicon, k: int
) -> list[tuple[int, int, str]]:
    """The items of the list that starts at word k: (first, last, type; "" for unknown)."""
    items: list[tuple[int, int, str]] = []
    while k < len(info):
        if k in names:
            last, kind = names[k]
        elif _may_be_place(info[k], idx) and _one_word_item(toks, info, k, idx):
            last, kind = k, ""
        else:
            break
        items.append((k, last, kind))
        gap = toks.gap(last)
        nxt = last + 1
        if gap not in ("", ","):
            break
        if nxt < len(info) and info[nxt].folded in idx.list_joins and toks.gap(nxt) == "":
            nxt += 1
        elif gap != ",":
            break
        k = nxt
    return items


def _one_word_item(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k ends its item: punctuation, a joining word, a postposition or a place word follows
    ("सतारा और", "सोलापुर में", "भंडारा जिले"; not "संघीय जर्मन गणराज्य")."""
    if toks.gap(k) or k + 1 == len(info):
        return True
    after = info[k + 1]
    return after.particle or after.place or after.folded in idx.list_joins


def _may_be_place(word: Word, idx: Lexicon) -> bool:
    """One Devanagari word no name was found at, and no word of a kind that never names a
    place."""
    return (
        word.devanagari
        and len(word.folded) > 2  # not a letter: "क, ख और ग"
        and word.name_like
        and not word.frequent
        and word.folded not in idx.given_names  # a word that opens an alias no rule took is one
        and not word.particle
        and not (word.org_head or word.facility or word.place or word.acronym)
        and word.folded not in idx.roles
        and word.folded not in idx.scheme_words
        and word.folded not in idx.case_markers
    )
