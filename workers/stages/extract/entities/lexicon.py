"""The entity lexicon: gazetteer aliases, role words, name lists and particles, indexed once for
matching, and the tokens and matching form (`fold`) that the text and the lexicon share."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import Any

import stopwordsiso
import wordfreq

from workers import data
from workers.stages.extract.entities.names import Names
from workers.stages.extract.entities.vocabulary import Vocabulary
from workers.stages.gazetteer import Gazetteer
from workers.stages.text.normalize import fold_marks
from workers.stages.text.scripts import is_devanagari
from workers.stages.text.words import NAME_TOKEN

MIN_PHONETIC = 5  # a phonetic key this short matches too much


class Tokens:
    """A text's words and the gaps between them, from one split in C; offsets on demand.

    `pieces` alternates gap, word, gap, ..., gap, so word k is `pieces[2k + 1]`."""

    __slots__ = ("_ends", "pieces", "words")

    def __init__(self, text: str) -> None:
        # "_" to a space keeps the length: offsets still point into the original text.
        self.pieces = NAME_TOKEN.split(text.replace("_", " ") if "_" in text else text)
        self.words: list[str] = self.pieces[1::2]
        self._ends: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets from the start of word `first` to the end of word `last`."""
        if self._ends is None:
            self._ends = list(accumulate(map(len, self.pieces)))
        return self._ends[2 * first], self._ends[2 * last + 1]

    def adjacent(self, k: int) -> bool:
        """Words k and k + 1 are one name's: only spaces between them (no ")", "।" or ",")."""
        return not self.gap(k)

    def gap(self, k: int) -> str:
        """What stands between word k and word k + 1, spaces stripped ("" for none); a line
        break is a gap ("\n"): no name runs from one paragraph into the next."""
        piece = self.pieces[2 * k + 2]
        return "\n" if "\n" in piece else piece.strip()

    def danda(self, k: int) -> bool:
        """A Devanagari full stop ends the sentence after word k, at a line's end too (where
        `gap` says only "\n")."""
        return "।" in self.pieces[2 * k + 2]


@lru_cache(maxsize=16384)
def fold(token: str) -> str:
    """Matching form of a token: nukta and chandrabindu folded; Latin case kept for acronyms."""
    if is_devanagari(token):
        return fold_marks(unicodedata.normalize("NFC", token))
    if token.isupper() and len(token) <= 5:
        return token
    return token.casefold()


def folded_words(text: str) -> list[str]:
    """Matching forms of a text's words: how an alias or a name is looked up."""
    return [fold(w) for w in Tokens(text).words]


