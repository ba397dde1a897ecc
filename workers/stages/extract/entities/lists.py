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

People no list knows, named in a list with a person found: "फिल्म में रवि किशन और नितांशी गोयल
ने", "उसके बेटे मोती और गोपाल तथा" (`listed_people`). Constituencies listed before a seat's word
in an election's text (`listed_seats`). Names given as examples of a kind, which types them:
"carriers such as AT&T and T-Mobile", "अमूल, अक्षयकल्प और मिल्कबास्केट जैसी कंपनियां"
(`exemplified`).
"""

from __future__ import annotations

from collections.abc import Callable

from workers.stages.extract.entities.framed import name_word, plain_surname
from workers.stages.extract.entities.latin import is_people
from workers.stages.extract.entities.lexicon import Lexicon, Tokens
from workers.stages.extract.entities.rules import electoral, given_name_word
from workers.stages.extract.entities.words import Word, rare_name, where_among

_MIN_ITEMS = 3
_MIN_KNOWN = 2
_MOSTLY = 2 / 3  # of a list's items known places: an unknown one beside one of them is a place
_NAME_WORDS = 3  # at most in a person's name in a list


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
        start = _list_start(toks, info, ends, idx, place, lambda b: _place_at(info, b, idx))
        items = _list_from(toks, info, names, idx, start, lambda k: _place_from(toks, info, k, idx))
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


def listed_seats(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[int]:
    """The positions of the unknown one-word items of a list of two or more before a seat's
    word in an election's text: each names a constituency, rare in Hindi or beside a place the
    gazetteer knows ("मीरापुर, कुंदरकी, गाजियाबाद और खैर सीटों पर"; not "दोनों सीटों", a common
    word, nor "मेडिकल, डेंटल और पैरामेडिकल सीटों", English words, nor a list with a person or a
    party: "भाजपा और सपा सीटों", nor the second half of a hyphenated name: "देवली-उनियारा").
    (Not before an area's noun, "इलाकों", "क्षेत्रों": there the last item is as often an
    adjective of the noun, "जोधपुर, बीकानेर और रेगिस्तानी इलाकों", or a tribe's name.)"""
    seats = [k for k in where_among(info, idx.seat_words) if k > 1 and toks.adjacent(k - 1)]
    if not seats or not electoral(info, idx):
        return []
    names = {first: (last, kind) for last, (first, kind) in ends.items()}
    found: list[int] = []
    for seat in seats:
        last = seat - 1
        first = ends[last][0] if last in ends else _place_at(info, last, idx)
        if first is None:
            continue
        start = _list_start(toks, info, ends, idx, first, lambda b: _place_at(info, b, idx))
        items = _list_from(toks, info, names, idx, start, lambda k: _place_from(toks, info, k, idx))
        kinds = {kind for _, _, kind in items}
        if len(items) > 1 and items[-1][1] == last and kinds <= {"LOC", ""}:
            known = any(kind == "LOC" and info[first].opens for first, _, kind in items)
            found.extend(
                first
                for first, _, kind in items
                if not kind
                and (known or rare_name(info[first], idx))
                and toks.gap(first - 1) != "-"
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


_Edge = Callable[[int], int | None]  # the other end of an unknown item from a word, or None
# Whether word k may be in an unknown item of a list (True: after its first word, where some
# tests take more); and whether an item ends at word k.
_WordTest = Callable[[int, bool], bool]
_EndTest = Callable[[int], bool]


def _list_start(
    toks: Tokens,
    info: list[Word],
    ends: dict[int, tuple[int, str]],
    idx: Lexicon,
    k: int,
    unknown_start: _Edge,
) -> int:
    """The first item of the list the item at word k belongs to (k itself if none before); an
    unknown item ending at a word starts where `unknown_start` says."""
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
        elif (first := unknown_start(before)) is not None:
            k = first
        else:
            return k
    return k


def _list_from(
    toks: Tokens,
    info: list[Word],
    names: dict[int, tuple[int, str]],
    idx: Lexicon,
    k: int,
    unknown_end: _Edge,
) -> list[tuple[int, int, str]]:
    """The items of the list that starts at word k: (first, last, type; "" for unknown, an
    unknown item starting at a word ending where `unknown_end` says)."""
    items: list[tuple[int, int, str]] = []
    while k < len(info):
        if k in names:
            last, kind = names[k]
        elif (end := unknown_end(k)) is not None:
            last, kind = end, ""
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


def _item_start(
    toks: Tokens, info: list[Word], before: int, idx: Lexicon, may: _WordTest
) -> int | None:
    """The first word of an unknown item of one to three words ending at word `before`, its
    words ones `may` takes, if its start is clear (`_opens_item`)."""
    first = before
    while first > 0 and before - first < _NAME_WORDS - 1 and toks.adjacent(first - 1):
        if not may(first - 1, True):
            break
        first -= 1
    if not (may(before, True) and may(first, False)) or not _opens_item(toks, info, first, idx):
        return None
    return first


def _item_end(
    toks: Tokens, names: dict[int, tuple[int, str]], k: int, may: _WordTest, ends: _EndTest
) -> int | None:
    """The last word of an unknown item of one to three words from word k, up to a name found,
    its words ones `may` takes, ended where `ends` says."""
    last, n = k, len(toks)
    while not toks.gap(last) and last + 1 < n and last + 1 not in names and may(last + 1, True):
        last += 1
    if not may(k, False) or last - k >= _NAME_WORDS:
        return None
    return last if ends(last) else None


def _place_at(info: list[Word], k: int, idx: Lexicon) -> int | None:
    """Word k, if it may be an unknown one-word place: an item's first word."""
    return k if _may_be_place(info[k], idx) else None


def _place_from(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> int | None:
    """Word k, if an unknown one-word place is an item there: the item's last word."""
    return k if _may_be_place(info[k], idx) and _one_word_item(toks, info, k, idx) else None


def _one_word_item(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k ends its item: punctuation, a joining word, a postposition, a place's or a seat's
    word follows ("सतारा और", "सोलापुर में", "भंडारा जिले", "खैर सीटों"; not "संघीय जर्मन
    गणराज्य")."""
    if toks.gap(k) or k + 1 == len(info):
        return True
    after = info[k + 1]
    return (
        after.particle
        or after.place
        or after.folded in idx.list_joins
        or after.folded in idx.seat_words
    )


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


def listed_people(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of unknown Devanagari names listed with a person found ("फिल्म
    में नितांशी गोयल, प्रतिभा रांटा, रवि किशन और छाया कदम ने", "बेटे मोती और गोपाल तथा"): in a
    list of people only, an item of one to three words that may be a name's, none a common word
    unless a known name, one a known given name or surname (`_named`), ended as an item ends.
    Not in a list with a place or an organisation ("मोदी, वाराणसी और काशी"), nor an item of a
    phrase's words ("रमेश और उसकी पत्नी", "कोहली और टीम ने")."""
    names = {first: (last, kind) for last, (first, kind) in ends.items()}
    found: list[tuple[int, int]] = []
    done = -1  # the last word of the last list read
    people = {first for first, kind in ends.values() if kind == "PERSON"}
    # A known given name alone before a comma may open a list of given names with no person
    # found: "पुलिस ने राजू, पप्पू और गुड्डू को" (the given-name rules want a surname or ने).
    lone = where_among(info, idx.given_names)
    people.update(k for k in lone if toks.gap(k) == "," and k not in names and _given(info[k], idx))
    for person in sorted(people):
        if person <= done or not info[person].devanagari:
            continue

        def may(k: int, _: bool) -> bool:
            return name_word(toks, info, k, idx)

        start = _list_start(
            toks, info, ends, idx, person, lambda b: _item_start(toks, info, b, idx, may)
        )
        # An item ends as a name ends: not "सोनी टीवी", "अंजलि मुंबई" (the words go on).
        items = _list_from(
            toks,
            info,
            names,
            idx,
            start,
            lambda k: _item_end(toks, names, k, may, lambda j: _item_ends(toks, info, j, idx)),
        )
        done = items[-1][1]
        kinds = [kind for _, _, kind in items]
        if len(items) < 2 or set(kinds) - {"PERSON", ""}:
            continue
        given = sum(first == last and _given(info[first], idx) for first, last, _ in items)
        if "PERSON" not in kinds and (len(items) < 3 or given < 2):
            continue  # "राजू, पप्पू और गुड्डू": three items, two of them known given names
        found.extend(
            (first, last)
            for first, last, kind in items
            if not kind and _named(toks, info, first, last, idx, several=len(items) > 2)
        )
    return found


def _opens_item(toks: Tokens, info: list[Word], first: int, idx: Lexicon) -> bool:
    """Word `first` clearly opens a name: the text or punctuation, a postposition, a function
    word, a role or a joining word is before it ("फिल्म में नितांशी", "पड़ोसी हरजी"; not "स्पर्श
    श्रीवास्तव", a common word that may be the name's own)."""
    if first == 0 or not toks.adjacent(first - 1):
        return True
    before = info[first - 1]
    return (
        before.particle
        or before.folded in idx.function_words
        or before.folded in idx.roles
        or before.folded in idx.list_joins
    )


def _item_ends(toks: Tokens, info: list[Word], last: int, idx: Lexicon) -> bool:
    """An unknown item ends at word `last`: punctuation, a joining word or a postposition
    follows, or the text ends."""
    if toks.gap(last) or last + 1 == len(info):
        return True
    after = info[last + 1]
    return after.agent or after.folded in idx.case_markers or after.folded in idx.list_joins


def _named(
    toks: Tokens, info: list[Word], first: int, last: int, idx: Lexicon, several: bool
) -> bool:
    """The unknown item's words name a person: one is a given name the lists spell ("गोपाल"),
    or, with another word, a surname they spell that is no common word ("नितांशी गोयल"; not
    "सोनी", Sony too, alone); or, in a list of three or more, two or three words all rare in
    Hindi ("कमांडर रस्का लुक्विया, ओकोट ओडिंबो और ..."). Not one rare word: products, films
    and missions are listed beside people ("शाहरुख खान, डंकी और पठान", "वी नारायणन, गगनयान
    और चंद्रयान")."""
    words = range(first, last + 1)
    return any(given_name_word(toks, info, k, idx) for k in words) or (
        last > first
        and (
            any(plain_surname(info[k], idx) for k in words)
            or (several and not any(info[k].heard for k in words))
        )
    )


def _given(word: Word, idx: Lexicon) -> bool:
    """A given name the lists spell in Devanagari that is no common word ("पप्पू"; not "अमन")."""
    return word.folded in idx.given_names and not word.frequent


_EXAMPLE_WORDS = 4  # at most in a name given as an example


def exemplified(
    toks: Tokens,
    info: list[Word],
    ends: dict[int, tuple[int, str]],
    idx: Lexicon,
    cased: bool,
    devanagari: bool,
) -> list[tuple[int, int, str]]:
    """The first and last words and the type of names no rule found that a kind's plural
    introduces as examples: "carriers such as AT&T and T-Mobile", "कंट्री डिलाइट, अक्षयकल्प और
    मिल्कबास्केट जैसी कंपनियां" (`example_kinds` types the kind). English names only where
    capitals tell names (`cased`), Hindi ones in a text with Devanagari. Not a list with a name
    found of another type ("companies such as Apple and Steve Jobs"), nor a person's name of
    one word ("politicians like Fortress"), nor one with a role in it ("politicians such as
    President Trump": Trump)."""
    names = {first: (last, kind) for last, (first, kind) in ends.items()}
    lists: list[tuple[str, list[tuple[int, int, str]]]] = []
    if cased:
        closing = {phrase[-1] for phrase in idx.examples_after}
        for k in where_among(info, closing):
            kind = _kind_before(toks, info, k, idx)
            items = _latin_examples(toks, info, names, k + 1, idx) if kind else []
            if items and not _qualifies_noun(toks, info, items[-1][1], idx):
                lists.append((kind, items))

    def may(j: int, inside: bool) -> bool:
        return _example_word(info, j, idx, inside)

    def example_end(last: int) -> bool:  # punctuation, "और", or "जैसी": "... मिल्कबास्केट जैसी"
        after = info[last + 1] if last + 1 < len(info) else None
        return (
            bool(toks.gap(last))
            or after is None
            or after.folded in idx.list_joins
            or after.folded in idx.examples_before
        )

    for k in where_among(info, idx.examples_before) if devanagari else ():
        kind = _kind_after(toks, info, k, idx)
        if not kind or k == 0 or not toks.adjacent(k - 1):
            continue
        last = k - 1
        first = ends[last][0] if last in ends else _item_start(toks, info, last, idx, may)
        if first is None:
            continue
        start = _list_start(
            toks, info, ends, idx, first, lambda b: _item_start(toks, info, b, idx, may)
        )
        items = _list_from(
            toks, info, names, idx, start, lambda j: _item_end(toks, names, j, may, example_end)
        )
        # Hindi lists the kinds' words as often as names ("फिनटेक और एडटेक जैसे स्टार्टअप्स",
        # "बाढ़ग्रस्त जैसे जिलों"): only a list with a name of the kind found is of names.
        if items and items[-1][1] == last and any(found == kind for _, _, found in items):
            lists.append((kind, items))
    found: list[tuple[int, int, str]] = []
    for kind, items in lists:
        if {found_kind for _, _, found_kind in items} <= {kind, ""}:
            found.extend(
                (first, last, kind)
                for first, last, item_kind in items
                if not item_kind and (kind != "PERSON" or last > first)
            )
    return found


def _kind_before(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> str:
    """The type of the names after word k, when it closes "such as", "like" or "including"
    after a kind's plural ("carriers such as"), else ""."""
    for phrase in idx.examples_after:
        kind_at = k - len(phrase)
        if kind_at < 0 or any(toks.gap(j) for j in range(kind_at, k)):
            continue
        if tuple(w.casefold() for w in toks.words[kind_at + 1 : k + 1]) == phrase:
            return idx.example_kinds.get(info[kind_at].folded.casefold(), "")
    return ""


def _qualifies_noun(toks: Tokens, info: list[Word], last: int, idx: Lexicon) -> bool:
    """The list ending at word `last` qualifies a kind's noun after it: its items are kinds,
    not names ("Chinese and Korean firms", "Life and General insurers")."""
    nxt = last + 1
    if nxt >= len(info) or not toks.adjacent(last):
        return False
    word = toks.words[nxt].casefold()
    return word in idx.example_kinds or word in idx.company_nouns


def _kind_after(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> str:
    """The type of the names before word k ("जैसी"), by the kind's plural after it, or after it
    and one word more ("जैसी बड़ी कंपनियां"), else ""."""
    for j in (k + 1, k + 2):
        if j >= len(info) or not toks.adjacent(j - 1) or (info[j - 1].particle and j > k + 1):
            return ""
        if kind := idx.example_kinds.get(info[j].folded, ""):
            return kind
    return ""


def _latin_examples(
    toks: Tokens, info: list[Word], names: dict[int, tuple[int, str]], k: int, idx: Lexicon
) -> list[tuple[int, int, str]]:
    """The items of a list of capitalised names from word k: "AT&T and T-Mobile", "Nashville,
    Toronto, Denver and Los Angeles"; it ends after the item that "and" or "or" opens, and is
    none when no item follows them or a capitalised word after a comma is none."""
    items: list[tuple[int, int, str]] = []
    n = len(info)
    if k >= n or not toks.adjacent(k - 1):
        return items
    closing = False
    while k < n:
        if k in names:
            last, kind = names[k]
        elif (end := _capitalised_item(toks, info, names, k, idx)) is not None:
            last, kind = end, ""
        elif closing or info[k].capital:
            return []  # "Life and General insurers", "Premium, Mid-range and Budget": kinds
        else:
            break
        items.append((k, last, kind))
        nxt = last + 1
        if closing or nxt >= n or toks.gap(last) not in ("", ","):
            break
        if info[nxt].folded in idx.list_joins and toks.gap(nxt) == "":
            closing = True
            nxt += 1
        elif toks.gap(last) != ",":
            break
        k = nxt
    return items


def _capitalised_item(
    toks: Tokens, info: list[Word], names: dict[int, tuple[int, str]], k: int, idx: Lexicon
) -> int | None:
    """The last word of a run of capitalised words from word k, joined by spaces, hyphens or
    "&" ("T-Mobile", "Take-Two Interactive", "Khaitan & Co"), none a role ("President") or the
    pronoun "I"; not a kind's word: a plural acronym ("NBFCs"), a people's adjective
    ("Korean"), a word before a number ("Tier-2"), a common word that runs on into a phrase
    ("Made in India toys")."""
    last, n = k, len(info)
    while (
        last + 1 < n
        and last + 1 not in names
        and (toks.adjacent(last) or toks.gap(last) in ("-", "&"))
        and info[last + 1].capital
        and last - k < _EXAMPLE_WORDS - 1
    ):
        last += 1
    words = range(k, last + 1)
    if not info[k].capital or toks.words[k] == "I":
        return None
    if any(info[j].folded.casefold() in idx.roles or info[j].folded in idx.roles for j in words):
        return None
    word = toks.words[k]
    if last == k and (
        (word.endswith("s") and word[:-1].isupper())
        or is_people(word, idx)
        or (word.casefold() in idx.vocabulary.common and not _item_closed(toks, info, k, idx))
    ):
        return None
    if any(_kind_word(toks.words[j], idx) for j in words) or toks.gap(last) == "'":
        return None  # "Regional Rural Banks", "Large Caps", "Monday's Gainers": kinds, a possessor
    if last + 1 < n and toks.gap(last) == "-" and toks.words[last + 1].isdigit():
        return None
    return last


def _item_closed(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k ends a list's item: a comma or a stop, "and" or "or", or the text's end follows
    (not a hyphen: "Poll-bound Maharashtra")."""
    if k + 1 == len(info) or toks.gap(k) in (",", ".", ";", ":"):
        return True
    return not toks.gap(k) and info[k + 1].folded in idx.list_joins


def _kind_word(word: str, idx: Lexicon) -> bool:
    """A kind's plural, or a common English word's plural: a list of kinds has them ("Public
    Sector Banks", "Mid Caps", "Listed Entities")."""
    lower = word.casefold()
    if lower in idx.example_kinds:
        return True
    return word[:1].isupper() and lower.endswith("s") and lower in idx.vocabulary.common


def _example_word(info: list[Word], k: int, idx: Lexicon, inside: bool = False) -> bool:
    """Word k may be a word of a name given as an example in Devanagari: no common word (but
    after a name's first word: "क्लाइमेट एक्शन नेटवर्क") and no word of a kind that never names
    one ("पहले से कंट्री डिलाइट": not "से", "पहले")."""
    word = info[k]
    return (
        word.devanagari
        and len(word.folded) > 1
        and word.name_like  # not an adjective of relation: "निर्दलीय"
        and (inside or not word.frequent)
        and not word.particle
        and word.folded not in idx.function_words
        and word.folded not in idx.list_joins
        and word.folded not in idx.roles
        and word.folded not in idx.examples_before
    )
