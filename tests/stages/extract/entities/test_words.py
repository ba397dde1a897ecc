"""What the rules know of a word, by the lexicon it is looked up in."""

from __future__ import annotations

from workers.stages.extract.entities.words import NOTABLE, where, word_facts


def test_a_role_word_opens_a_match(tiny):
    word = word_facts("अध्यक्ष", tiny)
    assert word.opens and word.name_like and word.devanagari
    assert not (word.particle or word.place or word.capital or word.initial)


def test_a_known_given_name_opens_in_either_script(tiny):
    amit = word_facts("Amit", tiny)._asdict()
    assert amit == amit | {"folded": "amit", "opens": True, "key": "amt", "phonetic": "amt"}
    assert amit == amit | {"name_like": True, "capital": True, "notable": True}
    assert not any(amit[fact] for fact in ("prefix_only", "particle", "place", "org_head", "agent"))
    assert word_facts("अमीत", tiny).opens
    assert not word_facts("Sumit", tiny).opens


def test_a_word_that_opens_only_longer_aliases_says_so(tiny):
    """The finder looks at it only where the next word goes on with an alias."""
    alias = next(a for a in tiny.exact if " " in a and a.split()[0] not in tiny.exact)
    first = word_facts(alias.split()[0], tiny)
    assert first.opens and first.prefix_only and first.notable
    assert not word_facts("Amit", tiny).prefix_only  # a name by itself


def test_notable_words_are_the_ones_a_name_may_start_at(tiny):
    assert word_facts("Braverman", tiny).notable  # capitalised
    assert word_facts("ने", tiny).agent and not word_facts("ने", tiny).notable
    assert not word_facts("rain", tiny).notable
    assert where([word_facts(w, tiny) for w in ["the", "rain", "in", "Pune"]], NOTABLE) == [3]


def test_a_word_spelt_in_latin_letter_names_knows_its_acronym(tiny):
    assert word_facts("ईबीआरडी", tiny).acronym == "EBRD"
    assert word_facts("बीमारी", tiny).acronym == ""  # a word, no letters spelt out
    assert word_facts("EBRD", tiny).acronym == ""


def test_a_common_word_is_common_in_any_case(tiny):
    assert word_facts("The", tiny).common and word_facts("the", tiny).common
    assert word_facts("the", tiny).lower and not word_facts("The", tiny).lower
    assert not word_facts("Amit", tiny).common
    assert not word_facts("अमीत", tiny).lower  # case is a Latin word's


def test_a_particle_has_no_phonetic_opening(tiny):
    word = word_facts("ने", tiny)
    assert word.particle and word.key == "n" and word.phonetic == ""
    assert not word.opens


def test_a_place_word_in_any_spelling(tiny):
    assert word_facts("गांव", tiny).place
    assert word_facts("गाँव", tiny).place
    assert word_facts("District", tiny).place
    assert not word_facts("मझौलिया", tiny).place


def test_only_a_capitalised_head_noun_ends_an_organisation(tiny):
    head = word_facts("Authority", tiny)
    assert head.org_head and head.capital and head.name_like and head.folded == "authority"
    lower = word_facts("authority", tiny)
    assert not (lower.org_head or lower.capital or lower.name_like) and lower.phonetic == ""


def test_initials_are_capital_but_not_name_like(tiny):
    word = word_facts("T.J", tiny)
    assert word.initial and word.capital and word.folded == "T.J"
    assert not word.name_like
    assert word_facts("यू.आर", tiny).initial
    assert not word_facts("Tj", tiny).initial


def test_a_devanagari_word_has_a_key_and_opens_only_if_known(tiny, rules):
    word = word_facts("कलीमुल", tiny)
    assert word.devanagari and word.name_like and not word.capital
    assert word.key == word.phonetic == "klml"
    assert word.opens
    assert not word_facts("कलीमुल", rules.extract.entities.lexicon).opens


def test_a_devanagari_acronym_opens_when_its_letters_are_an_alias(tiny):
    assert word_facts("एफएसएल", tiny).opens
    assert not word_facts("एसएसपी", tiny).opens
