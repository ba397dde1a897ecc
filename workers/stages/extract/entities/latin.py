"""Names in Latin script that no list knows, found by their capitals and typed by what surrounds
them ("Tom Cruise", "Valeska Paris", "KCNA", "in Yeoncheon").

A name is a run of capitalised words, up to a name the lists know, in a text whose capitals
tell names (not a headline in Title Case). At a sentence's opening a capital says nothing, so a
word there counts only when the text never writes it in lower case ("Officials said" is no
name; "Cruise said" is). A run's type: ending in a facility word a place; with an organisation
word an ORG; a person with evidence of one (a known given name or surname, "said" after it, a
title before it, an age after it, "according to"); after "in", "at", "from" a place (one word
too, but no language: "in English"); the kind of the list item before it; last, what the
world's lists say (`vocabulary.py`, `listed_kind`): a place GeoNames knows, an unknown acronym
an ORG ("KPA"), a run ending in a US Census surname a person ("Dries Mertens"); then, mid-sentence,
two or three unknown words written as names a person (`name_shaped`: "Romelu Lukaku"); else
nothing (a capitalised "Model Code" or "Action Summit" is no person), but for a known given name
that opens a longer run ("Andy Warhol Photographic Legacy Program"). A function word is a name's
inside one ("the Home Office"), never at a sentence's opening or alone, and an article never
("told The Huffington Post"). What the finder learnt
earlier in the text names a lone word too: a person's short form ("Cruise" of "Tom Cruise"), an
organisation's head or last word, an acronym given in parentheses.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import attrgetter

from workers.stages.extract.entities.lexicon import Lexicon, Tokens
from workers.stages.extract.entities.rules import role_at, state_at
from workers.stages.extract.entities.words import Word

_SENTENCE_BREAKS = frozenset('.!?:;\n"“‘(|')
_MAX_WORDS = 6  # a run this long is a facility's or an organisation's name, or none
_APOSTROPHES = ("'", "\u2019")
_PERSON_WORDS = 4
_CAPITAL = attrgetter("capital")


def casing(toks: Tokens, info: list[Word]) -> tuple[frozenset[str], bool]:
    """The words the text writes in lower case, case-folded (evidence that a word is common),
    and whether capitals tell names in it: at least 3 in 10 of its Latin words are in lower
    case, as in prose (not a headline in Title Case or capitals, where at most the small words
    are). Nothing to work out for a text with no capitalised word."""
    capitals = sum(map(_CAPITAL, info))
    if not capitals:
        return frozenset(), False
    lower = [w.folded for w in info if w.lower]  # a lower-case word's matching form: casefolded
    return frozenset(lower), len(lower) * 10 >= 3 * (len(lower) + capitals)


def opens_sentence(toks: Tokens, k: int) -> bool:
    """Word k is the first of its sentence, line or quotation."""
    before = toks.pieces[2 * k]
    return k == 0 or any(c in _SENTENCE_BREAKS for c in before)


def capital_word(
    toks: Tokens, info: list[Word], k: int, idx: Lexicon, lower: frozenset[str]
) -> bool:
    """Word k may be part of a name: capitalised, no function word, no role ("President"; the
    "Home" of "Home Office" opens no "Home Minister"), and not a common word that only a
    sentence's opening capitalised."""
    word = info[k]
    folded = toks.words[k].casefold()
    if not word.capital or common_capital(toks, info, k, idx):
        return False
    if (
        word.folded in idx.roles
        and role_at(info, k, idx)
        and not noun_in_capitals(toks, info, k, idx)
    ):
        return False
    return not (opens_sentence(toks, k) and folded in lower)


def after_the(toks: Tokens, k: int) -> bool:
    """Word k comes right after "the" (or "The"), only spaces between."""
    return k > 0 and toks.adjacent(k - 1) and toks.words[k - 1].casefold() == "the"


