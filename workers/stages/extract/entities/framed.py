"""Names no list knows, typed by the words framing them: a person a place introduces ("ईरान के
अली रज़ा करीमी को"), a seat named by its district ("कानपुर की सीसामऊ से"), a company by its noun
("फर्म एलिवेशन कैपिटल ने") and a group's quoted name ("समूह 'बेसिक' ने"), a candidate by the
party ("आजाद समाज पार्टी से नाजिम अली"), the places of a dateline left in the body ("इमामगंज
(गया)। ..."), a person's age after the name ("मोहम्मद इरफान (45),").
"""

from __future__ import annotations

from workers.stages.extract.entities.lexicon import Lexicon, Tokens
from workers.stages.extract.entities.rules import (
    electoral,
    given_name_word,
    known_name,
    person_word,
    spelt_name_word,
    sporting,
)
from workers.stages.extract.entities.words import Word, rare_name, where_among


def name_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k may be a word of a person's name in Devanagari: a known name's, or no common
    word and none of a kind that never names a person."""
    word = info[k]
    return (
        word.devanagari
        and len(word.folded) > 1
        and word.name_like
        and not word.particle
        and not (word.org_head or word.facility or word.place or word.acronym)
        and word.folded not in idx.roles
        and word.folded not in idx.scheme_words
        and word.folded not in idx.function_words
        and word.folded not in idx.list_joins
        and (not word.frequent or spelt_name_word(toks, info, k, idx))
    )


def plain_surname(word: Word, idx: Lexicon) -> bool:
    """A surname the lists spell in Devanagari that is no common word ("गोयल"; not "कदम")."""
    return word.folded in idx.devanagari_surnames and not word.frequent


_FROM_PLACE_WORDS = 4  # at most in a name after "<place> के"


def named_from_place(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of unknown Devanagari names a place found introduces, as
    sports and world news name players and people ("ईरान के अली रज़ा करीमी को", "जॉर्जिया की
    नीनो बेरिद्ज़े को", "दक्षिण अफ्रीका के हेनरिक क्लासेन ने"): after "के" or "की", one to four
    words that may be a name's, then ने or को (से only after a known name). A known given name,
    or a known surname with another word, makes them a person's, unless a deity's ("तिरुपति के
    बालाजी को"); else, in a match's report only (elsewhere English names of companies and
    weapons: "अमेरिका के इंट्यूटिव मशीन्स ने"), after "की" (a woman: a place would take "का")
    two words or more, one rare in Hindi, and after "के" two or more all rare. Not a common
    word's ("भारत के विकास को", "चीन की टीम ने"), nor a company's one word ("जापान की टोयोटा
    ने", "जापान की सोनी ने": a surname alone)."""
    found: list[tuple[int, int]] = []
    n = len(info)
    starts = {first for first, _ in ends.values()}  # where a name found opens, this one ends
    sports: bool | None = None  # whether the text reports a match, read when first asked
    for last, (_, kind) in ends.items():
        of = last + 1
        if kind != "LOC" or of + 1 >= n or not (toks.adjacent(last) and toks.adjacent(of)):
            continue
        if info[of].folded not in ("के", "की") or not info[last].devanagari:
            continue
        first = end = of + 1
        while end < n and end - first < _FROM_PLACE_WORDS and name_word(toks, info, end, idx):
            if end in starts or (end + 1 < n and not toks.adjacent(end)):
                break
            end += 1
        if end == first or end >= n or end in starts:
            continue
        given = [k for k in range(first, end) if given_name_word(toks, info, k, idx)]
        if given and all(info[k].heard for k in range(first, given[0])):
            first = given[0]  # "मैसूरु के मूर्तिकार अरुण योगीराज ने": a trade, then the name
        several = end - first > 1
        surname = several and any(plain_surname(info[k], idx) for k in range(first, end))
        known = (bool(given) or surname) and info[first].folded not in idx.deities
        rare = [not info[k].heard for k in range(first, end)]
        marker = info[end].folded
        if marker not in ("ने", "को") and not (marker == "से" and known):
            continue
        if not known and several and (all(rare) or (info[of].folded == "की" and any(rare))):
            if sports is None:
                sports = sporting(info, idx)
            known = sports
        if known:
            found.append((first, end - 1))
    return found


