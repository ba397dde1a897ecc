"""A lexicon built from a tiny gazetteer and word lists, beside the shipped one; and what the
shipped finder finds in a text, as spans or as the surfaces of one type."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workers.stages.extract.entities.lexicon import Lexicon
from workers.stages.extract.entities.names import Names
from workers.stages.gazetteer import Gazetteer, entries
from workers.stages.rules import Rules

WORDS = {
    "hi": ["ने", "में", "को"],
    "en": ["the", "said"],
    "not_names": ["मौजूद"],
    "agent": ["ने"],
    "org_words": ["police"],
    "org_heads": ["authority", "group"],
    "org_links": ["of", "for"],
    "org_joins": ["and"],
    "place_words": ["गाँव", "District"],
}


@pytest.fixture(scope="session")
def tiny() -> Lexicon:
    gazetteer = Gazetteer(
        persons=entries([["Kaleemul Hafeez", "politician", "कलीमुल हफीज|Hafeez"]]),
        orgs=entries([["Forensic Science Laboratory", "lab", "FSL"]]),
        places=entries([["Mazhauliya", "village", "मझौलिया"]]),
        handles=(("KaleemulHafeez", "Kaleemul Hafeez", "PERSON"),),
        roles=(
            ("अध्यक्ष", "hi", "PERSON"),
            ("पूर्व मंत्री", "hi", "PERSON"),
            ("पूर्व केंद्रीय मंत्री", "hi", "PERSON"),
            ("अध्यक्ष", "en", "PERSON"),
            ("Chief Minister", "en", "PERSON"),
            ("चुनाव", "hi", "EVENT"),
        ),
    )
    return Lexicon.build(
        gazetteer,
        Names.load(),
        WORDS,
        given_names=[["Amit", "अमित|अमीत"]],
        surnames=[["Hafeez", "हफ़ीज़|हाफिज"], ["Rai"]],
    )


@pytest.fixture(scope="session")
def spans(rules: Rules):
    """The (type, text) of every entity span the shipped finder finds in a text, sorted."""

    def found(text: str) -> list[tuple[str, str]]:
        return sorted(
            (e["type"], text[start:end])
            for e in rules.extract.entities(text, None, None, [])
            for start, end in e["spans"]
        )

    return found


def _aliases(rules: Rules, kind: str) -> Callable[[str], list[str]]:
    """The surface forms of every entity of `kind` the shipped finder finds in a text, sorted."""

    def found(text: str) -> list[str]:
        entities = rules.extract.entities(text, None, None, [])
        return sorted(s for e in entities if e["type"] == kind for s in e["aliases"])

    return found


@pytest.fixture(scope="session")
def people(rules: Rules) -> Callable[[str], list[str]]:
    return _aliases(rules, "PERSON")


@pytest.fixture(scope="session")
def places(rules: Rules) -> Callable[[str], list[str]]:
    return _aliases(rules, "LOC")


@pytest.fixture(scope="session")
def organisations(rules: Rules) -> Callable[[str], list[str]]:
    return _aliases(rules, "ORG")
