"""Each cleanup step alone, on small drafts: what it removes, and what it must leave."""

from __future__ import annotations

from workers.stages.cleanup import run_steps
from workers.stages.cleanup.boilerplate import drop_boilerplate, drop_separators
from workers.stages.cleanup.draft import Draft, Line
from workers.stages.cleanup.duplicates import drop_repeats
from workers.stages.cleanup.embeds import extract_embeds, parse_date
from workers.stages.cleanup.markup import strip_markup
from workers.stages.cleanup.promos import extract_related
from workers.stages.cleanup.repair import repair_glued_sentences, split_glued_handles


def draft(*lines: str) -> Draft:
    return Draft([Line(text, no) for no, text in enumerate(lines, start=1)])


def texts(d: Draft) -> list[str]:
    return [line.text for line in d.lines]


def test_markup_attribute_fragment_splits_the_line():
    d = strip_markup(draft(['2023 " class="twitterSection" data="', "x"][0]))
    assert texts(d) == ["2023"]
    assert d.removed[0]["kind"] == "markup_residue"


def test_markup_tags_entities_and_pic_links():
    d = strip_markup(draft("He said &quot;yes&quot; <br/> pic.twitter.com/AbC123", '">next'))
    assert texts(d) == ['He said "yes"', "next"]


def test_markup_script_line_removed():
    d = strip_markup(draft("window.dataLayer = window.dataLayer || [];", "Body text."))
    assert texts(d) == ["Body text."]


def test_quoted_speech_is_not_markup():
    line = 'उन्होंने कहा, "हम जीतेंगे" और "class" शब्द पर जोर दिया।'
    assert texts(strip_markup(draft(line))) == [line]


def test_separator_lines_and_trailing_runs():
    d = drop_separators(draft("Body one.", "-", "* * *", "Body two----", "A - B"))
    assert texts(d) == ["Body one.", "Body two", "A - B"]
    assert [r["text"] for r in d.removed] == ["----", "-", "* * *"]


def test_tweet_attribution_collects_text_and_mentions():
    d = extract_embeds(
        draft(
            "Body paragraph that stays in the article.",
            "Great day in Pune with the team @narendramodi #Pune",
            "— Some One (@someone) March 3, 2024",
            "Next body paragraph.",
        )
    )
    assert texts(d) == ["Body paragraph that stays in the article.", "Next body paragraph."]
    (embed,) = d.embeds
    assert embed["handle"] == "someone" and embed["date"] == "2024-03-03"
    assert embed["text"] == "Great day in Pune with the team"
    assert embed["mentions"] == ["narendramodi"]


def test_tweet_with_status_url_on_one_line():
    d = extract_embeds(
        draft(
            "Rain is here pic — Weather Desk (@wxdesk) July 1, 2024 https://twitter.com/wxdesk/status/123"
        )
    )
    (embed,) = d.embeds
    assert embed["url"] == "https://twitter.com/wxdesk/status/123"
    assert embed["text"] == "Rain is here pic"


def test_instagram_caption_between_marker_and_attribution():
    d = extract_embeds(
        draft(
            "Body.",
            "View this post on Instagram",
            "Practice session done ✅",
            "A post shared by Virat Kohli (@virat.kohli)",
            "More body.",
        )
    )
    assert texts(d) == ["Body.", "More body."]
    assert d.embeds[0]["platform"] == "instagram"
    assert d.embeds[0]["text"] == "Practice session done ✅"


