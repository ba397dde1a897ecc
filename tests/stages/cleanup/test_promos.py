"""Read-also promos: their headlines into `related`, the lines out; body text that reads
"read" stays."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.promos import PromoRules, extract_related, first_word


def test_read_also_captures_headline_and_url(rules):
    d = draft(
        "Body.",
        "Also Read: Monsoon reaches Kerala https://example.com/monsoon",
        "यह भी पढ़ें- दिल्ली में बारिश",
        "हेही वाचा: पुण्यात पाऊस",
    )
    extract_related(d, rules.cleanup.promos)
    assert texts(d) == ["Body."]
    assert d.related == [
        {"title": "Monsoon reaches Kerala", "url": "https://example.com/monsoon"},
        {"title": "दिल्ली में बारिश", "url": None},
        {"title": "पुण्यात पाऊस", "url": None},
    ]


def test_read_also_prefix_alone_takes_next_line(rules):
    d = draft("Body.", "ALSO READ", "Sensex ends higher", "More body.")
    extract_related(d, rules.cleanup.promos)
    assert texts(d) == ["Body.", "More body."]
    assert d.related[0]["title"] == "Sensex ends higher"


def test_a_promo_glued_after_a_sentence_is_split_off(rules):
    d = draft("बारिश जारी रहेगी। ये भी पढ़ें: दिल्ली में अलर्ट")
    extract_related(d, rules.cleanup.promos)
    assert texts(d) == ["बारिश जारी रहेगी।"]
    assert d.related == [{"title": "दिल्ली में अलर्ट", "url": None}]


def test_body_sentence_with_padhen_stays(rules):
    for line in (
        "छात्र रोज दो घंटे पढ़ें, यह सलाह शिक्षकों ने दी।",
        "Read the full statement of the court, he told reporters.",
    ):
        d = draft(line)
        extract_related(d, rules.cleanup.promos)
        assert texts(d) == [line]


def test_rules_of_other_phrases():
    small = PromoRules.of_phrases({"xx": {"loose": ["See also"], "strict": ["See"]}})
    assert small.title("See also: The other story") == "The other story"
    assert small.title("See the river rise") is None
    assert small.title("See - The third one") == "The third one"
    assert first_word("» See also") == "see" and small.first_words == frozenset({"see"})


def test_promo_labels_in_their_real_spellings(rules):
    d = draft("ये भी पढ़ेंः मोदी ने की बड़ी घोषणा", "इसे भी पढ़ें- राहुल का बयान", "अतः बैठक कल होगी।")
    extract_related(d, rules.cleanup.promos)
    assert [r["title"] for r in d.related] == ["मोदी ने की बड़ी घोषणा", "राहुल का बयान"]
    assert texts(d) == ["अतः बैठक कल होगी।"]


def test_a_promo_glued_to_a_sentence_without_its_space_is_split_off(rules):
    d = draft(
        "Forces moved in to trap him.ALSO READ:After the encounter, a new hitlist of wanted men",
        "He was cleared.Read | Brad Pitt's first interview after the split",
    )
    extract_related(d, rules.cleanup.promos)
    assert texts(d) == ["Forces moved in to trap him.", "He was cleared."]
    assert [r["title"] for r in d.related] == [
        "After the encounter, a new hitlist of wanted men",
        "Brad Pitt's first interview after the split",
    ]


def test_trap_an_abbreviation_s_dot_before_a_capital_is_no_promo_boundary(rules):
    d = draft("The U.S.Read more about the talks in our live blog later today, officials said.")
    extract_related(d, rules.cleanup.promos)
    assert len(texts(d)) == 1
