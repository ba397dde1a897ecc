"""The extraction stage on the seed and on small plain dicts."""

from __future__ import annotations

from tests.conftest import squash
from workers.events import validate
from workers.stages.cleanup import clean
from workers.stages.extract import extract
from workers.stages.extract.language import detect_language, dominant_script
from workers.stages.extract.structure import split_sentences


def enriched_seed(seed_text):
    return extract(clean({"text": seed_text}))


def test_seed_enriched_fields(seed_text, seed_expected):
    enriched = enriched_seed(seed_text)
    assert enriched["language"] == seed_expected["language"]
    assert enriched["script"] == seed_expected["script"]
    assert enriched["dateline"] == seed_expected["dateline"]
    assert [squash(p) for p in enriched["paragraphs"]] == [
        squash(p) for p in seed_expected["body_paragraphs"]
    ]
    assert enriched["body"] == "\n\n".join(enriched["paragraphs"])
    assert [d["date"] for d in enriched["dates"]] == seed_expected["dates"]
    assert enriched["mentions"] == ["aimim_national", "asadowaisi", "imtiaz_jaleel"]
    assert enriched["stats"]["paragraphs"] == 3


def test_enriched_satisfies_schema(seed_text):
    enriched = enriched_seed(seed_text)
    enriched["pipeline"]["stages"]["extract"] = {"ms": 1.0}
    validate("article.enriched", enriched)


def test_fingerprint_ignores_spacing_and_nukta():
    a = extract(clean({"text": "क़ौम के लिए काम करेंगे, उन्होंने कहा।\nदूसरा पैरा।"}))
    b = extract(clean({"text": "कौम के  लिए काम करेंगे उन्होंने कहा\nदूसरा पैरा"}))
    assert a["fingerprint"]["content_hash"] == b["fingerprint"]["content_hash"]


def test_language_and_script_of_other_scripts():
    assert dominant_script("আজ কলকাতায় বৃষ্টি হয়েছে") == "Beng"
    assert dominant_script("Rain in Mumbai today") == "Latn"
    assert (
        detect_language("The monsoon reached Kerala on Thursday, the weather office said.") == "en"
    )


def test_sentences_split_on_danda_and_period_but_not_abbreviations():
    text = "डॉ. राम ने कहा। वह आएंगे. Dr. Rao agreed! Ok"
    assert split_sentences(text) == ["डॉ. राम ने कहा।", "वह आएंगे.", "Dr. Rao agreed!", "Ok"]
    # Initials and abbreviations in brackets hold; a quote closing a sentence ends it.
    text = 'The U.S. envoy (Lt. Gen. A. K. Rao) said "we agree." Then he left. ए. राम आए।'
    assert split_sentences(text) == [
        'The U.S. envoy (Lt. Gen. A. K. Rao) said "we agree."',
        "Then he left.",
        "ए. राम आए।",
    ]


def test_seed_entities_under_canonical_names(seed_text, seed_expected):
    enriched = enriched_seed(seed_text)
    found = {(e["type"], e["name"]): e for e in enriched["entities"]}
    for kind, names in seed_expected["entities"].items():
        for name, aliases in names.items():
            assert (kind, name) in found, (kind, name)
            assert set(aliases) <= set(found[(kind, name)]["aliases"]), name
    body = enriched["body"]
    for entity in enriched["entities"]:
        for start, end in entity["spans"]:
            assert body[start:end] in entity["aliases"]


def test_english_span_inside_a_hindi_story():
    from workers.stages.extract.language import mixed_spans

    text = (
        "राष्ट्रपति ने कहा कि देश आगे बढ़ेगा. Prime Minister Modi addressed the nation today. फिर वे चले गए।"
    )
    (span,) = mixed_spans(text, "Deva")
    assert text[span["start"] : span["end"]].startswith("Prime Minister")
    assert (span["script"], span["language"]) == ("Latn", "en")
