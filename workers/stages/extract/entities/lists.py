"""Places no list knows, named in a list with known ones: "पुणे डिवीजन: कोल्हापुर, पुणे, सांगली,
सतारा और सोलापुर" (Sangli and Satara are in no gazetteer of Devanagari names).

A list is a run of items separated by commas or a joining word ("और", "तथा"); an item is a name
found before, or one Devanagari word that may be a name. In a list of three items or more, two of
them known places and none a person or an organisation, the unknown one-word items are places
too. An unknown first item needs a boundary before it (":", ",", a sentence's start): in "बाढ़
से प्रभावित इलाके, दिल्ली और मुंबई" the word before the comma ends a phrase, not an item.
"""

from __future__ import annotations

from workers.stages.extract.entities.lexicon import Lexicon, Tokens
from workers.stages.extract.entities.words import Word

_MIN_ITEMS = 3
_MIN_KNOWN = 2
_BOUNDARIES = (":", ",", "।", "\n", "(", "-", "–")


def listed_places(
    toks: Tokens, info: list[Word], names: dict[int, tuple[int, str]], idx: Lexicon
) -> list[int]:
    """The positions of the unknown one-word items of such lists; `names` holds the names found,
    by first word: (last word, type). Only lists around a place found are read."""
    places = sorted(first for first, (_, kind) in names.items() if kind == "LOC")
    if len(places) < _MIN_KNOWN:
        return []
    lasts = {last: first for first, (last, _) in names.items()}
    found: list[int] = []
    done = -1  # the last word of the last list read
    for place in places:
        if place <= done:
            continue
        start = _list_start(toks, info, lasts, idx, place)
        items = _list_from(toks, info, names, idx, start)
        done = items[-1][1]
        kinds = [kind for _, _, kind in items]
        if len(items) < _MIN_ITEMS or kinds.count("LOC") < _MIN_KNOWN:
            continue
        if set(kinds) <= {"LOC", ""}:
            unknown = [first for first, _, kind in items if not kind]
            if unknown[:1] == [start] and start > 0 and toks.gap(start - 1) not in _BOUNDARIES:
                unknown = unknown[1:]  # the last word of a phrase before the list
            found.extend(unknown)
    return found


def _list_start(toks: Tokens, info: list[Word], lasts: dict[int, int], idx: Lexicon, k: int) -> int:
    """The first item of the list the item at word k belongs to (k itself if none before)."""
    while k > 0:
        before = k - 1
        if info[before].folded in idx.list_joins and toks.gap(before) == "":
            before -= 1
            if before < 0 or toks.gap(before) not in ("", ","):
                return k
        elif toks.gap(before) != ",":
            return k
        if before in lasts:
            k = lasts[before]
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
    """One Devanagari word no list knows, and no word of a kind that never names a place."""
    return (
        word.devanagari
        and word.name_like
        and not word.opens
        and not word.particle
        and not (word.org_head or word.facility or word.place or word.acronym)
        and word.folded not in idx.roles
        and word.folded not in idx.scheme_words
        and word.folded not in idx.case_markers
    )
