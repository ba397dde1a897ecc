"""The matching rules, each a function of the words around token i: gazetteer aliases and
author names (exact or phonetic), organisations ending in a head noun, role words before unknown
names, names with initials, places before a place word, known given names with surnames."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress
from operator import attrgetter

from workers.stages.extract.entities.found import Authors
from workers.stages.extract.entities.lexicon import Lexicon, Tokens, fold
from workers.stages.extract.entities.words import (
    ACRONYM,
    FACILITY,
    ORG_HEAD,
    Word,
    rare_name,
    where,
    where_among,
)
from workers.stages.text.scripts import is_devanagari

INFINITIVE = "ने"  # the oblique infinitive's ending: बनने, रहने, होने


def headed_names(toks: Tokens, info: list[Word], idx: Lexicon) -> dict[int, tuple[int, str]]:
    """Start -> (end, type) of the names that end in a head noun: organisations (ORG) and, in
    Devanagari, facilities (LOC: "जामा मस्जिद"; Latin ones are capitalised runs, `latin.py`);
    and of Devanagari organisations' names their acronym follows (`spelt_out`)."""
    runs = {start: (end, "ORG") for start, end in organisations(toks, info, idx).items()}
    for head in [j for j in where(info, FACILITY) if info[j].devanagari]:
        if (start := devanagari_organisation(toks, info, head, idx)) < head:
            runs.setdefault(start, (head + 1, "LOC"))
    acronyms = where(info, ACRONYM)
    for k in acronyms:
        if (start := spelt_out(toks, info, k, idx)) < k - 1 and start not in runs:
            runs[start] = (k, "ORG")
    for head in where_among(info, idx.place_heads):
        if end := place_of_at(toks, info, head, idx):
            runs.setdefault(head, (end, "LOC"))
    in_capitals = compress(range(len(info)), map(str.isupper, toks.words))  # found in C
    for k in sorted({*acronyms, *in_capitals}):
        if campus_at(toks, info, k, idx):
            runs.setdefault(k, (k + 2, "ORG"))
    return runs