def noun_in_capitals(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a role that is a common noun ("painter", "boxer") in capitals right after
    "the": a name's word ("The Painter Street bridge", "The Boxer Rebellion"), no role ("Team
    Leader Jennifer Ngo-Anh", "Art Director Park" keep theirs)."""
    return info[k].capital and info[k].folded in idx.lower_roles and after_the(toks, k)


def common_capital(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a function or common word that a capital does not make a name's: at a
    sentence's opening, or alone ("He", "The"), or an article anywhere ("told The Huffington
    Post"); inside a name it is one ("the Home Office", "the World Bank")."""
    if info[k].folded.casefold() in idx.articles:  # "A" keeps its case as an acronym would
        return True
    if not info[k].common:
        return False
    nxt = k + 1
    joined = nxt < len(info) and toks.adjacent(k) and info[nxt].capital
    return opens_sentence(toks, k) or not joined or info[nxt].common


def capitalised_run(
    toks: Tokens,
    info: list[Word],
    i: int,
    idx: Lexicon,
    lower: frozenset[str],
    known: Callable[[int], bool],
) -> int:
    """End of the run of capitalised words at word i (up to six and a name link, one space or a
    hyphen apart:
    "Kim Min-Woo"; "de", "van", "bin" inside; none that opens a `known` name: "Opposition
    Rahul Gandhi"), or 0."""
    if not capital_word(toks, info, i, idx, lower):
        return 0
    end = i + 1
    while end < len(info) and end - i < _MAX_WORDS:
        if (
            end - 1 > i  # the possessor is inside the run: "The Centre's Ministry …" is two
            and toks.gap(end - 1) in _APOSTROPHES
            and _possessive_inside(toks, info, end, idx, lower)
        ):
            # "Korean People's Army", "Prime Minister's Office"; "Korean Workers' Party"
            end += 1 if toks.words[end - 1].endswith("s") and toks.words[end] != "s" else 2
            continue
        if toks.gap(end - 1) not in ("", "-") or known(end):
            break
        if capital_word(toks, info, end, idx, lower) and not opens_sentence(toks, end):
            end += 1
        elif end - i >= 2 and _lower_syllable(toks, end, idx):
            end += 1  # "Hau Lung-bin", "Kim Jong-un": a given name's last syllable
            break
        elif (
            toks.words[end] in idx.name_links
            and end + 1 < len(info)
            and toks.adjacent(end)
            and capital_word(toks, info, end + 1, idx, lower)
        ):
            end += 2
        else:
            break
    return end


def _lower_syllable(toks: Tokens, k: int, idx: Lexicon) -> bool:
    """Word k is the lower-case last syllable of a name in syllables: after a hyphen and a
    capitalised syllable of two to five letters, itself two to five letters, no English word
    that follows a hyphen ("Lung-bin", "Jong-un"; not "Sons-led", "Alibaba-era")."""
    word, before = toks.words[k], toks.words[k - 1]
    return (
        toks.gap(k - 1) == "-"
        and 2 <= len(word) <= 5
        and word.isalpha()
        and word.islower()
        and word not in idx.hyphen_suffixes
        and 2 <= len(before) <= 5
        and before[:1].isupper()
    )


def syllable_name(toks: Tokens, i: int, end: int, idx: Lexicon) -> bool:
    """The run from word i to end is an East Asian person's name in syllables: a family name
    and a given name of two syllables joined by a hyphen, each of two to five letters ("Park
    Joo-Ho", "Hau Lung-bin", "Moon Jae-in"; not "Gyeonggi-do", a province, nor "Rolls-Royce")."""
    words = toks.words[i:end]
    return (
        len(words) == 3
        and toks.gap(i + 1) == "-"
        and toks.adjacent(i)
        and all(word.isalpha() and 2 <= len(word) <= 5 for word in words)
        and words[0][:1].isupper()
        and words[1][:1].isupper()
        and words[2].casefold() not in idx.place_syllables
    )


def _possessive_inside(
    toks: Tokens, info: list[Word], k: int, idx: Lexicon, lower: frozenset[str]
) -> bool:
    """After an apostrophe, word k goes on a name: it is the "s" of a possessive, or a
    capitalised word after a plural's apostrophe, and capitalised words after it reach a head
    noun, after a word that is no name of its own ("Korean People's Army", "Prime Minister's
    Office"; not "India's Supreme Court" or "St John's College", two names)."""
    before = info[k - 1]
    plural = toks.words[k - 1].endswith("s") and toks.words[k] != "s"
    after = k if plural else k + 1
    return (
        (plural or toks.words[k] == "s")
        and (not before.opens or before.prefix_only)  # "People" opens only longer names
        and before.folded.casefold() not in idx.given_names
        and before.folded.casefold() not in idx.surnames
        and not toks.words[k - 1].isupper()  # "DAB's Ben Chan": an organisation's person
        and (plural or toks.adjacent(k))
        and _head_ahead(toks, info, after, idx, lower)
    )


def _head_ahead(
    toks: Tokens, info: list[Word], k: int, idx: Lexicon, lower: frozenset[str]
) -> bool:
    """Capitalised words from word k on reach an organisation's or facility's head noun ("…
    People's Army", "… Minister's Office"; not "It's Warhol")."""
    for j in range(k, min(len(info), k + _MAX_WORDS)):
        if not capital_word(toks, info, j, idx, lower):
            return False
        if info[j].org_head or info[j].facility:
            return True
        if not toks.adjacent(j):
            return False
    return False


def one_common_word(words: list[str], idx: Lexicon) -> bool:
    """The name is one common English word ("Plant", "Class", "Hope"): no name by itself."""
    return len(words) == 1 and words[0].casefold() in idx.vocabulary.common


def _based(toks: Tokens, end: int) -> bool:
    """The run ending before word `end` is joined to "based" by a hyphen: "Kondapur-based"."""
    return end < len(toks) and toks.gap(end - 1) == "-" and toks.words[end] == "based"


def _framed_kind(toks: Tokens, i: int, end: int, idx: Lexicon, plain: bool) -> str | None:
    """The type a word in lower case before the run from i to end says (`plain`: the run is
    one common word): a place's noun or its dwellers' and "of" ("the hamlet of Sidomulyo",
    "Residents of Wagholi"; not "the town of Hope"), or "shares of" ("Shares of Samyang
    Foods"); none before a people's name. (Not "party", "movement" or "group" after it:
    peoples, creeds, festivals and common words go there as often: "the Maoist movement",
    "the Diwali party", "the Telegram group".)"""
    if is_people(toks.words[i], idx):
        return None
    if i > 1 and toks.words[i - 1] in ("of", "in") and toks.adjacent(i - 1):
        noun = toks.words[i - 2]
        if toks.adjacent(i - 2) and noun.casefold() in idx.org_nouns_before:
            return "ORG"
        of_place = noun in idx.place_words or noun.casefold() in idx.dwellers
        if toks.adjacent(i - 2) and toks.words[i - 1] == "of" and of_place:
            return None if plain else "LOC"
    return None


def _home(toks: Tokens, i: int, end: int, idx: Lexicon) -> bool:
    """The words from i to end may name where a person lives: not one common word ("of
    Class 9", "of Batch 2019", "of Flat No 4"), nor with a number ("of Schedule VII")."""
    words = toks.words[i:end]
    if one_common_word(words, idx):
        return False
    after = toks.words[end] if end < len(toks.words) and toks.adjacent(end - 1) else ""
    return not any(w.isdigit() or set(w) <= set("IVXLC") for w in [*words[1:], after] if w)


def _before_place_word(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> bool:
    """The words from i to end come right before a place's word in lower case ("Bhiti Khurd
    village", "Walikale territory", "Marunji villages"), and none is a people's adjective, nor
    one word a common one or one that opens a known name ("Kurdish region", "Labour county":
    the Labour Party's), nor one word opening a sentence before a plural ("Tribal districts")."""
    if end >= len(info) or not toks.adjacent(end - 1):
        return False
    if not (info[end].place and info[end].lower):
        return False
    words = toks.words[i:end]
    common = len(words) == 1 and (info[i].common or info[i].opens)
    if len(words) == 1 and toks.words[end].endswith("s") and opens_sentence(toks, i):
        return False  # "Tribal districts such as ...": an adjective before a plural
    return not common and not any(is_people(word, idx) for word in words)


def _trade(word: str, idx: Lexicon) -> bool:
    """A trade's noun, in either case and number: "analyst", "Analysts"."""
    lower = word.casefold()
    return lower in idx.lower_roles or lower.removesuffix("s") in idx.lower_roles


_OLDEST = 120  # an age in parentheses is under it


def _after_an_age(toks: Tokens, info: list[Word], k: int) -> bool:
    """Word k follows an age in parentheses after a name: "Shahnawaz (27) of" (not "Rule 5(3)
    of", "Section (2) of": a number, a common word before it)."""
    if k < 2 or toks.gap(k - 2) != "(" or toks.gap(k - 1) != ")":
        return False
    age, name = toks.words[k - 1], toks.words[k - 2]
    named = name.isalpha() and name[:1].isupper() and not info[k - 2].common
    return age.isdigit() and int(age) < _OLDEST and named


def run_kind(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> str | None:
    """The type of the unknown name from word i to end, or None when nothing says."""
    words = toks.words[i:end]
    before = toks.words[i - 1].casefold() if i > 0 and toks.adjacent(i - 1) else ""
    if len(words) > 1 and info[end - 1].facility:
        return "LOC"  # "Fisht Stadium", "NTU Hospital Station"
    if len(words) > 1 and (
        any(w.casefold() in idx.org_words for w in words)
        or any(info[k].org_head for k in range(i, end))
    ):
        return "ORG"
    if len(words) == 1 and not opens_sentence(toks, i) and _org_ending(words[0], info[i], idx):
        return "ORG"  # "Wikinews", "Firstpost"
    if len(words) > _PERSON_WORDS:
        return None
    if before == "of" and _after_an_age(toks, info, i - 1) and _home(toks, i, end, idx):
        return "LOC"  # "Shahnawaz (27) of Kaila Bhatta": where he lives
    plain = one_common_word(words, idx)
    if _based(toks, end) and not (plain or is_people(words[0], idx) or words[-1].isupper()):
        return "LOC"  # "Kondapur-based": a place (not "LED-based", "Plant-based")
    if before == "based" and toks.gap(i - 2) == "-":
        return "ORG"  # "Bengaluru-based FreshToHome": a company
    framed = _framed_kind(toks, i, end, idx, plain)
    if framed:
        return framed
    if _before_place_word(toks, info, i, end, idx):
        return "LOC"  # "Bhiti Khurd village", "Bhiwandi's Shanti Nagar area"
    facility_first = len(words) > 1 and info[i].facility and not info[end - 1].org_head
    if facility_first and words[-1] not in idx.vocabulary.surnames:  # not "Temple Grandin"
        return "LOC"  # "Masjid Al-Haram", "Fort Kochi": the facility's word first
    if _named_source(toks, i, end, idx):
        return "ORG"  # "according to the Intelligencer", "the Independent newspaper"
    if len(words) <= _TOWN_WORDS and _town_of_state(toks, i, end, idx):
        return "LOC"  # "Austin, Texas, last week": a town, though Austin is a given name
    if (
        before in idx.company_nouns
        and toks.words[i - 1].islower()
        and not names_a_person(words, idx)
    ):
        return "ORG"  # "carrier Emirates", "noodle maker Samyang Foods said"
    if len(words) > 1 and person_evidence(toks, info, i, end, idx):
        return "PERSON"  # "a statement from Tom Hendricks" is still a person
    if len(words) == 1 and _quoted_speaker(toks, i, end, idx):
        return "PERSON"  # '"... living", said Gustafon.'
    if before == "at" and i > 1 and toks.adjacent(i - 2) and _trade(toks.words[i - 2], idx):
        return "ORG"  # "an analyst at Lightbox", "Analysts at Berenberg": an employer
    # Not "in AI", nor a lone word shaped like a language or a people ("in English").
    people = len(words) == 1 and words[0].casefold().endswith(idx.people_endings)
    if before in idx.place_prepositions and not (words[0].isupper() or people):
        return "LOC"
    if _place_of(toks, info, i, end, idx):
        return "LOC"  # "the town of Yeoncheon"
    return None


_WORKS = ("franchise", "studio")  # company nouns that also follow a work's or a team's name
_TOWN_WORDS = 3  # words at most of a town's name before its state


def _town_of_state(toks: Tokens, i: int, end: int, idx: Lexicon) -> bool:
    """The run from word i to end is a town: a US state follows after a comma, by the AP's
    abbreviation ("Orange County, Calif.,"), or by its name after a town GeoNames knows ("Austin,
    Texas,"; not a player and his college: "Jalen Milroe, Alabama,")."""
    size, _ = state_at(toks, end, idx)
    if not size:
        return False
    abbreviated = toks.words[end + size - 1] in idx.state_abbreviations
    return abbreviated or " ".join(toks.words[i:end]) in idx.vocabulary.places


def _named_source(toks: Tokens, i: int, end: int, idx: Lexicon) -> bool:
    """The run from word i to end, after "the", names a newspaper or a company: "according to"
    before it, not all common words or acronyms (not "the Bible", "the FIR"), or a company's
    noun in lower case after it ("the Independent newspaper"; not "the Chinese firm", "the
    Detroit automaker", "the Mission Impossible franchise")."""
    if not after_the(toks, i):
        return False
    words = toks.words[i:end]
    cited = i >= 3 and [w.casefold() for w in toks.words[i - 3 : i - 1]] == ["according", "to"]
    common = all(w in idx.vocabulary.common or w.upper() in idx.common_acronyms for w in words)
    cited = cited and not common  # not "according to the Bible", "the FIR"
    noun = (
        end < len(toks)
        and toks.adjacent(end - 1)
        and toks.words[end] in idx.company_nouns
        and toks.words[end] not in _WORKS
        and " ".join(words) not in idx.vocabulary.places  # "the Detroit automaker"
    )
    return (cited or noun) and not is_people(words[0], idx)  # not "the Chinese firm"


def names_a_person(words: list[str], idx: Lexicon) -> bool:
    """The run opens with a known given name or is one known surname: a person's, whatever the
    word before it or the line says ("the lender Gupta", "Gukesh 1 Ding 0")."""
    first = words[0].casefold()
    given = first in idx.given_names or first in idx.world_given_names
    return given or (len(words) == 1 and first in idx.surnames)


def _quoted_speaker(toks: Tokens, i: int, end: int, idx: Lexicon) -> bool:
    """Word i is the speaker after a quotation, named after its verb: '", said Gustafon.' (the
    quotation ends, a comma or not, the verb, the name, then the sentence or a comma; a name
    in capitals is an agency's: '", said KCNA.')."""
    if i < 2 or toks.words[i - 1] not in idx.speech_verbs or not toks.adjacent(i - 1):
        return False
    if not toks.words[i][1:].islower():
        return False  # '", said KCNA': an agency
    closing = toks.gap(i - 2)
    quoted = any(mark in closing for mark in _CLOSING_QUOTES)
    return quoted and (end == len(toks) or toks.gap(end - 1) in (".", ",", "\n"))


_CLOSING_QUOTES = ('"', "\u201d", "'", "\u2019")


def _place_of(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> bool:
    """The run from word i to end follows "the town of" (or city, province ...): a place, but
    not a nickname or a set phrase ("the city of Joy", "a state of Emergency", "the city of
    Lord Krishna", "Mathura, the city of Nizams": common words, titles, plurals, or after a
    comma, an apposition)."""
    if i < 3 or toks.words[i - 1] != "of" or toks.words[i - 3].casefold() != "the":
        return False
    if toks.words[i - 2].casefold() not in idx.places_of or (i > 3 and toks.gap(i - 4) == ","):
        return False
    words = toks.words[i:end]
    return not any(
        facts.common or word in idx.vocabulary.common or word in idx.titles or word.endswith("s")
        for word, facts in zip(words, info[i:end], strict=True)
    )


def _org_ending(word: str, facts: Word, idx: Lexicon) -> bool:
    """One capitalised word that ends as a publication's or a company's name does, no common
    word, at least three letters before the ending ("Wikinews", "Firstpost"; not "Outpost")."""
    folded = word.casefold()
    return (
        not facts.common
        and word not in idx.vocabulary.common
        and word[1:].islower()
        and any(folded.endswith(end) and len(folded) >= len(end) + 3 for end in idx.org_endings)
    )


def score_rival(toks: Tokens, i: int, end: int) -> tuple[int, int] | None:
    """The other side (first word, end) when the run from word i to end is one of the two
    sides of a results line, a line of two names each followed by a score, as wire services
    print football results ("Aston Villa 2 Leeds 0", "Sheffield Wednesday 1 Derby 1."): a team,
    a club when no list knows it (not "Leeds" the person, nor "Derby" the race). None if not:
    nor run on in one line, a comma apart (`listed_result`)."""
    if end >= len(toks) or _score_shape(toks.words[end]) != "0":
        return None  # most runs: no score after them
    spans = _result_around(toks, i, ("\n",))
    if spans is None or (i, end) not in spans:
        return None
    return spans[1] if spans[0] == (i, end) else spans[0]


def listed_result(toks: Tokens, i: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The side that opens at word i and the other side (first word, end of each) when one of
    the results a line runs on, a comma or a semicolon apart, is there ("..., Wimbledon 2
    Coventry City 2, Sheffield Wednesday 0 Derby County 1."; or the line's only one); None if
    not. Chess and badminton results are written so too ("Gukesh 1 Firouzja 0, Praggnanandhaa
    1 Abasov 0"): whether the sides are clubs is the caller's to tell."""
    spans = _result_around(toks, i, _RESULT_BREAKS)
    if spans is None:
        return None
    if spans[0][0] == i:
        return spans[0], spans[1]
    return (spans[1], spans[0]) if spans[1][0] == i else None


def _result_around(toks: Tokens, i: int, breaks: tuple[str, ...]) -> list[tuple[int, int]] | None:
    """The two sides (first word, end) of the result that word i is in: words with nothing but
    spaces between them, `breaks` (or the text's edge) on either side, shaped as two names each
    followed by a score; None if there is none."""
    first, last, most = i, i, 2 * _SIDE_WORDS + 1  # words in one result
    while first > 0 and not toks.gap(first - 1) and i - first < most:
        first -= 1
    while last + 1 < len(toks) and not toks.gap(last) and last - first < most:
        last += 1
    opened = first == 0 or toks.gap(first - 1) in breaks
    closed = last + 1 == len(toks) or toks.gap(last) in breaks
    sides = _SCORE_LINE.fullmatch("".join(_score_shape(w) for w in toks.words[first : last + 1]))
    if not (opened and closed) or sides is None:
        return None
    return [(first + sides.start(side), first + sides.end(side)) for side in (1, 2)]


def dateline_place(toks: Tokens, i: int) -> int:
    """End of the place in capitals that opens a wire dateline at word i, 0 if none: up to four
    words in capitals opening a line, then the date ("BONN 1996-12-01"), or a comma and, on the
    line, the date or an agency in parentheses before a dash ("AL-AIN , United Arab Emirates
    1996-12-06", "WIJK AAN ZEE, Netherlands, Jan 21 (Reuters) -"); not a heading in capitals
    ("UPDATE: ...", "SOCCER - ..."), nor acronyms before a comma ("NASA, ISRO sign (PTI)")."""
    words, n = toks.words, len(toks)
    if not (_opens_line(toks, i) and _in_capitals(words[i])):
        return 0
    end = i + 1
    while end < n and end - i < _DATELINE_WORDS and _in_capitals(words[end]):
        if toks.gap(end - 1) not in ("", "-"):
            break
        end += 1
    if end >= n:
        return 0
    if not toks.gap(end - 1):  # "BONN 1996-12-01"
        return end if _year_at(toks, end) else 0
    if toks.gap(end - 1) != "," or _in_capitals(words[end]):
        return 0
    for k in range(end, min(end + 2 * _DATELINE_WORDS, n - 1)):
        if toks.gap(k) == "\n":
            break
        agency = toks.gap(k) == "(" and toks.gap(k + 1).startswith(")") and "-" in toks.gap(k + 1)
        if _year_at(toks, k) or (agency and words[k + 1][:1].isupper()):
            return end  # "1996-12-06", "(Reuters) -"
    return 0


def _year_at(toks: Tokens, k: int) -> bool:
    """A wire's date opens at word k: "1996" of "1996-12-06"."""
    word = toks.words[k]
    return len(word) == 4 and word.isdigit() and toks.gap(k) == "-"


def _opens_line(toks: Tokens, k: int) -> bool:
    """Word k is the first of its line (or of the text)."""
    return k == 0 or toks.gap(k - 1) == "\n"


def _in_capitals(word: str) -> bool:
    return word.isalpha() and word.isupper()


_DATELINE_WORDS = 4


def standings_row(toks: Tokens, i: int) -> int:
    """End of the name that opens a line of a standings table at word i, 0 if none: capitalised
    words, then five numbers or more to the line's end, spaces between ("Barnsley 11 6 3 2 18 11
    21", "Manchester United 10 6 3 1 20 9 21": played, won, drawn, lost, goals, points)."""
    if not _opens_line(toks, i):
        return 0
    end, n = i, len(toks)
    while end < n and toks.words[end].isalpha() and toks.words[end][:1].isupper():
        if toks.gap(end):
            return 0
        end += 1
    last = end
    while last < n and toks.words[last].isdigit() and len(toks.words[last]) <= 3:
        if last + 1 < n and toks.gap(last) not in ("", "\n"):
            return 0  # punctuation between the numbers: no table's row
        last += 1
    closed = last == n or _opens_line(toks, last)
    return end if end > i and last - end >= _STANDINGS_NUMBERS and closed else 0


_STANDINGS_NUMBERS = 5


_RESULT_BREAKS = (",", ";", ":", ".", "\n")


def score_ahead(toks: Tokens, i: int) -> bool:
    """A score follows word i within a results line's side, words apart by spaces only: a
    results line may hold word i (the quick test before `score_rival`)."""
    for k in range(i + 1, min(i + 1 + _SIDE_WORDS, len(toks))):
        if toks.gap(k - 1):
            return False
        if _score_shape(toks.words[k]) == "0":
            return True
    return False


def _score_shape(word: str) -> str:
    if word.isdigit() and len(word) == 1:  # goals; not a batsman's runs ("Jaiswal 45 Gill 30")
        return "0"
    return "A" if word[:1].isupper() and word.isalpha() else "?"


_SIDE_WORDS = 4
_SCORE_LINE = re.compile(f"(A{{1,{_SIDE_WORDS}}})0(A{{1,{_SIDE_WORDS}}})0")


def listed_kind(words: list[str], idx: Lexicon) -> str | None:
    """The type the world's lists give a run of capitals that nothing around types: a place
    GeoNames knows ("Evansville"; one word no common word or person's name: not "Mobile",
    "Campbell"); one word in capitals an organisation's short name ("USI", "KPA"; not "GDP");
    a run that ends in a US Census surname a person ("Mertens", `census_surname`)."""
    vocabulary, name, last = idx.vocabulary, " ".join(words), words[-1]
    single = len(words) == 1
    if single and name in vocabulary.common:
        return None
    named = last in vocabulary.surnames or last.casefold() in idx.world_given_names
    if name in vocabulary.places and not (single and named):
        return "LOC"
    if single and is_acronym(name, idx):
        return "ORG"
    return "PERSON" if census_surname(words, idx) else None


def name_shaped(
    toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon, national: bool = False
) -> bool:
    """Two or three words written as names are, none a common word nor one the gazetteer
    knows, the first no surname alone ("Romelu Lukaku", "Farouk Ben Mustapha"; not "Chapel
    Hill", "Rolling Stone", "Vande Bharat", "Bajaj Finserv") unless a country says whose the
    name is (`national`: "Rainer Schuettler of Germany", "Tegla Loroupe (Kenya)"):
    mid-sentence and typed by nothing else, such a run in news is mostly a person's name."""
    words, vocabulary = toks.words[i:end], idx.vocabulary
    if syllable_name(toks, i, end, idx):
        return True
    first = words[0].casefold()
    surname = first in idx.surnames or words[0] in vocabulary.surnames
    if surname and not (national or first in idx.given_names or first in idx.world_given_names):
        return False  # a family's company: "Bajaj Finserv"
    return (
        2 <= len(words) <= 3
        and all(
            word[:1].isupper()
            and word[1:].isalpha()
            and word[1:].islower()
            and word not in vocabulary.common
            and not facts.common
            and idx.exact.get(facts.folded, ("PERSON",))[0] == "PERSON"  # no place's, no org's
            for word, facts in zip(words, info[i:end], strict=True)
        )
    )


def census_surname(words: list[str], idx: Lexicon) -> bool:
    """The run ends in a US Census surname that is no common word, no people's or language's
    name ("Mertens"; not "Collections", "English", "Greek")."""
    last, vocabulary = words[-1], idx.vocabulary
    if last not in vocabulary.surnames or not last[1:].islower() or last in vocabulary.common:
        return False
    return not is_people(last, idx)


def is_people(word: str, idx: Lexicon) -> bool:
    """The name of a people, a language or a faith ("English", "Korean", "American", "Muslim"):
    an adjective, never a person's or a place's name alone."""
    return word.casefold().endswith(idx.people_endings) or word in idx.peoples


def is_acronym(word: str, idx: Lexicon) -> bool:
    """An unknown organisation's short name: three to six capitals, no common acronym or
    word ("GDP", "AIDS"), no role ("MLA")."""
    return (
        3 <= len(word) <= 6
        and word.isupper()
        and word.isalpha()
        and word.upper() not in idx.common_acronyms
        and word not in idx.vocabulary.common
        and word not in idx.roles
    )


def named_first(toks: Tokens, i: int, end: int, idx: Lexicon) -> int:
    """End of a person's name that opens a longer run of capitals with nothing else to say
    what it is ("Andy Warhol Photographic Legacy Program"): a known given name and the word
    after it; 0 if none."""
    first = toks.words[i]
    known = first.casefold() in idx.given_names or first.casefold() in idx.world_given_names
    return i + 2 if end - i > 2 and known and first[1:2].islower() else 0


def person_evidence(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> bool:
    """Something says the run from word i to end is a person: a known given name first or a
    known surname after it, a word of saying after it ("Tom Cruise said", "Lydia Buchtmann
    told"), an age after it ("Tom Smith, 45,"), or a title or "according to" before it."""
    first = toks.words[i].casefold()
    titled = toks.words[i][1:2].islower()
    if titled and (first in idx.given_names or first in idx.world_given_names):
        return True
    if any(w.casefold() in idx.surnames for w in toks.words[i + 1 : end]):
        return True
    after = toks.words[end].casefold() if end < len(info) else ""
    if after in idx.speech_verbs and toks.gap(end - 1) in ("", ","):
        return True
    if after.isdigit() and toks.gap(end - 1) == "," and toks.gap(end) == ",":
        return True  # "Tom Smith, 45, a farmer": an age
    before = " ".join(w.casefold() for w in toks.words[max(i - 2, 0) : i])
    return (i > 0 and toks.words[i - 1] in idx.titles) or before == "according to"
