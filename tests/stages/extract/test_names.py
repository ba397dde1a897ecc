"""Names across scripts: romanisation, phonetic keys, Devanagari acronyms, handles."""

from __future__ import annotations

from workers.stages.extract.entities import find_entities
from workers.stages.extract.names import acronym, humanize_handle, phonetic_key, romanize


def test_spelling_variants_share_a_phonetic_key():
    assert (
        phonetic_key("कलीमुल हफीज") == phonetic_key("कलीमुल हाफिज") == phonetic_key("Kaleemul Hafeez")
    )
    assert phonetic_key("क़ौम") == phonetic_key("कौम")
    assert phonetic_key("Owaisi") != phonetic_key("Kejriwal")


def test_romanize_reads_like_a_newspaper_spelling():
    assert romanize("कलीमुल") == "Kaleemul"
    assert romanize("जलील") == "Jaleel"


def test_devanagari_acronyms():
    assert acronym("एफएसएल") == "FSL"
    assert acronym("एआईएमआईएम") == "AIMIM"
    assert acronym("कांग्रेस") is None


def test_handles_to_names():
    assert humanize_handle("imtiaz_jaleel") == "Imtiaz Jaleel"
    assert humanize_handle("KaleemulHafeez") == "Kaleemul Hafeez"
    assert humanize_handle("asadowaisi") is None


def test_role_word_introduces_an_unknown_person():
    (person,) = [
        e
        for e in find_entities("विधायक रामखिलावन ने कहा कि सड़क बनेगी।", None, None, [])
        if e["type"] == "PERSON"
    ]
    assert person["aliases"] == ["रामखिलावन"] and person["spans"] == [[7, 16]]


def test_tweet_author_links_devanagari_spellings():
    embeds = [{"author_name": "Kaleemul Hafeez", "handle": "KaleemulHafeez", "mentions": []}]
    entities = find_entities("कलीमुल हाफिज ने इस्तीफा दिया।", None, None, embeds)
    (person,) = [e for e in entities if e["name"] == "Kaleemul Hafeez"]
    assert "कलीमुल हाफिज" in person["aliases"]


def test_known_given_name_and_surname_make_a_person():
    text = "पुलिस ने बताया कि सुरेंद्र राय को पकड़ा गया। Garry Kasparov praised the winner."
    people = {
        e["aliases"][0]: e["name"]
        for e in find_entities(text, None, None, [])
        if e["type"] == "PERSON"
    }
    assert people["सुरेंद्र राय"].startswith("Surendra ")
    assert people["Garry Kasparov"] == "Garry Kasparov"


def test_unknown_dateline_and_a_named_village_are_places():
    entities = find_entities(
        "मझौलिया गांव में बारिश हुई। प्रभावित क्षेत्र में राहत पहुंची।", "लिनचोली", None, []
    )
    places = {e["aliases"][0]: e for e in entities if e["type"] == "LOC"}
    assert set(places) == {"लिनचोली", "मझौलिया"}
    assert places["लिनचोली"]["sources"] == ["dateline"] and places["लिनचोली"]["spans"] == []


def test_a_name_that_opens_with_a_vowel_keeps_it_in_the_key():
    assert phonetic_key("अजीत डोभाल") == phonetic_key("Ajit Doval".replace("v", "bh"))
    assert phonetic_key("अजीत") != phonetic_key("जीत")
    assert phonetic_key("Owaisi") == phonetic_key("ओवैसी")