def campus_at(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is an acronym no list knows and a known place follows it: an institution's
    campus there, one organisation ("IIT Indore", "आईआईटी इंदौर", "IIM Ahmedabad"; not "FIR
    Delhi", a common acronym, nor "BJP Delhi", a party the lists know, and its city, nor words
    of a headline in capitals, "BEATEN UP")."""
    if k + 1 >= len(info) or not toks.adjacent(k):
        return False
    word, written = info[k], toks.words[k]
    acronym = word.acronym or (written if written.isupper() and written.isalpha() else "")
    if not 2 <= len(acronym) <= 6 or acronym in idx.common_acronyms:
        return False
    if idx.exact.get(acronym) or idx.exact.get(word.folded):
        return False
    if toks.words[k + 1].isupper():
        return False  # a headline in capitals: "BEATEN UP", "STAND UP"
    place = idx.exact.get(info[k + 1].folded)
    return place is not None and place[0] == "LOC"


def place_of_at(toks: Tokens, info: list[Word], head: int, idx: Lexicon) -> int:
    """End of a place's name that a capitalised place word and "of" open at `head` ("Isle of
    Skye", "Gulf of Aden", "Kingdom of Saudi Arabia"), 0 if none: the capitalised words after
    "of" ("Skye" is no person, "Aden" none either)."""
    of = head + 1
    if not info[head].capital or of + 1 >= len(info) or toks.words[of] != "of":
        return 0
    if not (toks.adjacent(head) and toks.adjacent(of) and info[of + 1].capital):
        return 0
    if head > 0 and info[head - 1].capital and toks.adjacent(head - 1):
        return 0  # "Democratic Republic of Congo": a longer name, the lists' or none
    end = _capitals_from(toks, info, of + 2)
    if any(word in idx.vocabulary.common for word in toks.words[of + 1 : end]):
        return 0  # titles: "Kingdom of Heaven", "Sea of Thieves", "Isle of Wight Festival"
    return end


_SOUNDS = {"F": "P", "W": "V", "C": "KS", "U": "Y", "A": "E", "Z": "J", "Q": "K", "X": "E"}
_ACRONYM_SLACK = 2  # words of a name its acronym may leave out ("ग्रामीण किसान मजदूर समिति (जीकेएस)")


def spelt_out(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> int:
    """The first word of the Devanagari name that the acronym at word k, in parentheses, spells
    out: the words before it whose first sounds carry its letters in order, the first and the
    last word's its first and last ("नेशनल पीपुल्स पावर (एनपीपी)", "फिल्म फेडरेशन ऑफ इंडिया
    (एफएफआई)", "ग्रामीण किसान मजदूर समिति (जीकेएस)"); "of" and "and" as Hindi writes them may
    stand between; a postposition or the sentence's end after it, as after a name (not "वायरस
    लाइक पार्टिकल (वीएलपी) टीके": a term, before the noun it qualifies). `k` if none: Hindi words
    spell no English letters ("न्यूनतम समर्थन मूल्य (एमएसपी)"), a common acronym names no
    organisation ("... (एफआईआर)"), and without a head noun among the words (or a force's,
    "बिहार मिलिट्री पुलिस (बीएमपी)") they are a term's, a scheme's or a rank's ("डायरेक्ट
    बेनिफिट ट्रांसफर (डीबीटी)", "चीफ मेडिकल ऑफिसर (सीएमओ)"). Nor where the lists know the
    acronym: theirs is the name ("प्राइम मिनिस्टर्स ऑफिस (पीएमओ)")."""
    acronym = info[k].acronym
    last = k - 1
    after = info[k + 1] if k + 1 < len(info) else None
    if after and not (after.agent or after.folded in idx.case_markers or toks.danda(k)):
        return k
    if (
        len(acronym) < 2
        or acronym in idx.common_acronyms
        or k < 2
        or toks.gap(last) != "("
        or not info[last].devanagari
        or info[last].folded in idx.scheme_words
        or (info[k].opens and longest_exact(info, k, idx) is not None)
    ):
        return k
    letters = list(acronym)
    first = last + 1
    for j in range(last, max(-1, last - len(acronym) - _ACRONYM_SLACK - 2), -1):
        word = info[j]
        if j < last and not toks.adjacent(j):
            break
        if not word.devanagari or word.agent or word.folded in idx.case_markers:
            break  # "समिति" and "पुलिस" are no name's words elsewhere, but here they are
        if word.folded in idx.locatives or word.folded in idx.list_joins:
            break
        if word.folded in idx.org_tails:
            continue
        if letters and _sounds(idx.names.romanize(toks.words[j]), letters[-1]):
            letters.pop()
            first = j
            if not letters:
                break
        elif j == last:
            return k  # the last word's sound is the acronym's last letter
    if letters or last - first >= len(acronym) + _ACRONYM_SLACK:
        return k
    headed = any(info[j].org_head or info[j].folded in idx.bodies for j in range(first, k))
    return first if headed else k


def _sounds(latin: str, letter: str) -> bool:
    """A word whose Latin spelling opens so can be what a Latin letter stands for: "Philm" for
    F, "Yooniyan" (Union) for U, "Esosieshan" (Association) for A."""
    opening = latin[:1].upper()
    return opening == letter or opening in _SOUNDS.get(letter, "")


def organisations(toks: Tokens, info: list[Word], idx: Lexicon) -> dict[int, int]:
    """Start -> end of each organisation's name around its head noun: the words before it (in
    capitals, `_capitalised_before`; in Devanagari, `devanagari_organisation`), and its tail
    after "of" or "for", then "and" (`_tail`: "Africa Centres for Disease Control and
    Prevention", "यूरोपियन बैंक फॉर रिकन्स्ट्रक्शन एंड डेवलपमेंट"); or none before it and such a
    tail ("Church of Scientology")."""
    runs: dict[int, int] = {}
    for head in sorted({*where(info, ORG_HEAD), *courts(toks, info, idx)}):
        end = _tail(toks, info, head, idx)
        if info[head].devanagari:
            start = devanagari_organisation(toks, info, head, idx)
            if start < head:  # a named college only: not "मेडिकल कॉलेज अस्पताल में"
                end = _second_head(toks, info, end, idx)
        else:
            start = _capitalised_before(toks, info, head, idx)
            if start < head or end > head + 1:  # more than a head noun: "U.S. Police" is none
                start = _dotted_place_before(toks, info, start, idx)
        if start < head or end > head + 1:  # "University of Southern Indiana" has no words before
            runs[start] = max(runs.get(start, 0), end)  # "Marudhar Capital Services", not "Capital"
    return runs


def courts(toks: Tokens, info: list[Word], idx: Lexicon) -> list[int]:
    """The positions of "Court" after a kind of court ("Crown Court", "High Court"): there it
    ends an organisation's name, as a head noun does ("Margaret Court" is a tennis player)."""
    return [
        k
        for k in where_among(info, ("court",))
        if k > 0
        and info[k].capital
        and toks.adjacent(k - 1)
        and toks.words[k - 1].casefold().removesuffix("'s") in idx.court_kinds
    ]


def _capitalised_before(toks: Tokens, info: list[Word], head: int, idx: Lexicon) -> int:
    """Start of the capitalised words before a head noun: up to five, joined by spaces or a
    hyphen ("Mysuru Urban Development Authority", "Anti-Narcotics Cell")."""
    start = head
    while start > 0 and head - start < 6:
        before = start - 1
        gap = toks.gap(before)
        abbreviated = gap == "." and toks.words[before].casefold() in idx.company_abbreviations
        if gap not in ("", "-") and not abbreviated:  # "... Projects Pvt. Ltd."
            break
        word = info[before]
        if word.capital and not word.particle and word.folded.casefold() not in idx.articles:
            start = before  # "Urban" of "Mysuru Urban Development Authority"
        elif (
            before > 0
            and toks.gap(before - 1) == "-"
            and info[before - 1].capital
            and not info[before - 1].opens
            and toks.words[before] != "based"
        ):
            start = before - 1  # "Co-operative", but not "Pune-based", "Johor-based"
        else:
            break
    return start


def _dotted_place_before(toks: Tokens, info: list[Word], start: int, idx: Lexicon) -> int:
    """Start of an organisation's name with the place abbreviation before it ("U.S. Department
    of Agriculture", "U.K. Agency for ..."), whose dot is no full stop; `start` if none ("a
    Ph.D. Committee": no place)."""
    before = start - 1
    if before < 0 or toks.gap(before) != "." or "." not in toks.words[before]:
        return start
    known = idx.exact.get(info[before].folded)
    return before if known is not None and known[0] == "LOC" else start


def _second_head(toks: Tokens, info: list[Word], end: int, idx: Lexicon) -> int:
    """End of a college's name that goes on to its hospital, next to it or after "and" ("...
    मेडिकल कॉलेज अस्पताल", "... कॉलेज एवं अस्पताल", "... कॉलेज एंड हॉस्पिटल"; not "स्वास्थ्य
    विभाग अस्पताल में", "जिला सहकारी बैंक और अस्पताल के कर्मचारी")."""
    if end >= len(info) or info[end - 1].folded not in idx.colleges or not toks.adjacent(end - 1):
        return end
    if info[end].facility:
        return end + 1
    joined = end + 1
    if (
        joined < len(info)
        and toks.adjacent(end)
        and info[end].folded in idx.college_joins
        and info[joined].facility
    ):
        return joined + 1
    return end


def _tail(toks: Tokens, info: list[Word], head: int, idx: Lexicon) -> int:
    """End of an organisation's name after its head noun: name words after "of" or "for" (or
    their Devanagari spellings), then "and" and more ("for Disease Control and Prevention");
    a university's campus after "at" ("University of Texas at Austin")."""
    end = head + 1
    if toks.words[head].casefold().rstrip(".") in idx.legal_forms:
        return end  # "Prima Laminate Sdn Bhd of Seri Kembangan": where the company is
    links = idx.org_links
    while end + 1 < len(info) and info[end].folded in links:
        # "Foundation for the Visual Arts" (but "Cell of the Mumbai Police" is two names)
        article = toks.words[end] == "for" and toks.words[end + 1] == "the"
        nxt = end + 2 if article and end + 2 < len(info) else end + 1
        acronym = info[nxt].capital and toks.words[nxt].isupper()
        known = idx.exact.get(info[nxt].folded)
        if not (
            (info[nxt].name_like or (acronym and (known is None or known[0] == "LOC")))
            and len(toks.words[nxt]) > 2  # no "for Rs 2 crore"; "of NSW" goes on, "of RBI" not
            and (links is idx.org_links or not another_name(toks, info, nxt, idx))
        ):
            break
        if info[nxt].devanagari:  # "काउंसिल फॉर लेदर एक्सपोर्ट्स": no capitals, name words
            end = _devanagari_from(toks, info, nxt + 1, idx)
        else:
            end = _capitals_from(toks, info, nxt + 1)
        links = idx.org_tails  # after "for Disease Control", "and Prevention" goes on
    at = end + 1 < len(info) and toks.words[end] == "at" and info[end + 1].capital
    if end > head + 1 and at and toks.words[head].casefold() in idx.campus_heads:
        town = _capitals_from(toks, info, end + 1)
        if " ".join(toks.words[end + 1 : town]) in idx.vocabulary.places:
            end = town  # "University of Texas at Austin"; not "... at Jantar Mantar", a venue
    return end


def devanagari_organisation(toks: Tokens, info: list[Word], head: int, idx: Lexicon) -> int:
    """Start of a name ending in the Devanagari head noun at `head`, an organisation's ("जल
    संसाधन मंत्रालय", "पेयजल तथा स्वच्छता विभाग", "कोठारी आयोग") or a facility's: up to four
    Devanagari words before it, joined by spaces or a hyphen, none a function word ("के",
    "जबकि", "आज"), a whole role ("विधान पार्षद"; "विधान परिषद" is a name) or another head; two
    or more of them, or one known name or alias ("मुंबई बंदरगाह") that opens no role
    ("केंद्रीय बैंक" is any country's). From a gazetteer alias that ends at the head, that
    alias ("आम आदमी पार्टी"). `head` itself when none: "इस समिति", "स्थायी समिति" name no
    organisation."""
    start = head
    while start > 0 and head - start < 4:
        before, word = start - 1, info[start - 1]
        if (
            toks.gap(before) not in ("", "-")
            or not word.devanagari
            or word.folded in idx.function_words
            or (word.folded.endswith(INFINITIVE) and len(word.folded) > 3)  # करने, कराने: verbs
            or word.folded.endswith("ीं")  # पहुंचीं: a verb
            or word.org_head
            or word.facility
            or toks.words[before] in idx.company_nouns  # "स्टार्टअप खेतीबंधु एग्रीटेक लिमिटेड"
            or word.folded in idx.examples_before  # "एयर इंडिया जैसी एयरलाइंस": examples
        ):
            break
        if size := role_at(info, before, idx):  # a whole role: "विधान पार्षद", not "विधान परिषद"
            start = max(start, before + size)  # "मुख्य अतिथि भारतीय कुश्ती महासंघ": its guest
            break
        start = before
    for k in range(start, head):  # a known alias that ends at the head is the name
        alias = longest_exact(info, k, idx) if info[k].folded in idx.span else None
        if alias is not None and k + alias[0] > head:
            # with the place it is that place's: "राजस्थान राज्य निर्वाचन आयोग"
            return start if k > start and _known_place(info, start, k, idx) else k
    named = known_name(info[start], idx) or info[start].folded in idx.span  # "महिला आयोग"
    company = info[head].folded in idx.company_heads and rare_name(info[start], idx)
    if head - start == 1 and (
        not (named or company)  # "ट्राइबलकोड लैब्स": a rare word, an English company word
        or info[start].folded in idx.roles  # "केंद्रीय बैंक", "मुख्य बाजार": an adjective
    ):
        return head
    return start


def _known_place(info: list[Word], start: int, end: int, idx: Lexicon) -> bool:
    """The words from start to end - 1 are a place the gazetteer knows ("राजस्थान")."""
    place = longest_exact(info, start, idx) if info[start].folded in idx.span else None
    return place is not None and place[0] == end - start and place[1][0] == "LOC"


def another_name(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """The words from k, after "and", are a name of their own: no name's word, or one the
    gazetteer knows opens there ("... and IIT Bombay", "... and Amit"), or a place opens them
    and a head noun ends them ("Institute of Technology and Colorado State University"; not
    "Food Standards of Australia and New Zealand", "Centres for Disease Control and
    Prevention")."""
    if info[k].opens or not info[k].name_like:
        return True
    end = _capitals_from(toks, info, k + 1)
    return info[end - 1].org_head and toks.words[k] in idx.vocabulary.places


_TAIL_WORDS = 3  # at most in a Devanagari tail after "फॉर" or "ऑफ"


def _devanagari_from(toks: Tokens, info: list[Word], end: int, idx: Lexicon) -> int:
    """End of the Devanagari name words joined to the word before `end`, from `end` on (two
    more at most): no particle or function word ("... ऑफ मेडिकल रिसर्च ने")."""
    stop = min(len(info), end + _TAIL_WORDS - 1)
    while end < stop and toks.adjacent(end - 1):
        word = info[end]
        if not word.devanagari or word.particle:
            break
        if word.folded in idx.function_words:
            break
        end += 1
    return end


def _capitals_from(toks: Tokens, info: list[Word], end: int) -> int:
    """End of the capitalised words joined to the word before `end`, from `end` on."""
    while end < len(info) and info[end].capital and toks.adjacent(end - 1):
        end += 1
    return end


def initials_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of a name written with initials at token i ("M. Nagaprasanna", "T.J. Abraham",
    "A. K. Rao"): initials, each with its dot, then one or two capitalised words that are no
    role, place or organisation word. Never after a capitalised word that is no role; and one
    lone letter ("vitamin D. Officials", "Class X. Students") needs a role before it or a known
    name after it."""
    if not info[i].initial:
        return 0
    after_role = any(role_at(info, i - size, idx) == size for size in range(1, min(i, 4) + 1))
    if i > 0 and info[i - 1].capital and not after_role:
        return 0
    j = i
    while j < len(info) and info[j].initial and toks.gap(j) == ".":
        j += 1
    if j == i:
        j = _spelt_initials(toks, info, i, idx)
    if j == i:
        return 0
    end = j
    while (
        end < len(info)
        and end - j < 2
        and info[end].name_like
        and not (info[end].particle or info[end].org_head or info[end].place)
        and info[end].folded not in idx.roles
        and (end == j or toks.adjacent(end - 1))
    ):
        end += 1
    if end - j == 2 and end < len(info) and toks.adjacent(end - 1) and info[end].org_head:
        end -= 1  # "एम. एस. स्वामीनाथन रिसर्च फाउंडेशन": the second word is the foundation's
    if end == j:
        return 0
    word = toks.words[i]
    lone = j == i + 1 and (len(word) == 1 or word in idx.names.letter_names)  # "D", "डी"
    if lone and not after_role and end == j + 1 and not known_name(info[j], idx):
        return 0
    return end


def _spelt_initials(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of two or more Devanagari letter names without dots from word i ("एम एस
    स्वामीनाथन", "ए पी जे अब्दुल कलाम"), else i: not from a postposition ("के ए ग्रेड"), nor
    from inside a run, nor a role's letters or a degree ("एस पी राकेश", "बी एस सी छात्रा")."""
    names = idx.names.letter_names
    if not info[i].devanagari or info[i].folded in idx.function_words:
        return i
    if i > 0 and toks.adjacent(i - 1) and toks.words[i - 1] in names:
        return i  # inside a run of letters: "एम बी बी एस" is read from its first
    j = i
    while j < len(info) and toks.words[j] in names and (j == i or toks.adjacent(j - 1)):
        j += 1
    spelt = "".join(toks.words[i:j])
    latin = "".join(names[w] for w in toks.words[i:j]).upper()
    common = fold(spelt) in idx.roles or latin in idx.common_acronyms  # "एस पी", "बी एस सी"
    return j if j - i >= 2 and not common else i


def known_name(word: Word, idx: Lexicon) -> bool:
    key = word.folded.casefold()
    return key in idx.given_names or key in idx.surnames


def surface(text: str, toks: Tokens, first: int, last: int) -> str:
    """The words from `first` to `last` as the text writes them, spaces made single."""
    start, end = toks.span(first, last)
    return " ".join(text[start:end].split())


def match(
    toks: Tokens, info: list[Word], i: int, idx: Lexicon, authors: Authors
) -> tuple[int, str, str] | None:
    """Longest gazetteer alias, author name or known acronym starting at token i."""
    word = info[i]
    if not (word.opens or word.phonetic):
        return None  # no alias, author or acronym starts with it
    first = word.folded
    in_devanagari = word.devanagari
    longest = idx.span.get(first, 0)
    if not in_devanagari:
        longest = max(longest, idx.span.get(first.casefold(), 0))
    longest_phonetic = 0
    if (
        word.phonetic
        and (in_devanagari or first[:1].isupper())  # Latin words by spelling only, acronyms aside
        and i + 1 < len(info)
        and not info[i + 1].particle
        and pair_may_match(f"{word.key} {info[i + 1].key}", idx, authors)
    ):
        longest_phonetic = max(
            idx.phonetic_span.get(word.phonetic, 0), authors.firsts.get(word.phonetic, 0)
        )
    exact = longest_exact(info, i, idx) if longest else None
    if exact and (stop := _stop_within(toks, i, exact[0])):
        # "Karnataka. Police said": no "Karnataka Police"
        exact = longest_exact(info[:stop], i, idx)
    if longest and (capitals := _in_capitals(toks, info, i, idx)):
        exact = capitals if exact is None or capitals[0] > exact[0] else exact
    text = toks.words[i]
    # A word in capitals is an acronym's spelling, unless it is long enough to be a name set in
    # capitals, as headlines and datelines print them ("JAPAN", "CHINA"; not "IT", "WHO").
    if exact is None and not in_devanagari and (not text.isupper() or len(text) >= 4):
        hit = idx.exact.get(first.casefold())
        exact = (1, hit) if hit else None
    for size in range(min(longest_phonetic, len(info) - i), max(exact[0] if exact else 0, 1), -1):
        if _stop_within(toks, i, size):
            continue
        key = " ".join(w.key for w in info[i : i + size])
        hit = authors.by_key.get(key) or idx.phonetic.get(key)
        # By sound, two common Hindi words are a phrase, no person's or place's name ("आखिरी
        # पानी" is no Panini, "किसान जिला" no Krishna district); an organisation's name is often
        # made of common words ("हिन्दू महासभा"), and one common word opens variants of others
        # ("पूर्वी चम्पारण", "दीन दयाल उपाध्याय").
        common = size == 2 and word.frequent and info[i + 1].frequent
        if hit is not None and not (common and hit[0] != "ORG"):
            return size, hit[0], hit[1]
    if exact is not None:
        return exact[0], exact[1][0], exact[1][1]
    latin = idx.names.acronym(text)
    if latin and latin in idx.exact:
        kind, canonical = idx.exact[latin]
        return 1, kind, canonical
    return None


_IN_NAMES = ("", "-", "'", "’", "&", "(", ")")  # what may stand between a name's words
_ABBREVIATED = 3  # letters at most of a word a dot shortens inside a name ("St. Xavier's")


def _stop_within(toks: Tokens, i: int, size: int) -> int:
    """The first word after a stop or other punctuation no name holds, between words i and
    i + size - 1 ("Karnataka. Police"), else 0; a short word's dot is an abbreviation's."""
    for k in range(i, i + size - 1):
        gap = toks.gap(k)
        if gap in _IN_NAMES or (gap == "." and len(toks.words[k]) <= _ABBREVIATED):
            continue
        return k + 1
    return 0


def pair_may_match(pair: str, idx: Lexicon, authors: Authors) -> bool:
    """Whether some multi-word alias or author name starts with these two phonetic keys."""
    return pair in idx.phonetic_pairs or pair in authors.pairs


def longest_exact(
    info: list[Word], i: int, idx: Lexicon, form: Callable[[Word], str] = attrgetter("folded")
) -> tuple[int, tuple[str, str]] | None:
    """The longest alias starting at token i, growing the key while it is an alias prefix."""
    best = None
    key = form(info[i])
    for size in range(1, len(info) - i + 1):
        if size > 1:
            key = f"{key} {form(info[i + size - 1])}"
        if key not in idx.prefixes:
            break
        hit = idx.exact.get(key)
        if hit is not None:
            best = (size, hit)
    return best


def _in_capitals(
    toks: Tokens, info: list[Word], i: int, idx: Lexicon
) -> tuple[int, tuple[str, str]] | None:
    """The longest alias of two words or more at token i in capitals, as datelines and
    headlines print names ("NEW YORK", "RESERVE BANK OF INDIA"): a short word in capitals keeps
    its case as an acronym's spelling, so such a name is looked up case-folded, its words
    joined by spaces only (not "HOCKEY - INDIA"); one word alone stays an acronym ("US")."""
    if i + 1 >= len(info) or not (info[i].folded.isupper() or info[i + 1].folded.isupper()):
        return None
    hit = longest_exact(info, i, idx, _casefolded)
    if hit is None or hit[0] < 2 or any(toks.gap(k) for k in range(i, i + hit[0] - 1)):
        return None
    return hit


def _casefolded(word: Word) -> str:
    return word.folded.casefold()


def place_before_word_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of an unknown place named before a word that says it is one ("सकरा थाना क्षेत्र",
    "मझौलिया गांव", "Kurla area"): one or two name-like words, then the place word; no
    acronym spelt in Devanagari letters ("दो एफआईआर जिला प्रशासन द्वारा": reports); before a
    water's word one word rare in Hindi ("काठजोड़ी नदी")."""
    for size in (1, 2):
        after = i + size
        if after < len(info) and info[after].folded in idx.water_words:
            if size == 1 and rare_name(info[i], idx) and toks.adjacent(i):
                return after  # "काठजोड़ी नदी"; not "बरसाती नदी"
            continue
        if after >= len(info) or not (
            info[after].place or _seat_at(toks, info, after, idx) or _place_phrase(info, after, idx)
        ):
            continue
        if info[after].capital:
            continue  # "Orange County", "Tibet Autonomous Region": the word is the name's own
        if not info[after].devanagari and not (size == 1 and plain_capital(toks, info, i, idx)):
            continue  # "the Tambo valley"; not "Kurdish region", "Labour county", "Anjali police"
        if info[after].folded in idx.oblique_place_words and not _marked_after(toks, info, after):
            continue  # "परिजन थाने पहुंचे": the relatives reached the police station
        # a village's, a neighbourhood's or a station's word, which a man is often named before
        local = (
            info[after].folded in idx.village_words or info[after].folded in idx.oblique_place_words
        )
        if local and given_name_word(toks, info, after - 1, idx):
            continue  # "बदमाश गुड्डू मोहल्ले में" (not a district: "सागर जिले", "पन्ना जिले")
        if all(
            info[j].name_like
            # "शव गांव पहुंचा", "लोग पानापुर" (a later common word goes on: "राम नगर"; one
            # GeoNames knows as a place opens it: "पन्ना जिले")
            and not (j == i and info[j].frequent and not _geonames_place(toks, j, idx))
            and not info[j].particle
            and not info[j].place
            and not info[j].acronym
            and not role_at(info, j, idx)  # "आरोपी सिकंदरपुर थाने": the accused, then the place
            and (j == i or toks.adjacent(j - 1))
            for j in range(i, after)
        ) and toks.adjacent(after - 1):
            return after
    return 0


def plain_capital(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is one capitalised word that may be an unknown place's name: none the lists
    know, no common word, acronym, people's or faith's name, known given name or surname, and
    no capitalised word joined before it ("Mahnar"; not "Rebel", "BJP", "Kuki", "Kurdish",
    "Yadav", "Lok Janshakti", "Shri Awhad")."""
    written, word = toks.words[k], info[k]
    if not (word.capital and written.isalpha()) or written.isupper() or word.opens:
        return False
    if k > 0 and info[k - 1].capital and toks.adjacent(k - 1):
        return False
    lower = written.casefold()
    named = lower in idx.given_names or lower in idx.world_given_names or lower in idx.surnames
    people = lower.endswith(idx.people_endings) or written in idx.peoples
    common = written in idx.vocabulary.common or written in idx.vocabulary.surnames
    return not (named or people or common)


def _place_phrase(info: list[Word], k: int, idx: Lexicon) -> bool:
    """Words k and k + 1 say the name before them is a place's: "police station"."""
    return tuple(w.folded for w in info[k : k + 2]) in idx.place_phrases


def seat_name_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of a seat's name at word i, one Devanagari word that no list knows and that is rare
    in Hindi (not in wordfreq's list), right before a lawmaker's role or a seat's word ("करहल
    विधायक", "करहल सीट से"; not "बागी विधायक", "सपाई विधायक": an adjective of a party in -ई,
    "आरएलडी विधायक": a party's letters), with no word before it that may be a name of its own."""
    word = info[i]
    if word.capital:  # "its Mahnar MLA"; not "BJP MLA", "Rebel MLA", "Kuki MLA", "Yadav MLA"
        seat = i + 1 < len(info) and toks.adjacent(i) and info[i + 1].folded in idx.legislators
        return i + 1 if seat and plain_capital(toks, info, i, idx) else 0
    if (
        i + 1 >= len(info)
        or not toks.adjacent(i)
        or not (
            info[i + 1].folded in idx.legislators
            or (info[i + 1].folded in idx.seat_words and electoral(info, idx))
        )
        or not rare_name(word, idx)
        or word.folded.endswith("ई")
    ):
        return 0
    before = info[i - 1] if i > 0 and toks.adjacent(i - 1) else None
    if before and before.name_like and not (before.frequent or before.heard or before.particle):
        return 0  # "रामपुर खास विधायक": two words, no guess
    return i + 1


def sporting(info: list[Word], idx: Lexicon) -> bool:
    """The text reports a match: it has a word of one ("मैच", "विकेट", "पहलवान")."""
    return not idx.sports.isdisjoint(w.folded for w in info)


def electoral(info: list[Word], idx: Lexicon) -> bool:
    """The text is an election's: it has a house, a lawmaker or an election's word ("करहल सीट"
    is a constituency there; "पैरामेडिकल सीटों पर दाखिले" are places on a course)."""
    return any(
        w.folded in idx.houses or w.folded in idx.legislators or w.folded in idx.elections
        for w in info
    )


def _seat_at(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Words k and k + 1 are a house and a seat: "विधानसभा सीट", "लोकसभा क्षेत्र"."""
    return (
        k + 1 < len(info)
        and toks.adjacent(k)
        and info[k].folded in idx.houses
        and (info[k + 1].folded in idx.seat_words or info[k + 1].folded in idx.areas)
    )


def given_name_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of a person's name that opens with a known given name at token i (0 if none): up to
    the last known surname within three more words ("सुरेंद्र राय", "Rakesh Kumar Verma"); in
    Latin script, over middle initials ("Rekha V. Pillai"), else the capitalised words that
    follow ("Ding Liren", "Kevin De Bruyne"); in Devanagari, else the one word before a
    postposition (`_marked_surname`: "अरशद नदीम ने", "अजीत प्रसाद को"), also after a known
    middle name before ने ("राजेश कुमार मीणा ने"; not "सुनील कुमार बाइक से", "सुरेश कुमार
    सोमवार ने")."""
    if info[i].folded.casefold() not in idx.given_names and not _unspelt_given(toks, info, i, idx):
        return 0
    latin = not is_devanagari(toks.words[i])
    if latin and i + 1 < len(info) and toks.adjacent(i):
        k = i + 1
        while k < len(info) and info[k].initial and toks.gap(k) == ".":
            k += 1  # middle initials: "Rekha V. Pillai"
        if k > i + 1 and k < len(info) and info[k].capital and info[k].name_like:
            return k + 1
    end = 0
    j = i + 1
    while (
        j < len(info)
        and j - i <= 3
        and toks.adjacent(j - 1)
        and info[j].name_like
        and not info[j].particle
    ):
        if info[j].folded.casefold() in idx.surnames or _unspelt_surname(toks, info, j, idx):
            end = j + 1
        j += 1
    if (
        not end
        and latin
        and j > i + 1
        and toks.words[i + 1] not in idx.roles
        and not (info[i + 1].facility or info[i + 1].org_head)  # "Laxmi Apartments": a place's
    ):
        end = i + 2  # and on over capitalised words that end there: "Kevin De Bruyne"
        if j == len(info) or not info[j].capital:
            while end < j and not (info[end].org_head or info[end].facility):
                end += 1
    if not end and not latin and j >= i + 2 and _marked_surname(info, i + 1, idx):
        end = i + 2
    elif (
        end
        and not latin
        and end < j
        and end + 1 < len(info)
        and info[end - 1].folded in idx.middle_names
        and info[end + 1].agent
        and _marked_surname(info, end, idx)
    ):
        end += 1
    while latin and end and end < len(info) and _barrelled(toks, info, end, idx):
        end += 1  # a double-barrelled surname: "Ben Murray-Bruce"
    if end and latin and named_after(toks, info, end):
        return 0  # "Birsa Munda International Hockey Stadium": a place named after a person
    return end


def _barrelled(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k, after a hyphen, goes on a surname ("Murray-Bruce"): capitalised, and no name the
    lists know nor a place ("Harry Kane-Bayern Munich deal", "Mitchell Starc-Kolkata")."""
    word = info[k]
    return (
        toks.gap(k - 1) == "-"
        and word.capital
        and not word.opens
        and toks.words[k] not in idx.vocabulary.places
    )


def named_after(toks: Tokens, info: list[Word], end: int) -> int:
    """End of the capitalised words right after word `end - 1` up to the last head noun among
    the next few ("... International Hockey Stadium"), 0 if none: the name before them is part
    of an organisation's or a facility's."""
    joined = range(end, min(_capitals_from(toks, info, end), end + 4))
    heads = [j for j in joined if info[j].org_head or info[j].facility]
    return heads[-1] + 1 if heads else 0


def household_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of a family's surname at word i, a person ("कश्यप परिवार नाराज है", "गांधी परिवार"):
    a known Devanagari surname that is no common word, before a household's word, and after no
    word that may be a given name (a name before it is another rule's: "जंगल राज यादव परिवार")."""
    nxt = i + 1
    if (
        nxt >= len(info)
        or not toks.adjacent(i)
        or info[nxt].folded not in idx.households
        or info[i].folded not in idx.devanagari_surnames
        or info[i].folded in idx.common_surnames
    ):
        return 0
    before = info[i - 1] if i > 0 and toks.adjacent(i - 1) else None
    if before and before.name_like and not before.particle:
        return 0
    if before and (toks.words[i - 1].isdigit() or before.folded in idx.function_words):
        return 0  # "200 जाटव परिवार", "कई ठाकुर परिवार", "एक राजपूत परिवार": a caste's families
    return nxt


def _unspelt_surname(toks: Tokens, info: list[Word], j: int, idx: Lexicon) -> bool:
    """Word j, after a known given name, is a surname whose Devanagari is a common word ("अजीत
    प्रसाद", "छाया कदम"; `unspelt_surnames`)."""
    return (
        info[j].devanagari and idx.names.romanize(toks.words[j]).casefold() in idx.unspelt_surnames
    )


def _unspelt_given(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> bool:
    """Word i is a given name whose Devanagari spelling is a common word ("सपना" is a dream,
    "एकता" unity) or none the lists have ("अस्लम"), named so by a known surname right after it
    ("सपना चौधरी", "एकता कपूर", "अस्लम इनामदार"). Not
    before a known name ("विकास मोदी सरकार"), a middle name that nothing ends or goes on
    ("अमर नाथ यात्रा"; but "विशाल सिंह को", "दीपक कुमार यादव"), or a word that makes the pair a
    place's or a body's or the surname a family's ("विकास यादव सरकार", "जंगल राज यादव
    परिवार")."""
    nxt = i + 1
    if nxt >= len(info) or not (info[i].devanagari and info[nxt].devanagari and toks.adjacent(i)):
        return False
    surname = info[nxt]
    if surname.folded not in idx.surnames or surname.folded in idx.exact:  # "मोदी": a known name
        return False
    after = info[nxt + 1] if nxt + 1 < len(info) and toks.adjacent(nxt) else None
    if after and (after.place or after.facility or after.org_head):
        return False
    if after and (after.folded in idx.bodies or after.folded in idx.family_words):
        return False  # "विकास यादव सरकार", "जंगल राज यादव परिवार"
    if surname.folded in idx.middle_names and not _name_ends(info, nxt, idx):
        return False  # "अमर नाथ यात्रा", "केदार नाथ धाम"
    forms = latin_forms(toks.words[i], idx)
    # A given name spelt otherwise than the lists spell it ("अस्लम" for "असलम", both Aslam),
    # unless the word is a common one in Hindi (its sense is the word's, not the name's).
    return any(
        form in idx.unspelt_given or (form in idx.given_names and not info[i].frequent)
        for form in forms
    )


def latin_forms(word: str, idx: Lexicon) -> tuple[str, str]:
    """A Devanagari word's romanisation in lower case, and the same with long vowels written
    short, as the lists write most Indian names ("सूरज": "sooraj" and "suraj", "लक्ष्मी":
    "lakshmee" and "lakshmi")."""
    latin = idx.names.romanize(word).casefold()
    return latin, latin.replace("oo", "u").replace("ee", "i")


def _name_ends(info: list[Word], k: int, idx: Lexicon) -> bool:
    """A name ends at word k or goes on with a surname: the text ends, a postposition or a
    function word follows, or a known surname ("विशाल सिंह को", "दीपक कुमार यादव")."""
    if k + 1 >= len(info):
        return True
    after = info[k + 1]
    return after.particle or after.folded in idx.function_words or after.folded in idx.surnames


def surname_after(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> int:
    """End of the known person's full name from word i to end - 1, ending in a middle name,
    gone on over a surname in Devanagari that ends the name, 0 if none: a namesake with a family
    name ("दिग्विजय सिंह चौटाला ने", "संजय सिंह यादव को गिरफ्तार": not the AAP's Sanjay Singh); a
    surname that opens a known name is that name's, and one more name word after it leaves the
    run to other rules."""
    if end - i < 2 or end >= len(info) or not toks.adjacent(end - 1):
        return 0
    if not info[end - 1].devanagari or info[end - 1].folded not in idx.middle_names:
        return 0
    surname = info[end]
    if not surname.devanagari or surname.opens or surname.folded not in idx.surnames:
        return 0
    if end + 1 < len(info) and toks.adjacent(end) and info[end + 1].name_like:
        return 0
    return end + 1


def namesake_after(
    toks: Tokens, info: list[Word], i: int, end: int, canonical: str, idx: Lexicon
) -> int:
    """End of a namesake's name, 0 if none: a known person's one-word alias that is a given
    name, then a capitalised surname the lists know and the person's name has not ("his
    nephew, Rajnath Paswan," is no Rajnath Singh; "Priyanka Chopra" no Priyanka Gandhi); a
    third name word after it leaves the run to other rules. In Latin only: a Devanagari
    surname's match with the canonical name is not sure enough."""
    if end - i != 1 or end >= len(info) or info[i].devanagari or not toks.adjacent(i):
        return 0
    word, surname = toks.words[i].casefold(), toks.words[end]
    if word not in idx.given_names or not (info[end].capital and surname[1:].islower()):
        return 0
    if surname.casefold() not in idx.surnames or surname in canonical.split():
        return 0
    if end + 1 < len(info) and toks.adjacent(end) and info[end + 1].capital:
        return 0
    return end + 1


def rare_surname_after(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> int:
    """End of a name that a known given name and surname from word i to end - 1 open, 0 if
    none: one more word, rare in Hindi and known to no list, then ने or को, the doer or the
    object ("ईरान के अली रज़ा करीमी को"). Not after the gazetteer's people, nor before a
    genitive or another postposition: there the word is a thing's ("राहुल गांधी टीशर्ट की",
    "संजय गुप्ता ज्वेलर्स की दुकान", "... कुरैशी चौहटन से", a place)."""
    if end - i < 2 or end + 1 >= len(info) or not toks.adjacent(end - 1):
        return 0
    if not info[end - 1].devanagari or not rare_name(info[end], idx) or not toks.adjacent(end):
        return 0
    after = info[end + 1]
    return end + 1 if after.agent or after.folded == "को" else 0


def _marked_surname(info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k, after a known given name in Devanagari, is its surname: a postposition follows
    it ("अरशद नदीम ने", "अजीत प्रसाद को"), and it is no head, place, role or scheme word ("राम
    मंदिर के", "शिव सेना की")."""
    if k + 1 >= len(info):
        return False
    word, after = info[k], info[k + 1].folded
    if after not in idx.agent and after not in idx.case_markers:
        return False
    return not (
        word.org_head
        or word.facility
        or word.place
        or word.folded in idx.roles
        or word.folded in idx.scheme_words
    )


def speaker_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> int:
    """End of an unknown person's name in Devanagari that says something: two name words, then
    "ने" and a verb of saying ("हॉवर्ड थुरमन ने कहा"); none a role, head or place word (an
    office speaking is no person: "जिला प्रशासन ने कहा", "ग्राम पंचायत ने बताया"), the second no
    common Hindi word a list does not know as a name ("उपखंड अधिकारी ने कहा")."""
    after = i + 2
    if after + 1 >= len(info) or not (
        info[after].folded in idx.agent and info[after + 1].folded in idx.saying
    ):
        return 0
    for k in (i, i + 1):
        word = info[k]
        if not (word.devanagari and word.name_like) or word.org_head or word.facility:
            return 0
        if word.place or word.folded in idx.roles or (k == i + 1 and not toks.adjacent(i)):
            return 0
    if info[i + 1].frequent and not spelt_name_word(toks, info, i + 1, idx):
        return 0  # "उपखंड अधिकारी ने कहा": an office's common noun, no surname
    return after


def latin_words(text: str, toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> str:
    """Words i to end - 1 as a Latin name: as written when initials are among them ("Rekha V.
    Pillai"), else word by word, a hyphen kept ("Ben Murray-Bruce")."""
    if any(info[j].initial for j in range(i, end)):
        return surface(text, toks, i, end - 1)
    return "".join(
        ("-" if toks.gap(j - 1) == "-" else " ") * (j > i) + latin_name(toks.words[j], info[j], idx)
        for j in range(i, end)
    )


def latin_name(word: str, info: Word, idx: Lexicon) -> str:
    """A name word in Latin: its spelling in the names lists (also as they write a Devanagari
    spelling they lack: "सूरज" is Suraj), else a romanisation."""
    key = info.folded.casefold()
    known = idx.given_names.get(key) or idx.surnames.get(key)
    if known or not info.devanagari:
        return known or idx.names.romanize(word)
    for form in latin_forms(word, idx):
        if found := idx.given_names.get(form) or idx.surnames.get(form):
            return found
    return idx.names.romanize(word)


def _capitals_end(toks: Tokens, info: list[Word], start: int, end: int, idx: Lexicon) -> bool:
    """Two or three capitalised words from `start` end a name at a word in lower case ("Rep.
    Ilhan Omar spoke"), none a common word ("Monday"), the next no link ("Richard von ...")."""
    return (
        end - start >= 2
        and end < len(info)
        and toks.adjacent(end - 1)  # not "Son Heung-min"
        and info[end].lower
        and toks.words[end] not in idx.name_links
        and all(info[k].capital and not info[k].common for k in range(start, end))
    )


_PARTIES = ("R", "D", "I")  # a US lawmaker's party before the state: "R-W.Va.", "D-Calif."


def state_at(toks: Tokens, k: int, idx: Lexicon) -> tuple[int, str]:
    """The US state named from word k after a town and a comma ("Wheeling, W.Va., said",
    "Austin, Texas, last week"), or a lawmaker's party letter ("Rep. David McKinley, R-W.Va.,"):
    its words and name, before a comma, a stop or the text's end (an abbreviation's own dot
    first); (0, "") if none."""
    party = k > 1 and toks.gap(k - 1) == "-" and toks.words[k - 1] in _PARTIES  # "R-W.Va."
    if k == 0 or not (toks.gap(k - 1) == "," or (party and toks.gap(k - 2) in (",", "("))):
        return 0, ""
    for size in (3, 2, 1):
        name = idx.us_states.get(tuple(toks.words[k : k + size]))
        if name is None or k + size > len(toks):
            continue
        last = k + size - 1
        after = toks.pieces[2 * last + 2].strip() if last + 1 < len(toks) else "."
        if toks.words[last] in idx.state_abbreviations:  # its dot, then anything
            after = "." if after.startswith(".") else ""
        if after[:1] in (",", ".", ";", ")"):
            return size, name
    return 0, ""


def deity_at(toks: Tokens, info: list[Word], i: int, idx: Lexicon, worshipped: bool) -> str | None:
    """The deity word i names, as a person: after a deity's title ("भगवान शिव", "माता पार्वती")
    or, in a text that names one so (`worshipped`), beside another deity ("शिव-पार्वती", "शिव
    और पार्वती"); None for any other word."""
    deity = _lone_deity(toks, info, i, idx)
    if deity is None:
        return None
    titled = i > 0 and toks.adjacent(i - 1) and info[i - 1].folded in idx.deity_titles
    return deity if titled or (worshipped and _beside_deity(toks, info, i, idx)) else None


def worships(toks: Tokens, info: list[Word], idx: Lexicon) -> bool:
    """The text names a deity after its title somewhere ("भगवान शिव")."""
    return any(
        k + 1 < len(info) and toks.adjacent(k) and info[k + 1].folded in idx.deities
        for k in where_among(info, idx.deity_titles)
    )


def _lone_deity(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> str | None:
    """Word i's deity, where no word goes on after it that makes it a temple's, a festival's or
    a person's name ("राम मंदिर", "गणेश चतुर्थी", "लक्ष्मी देवी", "राम सिंह", "राम लला")."""
    deity = idx.deities.get(info[i].folded)
    nxt = i + 1
    if deity is None or nxt == len(info) or not toks.adjacent(i):
        return deity
    after = info[nxt]
    named = (
        after.facility
        or after.place
        or after.org_head
        or after.folded in idx.scheme_words
        or after.folded in idx.deity_name_ends
        or after.folded in idx.middle_names
        or after.folded in idx.devanagari_surnames
    )
    return None if named else deity


def _beside_deity(toks: Tokens, info: list[Word], i: int, idx: Lexicon) -> bool:
    """Word i is joined to another deity by a hyphen, a comma or "और"."""
    for step in (-1, 1):
        k = i + step
        if not 0 <= k < len(info):
            continue
        gap = toks.gap(min(i, k))
        if gap in ("-", ",") and _lone_deity(toks, info, k, idx):
            return True
        joined = k + step
        if (
            not gap
            and info[k].folded in idx.list_joins
            and 0 <= joined < len(info)
            and not toks.gap(min(k, joined))
            and _lone_deity(toks, info, joined, idx)
        ):
            return True
    return False


def role_at(info: list[Word], i: int, idx: Lexicon) -> int:
    """Length in tokens of the role word starting at token i, 0 if none."""
    if i >= len(info) or (info[i].capital and info[i].folded in idx.kin_words):
        return 0
    for role in idx.roles.get(info[i].folded, ()):
        if tuple(w.folded for w in info[i : i + len(role)]) == role:
            return len(role)
    return 0


def past_titles(info: list[Word], first: int, last: int, idx: Lexicon) -> int:
    """The first word of a person's name after the titles and roles its surface opens with
    ("प्रधानमंत्री मोदी", "डॉ. एस. जयशंकर", "PM Modi" are gazetteer aliases): the name's span is
    the name, as gold annotations mark it."""
    while first < last and (size := role_at(info, first, idx)) and first + size <= last:
        first += size
    return first


_ABBREVIATION = 4  # letters at most of a title shortened with a dot: "Dr.", "Capt.", "डॉ.", "प्रो."


def role_name_at(
    toks: Tokens, info: list[Word], i: int, idx: Lexicon, authors: Authors
) -> tuple[int, int]:
    """The unknown name after role words at token i ("प्रदेश अध्यक्ष X ने", "पूर्व मुख्यमंत्री
    डॉ. X"): its first and end token, or (0, 0). Up to three name-like words, ended by a
    particle, a function word after two ("श्री X Y आज आए"), a comma or stop, or the text's end;
    none when a known name follows the role or opens a later pair of the words (its own rule
    finds it), nor before a scheme's word or a head noun ("प्रोफेसर यशपाल कमेटी"), nor a verb's
    oblique infinitive alone ("मंत्री बनने के बाद")."""
    n = len(info)
    if i > 0 and toks.gap(i - 1) == "-" and info[i].folded in idx.kin_words:
        return 0, 0  # "माता-पिता परेशान हैं": parents, a compound
    role = role_at(info, i, idx)
    while role and role_at(info, i + role, idx):
        role += role_at(info, i + role, idx)
    if not role or (i + role < n and match(toks, info, i + role, idx, authors)):
        return 0, 0
    gap = toks.gap(i + role - 1)
    if gap not in ("", "."):  # "अध्यक्ष, पदाधिकारियों": a list
        return 0, 0
    if gap == "." and (len(toks.words[i + role - 1]) > _ABBREVIATION or info[i + role - 1].lower):
        return 0, 0  # "डॉ. X" is a title; "a fine defender. Fortunately" ends a sentence
    start = name_end = i + role
    while (
        name_end < n
        and name_end - start < 3
        and not info[name_end].particle
        and not info[name_end].org_head
        and not info[name_end].place
        and info[name_end].name_like
        and (
            name_end == start
            or toks.adjacent(name_end - 1)
            or _barrelled(toks, info, name_end, idx)  # "Ben Murray-Bruce"
        )
    ):
        name_end += 1
    if name_end < n and (info[name_end].org_head or info[name_end].folded in idx.scheme_words):
        return 0, 0  # "प्रोफेसर यशपाल कमेटी", "प्रधानमंत्री किसान सम्मान निधि योजना"
    if name_end < n and info[name_end].place and _names_place(toks, info, start, name_end, idx):
        return 0, 0  # "पीड़ित लालगंज तहसील के": the place word's rule finds the place
    ends = (
        name_end == n
        or info[name_end].place  # "आरोपी मुन्ना थाने में": a known given name, then the place
        or info[name_end].particle
        or (name_end - start > 1 and info[name_end].folded in idx.function_words)
        or toks.gap(name_end - 1) in (",", "(")  # "सांसद X (भाजपा)", "Rep. X (D-Minn.)"
        or toks.danda(name_end - 1)
        or _capitals_end(toks, info, start, name_end, idx)
    )
    last = name_end - 1
    if (
        name_end > start
        and _verb_last(toks, info, last, idx)
        and (last == start or info[last].frequent)
    ):
        name_end -= 1  # "श्री X Y आए।", "भाजपा के नेता आए।" (not "विधायक जयकुमार गोरे।")
    elif (
        name_end - start > 2  # not "ग्राम प्रधान शंपा मालिक": a surname that is a common word
        and info[last].devanagari
        and info[last].frequent
        and not spelt_name_word(toks, info, last, idx)
    ):
        name_end -= 1  # "डिफेंडर फजल अत्राचली आखिरी दो मिनट में": a common word ends it
    infinitive = name_end == start + 1 and (
        (
            info[start].folded.endswith(INFINITIVE)
            and not (name_end < n and info[name_end].agent)  # "विधायक कोकने ने कहा": a surname
        )
        or (  # "जिलाध्यक्ष बनाया गया" (not "थाना प्रभारी मनफूल थे": a rare word, a name)
            name_end < n and info[name_end].folded in idx.auxiliaries and info[start].frequent
        )
    )
    if any(given_name_word(toks, info, k, idx) for k in range(start + 1, name_end - 1)):
        return 0, 0  # "पीड़ित कर्मचारी अशोक सैनी", "सीओ फरीदपुर गौरव सिंह": its own rule's
    if (
        info[i].devanagari
        and info[i].folded in idx.kin_words
        and not _kin_names(toks, info, i, start, name_end, idx)
    ):
        return 0, 0
    if info[i].folded not in idx.kin_words and all(
        info[k].frequent and not spelt_name_word(toks, info, k, idx) for k in range(start, name_end)
    ):
        return 0, 0  # "विधायक चयन की", "अभियंता प्रमुख ने" (a kin word's frame is its own)
    if name_end > start and ends and not infinitive:  # "कमांडर रस्का लुक्विया, ओकोट ..."
        return start, name_end
    return 0, 0


_PLURAL_PAST = ("े", "ए")  # आए, गए, पहुंचे, बोले: the verb's form after a role (respect)


def _verb_last(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is the sentence's verb: Hindi puts it last, and after a role it takes the plural
    of respect ("नेता आए।", "मंत्री बोले।"; not "विधायक रामखिलावन।", "सांसद पांडे।", a surname)."""
    word = info[k]
    return (
        word.devanagari
        and toks.danda(k)
        and word.folded.endswith(_PLURAL_PAST)
        and word.folded not in idx.devanagari_surnames
        and word.folded.casefold() not in idx.given_names
    )


def _geonames_place(toks: Tokens, k: int, idx: Lexicon) -> bool:
    """Word k, romanised, is a place GeoNames knows ("पन्ना": Panna)."""
    return idx.names.romanize(toks.words[k]) in idx.vocabulary.places


def _marked_after(toks: Tokens, info: list[Word], k: int) -> bool:
    """A postposition follows word k ("थाने में", "थाने के")."""
    return k + 1 < len(info) and toks.adjacent(k) and info[k + 1].particle


def given_name_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a given name the lists know, by its spelling or, listed with none in
    Devanagari, by its romanisation ("मुन्ना", "गौरव")."""
    return info[k].folded in idx.given_names or _unspelt_given(toks, info, k, idx)


def person_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a person's name's by the lists: a known given name or surname."""
    return given_name_word(toks, info, k, idx) or info[k].folded in idx.surnames


def _names_place(toks: Tokens, info: list[Word], start: int, k: int, idx: Lexicon) -> bool:
    """The words from `start` to the place word at k, after a role, name its place: officials
    are reported reaching places ("जिलाधिकारी कैसरगंज तहसील पहुंचे", "पीड़ित लालगंज तहसील
    के"), unless a word is a known given name ("आरोपी मुन्ना थाने में")."""
    return not any(given_name_word(toks, info, j, idx) for j in range(start, k))


def _kin_listed(toks: Tokens, info: list[Word], i: int, end: int, idx: Lexicon) -> bool:
    """The kin word at i and the name up to `end` are an item of a list of kin and names, as a
    police report lists a family ("पति राजवीर, ससुर ओमप्रकाश, सास मुन्नी देवी और ननद सोनी"):
    another kin word after the name, past a comma or "और"; the name's words known names or rare
    in Hindi ("पति बेहोश, पत्नी गंभीर", "भाई दबंग, बहन परेशान": adjectives)."""
    if not all(person_word(toks, info, j, idx) or not info[j].heard for j in range(i + 1, end)):
        return False  # a known name's words, or words rare in Hindi
    nxt = end + 1 if end < len(info) and toks.words[end] in idx.list_joins else end
    if nxt == end and (end >= len(info) or toks.gap(end - 1) != ","):
        return False
    return nxt < len(info) and info[nxt].folded in idx.kin_words and not info[nxt].capital


def _kin_names(toks: Tokens, info: list[Word], i: int, start: int, end: int, idx: Lexicon) -> bool:
    """A Hindi kin word at i names the one or two words from `start` to `end`: after a genitive
    ("उनकी पत्नी", "काजोल की बेटी") and before a postposition or a comma ("उनकी पत्नी विचित्र लता
    के नाम"; not "उनके पिता किसान थे", "बहू दहेज के लिए", "बेटी न्यासा विदेश में")."""
    before = info[i - 1].folded if i > 0 and toks.adjacent(i - 1) else ""
    after = info[end] if end < len(info) else None
    owned = before in idx.possessives or before in idx.case_markers
    # A given name the lists spell; one whose Devanagari is a common word only as a doer ("बड़े
    # बेटे विकास ने"; not "पति जीवन और मौत के बीच", "पिता ध्यान से सुनते रहे").
    doer = after is not None and after.agent
    known = all(
        given_name_word(toks, info, j, idx) or (doer and spelt_given_name(toks, info, j, idx))
        for j in range(start, end)
    )
    return (
        (owned or known or _kin_listed(toks, info, i, end, idx))
        and end - start <= 2
        and (
            after is None
            or after.agent
            or after.folded in idx.case_markers
            or after.folded in idx.list_joins
            or toks.gap(end - 1) == ","
            or toks.danda(end - 1)
        )
    )


def spelt_given_name(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a given name the lists know, even one whose Devanagari is a common word, for
    where something else says a name stands there: "बड़े बेटे विकास ने" names the son ("विकास"
    alone is development)."""
    return given_name_word(toks, info, k, idx) or (
        info[k].devanagari
        and any(form in idx.unspelt_given for form in latin_forms(toks.words[k], idx))
    )


def spelt_name_word(toks: Tokens, info: list[Word], k: int, idx: Lexicon) -> bool:
    """Word k is a given name or a surname the lists know, even one whose Devanagari is a
    common word ("छाया कदम", "बेटे विकास"), where something else says a name stands there."""
    return spelt_given_name(toks, info, k, idx) or _unspelt_surname(toks, info, k, idx)
