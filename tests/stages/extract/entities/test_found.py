"""Found entities merged across spellings, and the embeds' authors and handles."""

from __future__ import annotations

from workers.stages.extract.entities.found import Authors, Found, add_authors, add_handle

HAFEEZ_TWEET = {"author_name": "Kaleemul Hafeez", "handle": "KaleemulHafeez", "mentions": []}


def test_two_spellings_of_one_name_are_one_entity(tiny):
    found = Found(tiny.names)
    found.add("PERSON", "Kaleemul Hafeez", "Kaleemul Hafeez", "title")
    found.add("PERSON", "कलीमुल हाफिज", "कलीमुल हाफिज", "body", (0, 12))
    assert found.records() == [
        {
            "type": "PERSON",
            "name": "Kaleemul Hafeez",
            "aliases": ["Kaleemul Hafeez", "कलीमुल हाफिज"],
            "count": 2,
            "spans": [[0, 12]],
            "sources": ["title", "body"],
        }
    ]


def test_a_shared_key_merges_only_the_same_type_and_long_keys(tiny):
    found = Found(tiny.names)
    found.add("PERSON", "Kaleemul Hafeez", "Kaleemul Hafeez", "body")
    found.add("ORG", "कलीमुल हफीज", "कलीमुल हफीज", "body")
    found.add("PERSON", "Ram", "Ram", "body")
    found.add("PERSON", "राम", "राम", "body")
    assert sorted(found.by_name) == [
        ("ORG", "कलीमुल हफीज"),
        ("PERSON", "Kaleemul Hafeez"),
        ("PERSON", "Ram"),
        ("PERSON", "राम"),
    ]


def test_records_are_the_most_mentioned_first_then_by_type_and_name(tiny):
    found = Found(tiny.names)
    for kind, name in [("PERSON", "Zoya"), ("LOC", "Patna"), ("ORG", "FSL"), ("LOC", "Patna")]:
        found.add(kind, name, name, "body")
    assert [(e["name"], e["count"]) for e in found.records()] == [
        ("Patna", 2),
        ("FSL", 1),
        ("Zoya", 1),
    ]


def test_a_tweet_author_is_an_entity_and_a_key_to_match(tiny):
    found = Found(tiny.names)
    authors = add_authors([HAFEEZ_TWEET, {"handle": "nobody"}], tiny, found)
    assert authors == Authors(
        {"klml hfj": ("PERSON", "Kaleemul Hafeez")}, {"klml": 2}, frozenset({"klml hfj"})
    )
    assert [(e["type"], e["name"], e["aliases"], e["sources"]) for e in found.records()] == [
        ("PERSON", "Kaleemul Hafeez", ["@KaleemulHafeez"], ["embed"])
    ]


def test_an_author_with_an_organisation_word_is_an_org(tiny):
    found = Found(tiny.names)
    add_authors([{"author_name": "Patna Police", "handle": None}], tiny, found)
    assert [(e["type"], e["aliases"]) for e in found.records()] == [("ORG", ["Patna Police"])]


def test_a_known_handle_is_its_account(tiny):
    found = Found(tiny.names)
    add_handle("kaleemulhafeez", tiny, found, [])
    assert [(e["type"], e["name"], e["aliases"], e["sources"]) for e in found.records()] == [
        ("PERSON", "Kaleemul Hafeez", ["@kaleemulhafeez"], ["handle"])
    ]


def test_an_unknown_handle_is_a_name_when_it_splits_into_words(tiny):
    found = Found(tiny.names)
    add_handle("imtiaz_jaleel", tiny, found, [])
    add_handle("asadowaisi", tiny, found, [])
    add_handle("Bihar_Police", tiny, found, [])
    assert [(e["type"], e["name"], e["aliases"]) for e in found.records()] == [
        ("ORG", "Bihar Police", ["@Bihar_Police"]),
        ("PERSON", "Imtiaz Jaleel", ["@imtiaz_jaleel"]),
    ]


def test_an_embed_authors_handle_is_not_added_twice(tiny):
    found = Found(tiny.names)
    embeds = [{"author_name": "Imtiaz Jaleel", "handle": "imtiaz_jaleel", "mentions": []}]
    add_authors(embeds, tiny, found)
    add_handle("Imtiaz_Jaleel", tiny, found, embeds)
    assert [(e["name"], e["count"], e["sources"]) for e in found.records()] == [
        ("Imtiaz Jaleel", 1, ["embed"])
    ]


def test_a_one_word_name_typed_a_person_and_as_often_a_place_is_the_place(rules):
    """One sense in one text: the weak evidence that made "Congo" a person at two mentions
    ("Congo's army") yields to the place's at as many ("GOMA, Congo (AP)", "in Congo")."""
    text = (
        "GOMA, Congo (AP) - Rebels took villages in eastern Congo's North Kivu province. Congo's"
        " army said more than 7 million people are displaced in Congo."
    )
    found = rules.extract.entities(text, None, None, [])
    assert [(e["type"], e["name"], e["count"]) for e in found if e["name"] == "Congo"] == [
        ("LOC", "Congo", 4)
    ]


def test_trap_a_person_named_more_often_than_a_place_keeps_his_type(tiny):
    """ "Jordan scored ... Jordan said ... flew to Jordan": the player and the country."""
    found = Found(tiny.names)
    for kind in ("PERSON", "PERSON", "LOC"):
        found.add(kind, "Jordan", "Jordan", "body")
    records = found.records()
    assert [(e["type"], e["count"]) for e in records] == [("PERSON", 2), ("LOC", 1)]


def test_trap_a_one_word_name_a_person_s_full_name_ends_in_stays_a_person(tiny):
    """ "Kylie Jenner", then "Jenner still has" and a town of the lists' named Jenner."""
    found = Found(tiny.names)
    found.add("PERSON", "Kylie Jenner", "Kylie Jenner", "body")
    found.add("PERSON", "Jenner", "Jenner", "body")
    found.add("LOC", "Jenner", "Jenner", "body")
    assert ("PERSON", "Jenner") in [(e["type"], e["name"]) for e in found.records()]


def test_a_person_and_a_place_mentioned_as_often_keep_their_types_when_the_person_is_first(
    rules,
):
    """ "Defence Secretary Austin ... in Austin": a man, then a city."""
    found = rules.extract.entities(
        "Defence Secretary Austin spoke on Monday. The meeting was held in Austin.", None, None, []
    )
    assert sorted(e["type"] for e in found if e["name"] == "Austin") == ["LOC", "PERSON"]
