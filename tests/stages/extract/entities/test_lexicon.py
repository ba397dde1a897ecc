"""Tokens, the matching form of words, and a lexicon built from a tiny gazetteer."""

from __future__ import annotations

from workers.stages.extract.entities.lexicon import Tokens, fold, folded_words


def test_tokens_are_words_with_the_gaps_between_them():
    toks = Tokens("कलीमुल हफीज (AIMIM) ने, M.K. Stalin R&AW BJP's")
    assert toks.words == ["कलीमुल", "हफीज", "AIMIM", "ने", "M.K", "Stalin", "R&AW", "BJP", "s"]
    assert len(toks) == 9
    assert [toks.gap(k) for k in range(8)] == ["", "(", ")", ",", ".", "", "", "'"]


def test_a_span_gives_offsets_into_the_original_text():
    text = "कलीमुल हफीज (AIMIM) ने कहा"
    toks = Tokens(text)
    assert toks.span(0, 1) == (0, 11)
    assert text[slice(*toks.span(0, 1))] == "कलीमुल हफीज"
    assert text[slice(*toks.span(2, 2))] == "AIMIM"
    assert text[slice(*toks.span(1, 4))] == "हफीज (AIMIM) ने कहा"


def test_an_underscore_is_a_space_that_keeps_the_offsets():
    text = "@imtiaz_jaleel से"
    toks = Tokens(text)
    assert toks.words == ["imtiaz", "jaleel", "से"]
    assert text[slice(*toks.span(0, 1))] == "imtiaz_jaleel"
    assert toks.span(2, 2) == (15, 17)


def test_only_spaces_make_words_adjacent():
    toks = Tokens("कलीमुल  हफीज, AIMIM) ने।")
    assert [toks.adjacent(k) for k in range(3)] == [True, False, False]


def test_fold_merges_nukta_and_chandrabindu_spellings():
    assert fold("ज़िले") == fold("जिले") == "जिले"
    assert fold("\u095b") == fold("ज\u093c") == "ज"
    assert fold("गाँव") == fold("गांव") == "गांव"


def test_fold_keeps_short_acronyms_and_case_folds_other_latin():
    assert fold("AIMIM") == "AIMIM"
    assert fold("T.J") == "T.J"
    assert fold("Delhi") == "delhi"
    assert fold("DELHIPOLICE") == "delhipolice"
    assert fold("Straße") == "strasse"
    assert folded_words("Delhi Police (FSL)") == ["delhi", "police", "FSL"]


def test_exact_aliases_of_every_table(tiny):
    assert tiny.exact == {
        "kaleemul hafeez": ("PERSON", "Kaleemul Hafeez"),
        "कलीमुल हफीज": ("PERSON", "Kaleemul Hafeez"),
        "hafeez": ("PERSON", "Kaleemul Hafeez"),
        "forensic science laboratory": ("ORG", "Forensic Science Laboratory"),
        "FSL": ("ORG", "Forensic Science Laboratory"),
        "mazhauliya": ("LOC", "Mazhauliya"),
        "मझौलिया": ("LOC", "Mazhauliya"),
    }
    assert tiny.handles == {"kaleemulhafeez": ("PERSON", "Kaleemul Hafeez")}


def test_multi_word_aliases_have_phonetic_keys(tiny):
    assert tiny.phonetic == {
        "klml hfj": ("PERSON", "Kaleemul Hafeez"),
        "frnsk sknk lbrtr": ("ORG", "Forensic Science Laboratory"),
    }
    assert tiny.phonetic_span == {"klml": 2, "frnsk": 3}
    assert tiny.phonetic_pairs == frozenset({"klml hfj", "frnsk sknk"})


def test_span_and_prefixes_say_how_far_an_alias_can_grow(tiny):
    assert tiny.span == {
        "kaleemul": 2,
        "कलीमुल": 2,
        "hafeez": 1,
        "forensic": 3,
        "FSL": 1,
        "fsl": 1,
        "mazhauliya": 1,
        "मझौलिया": 1,
    }
    assert tiny.prefixes == frozenset(
        {
            "kaleemul",
            "kaleemul hafeez",
            "कलीमुल",
            "कलीमुल हफीज",
            "hafeez",
            "forensic",
            "forensic science",
            "forensic science laboratory",
            "FSL",
            "mazhauliya",
            "मझौलिया",
        }
    )


def test_person_roles_by_first_word_longest_first_once_each(tiny):
    assert tiny.roles == {
        "अध्यक्ष": [("अध्यक्ष",)],
        "पूर्व": [("पूर्व", "केंद्रीय", "मंत्री"), ("पूर्व", "मंत्री")],
        "chief": [("chief", "minister")],
    }


def test_name_lists_map_both_spellings_to_the_latin_name(tiny):
    assert tiny.given_names == {"amit": "Amit", "अमित": "Amit", "अमीत": "Amit"}
    assert tiny.surnames == {"hafeez": "Hafeez", "हफीज": "Hafeez", "हाफिज": "Hafeez", "rai": "Rai"}


def test_word_lists_are_kept_in_their_matching_form(tiny):
    assert tiny.place_words == frozenset({"गांव", "district"})
    assert tiny.particles == frozenset({"ने", "में", "को", "the", "said", "मौजूद"})
    assert tiny.agent == frozenset({"ने"})
    assert tiny.org_heads == frozenset({"authority", "group"})
