"""The large shipped word lists, held as hashes: what they answer."""

from __future__ import annotations

from workers.stages.extract.entities.vocabulary import Vocabulary, WordSet


def test_a_word_set_answers_membership_in_any_case():
    words = WordSet(["Mertens", "new south wales"])
    assert "mertens" in words and "MERTENS" in words and "New South Wales" in words
    assert "Merten" not in words and 3 not in words and len(words) == 2


def test_the_shipped_lists_know_common_words_surnames_and_places():
    vocabulary = Vocabulary.load()
    assert "museum" in vocabulary.common and "warhol" not in vocabulary.common
    assert "Braverman" in vocabulary.surnames and "Young" not in vocabulary.surnames  # a word
    assert "Evansville" in vocabulary.places and "Olympic" not in vocabulary.places