@dataclass(frozen=True)
class Lexicon:
    """Gazetteer lookups and word lists, by matching form; `span` gives, per first token, the
    most tokens of an alias starting with it."""

    names: Names  # transliteration and phonetic keys
    exact: dict[str, tuple[str, str]]  # alias -> (type, canonical)
    phonetic: dict[str, tuple[str, str]]  # phonetic key of a multi-word alias -> (type, canonical)
    handles: dict[str, tuple[str, str]]  # handle, lower case -> (type, canonical)
    roles: dict[str, list[tuple[str, ...]]]  # first word -> role words, longest first
    # One-word Devanagari roles of three letters or more: a compound that ends in one is a role's
    # ("पूर्वमंत्री", "भाजपाध्यक्ष"), no name, though wordfreq's list lacks it.
    role_ends: tuple[str, ...]
    kin_words: frozenset[str]  # "wife", "पत्नी": roles in lower case only ("Son Heung-min")
    # Roles listed in lower case ("coach", "producer") and Latin kin words: common nouns, so in
    # capitals inside a sentence they are a name's words ("The Painter Street bridge")
    lower_roles: frozenset[str]
    possessives: frozenset[str]  # "उनकी", "अपने": before a Hindi kin word that names someone
    particles: frozenset[str]
    function_words: frozenset[str]  # particles and stopwords: where a name with no capitals stops
    english_common: frozenset[str]  # English function words, case-folded: never a name's word
    name_links: frozenset[str]  # small words inside a Latin name: "de", "van", "bin"
    articles: frozenset[str]  # "the", "a": no name of capitals opens with one ("The Guardian")
    place_prepositions: frozenset[str]  # "in", "at", "from": an unknown name after one is a place
    place_followers: frozenset[str]  # may follow "Town, State": "until", "where"
    places_of: frozenset[str]  # "town", "province": "the town of X" is a place
    campus_heads: frozenset[str]  # "university": "University of X at Y" is one name
    branch_words: frozenset[str]  # "news", "india": "BBC News" is an outlet of its own
    court_kinds: frozenset[str]  # "high", "crown": "Manchester Crown Court" is an organisation
    company_nouns: frozenset[str]  # "carrier", "chipmaker": "carrier Emirates" is a company
    firm_nouns: frozenset[str]  # "कंपनी", "फर्म": a company's name after one, before ने
    group_nouns: frozenset[str]  # "समूह", "बैंड": a group's quoted name after one
    company_heads: frozenset[str]  # "लैब्स", "पिक्चर्स": a rare word before one is a company
    bodies: dict[str, str]  # "सरकार": "Government": "राजस्थान सरकार" is an organisation
    deities: dict[str, str]  # "शिव": "Shiva": a person after a deity's title or beside another
    deity_titles: frozenset[str]  # "भगवान", "माता"
    common_surnames: frozenset[str]  # "खान" (a mine), "राय" (an opinion)
    region_nouns: frozenset[str]  # "डिवीजन", "राज्यों": before a colon and a list of places
    deity_name_ends: frozenset[str]  # "देवी", "लला": "लक्ष्मी देवी" is a woman, "राम लला" a name
    # A US state's words as written, its name or the AP's abbreviation without the dot ("Calif",
    # "W.Va", "New York") -> its name; and the abbreviations, whose dot is theirs
    us_states: dict[tuple[str, ...], str]
    state_abbreviations: frozenset[str]
    parties: frozenset[str]  # the canonical names of parties: "सपा सरकार" is a government
    spelt: frozenset[str]  # world organisations' canonical names: matched as written
    org_endings: tuple[str, ...]  # "news", "post": "Wikinews", "Firstpost"
    hyphen_suffixes: frozenset[str]  # "led", "era": after a hyphen, no syllable of a name
    place_syllables: frozenset[str]  # "do", "gun": a Korean place's last syllable
    list_joins: frozenset[str]  # "and", "or" before a list's last item
    examples_after: tuple[tuple[str, ...], ...]  # ("such", "as"): names of a kind after them
    examples_before: frozenset[str]  # "जैसी": names of the kind after it before it
    org_nouns_before: frozenset[str]  # "shares": "shares of Samyang Foods" are a company's
    legal_forms: frozenset[str]  # "ltd", "bhd": no "of" tail after one ("... Bhd of Seri ...")
    company_abbreviations: frozenset[str]  # "pvt": "... Projects Pvt. Ltd." goes on over its dot
    dwellers: frozenset[str]  # "residents": "residents of Wagholi" live in a place
    example_kinds: dict[str, str]  # a kind's plural -> the type of its names: "companies": ORG
    people_endings: tuple[str, ...]  # "-ish", "-ese": a language's or people's name, no place
    club_words: frozenset[str]  # "City", "Forest": a result's side that holds one is a club
    peoples: frozenset[str]  # "Greek", "Muslim": the same without those endings
    scheme_words: frozenset[str]  # "योजना", "अभियान": after a role, a scheme's name, no person's
    middle_names: frozenset[str]  # "सिंह", "कुमार": a surname may follow
    family_words: frozenset[str]  # "परिवार": "यादव परिवार" is a family, no person's surname
    name_ends: frozenset[str]  # "देवी", "खातून": no short form after another name word
    households: frozenset[str]  # of those, one family's: "कश्यप परिवार" (not "जाट समाज")
    descent_words: frozenset[str]  # "उर्फ", "पुत्र": "राजू उर्फ पप्पू पुत्र रामलाल"
    residents: frozenset[str]  # "निवासी": a person after a place, a place after a person
    speech_verbs: frozenset[str]  # "said", "told": the name before one is a person's
    titles: frozenset[str]  # "Mr", "Dr": the name after one is a person's
    world_given_names: frozenset[str]  # given names in Latin script, case-folded (US Census)
    org_words: frozenset[str]
    org_heads: frozenset[str]  # nouns that end an organisation's name: Authority, Group, Cell
    agent: frozenset[str]  # postpositions after the doer of an act: ने
    case_markers: frozenset[str]  # the other postpositions after a name: के, की, को ...
    saying: frozenset[str]  # verbs of saying after it: कहा, बताया
    org_links: frozenset[str]  # "of", "for" after an organisation's head noun
    org_joins: frozenset[str]  # "and" going on with such a tail
    org_tails: frozenset[str]  # either, once a tail has begun: "for Control of Iodine ..."
    span: dict[str, int]
    phonetic_span: dict[str, int]
    place_words: frozenset[str]  # words that follow a place's name: गांव, जिले, district
    oblique_place_words: frozenset[str]  # "थाने": a place's word only before a postposition
    water_words: frozenset[str]  # "नदी": a rare word before one is a river's name
    colleges: frozenset[str]  # "कॉलेज": its hospital's name goes on it
    college_joins: frozenset[str]  # "एवं": "... कॉलेज एवं अस्पताल"
    houses: frozenset[str]  # a house, then a seat word, after a constituency: विधानसभा सीट
    seat_words: frozenset[str]
    areas: frozenset[str]  # "क्षेत्र": after a house or a place word
    elections: frozenset[str]  # "चुनाव": a seat's word alone names a constituency
    sports: frozenset[str]  # "मैच", "विकेट": a match's report, where players are introduced
    ages: frozenset[str]  # "वर्षीय": after a number, a person's age before the name
    legislators: frozenset[str]  # "विधायक": a seat's name before it
    place_phrases: frozenset[tuple[str, ...]]  # ("police", "station"): a place's name before
    auxiliaries: frozenset[str]  # "गया", "हैं": the word before is a verb
    locatives: frozenset[str]  # "में", "स्थित": "बेनीपट्टी में"
    situated: frozenset[str]  # "स्थित": after a rare word, a place's name ("कुस्तौर स्थित")
    village_words: frozenset[str]  # "गांव", "मोहल्ला": "गांव बागोर"
    facility_words: frozenset[str]  # words that end a facility's name: Stadium, मस्जिद
    place_heads: frozenset[str]  # "isle", "gulf": before "of" and a name ("Isle of Skye")
    given_names: dict[str, str]  # matching form -> Latin spelling
    # Given names listed with no Devanagari spelling, as theirs is a common word (सपना, एकता,
    # विजय), case-folded: one is a name only before a known surname (`rules.given_name_at`)
    unspelt_given: frozenset[str]
    # Surnames listed with no Devanagari spelling, their Devanagari a common word ("प्रसाद",
    # "कदम", "सरकार"): a surname only after a known given name, matched by romanisation.
    unspelt_surnames: frozenset[str]
    surnames: dict[str, str]
    devanagari_surnames: frozenset[str]  # the surnames' Devanagari spellings, folded
    prefixes: frozenset[str]  # every alias's leading words, joined: where a match can grow
    phonetic_pairs: frozenset[str]  # the first two phonetic keys of every multi-word alias
    common_acronyms: frozenset[str]  # "GDP", "FIR", in capitals: they name no entity
    # Devanagari words common in Hindi text that no list knows as a name ("शव", "लोग", "पानी"):
    # wordfreq's Hindi list, at FREQUENT_ZIPF and above, less the names the lists know.
    frequent: frozenset[str]
    heard: frozenset[str]  # every Devanagari word of that list: one not in it is rare in Hindi
    vocabulary: Vocabulary  # English's and the world's lists (`vocabulary.py`)

    @classmethod
    def load(cls, gazetteer: Gazetteer, names: Names, common: Iterable[str] = ()) -> Lexicon:
        """The shipped lexicon; `common` adds words that are never a name in English (month
        names, abbreviations: "in February", "at Rs 500")."""
        words = data.toml("names", "particles.toml")
        return cls.build(
            gazetteer,
            names,
            words,
            given_names=data.table("names", "given_names.txt"),
            surnames=data.table("names", "surnames.txt"),
            stopwords=stopwordsiso.stopwords("hi"),
            # stopwordsiso's English list holds two-letter country codes ("ba", "uk"): names.
            english=[*(w for w in stopwordsiso.stopwords("en") if len(w) > 2), *common],
            world_given_names=[row[0] for row in data.table("names", "census_given_names.txt")],
            vocabulary=Vocabulary.load(),
            hindi=wordfreq.get_frequency_dict("hi"),
        )

    @classmethod
    def build(
        cls,
        gazetteer: Gazetteer,
        names: Names,
        words: dict[str, Any],
        *,
        given_names: list[list[str]],
        surnames: list[list[str]],
        stopwords: Iterable[str] = (),
        english: Iterable[str] = (),
        world_given_names: Iterable[str] = (),
        vocabulary: Vocabulary | None = None,
        hindi: Mapping[str, float] | None = None,
    ) -> Lexicon:
        """The lexicon of a gazetteer, the particle lists (`particles.toml`'s tables) and the
        name lists (rows of Latin, then `|`-separated Devanagari spellings)."""
        aliases = _Aliases(names)
        particles = frozenset(
            fold(w)
            for key in ("hi", "en", "not_names", "descent_words", "residents")
            for w in words.get(key, ())
        )
        for table, kind in ((gazetteer.persons, "PERSON"), (gazetteer.orgs, "ORG")):
            aliases.add(table, kind)
        aliases.add(gazetteer.places, "LOC")
        aliases.add(gazetteer.world_orgs, "ORG", heard=False)
        given, family = _name_forms(given_names), _name_forms(surnames)
        roles = _roles(gazetteer, words.get("kin_words", ()))
        return cls(
            names=names,
            exact=aliases.exact,
            phonetic=aliases.phonetic,
            handles={
                handle.lower(): (kind, canonical) for handle, canonical, kind in gazetteer.handles
            },
            roles=roles,
            role_ends=tuple(
                sorted(
                    r
                    for r, rows in roles.items()
                    if is_devanagari(r) and len(r) >= 3 and (r,) in rows
                )
            ),
            kin_words=frozenset(fold(w) for w in words.get("kin_words", ())),
            lower_roles=frozenset(
                fold(w)
                for w in [*(r[0] for r in gazetteer.roles), *words.get("kin_words", ())]
                if w.islower() and " " not in w
            ),
            possessives=frozenset(fold(w) for w in words.get("possessives", ())),
            particles=particles,
            function_words=particles
            | {fold(w) for w in [*stopwords, *words.get("function_words", ())]},
            english_common=frozenset(w.casefold() for w in [*english, *words["en"]]),
            name_links=frozenset(words.get("name_links", ())),
            articles=frozenset(words.get("articles", ())),
            place_prepositions=frozenset(words.get("place_prepositions", ())),
            place_followers=frozenset(words.get("place_followers", ())),
            places_of=frozenset(words.get("places_of", ())),
            campus_heads=frozenset(words.get("campus_heads", ())),
            branch_words=frozenset(words.get("branch_words", ())),
            court_kinds=frozenset(words.get("court_kinds", ())),
            company_nouns=frozenset(words.get("company_nouns", ())),
            firm_nouns=frozenset(fold(w) for w in words.get("firm_nouns", ())),
            group_nouns=frozenset(fold(w) for w in words.get("group_nouns", ())),
            company_heads=frozenset(fold(w) for w in words.get("company_heads", ())),
            bodies={fold(w): latin for w, latin in words.get("bodies", {}).items()},
            deities={fold(w): latin for w, latin in words.get("deities", {}).items()},
            deity_titles=frozenset(fold(w) for w in words.get("deity_titles", ())),
            common_surnames=frozenset(fold(w) for w in words.get("common_surnames", ())),
            region_nouns=frozenset(fold(w) for w in words.get("region_nouns", ())),
            deity_name_ends=frozenset(fold(w) for w in words.get("deity_name_ends", ())),
            us_states=_us_states(words.get("us_states", {})),
            state_abbreviations=frozenset(
                a.rstrip(".") for a in words.get("us_states", {}).values() if a.endswith(".")
            ),
            parties=frozenset(e.canonical for e in gazetteer.orgs if e.kind == "party"),
            spelt=frozenset(e.canonical for e in gazetteer.world_orgs),
            org_endings=tuple(words.get("org_endings", ())),
            hyphen_suffixes=frozenset(words.get("hyphen_suffixes", ())),
            place_syllables=frozenset(words.get("place_syllables", ())),
            list_joins=frozenset(words.get("list_joins", ())),
            examples_after=tuple(tuple(p.split()) for p in words.get("examples_after", ())),
            examples_before=frozenset(fold(w) for w in words.get("examples_before", ())),
            org_nouns_before=frozenset(words.get("org_nouns_before", ())),
            legal_forms=frozenset(words.get("legal_forms", ())),
            company_abbreviations=frozenset(words.get("company_abbreviations", ())),
            dwellers=frozenset(words.get("dwellers", ())),
            example_kinds={
                fold(w).casefold(): kind
                for kind, plurals in words.get("example_kinds", {}).items()
                for w in plurals
            },
            people_endings=tuple(words.get("people_endings", ())),
            club_words=frozenset(words.get("club_words", ())),
            peoples=frozenset(words.get("peoples", ())),
            scheme_words=frozenset(fold(w) for w in words.get("scheme_words", ())),
            middle_names=frozenset(fold(w) for w in words.get("middle_names", ())),
            family_words=frozenset(fold(w) for w in words.get("family_words", ())),
            households=frozenset(fold(w) for w in words.get("households", ())),
            name_ends=frozenset(fold(w) for w in words.get("name_ends", ())),
            descent_words=frozenset(fold(w) for w in words.get("descent_words", ())),
            residents=frozenset(fold(w) for w in words.get("residents", ())),
            speech_verbs=frozenset(words.get("speech_verbs", ())),
            titles=frozenset(words.get("titles", ())),
            world_given_names=frozenset(n.casefold() for n in world_given_names),
            org_words=frozenset(words["org_words"]),
            org_heads=frozenset(
                [*words["org_heads"], *(fold(w) for w in words.get("org_heads_devanagari", ()))]
            ),
            org_tails=frozenset(fold(w) for w in [*words["org_links"], *words["org_joins"]]),
            agent=frozenset(fold(w) for w in words["agent"]),
            case_markers=frozenset(fold(w) for w in words.get("case_markers", ())),
            saying=frozenset(fold(w) for w in words.get("saying", ())),
            org_links=frozenset(fold(w) for w in words["org_links"]),
            org_joins=frozenset(fold(w) for w in words["org_joins"]),
            span=aliases.span,
            phonetic_span=aliases.phonetic_span,
            place_words=frozenset(fold(w).casefold() for w in words["place_words"]),
            oblique_place_words=frozenset(fold(w) for w in words.get("oblique_place_words", ())),
            water_words=frozenset(fold(w) for w in words.get("water_words", ())),
            colleges=frozenset(fold(w) for w in words.get("colleges", ())),
            college_joins=frozenset(fold(w) for w in words.get("college_joins", ())),
            houses=frozenset(fold(w) for w in words.get("houses", ())),
            seat_words=frozenset(fold(w) for w in words.get("seat_words", ())),
            areas=frozenset(fold(w) for w in words.get("areas", ())),
            elections=frozenset(fold(w) for w in words.get("elections", ())),
            sports=frozenset(fold(w) for w in words.get("sports", ())),
            ages=frozenset(fold(w) for w in words.get("ages", ())),
            legislators=frozenset(fold(w) for w in words.get("legislators", ())),
            place_phrases=frozenset(tuple(folded_words(p)) for p in words.get("place_phrases", ())),
            auxiliaries=frozenset(fold(w) for w in words.get("auxiliaries", ())),
            locatives=frozenset(fold(w) for w in words.get("locatives", ())),
            situated=frozenset(fold(w) for w in words.get("situated", ())),
            village_words=frozenset(fold(w) for w in words.get("village_words", ())),
            facility_words=frozenset(fold(w) for w in words.get("facility_words", ())),
            place_heads=frozenset(words.get("place_heads", ())),
            given_names=given,
            unspelt_given=frozenset(row[0].casefold() for row in given_names if len(row) < 2),
            unspelt_surnames=frozenset(row[0].casefold() for row in surnames if len(row) < 2),
            surnames=family,
            devanagari_surnames=frozenset(f for f in family if is_devanagari(f)),
            prefixes=frozenset(aliases.prefixes),
            phonetic_pairs=frozenset(" ".join(k.split(" ")[:2]) for k in aliases.phonetic),
            common_acronyms=frozenset(w.upper() for w in words.get("common_acronyms", ())),
            vocabulary=vocabulary or Vocabulary(),
            frequent=frozenset(
                {fold(w) for w, f in (hindi or {}).items() if f >= _FREQUENT and is_devanagari(w)}
                - given.keys()
                - family.keys()
                - aliases.exact.keys()
            ),
            heard=frozenset(fold(w) for w in hindi or () if is_devanagari(w)),
        )


