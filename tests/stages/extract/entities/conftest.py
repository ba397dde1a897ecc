"""A lexicon built from a tiny gazetteer and word lists, beside the shipped one."""

from __future__ import annotations

import pytest

from workers.stages.extract.entities.lexicon import Lexicon
from workers.stages.extract.entities.names import Names
from workers.stages.gazetteer import Gazetteer, entries

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
