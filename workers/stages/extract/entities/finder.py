"""Entities without a model, matched against the lexicon (`lexicon.py`) by the rules in
`rules.py` and `latin.py`: gazetteer aliases, social handles, tweet authors linked to their
Devanagari spellings by phonetic key, acronyms spelt in Devanagari, role words before unknown
names ("प्रदेश अध्यक्ष X ने"), known given names with surnames, names written with initials,
organisations and facilities that end in a head noun (Authority, मंत्रालय, Stadium, मस्जिद),
places named by the dateline or before गांव/जिले, unknown names in Latin capitals typed by
evidence or by the world's word lists, unknown acronyms spelt in Devanagari letters, and later
in the text a person's short form and an acronym given in parentheses.
Every entity gets a canonical Latin name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from workers.stages.extract.analysis import Analysis
from workers.stages.extract.entities.found import Authors, Found, add_authors, add_handle
from workers.stages.extract.entities.framed import (
    aged_names,
    aged_person,
    companies_named,
    named_from_place,
    opening_places,
    party_candidates,
    quoted_groups,
    seats_after_place,
)
from workers.stages.extract.entities.latin import (
    after_the,
    capitalised_run,
    casing,
    common_capital,
    dateline_place,
    is_people,
    listed_kind,
    listed_result,
    name_shaped,
    named_first,
    names_a_person,
    noun_in_capitals,
    one_common_word,
    opens_sentence,
    run_kind,
    score_ahead,
    score_rival,
    standings_row,
)
from workers.stages.extract.entities.lexicon import Lexicon, Tokens
from workers.stages.extract.entities.lists import (
    exemplified,
    listed_people,
    listed_places,
    listed_seats,
)
from workers.stages.extract.entities.rules import (
    INFINITIVE,
    campus_at,
    deity_at,
    given_name_at,
    headed_names,
    household_at,
    initials_at,
    latin_words,
    match,
    named_after,
    namesake_after,
    pair_may_match,
    past_titles,
    person_word,
    place_before_word_at,
    place_of_at,
    rare_surname_after,
    role_at,
    role_name_at,
    seat_name_at,
    speaker_at,
    spelt_out,
    state_at,
    surface,
    surname_after,
    worships,
)
from workers.stages.extract.entities.words import (
    AGENT,
    NOTABLE,
    PLACE,
    Facts,
    Word,
    may_name,
    rare_name,
    where,
    where_among,
    word_facts,
)
from workers.stages.text.scripts import is_devanagari
from workers.stages.text.social import MENTION

_REMEMBERED_WORDS = 65536
_LINK_LETTERS = 3  # "of", "and", "for", "de", "al": small words inside a Latin name
_LEGAL_FORMS = (
    "inc",
    "ltd",
    "limited",
    "corp",
    "llc",
    "plc",
    "co",
    "pvt",
    "llp",
    "gmbh",
    "oyj",
    "pty",
)
# Last words that are no organisation's short form: legal forms, "Centre", which Indian English
# says for the Union government ("the Centre has approved", after "... Space Centre"), and
# "House", which US news says for the House of Representatives (after "White House").
_NO_SHORT_FORMS = frozenset({*_LEGAL_FORMS, "centre", "center", "house"})
# Abbreviations that end a name with their dot: legal forms, and a son's after his father's name.
_DOTTED_ENDS = frozenset({*_LEGAL_FORMS, "bros", "jr", "sr"})
_REPEATED = 2  # times at least an unknown word and a known surname come together: a name
_SPELT_KEY = 3  # letters at least of the phonetic key a name's word shares with its other spelling


def _ends_in_vowel(latin: str) -> bool:
    return latin[-1:].casefold() in "aeiouy"


def find_entities(analysis: Analysis, finder: EntityFinder) -> None:
    """`entities` of the body, its dateline, title and embeds."""
    cleaned = analysis.cleaned
    analysis.enriched["entities"] = finder(
        analysis.body, cleaned["dateline"], cleaned["title"], analysis.embeds
    )


@dataclass
class _Scan:
    """One text being scanned: its tokens, their facts, and where its finds go."""

    text: str
    source: str
    lexicon: Lexicon
    toks: Tokens
    info: list[Word]
    headed: dict[int, tuple[int, str]]  # names ending in a head noun: start -> end, type
    found: Found
    authors: Authors
    lower: frozenset[str]  # words the text writes in lower case (`latin.py`)
    cased: bool  # capitals tell names here (not a text in capitals or Title Case)
    devanagari: bool  # the text has Devanagari
    # One word that names an entity found before: a person's first or last name ("Cruise" of
    # "Tom Cruise"), an acronym given in parentheses ("... Army (KPA)"); None when ambiguous.
    aliases: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    covered: set[int] = field(default_factory=set)  # words inside a name found
    # The names found, by their last word: their first word and type.
    ends: dict[int, tuple[int, str]] = field(default_factory=dict)
    # The text's name-like words by phonetic key, made for the first short form of a text that
    # has Devanagari: where its other-script spellings are looked up (`_spelt_otherwise`).
    spellings: dict[str, list[int]] | None = None
    # Each Devanagari word with a known surname after it, and the surname: how often the text has
    # the pair (`EntityFinder._repeated_name`), counted when first asked.
    pairs: Counter[tuple[str, str]] | None = None
    worshipped: bool | None = None  # the text names a deity after its title (`rules.worships`)

    def add(self, kind: str, name: str, first: int, last: int) -> None:
        """An entity whose surface form runs from word `first` to word `last` of the text; a
        person's from after the titles it opens with."""
        if kind == "PERSON":
            first = past_titles(self.info, first, last, self.lexicon)
            if self._after_article(first, last):
                return  # "The Kapil Sharma Show", "the Golden Ratio": a title's or a thing's
            if last > first and (same := self._named_before(first, last)):
                name = same  # "दिग्विजय चौटाला" after "दिग्विजय सिंह चौटाला": him, shorter
            if last > first:  # "Tom Cruise": "Cruise" alone is him, unless another shares it
                for k in (first, last):
                    if not self.info[k].initial:  # "एम" of "एम एस स्वामीनाथन" is no short form
                        self.alias(k, kind, name)
        if kind != "PERSON" and first == last and self._unlisted(first):
            self.alias(first, kind, name)  # "मझौलिया गांव", then "मझौलिया के किसान": the village
        if kind != "PERSON" and (acronym := self.defined_acronym(first, last)) is not None:
            self.alias(acronym, kind, name)
        if (
            kind == "LOC"
            and last == first + 2
            and place_of_at(self.toks, self.info, first, self.lexicon)
        ):
            self.alias(last, kind, name)  # "Isle of Skye", then "Skye was famous": the island
        if kind == "ORG" and last > first and self.info[first].capital:
            # "Church of Scientology": "the Church" and "Scientology" alone are it; "Indian
            # Army": "the Army" (not "Indian", nor the "Inc." of "Tyvak Systems Inc.", nor "the
            # Centre")
            for k in (first, last):
                word = self.info[k]
                short = word.folded.casefold() not in _NO_SHORT_FORMS
                if word.capital and ((k == last and short) or (k == first and word.org_head)):
                    self.alias(k, kind, name)
        self.covered.update(range(first, last + 1))
        self.ends[last] = (first, kind)
        start, end = self.toks.span(first, last)
        ending = self.toks.words[last]
        dotted = ending.split(".")
        short = len(dotted) > 1 and max(map(len, dotted)) <= 3
        if self.text[end : end + 1] == "." and (
            short or ending in self.lexicon.state_abbreviations or ending.casefold() in _DOTTED_ENDS
        ):
            end += 1  # "U.S.", "यू.एस.", "Calif.", "Ltd.": the abbreviation's last dot is its own
        surface = self.text[start:end]
        if self.text[end : end + 1] == ")" and surface.count("(") > surface.count(")"):
            end += 1  # "Janata Dal (United)": the name's own parenthesis
        span = (start, end) if self.source == "body" else None
        self.found.add(kind, name, self.text[start:end], self.source, span)

    def _unlisted(self, k: int) -> bool:
        """Word k is a Devanagari name no list knows (the lists find a known one wherever it
        is) and no short form yet. Not in Latin script: there a word's type often rests on the
        world's lists alone ("Stadia", "Hipcricket" as places), and every mention would repeat
        the mistake."""
        word = self.info[k]
        alone = not word.opens or word.prefix_only  # one that opens only longer aliases
        return word.devanagari and word.name_like and alone and word.folded not in self.aliases

    def _after_article(self, first: int, last: int) -> bool:
        """A name from word `first` to `last` right after "the" that is no person's: no alias
        ("the Dalai Lama" is one); a thing's, ending in a common word, unless a known given name
        opens it ("the W.M. Keck Observatory"; not "the Philip K. Dick Award"); else one with no
        known name among its words ("The Rev Al Sharpton") that qualifies no noun after it ("the
        Pittsburgh Steelers and"; "the Oleksandr Usyk fight" names the man)."""
        after, idx, info = last + 1, self.lexicon, self.info
        if not after_the(self.toks, first):
            return False
        if " ".join(w.folded for w in info[first : last + 1]) in idx.exact:
            return False  # "the Dalai Lama"
        words = [w.folded.casefold() for w in info[first : last + 1]]
        given = words[0] in idx.given_names or words[0] in idx.world_given_names
        thing = self.toks.words[last] in idx.vocabulary.common and words[-1] not in idx.surnames
        if not given and last > first and thing:
            return True  # "the W.M. Keck Observatory", "the Doobie Brothers": a thing's name
        known = any(
            word in idx.given_names
            or word in idx.world_given_names
            or word in idx.surnames
            or word in idx.vocabulary.surnames
            or idx.exact.get(word, ("",))[0] == "PERSON"
            for word in words
        )
        if known:
            return False
        if after < len(info) and self.toks.adjacent(last) and info[after].lower:
            return info[after].common  # "the Pittsburgh Steelers and": a function word
        return True

    def alias_run(self, i: int) -> tuple[int, int]:
        """The words around word i, a person's short form, that are short forms of the same
        person, joined by spaces: the full name again ("कार्तिक आर्यन" once found, then both
        words again are him once, not two mentions)."""
        entity, info, toks = self.aliases.get(self.info[i].folded), self.info, self.toks

        def same(k: int) -> bool:
            return k not in self.covered and self.aliases.get(info[k].folded) == entity

        first, last = i, i
        while first > 0 and toks.adjacent(first - 1) and same(first - 1):
            first -= 1
        while last + 1 < len(info) and toks.adjacent(last) and same(last + 1):
            last += 1
        return first, last

    def _named_before(self, first: int, last: int) -> str | None:
        """The person found before whose first and last words are this name's (the full name
        given once, then without its middle: "Digvijay Singh Chautala", "Digvijay Chautala"):
        for a name of two words the gazetteer does not know (not "अमित शाह" after "अमित कुमार
        शाह", nor "George W. Bush" after "George H. W. Bush")."""
        if (
            last != first + 1
            or f"{self.info[first].folded} {self.info[last].folded}" in self.lexicon.exact
        ):
            return None
        earlier = self.aliases.get(self.info[first].folded)
        if not earlier or earlier[0] != "PERSON":
            return None
        return earlier[1] if earlier == self.aliases.get(self.info[last].folded) else None

    def listed_after(self, i: int) -> str | None:
        """The type of the name found just before word i in a list ("Victoria, Queensland and
        Tasmania", "Lukaku, Dries Mertens and Eden Hazard"): the next item is of its kind."""
        if i == 0:
            return None
        before = i - 1
        if self.toks.gap(before) != ",":
            if self.toks.words[before] not in self.lexicon.list_joins or before == 0:
                return None
            before -= 1
            if self.toks.gap(before) not in ("", ","):
                return None
        found = self.ends.get(before)
        return found[1] if found else None

    def list_item_ends(self, end: int) -> bool:
        """A list item ends before word `end`: a comma or stop, "and", or the text's end (not
        "Ukrainian officials")."""
        if end == len(self.info) or self.toks.gap(end - 1):
            return True
        return self.toks.words[end] in self.lexicon.list_joins

    def last_item(self, i: int, end: int) -> bool:
        """The name from word i to end may be a list's last item: "and" or "or" before it, a
        word in lower case after it ("Wagholi, Lohegaon and Kharadi staged a protest"), no
        common word, people's or person's name, no plural noun after it."""
        toks, idx = self.toks, self.lexicon
        if i == 0 or end >= len(self.info) or toks.words[i - 1] not in idx.list_joins:
            return False
        words = toks.words[i:end]
        if one_common_word(words, idx) or words == ["I"]:
            return False  # "... and Sell", "... and I went"
        if any(is_people(word, idx) for word in words) or names_a_person(words, idx):
            return False  # "Chinese and Korean firms", "Delhi, Lucknow and Sharma said"
        after = toks.words[end]
        # A plural noun after it makes the item its qualifier: "Noida and Ansal properties".
        return toks.adjacent(end - 1) and after[:1].islower() and not after.endswith("s")

    def alias(self, k: int, kind: str, name: str) -> None:
        entity = (kind, name)
        others = self._spelt_otherwise(k) if kind == "PERSON" else ()  # not "Post": "पोस्ट"
        for key in (self.info[k].folded, *others):
            self.aliases[key] = entity if self.aliases.get(key, entity) == entity else None

    def _spelt_otherwise(self, k: int) -> set[str]:
        """The matching forms of the words in the other script that spell word k, a name's
        word, in a text that mixes Latin and Devanagari ("सेरेना" after "Serena Williams"):
        the same phonetic key, of three letters or more, and ending as it does, in a vowel or
        not (not "करना", to do, for "Karan"); a name the lists know, only as they spell it."""
        word, idx = self.info[k], self.lexicon
        lower = word.folded.casefold()
        if not self.devanagari or len(word.key) < _SPELT_KEY or word.folded in idx.middle_names:
            return set()
        # A name the lists know is spelt as they spell it ("Serena": "सेरेना"; "Vikas" has no
        # spelling there, as its Devanagari is a common word: "विकास के काम")
        listed = idx.given_names.get(lower) or idx.surnames.get(lower)
        if self.spellings is None:
            self.spellings = {}
            for j, facts in enumerate(self.info):
                if facts.name_like and not facts.particle and len(facts.key) >= _SPELT_KEY:
                    self.spellings.setdefault(facts.key, []).append(j)
        vowel_end = _ends_in_vowel(idx.names.romanize(self.toks.words[k]))
        others = (
            j
            for j in self.spellings.get(word.key, ())
            if self.info[j].devanagari != word.devanagari
            and self.info[j].folded not in idx.middle_names  # "कुमार विश्वास" after "Nitish Kumar"
        )
        if listed:
            return {
                self.info[j].folded
                for j in others
                if listed
                in (idx.given_names.get(self.info[j].folded), idx.surnames.get(self.info[j].folded))
            }
        return {
            self.info[j].folded
            for j in others
            if _ends_in_vowel(idx.names.romanize(self.toks.words[j])) == vowel_end
        }

    def defined_acronym(self, first: int, last: int) -> int | None:
        """The word in parentheses right after an organisation's or place's name, when it is
        its acronym: Latin capitals that follow the name's initials ("Korean Central News Agency
        (KCNA)"), or one Devanagari word ("... विकास बैंक (सिडबी)"); never a word the lists know
        ("राहुल गांधी (कांग्रेस)" is a party, not a short name)."""
        k = last + 1
        after = self.toks.pieces[2 * k + 2] if k < len(self.info) else ""
        if k >= len(self.info) or self.toks.gap(last) != "(" or not after.lstrip().startswith(")"):
            return None
        word, facts = self.toks.words[k], self.info[k]
        if facts.acronym and spelt_out(self.toks, self.info, k, self.lexicon) == first:
            return k  # "नेशनल पीपुल्स पावर (एनपीपी)": its letters spell it, whatever a list says
        if facts.opens and match(self.toks, self.info, k, self.lexicon, self.authors):
            return None
        if facts.devanagari:
            return k if facts.name_like else None
        initials = "".join(w[0] for w in self.toks.words[first : last + 1]).upper()
        letters = iter(initials)
        fits = word.isupper() and word.isalpha() and all(c in letters for c in word)
        return k if fits and 2 <= len(word) <= 8 else None

    def alone(self, i: int) -> bool:
        """Word i stands alone: no capitalised word, head noun, place word or (in Devanagari) known
        surname joined to it ("Hendricks Street", "Okonkwo Foundation", "Tom Baker", "गोविन्द
        कुमार झा" are not one person's short form); nor one before it ("the High Court" is no
        "Court" of "Bombay High Court"), nor, for a middle name or a word that ends women's
        names, another name's ("अरविंदर सिंह लवली" after "रणवीर सिंह", "कैला देवी" after "मुन्नी
        देवी")."""
        before, info = i - 1, self.info
        if (
            before >= 0
            and info[i].capital
            and info[before].capital
            and self.toks.adjacent(before)
            and self.toks.words[before].casefold() not in self.lexicon.articles
        ):
            return False  # "the High Court" is no "Court" of "Bombay High Court"
        idx = self.lexicon
        if (
            (info[i].folded in idx.middle_names or info[i].folded in idx.name_ends)
            and before >= 0
            and self.toks.adjacent(before)
            and info[before].devanagari
            and info[before].name_like
            and self.aliases.get(info[before].folded) != self.aliases.get(info[i].folded)
        ):
            return False
        nxt = i + 1
        if nxt >= len(self.info) or self.toks.gap(i) not in ("", "-"):
            return True
        facts = self.info[nxt]
        return not (
            facts.capital
            or facts.org_head
            or facts.facility
            or facts.place
            or (facts.devanagari and facts.folded in self.lexicon.surnames)  # "गोविन्द कुमार झा"
        )