class _Aliases:
    """Gazetteer aliases by matching key and by phonetic key, gathered table by table."""

    def __init__(self, names: Names) -> None:
        self.names = names
        self.exact: dict[str, tuple[str, str]] = {}
        self.phonetic: dict[str, tuple[str, str]] = {}
        self.span: dict[str, int] = {}
        self.phonetic_span: dict[str, int] = {}
        self.prefixes: set[str] = set()

    def add(self, entries: Any, kind: str, heard: bool = True) -> None:
        """A table's aliases; `heard`: also by phonetic key (spelling variants of a name)."""
        for entry in entries:
            for alias in entry.aliases:
                parts = folded_words(alias)
                if parts:
                    self._add(alias, parts, (kind, entry.canonical), heard)

    def _add(self, alias: str, parts: list[str], found: tuple[str, str], heard: bool) -> None:
        self.exact.setdefault(" ".join(parts), found)
        self.prefixes.update(" ".join(parts[:k]) for k in range(1, len(parts) + 1))
        for first in {parts[0], parts[0].casefold()}:
            self.span[first] = max(self.span.get(first, 1), len(parts))
        if len(parts) < 2 or not heard:
            return
        key = self.names.phonetic_key(alias)
        if len(key.replace(" ", "")) >= MIN_PHONETIC and key.count(" ") == len(parts) - 1:
            self.phonetic.setdefault(key, found)
            first_key = key.split(" ")[0]
            self.phonetic_span[first_key] = max(self.phonetic_span.get(first_key, 2), len(parts))