def seats_after_place(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[int]:
    """Seats a candidates' list names by their district, in an election's text: "<place> की X
    से <candidate>", one word rare in Hindi, the feminine seat's word left out ("कानपुर की
    सीसामऊ से नसीम सोलंकी, प्रयागराज की फूलपुर से ..."; not "दिल्ली की कंपनी से", a common
    word, nor "लखनऊ की चिकनकारी से बने कपड़े", no person after it)."""
    starts = {first: kind for first, kind in ends.values()}
    seats = [
        last + 2
        for last, (_, kind) in ends.items()
        if kind == "LOC"
        and last + 3 < len(info)
        and all(toks.adjacent(k) for k in range(last, last + 3))
        and info[last + 1].folded == "की"
        and info[last + 3].folded == "से"
        and last + 4 < len(info)
        and (
            starts.get(last + 4) == "PERSON"
            or given_name_word(toks, info, last + 4, idx)
            or (last + 5 < len(info) and person_word(toks, info, last + 5, idx))
        )
        and last + 2 not in ends
        and info[last + 2].devanagari
        and rare_name(info[last + 2], idx)
    ]
    return seats if seats and electoral(info, idx) else []


_COMPANY_WORDS = 3  # at most in a company's name after a company's noun


def companies_named(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of companies no list knows that a company's noun introduces as
    the doer ("डेयरी स्टार्टअप दूधवाला डेली ने", "फर्म एलिवेशन कैपिटल ने"): two or three words
    that may be a name's, one rare in Hindi, then ने. Not common words ("कंपनी प्रबंधन ने"), nor
    one word (an English word in Devanagari: "स्टार्टअप इकोसिस्टम ने"), nor a person's name the
    lists know a word of ("कंपनी के सीईओ राकेश ... ने"); not after an investor ("निवेशक पोरिंजू
    वेलियाथ ने": a person) or a brand (`firm_nouns`)."""
    found: list[tuple[int, int]] = []
    n = len(info)
    for k in where_among(info, idx.firm_nouns):
        first = last = k + 1
        if first >= n or _inside_found(ends, k) or not toks.adjacent(k):
            continue  # "सलाहकार फर्म रेडसीर ..." found as a person: not a company over it too
        while last + 1 < n and last - first < _COMPANY_WORDS and toks.adjacent(last):
            if info[last + 1].agent or not _company_word(info, last + 1, idx):
                break
            last += 1
        words = range(first, last + 1)
        if (
            first < last < n - 1
            and info[last + 1].agent
            and toks.adjacent(last)
            and all(_company_word(info, j, idx) for j in words)
            and any(rare_name(info[j], idx) for j in words)
            and not any(person_word(toks, info, j, idx) for j in words)
        ):
            found.append((first, last))
    return found


def _inside_found(ends: dict[int, tuple[int, str]], k: int) -> bool:
    """Word k or the word after it is inside a name found."""
    return any(first <= k + 1 and last >= k for last, (first, _) in ends.items())


def _company_word(info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k may be a word of a company's name in Devanagari: no common word, and none of a
    kind that never names one."""
    word = info[k]
    return (
        word.devanagari
        and word.name_like
        and not word.frequent
        and not word.particle
        and word.folded not in idx.function_words
        and word.folded not in idx.roles
        and word.folded not in idx.list_joins
    )


_QUOTED_WORDS = 4  # at most in a group's name in quotation marks
_GROUP_LETTERS = 3  # at least in a one-word group's name (not a class's letter: "समूह 'ग'")
_OPENING_QUOTES = ("'", "‘", '"', "“")
_CLOSING_QUOTES = ("'", "’", '"', "”")


def quoted_groups(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of a group's name in quotation marks right after a group's
    noun ("समूह 'बेसिक' ने", "बैंड 'इंडियन ओशन' ने", "गठबंधन “एओसिस” की ओर से"): one to four
    words, none a name found, a function word or a letter alone ("समूह 'ग' के पद": a class of
    posts), then ने or "की ओर" (`_group_acts`). Not after other nouns: a film's, a book's or a
    scheme's title is quoted so too ("फिल्म 'एनिमल'")."""
    found: list[tuple[int, int]] = []
    starts = {first for first, _ in ends.values()}
    for k in where_among(info, idx.group_nouns):
        first = k + 1
        if first >= len(info) or toks.gap(k) not in _OPENING_QUOTES or first in starts:
            continue
        last = first
        while last - first < _QUOTED_WORDS and toks.adjacent(last) and last + 1 < len(info):
            last += 1
        closed = toks.gap(last).startswith(_CLOSING_QUOTES) and last - first < _QUOTED_WORDS
        letter = last == first and len(toks.words[first]) < _GROUP_LETTERS  # "समूह 'ग'", "'सी'"
        words = range(first, last + 1)
        plain = any(info[j].particle or info[j].folded in idx.function_words for j in words)
        found_inside = any(j in ends for j in words)
        if closed and not (letter or plain or found_inside) and _group_acts(info, last + 1):
            found.append((first, last))
    return found


def _group_acts(info: list[Word], k: int) -> bool:
    """Word k says the quoted words before it are a group that acts or speaks: ने, or "की ओर"
    ("समूह 'बेसिक' ने", "गठबंधन 'एओसिस' की ओर से"; not "'एक देश एक चुनाव' के मुद्दे", a slogan,
    nor "'उत्कृष्ट' श्रेणी", a grade)."""
    if k >= len(info):
        return False
    if info[k].agent:
        return True
    return info[k].folded == "की" and k + 1 < len(info) and info[k + 1].folded == "ओर"


_CANDIDATE_WORDS = 3  # at most in a candidate's name after "<party> से"


def party_candidates(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of candidates an election's text names by their party: a
    party found, "से", then one to three words that may be a name's, one a known given name or
    surname, ended by punctuation, a joining word or a postposition ("आजाद समाज पार्टी से
    नाजिम अली और आम आदमी पार्टी से अंकुर गंगवार"; not "भाजपा से टिकट", "सपा से नाराज":
    common words)."""
    found: list[tuple[int, int]] = []
    starts = {first for first, _ in ends.values()}
    n = len(info)
    for last, (first, kind) in ends.items():
        se = last + 1
        if kind != "ORG" or se + 1 >= n or info[se].folded != "से" or not toks.adjacent(last):
            continue
        hit = idx.exact.get(" ".join(w.folded for w in info[first : last + 1]))
        if hit is None or hit[1] not in idx.parties or not toks.adjacent(se):
            continue
        end = se + 1
        while end < n and end - se <= _CANDIDATE_WORDS and end not in starts:
            if not name_word(toks, info, end, idx):
                break
            if not toks.adjacent(end) or end + 1 == n:
                end += 1
                break
            end += 1
        words = range(se + 1, end)
        after = info[end] if end < n else None
        closed = (
            after is None
            or not toks.adjacent(end - 1)
            or after.particle
            or after.folded in idx.list_joins
        )
        if words and closed and any(person_word(toks, info, k, idx) for k in words):
            found.append((se + 1, end - 1))
    return found if found and electoral(info, idx) else []


_DATELINE_WORDS = 3  # at most in a dateline's place


def opening_places(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of the places no rule found in a dateline a body opens with,
    as Hindi papers write one ("इमामगंज (गया)। इमामगंज थाना क्षेत्र के ..."): one to three words
    that may be a place's, then a district or country of one or two words in parentheses and a
    danda or a colon. Names found keep their type; no common word ("बिजली (कटौती)।"). Not a
    name before a danda alone: headings and people open bodies so too ("खुशखबरी।", "विजय सिंह
    पथिक। उनके जीवन पर ...")."""
    place = _dateline_run(toks, info, 0, idx)
    if place is None or toks.gap(place) != "(":
        return []
    district = _dateline_run(toks, info, place + 1, idx)
    closing = toks.gap(district) if district is not None else ""
    if district is None or not closing.startswith(")") or not any(m in closing for m in "।:"):
        return []
    starts = {first for first, _ in ends.values()}
    runs = ((0, place), (place + 1, district))
    return [(first, last) for first, last in runs if first not in starts and last not in ends]


def _dateline_run(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> int | None:
    """The last word of one to three adjacent words from word k that may be a place's name, else
    None: no particle or function word, and no common Hindi word first ("मेड़ता सिटी"; not
    "उन्होंने कहा"), unless a list knows the word ("गया", Gaya, also "went")."""
    last = k
    while last < len(info) and last - k < _DATELINE_WORDS:
        word = info[last]
        plain = word.particle or word.folded in idx.function_words or (word.frequent and last == k)
        if not word.opens and (not word.name_like or plain):
            return None
        if not toks.adjacent(last):
            return last
        last += 1
    return None


_AGES = range(1, 120)


def aged_names(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """The first and last words of unknown names an age in parentheses follows (in Devanagari
    or Latin), or an age's adjective goes before, as police reports and accident news give
    them ("मोहम्मद इरफान (45), उनकी पत्नी ...", "identified as Shahnawaz (27)", "31 वर्षीय बबलू
    के"): one to three words that may be a name's, one a known given name or a surname no
    common word is; not a name found, nor a thing's count ("गाड़ियां (12)", "Gold (12)")."""
    starts = {first for first, _ in ends.values()}
    found = _aged_after(toks, info, ends, idx)
    gaps = toks.pieces[2:-1:2]  # the gap after each word but the last, found in C
    opened = [k for k, gap in enumerate(gaps) if "(" in gap and gap.strip() == "("]
    for last in opened:
        if not age_after(toks, last) or last in ends or last in starts:
            continue
        first = last
        while first > 0 and last - first < 2 and toks.adjacent(first - 1):
            if first - 1 in ends or not _aged_word(toks, info, first - 1, idx):
                break
            first -= 1
        if not _aged_word(toks, info, last, idx) or first in starts:
            continue
        words = range(first, last + 1)
        if any(_known_person_word(toks, info, k, idx) for k in words):
            found.append((first, last))
    return found


def age_after(toks: Tokens, k: int) -> bool:
    """An age in parentheses follows word k: "Venkatesh (31)"."""
    if k + 1 >= len(toks) or toks.gap(k) != "(" or not toks.gap(k + 1).startswith(")"):
        return False
    age = toks.words[k + 1]
    return age.isdigit() and int(age) in _AGES


def aged_person(toks: Tokens, info: list[Word], end: int, idx: Lexicon) -> bool:
    """The words before `end` are a person's an age follows, the last a given name the lists
    know or a surname no common word is ("Gadde Venkatesh (31) from Nandyal" after a place: no
    place in a list; not "Gandhi Nagar (17)", a count after a place's name)."""
    return age_after(toks, end - 1) and _known_person_word(toks, info, end - 1, idx)


def _aged_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k may be a word of a name an age follows: in Devanagari a name's word (`name_word`),
    in Latin a capitalised word that is no common English word, role or acronym."""
    if info[k].devanagari:
        return name_word(toks, info, k, idx)
    word = toks.words[k]
    return (
        info[k].capital
        and word.isalpha()
        and not word.isupper()
        and not info[k].common
        and word.casefold() not in idx.roles
    )


def _known_person_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a given name the lists know, or a surname no common word is."""
    if info[k].devanagari:
        return given_name_word(toks, info, k, idx) or plain_surname(info[k], idx)
    return known_name(info[k], idx)


def _aged_after(
    toks: Tokens, info: list[Word], ends: dict[int, tuple[int, str]], idx: Lexicon
) -> list[tuple[int, int]]:
    """Names after "<number> वर्षीय" and at most one common noun or trade ("31 वर्षीय बबलू के",
    "32 वर्षीय हिस्ट्रीशीटर राजेश को"): a known given name or surname, then more known name
    words, ended by a postposition, a comma or a joining word. Not "32 वर्षीय युवक की हत्या" (no
    name), "10 वर्षीय योजना" (a plan), "150 वर्षीय जगन्नाथ रथयात्रा" (a deity's festival), "22
    वर्षीय मोहित बहलोलपुर में" (a place goes on: no guess)."""
    starts = {first for first, _ in ends.values()}
    found: list[tuple[int, int]] = []
    n = len(info)
    for age in where_among(info, idx.ages):
        if age == 0 or not toks.words[age - 1].isdigit() or not toks.adjacent(age):
            continue
        first = age + 1
        if first + 1 < n and not _named_word(toks, info, first, idx) and toks.adjacent(first):
            first += 1  # "युवक", "हिस्ट्रीशीटर": who, before the name
        if first >= n or first in starts or not _named_word(toks, info, first, idx):
            continue
        if info[first].folded in idx.deities:
            continue
        last = first + 1
        while last < n and last - first < 3 and toks.adjacent(last - 1) and last not in starts:
            if not person_word(toks, info, last, idx):
                break
            last += 1
        closed = last == n or toks.gap(last - 1) or info[last].particle
        if closed or info[last].folded in idx.list_joins:
            found.append((first, last - 1))
    return found


def _named_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a given name or a surname the lists spell (no common word's surname)."""
    return given_name_word(toks, info, k, idx) or plain_surname(info[k], idx)
