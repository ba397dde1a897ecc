"""Names across scripts: romanisation, phonetic keys, Devanagari acronyms, handles."""

from __future__ import annotations

import pytest

from workers.stages.extract.entities.names import Names, humanize_handle


@pytest.fixture(scope="module")
def names(rules) -> Names:
    return rules.extract.entities.lexicon.names


def test_spelling_variants_share_a_phonetic_key(names):
    assert (
        names.phonetic_key("कलीमुल हफीज")
        == names.phonetic_key("कलीमुल हाफिज")
        == names.phonetic_key("Kaleemul Hafeez")
    )
    assert names.phonetic_key("क़ौम") == names.phonetic_key("कौम")
    assert names.phonetic_key("Owaisi") != names.phonetic_key("Kejriwal")


def test_romanize_reads_like_a_newspaper_spelling(names):
    assert names.romanize("कलीमुल") == "Kaleemul"
    assert names.romanize("जलील") == "Jaleel"


def test_romanize_drops_the_final_inherent_vowel(names):
    assert names.romanize("राम") == "Ram"
    assert names.romanize("कमल") == "Kamal"
    assert names.romanize("Ram") == "Ram"


def test_romanize_keeps_a_final_long_a(names):
    """Only a consonant's unwritten final "a" is dropped, never the vowel sign ा."""
    assert names.romanize("राधा") == "Radha"
    assert names.romanize("रेखा") == "Rekha"
    assert names.romanize("सोनिया") == "Soniya"
    assert names.romanize("राम") == "Ram"


def test_romanize_drops_the_unspoken_a_inside_a_word_and_keeps_it_after_r_clusters(names):
    """Between a vowel and a consonant that has one, a consonant's unwritten "a" is not
    spoken (right to left); at the end it is, after a cluster ending in r, y or v."""
    for word, latin in {
        "कमला": "Kamla",
        "अरशद": "Arshad",
        "गढ़चिरोली": "Garhchirolee",
        "तिलक": "Tilak",  # no vowel after the last consonant: kept
        "सुरेंद्र": "Surendra",
        "सत्य": "Satya",
        "गोविन्द": "Govind",
        "रामनगर": "Ramnagar",  # a place-name ending apart: not "Ramangar"
        "कानपुर": "Kanpur",
    }.items():
        assert names.romanize(word) == latin, word


def test_devanagari_acronyms(names):
    assert names.acronym("एफएसएल") == "FSL"
    assert names.acronym("एआईएमआईएम") == "AIMIM"
    assert names.acronym("कांग्रेस") is None


def test_handles_to_names():
    assert humanize_handle("imtiaz_jaleel") == "Imtiaz Jaleel"
    assert humanize_handle("KaleemulHafeez") == "Kaleemul Hafeez"
    assert humanize_handle("asadowaisi") is None


def test_role_word_introduces_an_unknown_person(rules):
    (person,) = [
        e
        for e in rules.extract.entities("विधायक रामखिलावन ने कहा कि सड़क बनेगी।", None, None, [])
        if e["type"] == "PERSON"
    ]
    assert person["aliases"] == ["रामखिलावन"] and person["spans"] == [[7, 16]]


def test_tweet_author_links_devanagari_spellings(rules):
    embeds = [{"author_name": "Kaleemul Hafeez", "handle": "KaleemulHafeez", "mentions": []}]
    entities = rules.extract.entities("कलीमुल हाफिज ने इस्तीफा दिया।", None, None, embeds)
    (person,) = [e for e in entities if e["name"] == "Kaleemul Hafeez"]
    assert "कलीमुल हाफिज" in person["aliases"]


def test_known_given_name_and_surname_make_a_person(rules):
    text = "पुलिस ने बताया कि सुरेंद्र राय को पकड़ा गया। Garry Kasparov praised the winner."
    people = {
        e["aliases"][0]: e["name"]
        for e in rules.extract.entities(text, None, None, [])
        if e["type"] == "PERSON"
    }
    assert people["सुरेंद्र राय"].startswith("Surendra ")
    assert people["Garry Kasparov"] == "Garry Kasparov"


def test_unknown_dateline_and_a_named_village_are_places(rules):
    entities = rules.extract.entities(
        "मझौलिया गांव में बारिश हुई। प्रभावित क्षेत्र में राहत पहुंची।", "लिनचोली", None, []
    )
    places = {e["aliases"][0]: e for e in entities if e["type"] == "LOC"}
    assert set(places) == {"लिनचोली", "मझौलिया"}
    assert places["लिनचोली"]["sources"] == ["dateline"] and places["लिनचोली"]["spans"] == []


def test_a_name_that_opens_with_a_vowel_keeps_it_in_the_key(names):
    assert names.phonetic_key("अजीत डोभाल") == names.phonetic_key("Ajit Doval".replace("v", "bh"))
    assert names.phonetic_key("अजीत") != names.phonetic_key("जीत")
    assert names.phonetic_key("Owaisi") == names.phonetic_key("ओवैसी")


def test_a_latin_skeleton_drops_vowels_and_merges_letter_classes(names):
    assert names.latin_skeleton("Chhabra") == names.latin_skeleton("Chabra") == "kbr"
    assert names.latin_skeleton("Qureshi") == names.latin_skeleton("Kureshi")
    assert names.latin_skeleton("Zoë") == names.latin_skeleton("Joe")  # "ë" read as "e"


def test_letter_classes_that_would_feed_each_other_are_refused():
    from workers import data

    table = data.toml("names", "devanagari.toml")
    table["phonetic"] = {**table["phonetic"], "letters": [["z", "j"], ["j", "y"]]}
    with pytest.raises(ValueError, match="spells another class"):
        Names(table)
