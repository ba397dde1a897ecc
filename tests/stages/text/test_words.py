"""Words: splitting a text into words, word keys, and the tokens of names."""

from __future__ import annotations

from workers.stages.text.words import NAME_TOKEN, word_key, words


def test_hindi_words_keep_their_vowel_signs():
    assert words("किताबें पढ़ो, बच्चों!") == ["किताबें", "पढ़ो", "बच्चों"]


def test_words_of_other_indian_scripts_and_digits():
    assert words("தமிழ் নতুন ২০২৪ २०२४ 2024") == ["தமிழ்", "নতুন", "২০২৪", "२०२४", "2024"]


def test_an_underscore_splits_words_like_a_space():
    assert words("@imtiaz_jaleel #नई_दिल्ली") == ["imtiaz", "jaleel", "नई", "दिल्ली"]


def test_punctuation_and_space_are_not_words():
    assert words(" -- । , ! ") == []


def test_word_key_folds_case_punctuation_and_spacing():
    assert word_key("  Hello,  WORLD! नई-दिल्ली ") == "hello world नई दिल्ली"
    assert word_key("Modi's   SPEECH") == word_key("modi s speech")


def test_a_name_token_is_joined_only_by_dot_and_ampersand():
    text = "M.K. Stalin, R&AW and BJP's Chennai-born O'Brien"
    assert NAME_TOKEN.findall(text) == [
        "M.K",
        "Stalin",
        "R&AW",
        "and",
        "BJP",
        "s",
        "Chennai",
        "born",
        "O",
        "Brien",
    ]


def test_a_name_token_keeps_a_combining_latin_accent():
    assert NAME_TOKEN.findall("Cafe\u0301 Rene\u0301") == ["Cafe\u0301", "Rene\u0301"]


def test_a_dot_joins_initials_and_a_domain_but_not_glued_sentences():
    """A scraper glues sentences ("Kashmir.With"): two words; "W.Va." and "Aceshowbiz.com" stay
    one, as do Devanagari initials."""
    assert NAME_TOKEN.findall("Kashmir.With a bounty, head.Reports") == [
        "Kashmir",
        "With",
        "a",
        "bounty",
        "head",
        "Reports",
    ]
    assert NAME_TOKEN.findall("W.Va. Aceshowbiz.com A.P.J. एम.के.स्टालिन") == [
        "W.Va",
        "Aceshowbiz.com",
        "A.P.J",
        "एम.के.स्टालिन",
    ]


def test_a_zero_width_joiner_inside_a_word_keeps_it_one_name_token():
    assert NAME_TOKEN.findall("कार्त\u200dिक \u200d आर्यन") == ["कार्त\u200dिक", "आर्यन"]


def test_a_joiner_at_a_word_s_end_is_no_part_of_it():
    assert NAME_TOKEN.findall("भाजपा\u200d नेता राहुल गांधी\u200c ने") == [
        "भाजपा",
        "नेता",
        "राहुल",
        "गांधी",
        "ने",
    ]