def _roles(gazetteer: Gazetteer, kin_words: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """Role words that introduce a person, and kin words, by their first word, longest first."""
    roles: dict[str, list[tuple[str, ...]]] = {}
    persons = (word for word, _, implies in gazetteer.roles if implies == "PERSON")
    for word in (*persons, *kin_words):
        role = tuple(folded_words(word))
        if role and role not in roles.get(role[0], []):
            roles.setdefault(role[0], []).append(role)
    for options in roles.values():
        options.sort(key=len, reverse=True)
    return roles


def _us_states(states: dict[str, str]) -> dict[tuple[str, ...], str]:
    """Each state's name and abbreviation, as the words a text writes them, -> its name."""
    return {
        tuple(Tokens(form).words): name
        for name, abbreviation in states.items()
        for form in (name, abbreviation)
    }


# Hindi words are common at this Zipf frequency or above (once in 100,000 words), in wordfreq's
# list (Apache-2.0 code; its data, CC BY-SA 4.0, ships in that package and is read there).
FREQUENT_ZIPF = 4.0
_FREQUENT = 10 ** (FREQUENT_ZIPF - 9)  # as a share of words


def _name_forms(rows: list[list[str]]) -> dict[str, str]:
    """A names list: every spelling's matching form -> the Latin name."""
    forms: dict[str, str] = {}
    for row in rows:
        latin = row[0]
        forms.setdefault(latin.casefold(), latin)
        for spelling in filter(None, row[1].split("|") if len(row) > 1 else ()):
            forms.setdefault(fold(spelling.strip()), latin)
    return forms
