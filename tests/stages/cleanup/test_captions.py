"""Photo captions, found by their credit: a line a photo credit closes, and the text a credit
line follows (glued to a paragraph's end, or a line of its own); prose stays."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.captions import drop_captions

PARA = "The institute amended its declaration form on Thursday after the minister's complaint."


def test_a_line_a_photo_credit_closes_is_a_caption(rules):
    d = draft(
        PARA,
        "पथ संचलन में शामिल स्वयंसेवक (फाइल चित्र)",
        "बाढ़ग्रस्त इलाके में राहत सामग्री बांटते जवान - फोटो : पीटीआई",
    )
    drop_captions(d, rules.cleanup.captions)
    assert texts(d) == [PARA] and [r["kind"] for r in d.removed] == ["caption", "caption"]


def test_trap_a_paragraph_that_ends_in_a_credit_keeps_its_text(rules):
    para = "राज्य सरकार ने सोमवार को किसानों के लिए नई राहत योजना को मंजूरी दी। (फाइल फोटो)"
    d = draft(para, "The minister said the scheme would start in May (PTI)")
    drop_captions(d, rules.cleanup.captions)
    assert texts(d) == [
        para.removesuffix(" (फाइल फोटो)"),
        "The minister said the scheme would start in May (PTI)",
    ]
    assert d.removed == [{"kind": "credit", "text": "(फाइल फोटो)", "line": 1}]


def test_a_caption_glued_to_a_paragraph_before_a_credit_line_is_cut(rules):
    glued = (
        PARA[:-1]
        + " in Delhi.The previous version of the form, which asked recruits if they were virgins."
    )
    d = draft(glued, "(HT Photo)", "Officials said the form dated from 1983.")
    drop_captions(d, rules.cleanup.captions)
    assert texts(d)[0] == PARA[:-1] + " in Delhi."
    assert d.removed[0]["kind"] == "caption" and d.removed[0]["text"].startswith("The previous")
    assert texts(d)[1] == "(HT Photo)"  # the credit line is the boilerplate step's


def test_a_caption_line_before_a_credit_line_goes(rules):
    d = draft(PARA, "Flood victims queue for relief material in Guwahati", "(AFP)", PARA)
    drop_captions(d, rules.cleanup.captions)
    assert texts(d) == [PARA, "(AFP)", PARA]


def test_trap_prose_before_a_credit_line_stays(rules):
    spaced = (
        "Styles tops the eyes category with 98.15 per cent. Harry beat the likes of Ryan Gosling."
    )
    d = draft(PARA, spaced, "(AFP)")
    drop_captions(d, rules.cleanup.captions)
    assert texts(d) == [PARA, spaced, "(AFP)"]