def _in_order_among(info: list[Word], aliases: dict[str, Any]) -> Iterator[int]:
    """The positions of the words that are `aliases`' keys, in order, seeing the keys added
    while the caller goes through them (an acronym read in brackets names a later word too)."""
    after, size = 0, -1
    while size != len(aliases):
        size = len(aliases)
        for k in where_among(info, aliases):
            if k >= after:
                yield k
                after = k + 1
                if len(aliases) != size:
                    break  # look again from here, with the new keys


class EntityFinder:
    """PERSON, ORG and LOC entities of an article, by the lexicon; the facts of recent words are
    remembered (most words recur from article to article)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._facts: dict[str, Word] = {}

    def facts(self, words: list[str]) -> Facts:
        """The facts of each word, remembered (up to `_REMEMBERED_WORDS`, then afresh)."""
        known = self._facts
        if len(known) > _REMEMBERED_WORDS:
            known.clear()
        get = known.get
        return Facts([get(word) or self._learn(word) for word in words])

    def _learn(self, word: str) -> Word:
        facts = self._facts[word] = word_facts(word, self.lexicon)
        return facts

    def __call__(
        self, body: str, dateline: str | None, title: str | None, embeds: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        """Entities with canonical names, aliases and body spans, the most mentioned first."""
        idx = self.lexicon
        found = Found(idx.names)
        authors = add_authors(embeds, idx, found)
        for source, text in (("body", body), ("dateline", dateline or ""), ("title", title or "")):
            if text:
                self._scan(text, source, found, authors)
        if dateline and not any("dateline" in e.sources for e in found.by_name.values()):
            # A dateline names a place, known or not: "रुद्रप्रयाग:" is one even off the gazetteers.
            name = idx.names.romanize_words(dateline.split())
            latin = name if is_devanagari(dateline) else dateline.title()
            found.add("LOC", latin, dateline, "dateline")
        for embed in embeds:
            for handle in embed.get("mentions", []):
                add_handle(handle, idx, found, embeds)
        for handle in MENTION.findall(body):
            add_handle(handle, idx, found, embeds)
        return found.records()

    def _scan(self, text: str, source: str, found: Found, authors: Authors) -> None:
        toks = Tokens(text)
        info = self.facts(toks.words)
        idx = self.lexicon
        runs = headed_names(toks, info, idx)
        scan = _Scan(
            text,
            source,
            idx,
            toks,
            info,
            runs,
            found,
            authors,
            *casing(toks, info),
            is_devanagari(text),
        )
        i = 0
        for candidate in self._candidates(scan):
            if candidate >= i:  # else inside a name already found
                i = self._resolve(scan, candidate)
        if source != "title":  # a headline's words are the body's
            self._short_forms(scan)
        if source == "body":  # a dateline the body still opens with: "इमामगंज (गया)। ..."
            for first, last in opening_places(toks, info, scan.ends, idx):
                scan.add("LOC", latin_words(text, toks, info, first, last + 1, idx), first, last)
        places = listed_places(toks, info, scan.ends, idx)
        if scan.devanagari:  # a seat in a list of places and of seats is one place
            places = sorted({*places, *listed_seats(toks, info, scan.ends, idx)})
        for k in places:
            scan.add("LOC", idx.names.romanize_words(toks.words[k : k + 1]), k, k)
        seats = seats_after_place(toks, info, scan.ends, idx)
        for k in seats:
            scan.add("LOC", latin_words(text, toks, info, k, k + 1, idx), k, k)
        examples = exemplified(toks, info, scan.ends, idx, scan.cased, scan.devanagari)
        examples.extend(
            (first, last, "ORG") for first, last in quoted_groups(toks, info, scan.ends, idx)
        )
        if scan.devanagari:
            companies = companies_named(toks, info, scan.ends, idx)
            examples.extend((first, last, "ORG") for first, last in companies)
        for first, last, kind in examples:
            scan.add(kind, self._name_of(scan, first, last, kind), first, last)
        # each reads the names found so far
        rules = (named_from_place, aged_names, party_candidates, listed_people)
        people = [span for rule in rules for span in rule(toks, info, scan.ends, idx)]
        for first, last in people:
            scan.add("PERSON", latin_words(text, toks, info, first, last + 1, idx), first, last)
        if source != "title" and (places or seats or examples or people):
            self._short_forms(scan)  # theirs too: "इरफान" after "मोहम्मद इरफान (45)"

    def _name_of(self, scan: _Scan, first: int, last: int, kind: str) -> str:
        """The Latin name of words `first` to `last` that no list knows: as written in Latin,
        a person's word by word by the names lists, else romanised."""
        toks = scan.toks
        if not scan.info[first].devanagari:
            return surface(scan.text, toks, first, last)
        if kind == "PERSON":
            return latin_words(scan.text, toks, scan.info, first, last + 1, self.lexicon)
        return self.lexicon.names.romanize_words(toks.words[first : last + 1])

    def _short_forms(self, scan: _Scan) -> None:
        """The found names' short forms no rule reached yet: before the rules that read the
        names found ("21 वर्षीय पुंडीर ने" is Shivam Pundir again, no new person), and after
        them, for the names they found."""
        idx, toks, info, aliases = self.lexicon, scan.toks, scan.info, scan.aliases
        if not aliases:
            return  # no name found has a short form: nothing to look for
        for k in _in_order_among(info, aliases):
            facts, entity = info[k], aliases[info[k].folded]
            # Capitals in a text in capitals say nothing of names.
            named = facts.name_like or (facts.capital and scan.cased)
            if entity and entity[0] == "ORG" and facts.org_head and self._qualified(scan, k):
                continue  # "Police in Pune" after "Mumbai Police": another force
            if (
                entity
                and entity[0] == "ORG"
                and (facts.org_head or facts.folded.casefold() in idx.branch_words)
                and not after_the(toks, k)
            ):
                continue  # "the Agency" is ESA again; "Police used a ram", "Bank stocks" not
            if entity and k not in scan.covered and named and scan.alone(k):
                scan.add(*entity, *scan.alias_run(k))

    def _candidates(self, scan: _Scan) -> list[int]:
        """Most words start nothing the rules know: only the others are looked at (notable
        words that pass a closer look, and the words some rule reads from after them)."""
        idx, info, authors, toks = self.lexicon, scan.info, scan.authors, scan.toks
        n = len(info)
        places = [*where(info, PLACE), *where_among(info, idx.houses)]  # "X विधानसभा सीट"
        if scan.devanagari:  # "कांके रोड स्थित", "काठजोड़ी नदी"
            places.extend(where_among(info, idx.situated))
            places.extend(where_among(info, idx.water_words))
        marked = {j - d for j in places for d in (1, 2)}  # "X गांव", "X Y district"
        marked.update(j - 2 for j in where(info, AGENT))  # "X Y ने कहा"
        if scan.devanagari:  # "सपना चौधरी": a known surname after a given name
            marked.update(j - 1 for j in where_among(info, idx.devanagari_surnames))
            marked.update(j - 1 for j in where_among(info, idx.households))  # "कश्यप परिवार"
            descent = where_among(info, idx.descent_words)  # "राजू उर्फ पप्पू पुत्र रामलाल"
            marked.update(j + d for j in descent for d in (-3, -2, -1, 1))
            residents = where_among(info, idx.residents)
            marked.update(j + d for j in residents for d in (-1, 1))  # "X निवासी बबलू"
            seats = [*where_among(info, idx.legislators), *where_among(info, idx.seat_words)]
            marked.update(j - 1 for j in seats)  # "करहल विधायक", "करहल सीट"
            marked.update(j + 1 for j in where_among(info, idx.village_words))  # "गांव बागोर"
        marked.update(scan.headed)

        def continued(i: int) -> bool:  # "the Hindu" may be an alias, "the state" none
            return i + 1 < n and f"{info[i].folded} {info[i + 1].folded}" in idx.prefixes

        # A word whose key opens an embed author's name is notable in this article only.
        pool = where(info, NOTABLE) if not authors.firsts else range(n)
        chosen = [
            i
            for i in pool
            if ((w := info[i]).opens and (not w.prefix_only or continued(i)))
            or (
                w.capital  # not "The", "He"; but "the Home Office"
                and (not w.common or not common_capital(toks, info, i, idx))
            )
            or (w.initial and toks.gap(i) == ".")  # "M. Nagaprasanna"; not "के" (of)
            or w.acronym
            or (
                w.phonetic
                and (w.phonetic in idx.phonetic_span or w.phonetic in authors.firsts)
                and i + 1 < n
                and not info[i + 1].particle
                and pair_may_match(f"{w.key} {info[i + 1].key}", idx, authors)
            )
        ]
        return sorted({i for i in marked if 0 <= i < n}.union(chosen))

    def _resolve(self, scan: _Scan, i: int) -> int:
        """Add the name the first rule finds at token i; the token after it (i + 1: none)."""
        idx, toks, info = self.lexicon, scan.toks, scan.info
        # Where capitals tell names, a word in lower case names nothing: "an apple orchard",
        # "the parliament passed" (not "the Hindu": an article opens a longer name); in
        # Devanagari text a Latin word in lower case is an English word ("apple और").
        lower = toks.words[i].islower() and not info[i].prefix_only
        common = lower and (scan.cased or scan.devanagari)
        hit = None if common else match(toks, info, i, idx, scan.authors)
        if hit and hit[2] in idx.spelt and self._lower_inside(scan, i, i + hit[0]):
            hit = None  # "a crisis group", "Hindu-Muslim brotherhood": common words
        known_org = hit is not None and hit[1] == "ORG"  # "FIFA 2026-01-02 ...": no place
        if toks.words[i].isupper() and not known_org and (place := dateline_place(toks, i)):
            name = hit[2] if hit and hit[0] == place - i and hit[1] == "LOC" else None
            scan.add("LOC", name or surface(scan.text, toks, i, place - 1), i, place - 1)
            return place  # "BONN 1996-12-01": a wire's dateline names a place
        # A person's short form goes first ("Paris" after "Valeska Paris" is no city); other
        # aliases only where no rule finds a name (the pass after this one): "from Indiana"
        # stays a place after "University of Southern Indiana".
        alias = scan.aliases.get(info[i].folded)
        short = alias and alias[0] == "PERSON" and i not in scan.headed and scan.alone(i)
        if alias and short and (hit is None or (hit[0] == 1 and hit[1] != "PERSON")):
            first, last = scan.alias_run(i)
            scan.add(*alias, first, last)
            return last + 1
        if alias and info[i].acronym and alias[0] != "PERSON" and (hit is None or hit[0] == 1):
            scan.add(*alias, i, i)  # "(जेवीपी)" after the name it spells: that one, not a list's
            return i + 1
        if alias and alias[0] == "LOC" and hit is None and info[i].capital and scan.alone(i):
            scan.add(*alias, i, i)  # "Skye" after "Isle of Skye": the place, no person's name
            return i + 1
        if scan.worshipped is None:
            scan.worshipped = worships(toks, info, idx)
        if (hit is None or hit[0] == 1) and (
            deity := deity_at(toks, info, i, idx, scan.worshipped)
        ):
            scan.add("PERSON", deity, i, i)
            scan.alias(i, "PERSON", deity)  # "शिव" again is him
            return i + 1
        end, kind = scan.headed.get(i, (0, ""))
        if end and (hit is None or hit[0] < end - i):
            # A longer name ending in Authority or Group: "Madras Engineer Group" is no Chennai.
            name = surface(scan.text, toks, i, end - 1)
            if info[i].devanagari:
                name = idx.names.romanize_words(toks.words[i:end])
            if info[i].acronym and campus_at(toks, info, i, idx):
                name = f"{info[i].acronym} {idx.exact[info[i + 1].folded][1]}"  # "IIT Indore"
            scan.add(kind, name, i, end - 1)
            return end
        if hit and hit[1] != "ORG" and (club := self._result_club(scan, i)) > i + hit[0]:
            scan.add("ORG", surface(scan.text, toks, i, club - 1), i, club - 1)
            return club  # "Leicester City 0": no Leicester the city ("Uttar Pradesh 5" is)
        if hit is not None:
            size, kind, canonical = hit
            if kind == "PERSON" and (fuller := self._fuller_after_title(scan, i, size, canonical)):
                i, size = fuller  # "सीएम योगी आदित्यनाथ": "योगी आदित्यनाथ", not "सीएम योगी"
            if kind == "PERSON" and (after := self._named_after(scan, i, i + size)):
                return after  # "Birsa Munda International Hockey Stadium"
            if kind == "PERSON" and (
                other := namesake_after(toks, info, i, i + size, canonical, idx)
            ):
                scan.add(kind, surface(scan.text, toks, i, other - 1), i, other - 1)
                return other  # "Rajnath Paswan": no Rajnath Singh
            if kind == "PERSON" and (longer := surname_after(toks, info, i, i + size, idx)):
                scan.add(kind, latin_words(scan.text, toks, info, i, longer, idx), i, longer - 1)
                return longer
            body = self._body_after(scan, i + size, kind, canonical)
            if body is not None:  # "राजस्थान सरकार": the organisation, and in it the place
                scan.add(kind, canonical, i, i + size - 1)
                scan.add("ORG", f"{canonical} {body}", i, i + size)
                return i + size + 1
            if kind == "ORG" and (branch := self._branch_after(scan, i + size)):
                scan.add("ORG", surface(scan.text, toks, i, branch - 1), i, branch - 1)
                return branch
            scan.add(kind, canonical, i, i + size - 1)
            return i + size
        # A role word may open here and a name follow it; a common noun in capitals only at a
        # sentence's opening in prose ("Defender Tony Adams said"; not "Bank Manager Arrested")
        noun = info[i].capital and info[i].folded in idx.lower_roles
        role = info[i].folded in idx.roles and not (
            noun and (not scan.cased or noun_in_capitals(toks, info, i, idx))
        )
        if role:
            start, end = role_name_at(toks, info, i, idx, scan.authors)
            if end:
                name = latin_words(scan.text, toks, info, start, end, idx)
                scan.add("PERSON", name, start, end - 1)
                return end
        end = initials_at(toks, info, i, idx)
        if end and (after := self._named_after(scan, i, end)):
            return after  # "V.V. Giri National Labour Institute"
        if end:
            name = " ".join(
                f"{idx.names.latin_initials(w)}." if info[j].initial else idx.names.romanize(w)
                for j, w in enumerate(toks.words[i:end], start=i)
            )
            scan.add("PERSON", name, i, end - 1)
            return end
        if info[i].capital and toks.gap(i) == "-" and state_at(toks, i + 1, idx)[0]:
            return i + 1  # "R" of "R-W.Va.": a party's letter
        size, state = state_at(toks, i, idx) if info[i].capital else (0, "")
        if size:
            scan.add("LOC", state, i, i + size - 1)  # "Wheeling, W.Va.,": West Virginia
            return i + size
        rules = (
            ("LOC", place_before_word_at),
            ("PERSON", given_name_at),
            ("PERSON", speaker_at),
            ("PERSON", household_at),
            ("LOC", seat_name_at),
        )
        for kind, rule in rules:
            end = rule(toks, info, i, idx)
            if end and kind == "PERSON":  # "अली रज़ा करीमी को": a rare surname after the known
                end = rare_surname_after(toks, info, i, end, idx) or end
            if end:
                scan.add(kind, latin_words(scan.text, toks, info, i, end, idx), i, end - 1)
                return end
        if scan.devanagari and (end := self._descended(scan, i) or self._resident(scan, i)):
            return end
        if scan.devanagari and self._within_place(scan, i):
            scan.add("LOC", latin_words(scan.text, toks, info, i, i + 1, idx), i, i)
            return i + 1
        if scan.devanagari and (end := self._situated(scan, i)):
            scan.add("LOC", latin_words(scan.text, toks, info, i, end, idx), i, end - 1)
            return end
        if scan.devanagari and self._repeated_name(scan, i):
            scan.add("PERSON", latin_words(scan.text, toks, info, i, i + 2, idx), i, i + 1)
            return i + 2
        if info[i].acronym and self._acronym_named(scan, i):
            scan.add("ORG", info[i].acronym, i, i)  # "ईबीआरडी": EBRD, an organisation no list knows
            return i + 1
        named = info[i].capital and scan.source != "title"
        return self._capitalised(scan, i) if named else i + 1

    def _fuller_after_title(
        self, scan: _Scan, i: int, size: int, canonical: str
    ) -> tuple[int, int] | None:
        """The start and size of the same person's alias that starts after the titles an alias
        at word i opens with and reaches further ("सीएम योगी" of "सीएम योगी आदित्यनाथ": "योगी
        आदित्यनाथ"), else None."""
        info = scan.info
        first = past_titles(info, i, i + size - 1, self.lexicon)
        if first == i or not info[first].opens:
            return None
        inner = match(scan.toks, info, first, self.lexicon, scan.authors)
        if inner is None or inner[2] != canonical or first + inner[0] <= i + size:
            return None
        return first, inner[0]

    def _named_after(self, scan: _Scan, i: int, end: int) -> int:
        """End of a facility's or an organisation's name that a person's name from word i to
        end opens, added ("Birsa Munda International Hockey Stadium", "V.V. Giri National
        Labour Institute"), 0 if capitals do not carry it on to a head noun."""
        toks, info = scan.toks, scan.info
        after = named_after(toks, info, end) if scan.cased and info[i].capital else 0
        if after:
            kind = "LOC" if info[after - 1].facility else "ORG"
            scan.add(kind, surface(scan.text, toks, i, after - 1), i, after - 1)
        return after

    def _qualified(self, scan: _Scan, k: int) -> bool:
        """A preposition after word k says which one it is: another ("Police in Pune", "the
        Bank of Baroda")."""
        nxt = k + 1
        return nxt < len(scan.info) and (
            scan.toks.words[nxt] in self.lexicon.place_prepositions
            or scan.toks.words[nxt] in self.lexicon.org_links
        )

    def _descended(self, scan: _Scan, i: int) -> int:
        """End of the people named from word i in a police report's style, added ("राजू उर्फ
        पप्पू पुत्र रामलाल निवासी नयागांव": Raju, his alias, his father), else 0: runs of one to
        three words that may be names, joined by उर्फ, पुत्र or पुत्री, the last ended by निवासी
        or another place word, a postposition, a comma or a stop. Two runs at least, the first
        with no word before it that may be a name (a role may be: "आरोपी राजू उर्फ ..."); or one
        after such a word and a person found before it."""
        idx, toks, info = self.lexicon, scan.toks, scan.info
        before = info[i - 1] if i > 0 and toks.adjacent(i - 1) else None
        joined = (
            before is not None
            and before.folded in idx.descent_words
            and scan.ends.get(i - 2, (0, ""))[1] == "PERSON"
        )
        if (
            before
            and not joined
            and before.name_like
            and not before.particle
            and not role_at(info, i - 1, idx)
        ):
            return 0
        runs: list[tuple[int, int]] = []
        start = i
        while (end := self._name_run(scan, start)) and (not runs or end > start):
            runs.append((start, end))
            if end < len(info) and info[end].folded in idx.descent_words and toks.adjacent(end):
                start = end + 1
                continue
            break
        if not runs or len(runs) < (1 if joined else 2) or not self._run_ends(scan, runs[-1][1]):
            return 0
        for first, end in runs:
            scan.add("PERSON", latin_words(scan.text, toks, info, first, end, idx), first, end - 1)
        return runs[-1][1]

    def _resident(self, scan: _Scan, i: int) -> int:
        """End of the name after "निवासी" (resident) at word i - 1, added, else 0: after a place
        found a person, of one to three words ("रामपुर निवासी बबलू ने"); after a person found
        his home, of one or two ("पुत्र रामलाल निवासी नयागांव को"); ended as a name ends."""
        toks, info, idx = scan.toks, scan.info, self.lexicon
        if i < 2 or not toks.adjacent(i - 1) or info[i - 1].folded not in idx.residents:
            return 0
        found = scan.ends.get(i - 2)
        kind = {"LOC": "PERSON", "PERSON": "LOC"}.get(found[1]) if found else None
        end = self._name_run(scan, i)
        if kind is None or not end or (kind == "LOC" and end - i > 2):
            return 0
        if not self._run_ends(scan, end) or info[end - 1].folded.endswith(INFINITIVE):
            return 0
        if kind == "PERSON" and not any(person_word(toks, info, k, idx) for k in range(i, end)):
            return 0  # "मेरठ निवासी सर्राफ से लूट": a jeweller of Meerut, no name
        scan.add(kind, latin_words(scan.text, toks, info, i, end, idx), i, end - 1)
        return end

    def _name_run(self, scan: _Scan, i: int) -> int:
        """End of one to three adjacent words from i that may be a person's name, else 0."""
        info, toks = scan.info, scan.toks
        end = i
        while (
            end < len(info)
            and end - i < 3
            and may_name(info[end], self.lexicon)
            and (end == i or toks.adjacent(end - 1))
        ):
            end += 1
        return end if end > i else 0

    def _run_ends(self, scan: _Scan, end: int) -> bool:
        """A name ends before word `end`: the text ends, a stop or comma, a particle (descent
        words and "निवासी" are loaded as ones) or a place word."""
        info = scan.info
        return (
            end == len(info)
            or scan.toks.gap(end - 1) == ","
            or scan.toks.danda(end - 1)
            or info[end].particle
            or info[end].place
        )

    def _within_place(self, scan: _Scan, i: int) -> bool:
        """Word i is a village's or a neighbourhood's name: a Devanagari word rare in Hindi that
        no list knows, right after a village's word ("गांव बागोर में"), ending there as a place's
        name ends; or, after "<place> के", before "निवासी" (resident) and a person, named or aged
        ("मधुबनी के बेनीपट्टी निवासी 42 वर्षीय रामबाबू"; not "मणिपुर के कुकी निवासी डरे हुए हैं", a
        people). (Not after "<place> के" alone: there such words are as often trades and offices,
        compounds and English words that wordfreq's list lacks: "जयपुर के ऑटोचालक", "कानपुर के
        ज्वेलर्स में".)"""
        idx, toks, info = self.lexicon, scan.toks, scan.info
        if i < 1 or not toks.adjacent(i - 1) or not rare_name(info[i], idx):
            return False
        if info[i - 1].folded in idx.village_words:
            return i + 1 == len(info) or self._place_ends(scan, i + 1)
        if scan.ends.get(i - 2, (0, ""))[1] != "LOC" or not toks.adjacent(i - 2):
            return False
        after = info[i + 1].folded if i + 1 < len(info) and toks.adjacent(i) else ""
        if info[i - 1].folded != "के" or after not in idx.residents or i + 2 >= len(info):
            return False
        resident = toks.words[i + 2]
        return resident.isdigit() or person_word(toks, info, i + 2, idx)

    def _situated(self, scan: _Scan, i: int) -> int:
        """End of a place's name from word i that "स्थित" (situated) follows, else 0: one or two
        words, the first rare in Hindi, right after a name found (or a rare word) and a
        postposition ("रांची के कांके रोड स्थित", "बीसीसीएल के कुस्तौर स्थित"; one word after an
        organisation, none with a head noun). Not without such a name before them:
        English words that wordfreq's list lacks name facilities there ("अस्पताल के ट्रॉमा
        सेंटर स्थित", "गेस्टहाउस स्थित", "बिजली सबस्टेशन स्थित")."""
        idx, toks, info = self.lexicon, scan.toks, scan.info
        if i < 2 or not (toks.adjacent(i - 2) and toks.adjacent(i - 1)):
            return 0
        before = scan.ends.get(i - 2, (0, ""))[1]
        if not info[i - 1].particle or not (
            before in ("LOC", "ORG") or rare_name(info[i - 2], idx)
        ):
            return 0
        if not rare_name(info[i], idx):
            return 0
        # After an organisation, one word: "बीसीसीएल के कुस्तौर स्थित", not "एम्स के ट्रॉमा सेंटर".
        for end in (i + 1,) if before == "ORG" else (i + 1, i + 2):
            if end >= len(info) or not toks.adjacent(end - 1):
                return 0
            if info[end].folded in idx.situated:
                return end
            word = info[end]
            if not word.name_like or word.particle or word.org_head or word.facility:
                return 0  # "हैलट अस्पताल स्थित": a hospital's name, its head's rules decide
        return 0

    def _place_ends(self, scan: _Scan, end: int) -> bool:
        """A place's name ends before word `end`: a comma or stop, a locative postposition,
        "निवासी", a joining word or a place word (not "पद": "जगदलपुर जिले के भाजपाध्यक्ष पद")."""
        toks, idx, after = scan.toks, self.lexicon, scan.info[end]
        return (
            toks.gap(end - 1) == ","
            or toks.danda(end - 1)
            or after.place
            or after.folded in idx.locatives
            or after.folded in idx.residents
            or toks.words[end] in idx.list_joins
        )

    def _repeated_name(self, scan: _Scan, i: int) -> bool:
        """Words i and i + 1 are a person's name no list knows in full: a Devanagari word that
        may be a name, then a known surname, the pair written twice or more in the text
        ("बैदूराम कश्यप ... बैदूराम कश्यप को"), the word known to no list ("आम राय", consensus:
        "आम" opens "आम आदमी पार्टी"). A common word before a surname that is a common word too
        seldom comes back in the same article; where it does, this names it."""
        idx, toks, info = self.lexicon, scan.toks, scan.info
        if i + 1 >= len(info) or not toks.adjacent(i):
            return False
        word, surname = info[i], info[i + 1]
        if (
            surname.folded not in idx.devanagari_surnames
            or surname.folded in idx.common_surnames
            or not word.devanagari
            or word.opens  # a word the lists know ("आम" of "आम आदमी पार्टी"): its rules decide
            or not may_name(word, idx)
            or word.folded in idx.deity_titles
        ):
            return False
        if scan.pairs is None:
            scan.pairs = Counter(
                (info[j - 1].folded, info[j].folded)
                for j in where_among(info, idx.devanagari_surnames)
                if j > 0 and toks.adjacent(j - 1)
            )
        return scan.pairs[word.folded, surname.folded] >= _REPEATED

    def _acronym_named(self, scan: _Scan, i: int) -> bool:
        """Word i is an organisation's short name spelt in Devanagari letters: three or more,
        no common acronym ("एफआईआर"), and the word after it a function word or none ("ईबीआरडी
        की सदस्यता", "सीआईआई ने"; not "एमएसएमई क्षेत्र", "एसडीआरएफ आवंटन": there it
        qualifies a noun, as a scheme or a sector's name does)."""
        acronym, nxt = scan.info[i].acronym, i + 1
        if len(acronym) < 3 or acronym in self.lexicon.common_acronyms:
            return False
        if scan.info[i].folded in self.lexicon.roles:
            return False  # "एसडीपीओ" (SDPO) is an officer
        if i > 0 and scan.toks.adjacent(i - 1) and scan.info[i - 1].folded in self.lexicon.situated:
            return True  # "भुवनेश्वर स्थित आरएमआरसी भेजे गए": a body a place holds
        if nxt == len(scan.info) or scan.toks.gap(i) not in ("", "-"):
            return scan.toks.gap(i) != "("  # "ओडीएफ (खुले में शौच से मुक्ति)" explains a term
        return scan.info[nxt].folded in self.lexicon.function_words

    def _country_after(self, scan: _Scan, end: int) -> bool:
        """A known place in parentheses right after word `end - 1`: an athlete's or a
        delegate's country ("Tegla Loroupe (Kenya) won", "1. Fernanda Ribeiro (Portugal)"), so
        a name that opens a line or follows a number is still a name."""
        toks, info = scan.toks, scan.info
        if end >= len(info) or toks.gap(end - 1) != "(" or not info[end].opens:
            return False
        hit = match(toks, info, end, self.lexicon, scan.authors)
        last = end + hit[0] - 1 if hit else end
        return hit is not None and hit[1] == "LOC" and toks.gap(last) == ")"

    def _national(self, scan: _Scan, end: int) -> bool:
        """A country says whose the name ending before word `end` is, as sports reports write it:
        "of" and a country after it ("Rainer Schuettler of Germany withdrew"; not a country's
        possessive before it: "India's Bajaj Finserv" is a company)."""
        toks, info, idx = scan.toks, scan.info, self.lexicon

        def country(k: int) -> bool:
            hit = match(toks, info, k, idx, scan.authors) if info[k].opens else None
            return hit is not None and hit[0] == 1 and hit[1] == "LOC"

        after = end + 1
        return (
            end < len(info)
            and toks.words[end] == "of"
            and toks.adjacent(end - 1)
            and after < len(info)
            and toks.adjacent(end)
            and country(after)
        )

    def _qualifies_place(self, scan: _Scan, i: int, end: int) -> bool:
        """The run from word i to end is a place GeoNames knows, right after a place or an
        organisation and a comma, before a stop or a word that may follow a place: a town's
        state or country, a campus's town ("Clearwater, Florida until", "University of
        Arkansas, Fayetteville,"), though the word is also a person's name (not "in London,
        Victoria said", nor an item of a list of companies: "Microsoft, Phoenix and Meta")."""
        toks, idx = scan.toks, self.lexicon
        name = " ".join(toks.words[i:end])
        ends = end == len(toks.words) or toks.gap(end - 1) or toks.words[end] in idx.place_followers
        if not (i > 1 and toks.gap(i - 1) == "," and ends and name in idx.vocabulary.places):
            return False
        kind = scan.listed_after(i)
        first = scan.ends[i - 1][0] if kind == "ORG" else 0
        campus = kind == "ORG" and toks.words[first].casefold() in idx.campus_heads
        return kind == "LOC" or campus  # not "Microsoft, Amazon, Phoenix and Meta"

    def _lower_inside(self, scan: _Scan, i: int, end: int) -> bool:
        """A Latin name from word i to end holds a word in lower case that is no small link: for
        a world organisation, matched as written, a phrase of common words, not the name ("a
        crisis group" is no International Crisis Group; "Bank of England" keeps its "of")."""
        return any(
            word.islower() and len(word) > _LINK_LETTERS for word in scan.toks.words[i + 1 : end]
        )

    def _body_after(self, scan: _Scan, k: int, kind: str, canonical: str) -> str | None:
        """The English name of the government or police force that word k names after a known
        place's Devanagari name ("राजस्थान सरकार", "जयपुर पुलिस"), or the government after a
        party's ("सपा सरकार"); else None (not "चुनाव आयोग सरकार के दबाव में": a body and
        the government)."""
        toks, info, idx = scan.toks, scan.info, self.lexicon
        if k >= len(info) or not info[k].devanagari or not toks.adjacent(k - 1):
            return None
        body = idx.bodies.get(info[k].folded)
        party = kind == "ORG" and canonical in idx.parties and body == "Government"
        return body if kind == "LOC" or party else None

    def _branch_after(self, scan: _Scan, k: int) -> int:
        """End of a known organisation's branch or outlet named by the capitalised word right
        after its name at word k (`branch_words`: "BBC News", "Reliance Capital"): an
        organisation of its own; 0 if none, or if more capitals follow."""
        toks, info = scan.toks, scan.info
        if k >= len(info) or not info[k].capital or not toks.adjacent(k - 1):
            return 0
        if toks.words[k].casefold() not in self.lexicon.branch_words or toks.gap(k) == ":":
            return 0  # "Congress News: Kharge names ..." is a heading
        longer = k + 1 < len(info) and toks.adjacent(k) and info[k + 1].capital
        return 0 if longer else k + 1  # "BBC World Service" is no "BBC World"

    def _national_branch(self, scan: _Scan, i: int) -> int:
        """A people's adjective right before a known organisation's name is its national body:
        "British Red Cross" is no ICRC, "Chinese Communist Party" no other party; the name as
        written (0 if not so)."""
        idx, toks, info = self.lexicon, scan.toks, scan.info
        if not is_people(toks.words[i], idx):
            return 0
        if i + 1 >= len(info) or not toks.adjacent(i) or not info[i + 1].capital:
            return 0
        hit = match(toks, info, i + 1, idx, scan.authors) if info[i + 1].opens else None
        if hit is None or hit[1] != "ORG" or hit[0] < 2:  # not "Indian BJP": one party's name
            return 0
        end = i + 1 + hit[0]
        scan.add("ORG", surface(scan.text, toks, i, end - 1), i, end - 1)
        return end

    def _club(self, scan: _Scan, first: int, end: int) -> bool:
        """The results line's side from word `first` to `end` is plainly a club: a place or an
        organisation the lists know, or two words or more that open with no given name ("Aston
        Villa 2 Chelsea 1": so "Chelsea", a given name, is a club too; in chess, "Arjun 1 Abasov
        0", neither side is)."""
        hit = match(scan.toks, scan.info, first, self.lexicon, scan.authors)
        if hit is not None:
            return hit[0] == end - first and hit[1] in ("LOC", "ORG")
        words = scan.toks.words[first:end]
        return len(words) > 1 and not names_a_person(words, self.lexicon)

    def _result_club(self, scan: _Scan, i: int) -> int:
        """End of the club that opens a standings table's row at word i (no person's name), or
        a result's side in a line of results, 0 if none: there neither side opens with a
        person's name, and one holds a club's word ("Everton 1 Nottingham Forest 0", "Leicester
        City 0"; not "Gukesh 1 Firouzja 0", "Koneru Humpy 1 Harika Dronavalli 0")."""
        words, idx = scan.toks.words, self.lexicon
        if (row := standings_row(scan.toks, i)) and not names_a_person(words[i:row], idx):
            return row  # "Barnsley 11 6 3 2 18 11 21": a standings table's row
        result = listed_result(scan.toks, i) if score_ahead(scan.toks, i) else None
        if result is None:
            return 0
        if any(names_a_person(words[first:end], idx) for first, end in result):
            return 0
        club = any(word in idx.club_words for first, end in result for word in words[first:end])
        return result[0][1] if club else 0

    def _capitalised(self, scan: _Scan, i: int) -> int:
        """An unknown name in capitals at token i (`latin.py`), up to a known one; where
        capitals tell no names (a text in Title Case), only a results line's teams."""
        idx, toks, info = self.lexicon, scan.toks, scan.info

        def known(k: int) -> bool:  # a one-word place goes on a name: "Valeska Paris"
            hit = match(toks, info, k, idx, scan.authors) if info[k].opens else None
            return hit is not None and (hit[0] > 1 or hit[1] != "LOC")

        if not scan.cased and not score_ahead(toks, i):
            return i + 1
        end = capitalised_run(toks, info, i, idx, scan.lower, known)
        rival = score_rival(toks, i, end) if end else None
        if rival and (not names_a_person(toks.words[i:end], idx) or self._club(scan, *rival)):
            scan.add("ORG", surface(scan.text, toks, i, end - 1), i, end - 1)
            return end  # "Blackburn 1 Derby 1", "Aston Villa 2 Chelsea 1": clubs
        if not rival and (club := self._result_club(scan, i)):
            scan.add("ORG", surface(scan.text, toks, i, club - 1), i, club - 1)
            return club  # "..., Wimbledon 2 Coventry City 2, ...": clubs
        if not scan.cased:
            return i + 1
        if end == i + 1 and (branch := self._national_branch(scan, i)):
            return branch
        found = None
        if end:
            found = run_kind(toks, info, i, end, idx)
            if found is None and aged_person(toks, info, end, idx):
                found = "PERSON"  # before a list's evidence: "Tolichowki, Gadde Venkatesh (31)"
            if found is None and self._qualifies_place(scan, i, end):
                found = "LOC"  # "Clearwater, Florida until": no Florida the person
            if found is None and scan.list_item_ends(end):
                found = scan.listed_after(i)
            if found is None and scan.last_item(i, end) and scan.listed_after(i) == "LOC":
                found = "LOC"  # "Wagholi, Lohegaon and Kharadi staged": places, the last too
            if found is None:  # the weakest evidence last: what the world's lists say
                found = listed_kind(toks.words[i:end], idx)
            if found is None:
                in_parentheses = self._country_after(scan, end)
                if not opens_sentence(toks, i) or in_parentheses:
                    national = in_parentheses or self._national(scan, end)
                    found = "PERSON" if name_shaped(toks, info, i, end, idx, national) else None
        if found is None and (end := named_first(toks, i, end, idx)):
            found = "PERSON"  # "Andy Warhol" of "Andy Warhol Photographic Legacy Program"
        if found is None:
            return i + 1
        if (
            found == "PERSON"
            and end - i > 1
            and toks.words[i] in idx.peoples  # by the list: "Brian", "Quraish" end as peoples do
            and not is_people(toks.words[i + 1].removesuffix("s"), idx)  # "African Americans"
        ):
            i += 1  # "Chilean Fernando Gonzalez": a people's adjective, then the person
        scan.add(found, surface(scan.text, toks, i, end - 1), i, end - 1)
        return end
