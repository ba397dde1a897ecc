"""Language and script of the body, and spans in another script with their own language."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from workers.stages.extract.language import (
    detect_language,
    detect_languages,
    dominant_script,
    mixed_spans,
)


def test_language_and_script_of_other_scripts():
    assert dominant_script("আজ কলকাতায় বৃষ্টি হয়েছে") == "Beng"
    assert dominant_script("Rain in Mumbai today") == "Latn"
    assert dominant_script("12345 !!") == "Zyyy"
    assert (
        detect_language("The monsoon reached Kerala on Thursday, the weather office said.") == "en"
    )


def test_the_hint_decides_when_the_detector_cannot():
    assert detect_language("ok", "hi") == "hi"
    assert detect_language("", None) == "und"


def test_english_span_inside_a_hindi_story():
    text = (
        "राष्ट्रपति ने कहा कि देश आगे बढ़ेगा. Prime Minister Modi addressed the nation today. फिर वे चले गए।"
    )
    (span,) = mixed_spans(text, "Deva")
    assert text[span["start"] : span["end"]].startswith("Prime Minister")
    assert (span["script"], span["language"]) == ("Latn", "en")


def test_a_korean_story_is_not_a_span_of_itself():
    text = "서울에서 회의가 열렸다. 정부는 발표했다. Samsung Electronics said profits rose. 끝."
    assert [(s["script"], text[s["start"] : s["end"]]) for s in mixed_spans(text, "Hang")] == [
        ("Latn", "Samsung Electronics said profits rose.")
    ]


def test_the_step_sets_language_script_and_spans():
    article = analysis("दिल्ली में आज भारी बारिश हुई और कई इलाकों में पानी भर गया।", language_hint="hi")
    detect_languages(article)
    assert (article.enriched["language"], article.enriched["script"]) == ("hi", "Deva")
    assert article.enriched["language_spans"] == []