def test_youtube_link_line_becomes_embed():
    d = extract_embeds(draft("Body.", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"))
    assert texts(d) == ["Body."]
    assert d.embeds[0]["platform"] == "youtube"


def test_parse_date_forms():
    assert parse_date("April 29, 2023") == "2023-04-29"
    assert parse_date("29 Apr 2023") == "2023-04-29"
    assert parse_date("Someday") is None


def test_read_also_captures_headline_and_url():
    d = extract_related(
        draft(
            "Body.",
            "Also Read: Monsoon reaches Kerala https://example.com/monsoon",
            "यह भी पढ़ें- दिल्ली में बारिश",
            "हेही वाचा: पुण्यात पाऊस",
        )
    )
    assert texts(d) == ["Body."]
    assert d.related == [
        {"title": "Monsoon reaches Kerala", "url": "https://example.com/monsoon"},
        {"title": "दिल्ली में बारिश", "url": None},
        {"title": "पुण्यात पाऊस", "url": None},
    ]


def test_read_also_prefix_alone_takes_next_line():
    d = extract_related(draft("Body.", "ALSO READ", "Sensex ends higher", "More body."))
    assert texts(d) == ["Body.", "More body."]
    assert d.related[0]["title"] == "Sensex ends higher"


def test_body_sentence_with_padhen_stays():
    line = "छात्र रोज दो घंटे पढ़ें, यह सलाह शिक्षकों ने दी।"
    assert texts(extract_related(draft(line))) == [line]
    read_line = "Read the full statement of the court, he told reporters."
    assert texts(extract_related(draft(read_line))) == [read_line]


def test_boilerplate_lines():
    d = drop_boilerplate(
        draft(
            "Body.",
            "Advertisement",
            "विज्ञापन",
            "फोटो : PTI",
            "Follow us on Google News",
            "Body ends here. (इनपुट: भाषा)",
        )
    )
    assert texts(d) == ["Body.", "Body ends here."]
    assert {r["kind"] for r in d.removed} == {"advertisement", "credit", "call_to_action"}


def test_advertisement_in_prose_stays():
    line = "The advertisement campaign cost the company Rs 4 crore."
    assert texts(drop_boilerplate(draft(line))) == [line]


def test_repeats_exact_near_and_nonadjacent():
    first = "मुख्यमंत्री ने कहा कि राज्य में बाढ़ से निपटने की पूरी तैयारी है."
    near = "मुख्यमंत्री ने कहा  कि राज्य में बाढ से निपटने की पूरी तैयारी है"
    d = drop_repeats(draft(first, "दूसरा अनुच्छेद जो अलग है और बना रहता है सदा।", near, first))
    assert texts(d) == [first, "दूसरा अनुच्छेद जो अलग है और बना रहता है सदा।"]


def test_repeated_sentence_inside_a_later_paragraph():
    s1 = "The court adjourned the hearing till Monday next week."
    d = drop_repeats(draft(f"{s1} The lawyers agreed.", f"Outside, protesters gathered. {s1}"))
    assert texts(d) == [f"{s1} The lawyers agreed.", "Outside, protesters gathered."]


def test_short_identical_list_items_stay():
    d = drop_repeats(draft("बिहार: 12 सीटें", "उत्तर प्रदेश: 12 सीटें", "1. हाँ", "1. हाँ"))
    assert len(d.lines) == 4


def test_glued_sentences_repaired_but_not_abbreviations_or_urls():
    d = repair_glued_sentences(
        draft("उसने कहा.फिर वह गया।अब", "He said.The end? Yes!No", "e.g. U.S. 3.5 example.com/A.B")
    )
    assert texts(d) == [
        "उसने कहा. फिर वह गया। अब",
        "He said. The end? Yes! No",
        "e.g. U.S. 3.5 example.com/A.B",
    ]


def test_glued_handle_splits_line():
    d = split_glued_handles(draft("text @imtiaz_jaleelनिजी कारणों"))
    assert texts(d) == ["text @imtiaz_jaleel", "निजी कारणों"]


def test_unicode_normalised_in_display_but_nukta_kept():
    d = run_steps("क़ौम\u200b और\u00a0मुल्क   के लिए\ufeff काम")
    assert texts(d) == ["क़ौम और मुल्क के लिए काम"]


def test_mojibake_repaired():
    broken = "नई दिल्ली".encode().decode("cp1252", errors="replace")
    assert "दिल्ली" in texts(run_steps("Delhi " + "नई दिल्ली".encode().decode("latin-1")))[0]
    assert broken  # the cp1252 form exists; the latin-1 form above is what scrapers produce
