"""Headline-shaped lines judged by the vocabulary they share with the paragraphs: another
story's headline goes to `related`, the article's own headline (when the event has no title)
becomes its title, a long one of the article's vocabulary is a caption; sub-headings, lists,
lines that introduce what follows, and pages stay as they are."""

from __future__ import annotations

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.shape import drop_stray_headlines

HI = [
    "रामपुर : जमीन हथियाने के मामले में सांसद आजम खान के खिलाफ प्रवर्तन निदेशालय ने मनी लांड्रिंग "
    "की जांच शुरू कर दी है और जिलाधिकारी से संपत्तियों की पूरी जानकारी मांगी है।",
    "प्रवर्तन निदेशालय ने पत्र में पूछा है कि आजम खान और उनके परिवार की कितनी संपत्तियां हैं और "
    "जिलाधिकारी ने अब तक कितनी जांच की है, ताकि मनी लांड्रिंग का मामला दर्ज हो सके।",
    "जिलाधिकारी ने बताया कि आजम खान के खिलाफ रामपुर में कुल 27 एफआइआर दर्ज हुई हैं और "
    "संपत्तियों की सूची प्रवर्तन निदेशालय को जल्द भेजी जाएगी।",
]
EN = [
    "The state government on Monday approved a new flood relief package for farmers in Assam, "
    "covering crop losses in twelve districts along the Brahmaputra.",
    "Officials said the package would reach farmers within a month, and that districts along "
    "the Brahmaputra would be surveyed again for crop losses after the water recedes.",
]


def test_another_storys_headline_between_paragraphs_goes_to_related(rules):
    other = "वॉट्सऐप चैट और डेटा रहेगा सेफ, चाहे गुम हो जाए फोन"
    d = draft(HI[0], other, HI[1], HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == HI
    assert d.related == [{"title": other, "url": None}]
    assert d.removed == [{"kind": "related", "text": other, "line": 2}]


def test_headlines_in_english_and_at_the_top_go_too(rules):
    other = "Cricket star announces retirement after twenty years at the top"
    d = draft(other, EN[0], EN[1], "Why smartphone prices may rise again this festive season?")
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == EN and len(d.related) == 2


def test_the_articles_own_headline_on_the_first_line_becomes_the_title(rules):
    headline = "आजम खान पर कसा मनी लांड्रिंग का शिकंजा, प्रवर्तन निदेशालय ने मांगी संपत्तियों की जानकारी"
    d = draft(headline, *HI)
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == HI and d.title == headline and d.removed[0]["kind"] == "title"


def test_trap_a_given_title_is_kept_and_a_like_first_line_stays(rules):
    standfirst = "आजम खान पर कसा मनी लांड्रिंग का शिकंजा, प्रवर्तन निदेशालय ने मांगी जानकारी"
    d = draft(standfirst, *HI, title="Azam Khan")
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d)[0] == standfirst and d.title == "Azam Khan"


def test_trap_sub_headings_of_the_articles_vocabulary_stay(rules):
    sub = "प्रवर्तन निदेशालय की जांच में संपत्तियां..."
    short = "एक दुखती रग"
    d = draft(HI[0], sub, HI[1], short, HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == [HI[0], sub, HI[1], short, HI[2]] and not d.related


def test_a_long_line_of_the_articles_vocabulary_without_an_end_is_a_caption(rules):
    caption = (
        "रामपुर में जिलाधिकारी कार्यालय के बाहर आजम खान के समर्थक, "
        "जो प्रवर्तन निदेशालय की जांच का विरोध कर रहे थे"
    )
    with_danda = "जिलाधिकारी कार्यालय रामपुर। बाहर खड़े आजम खान के समर्थक"
    d = draft(HI[0], caption, HI[1], with_danda, HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == HI and [r["kind"] for r in d.removed] == ["caption", "caption"]


def test_trap_a_list_that_a_colon_opens_stays(rules):
    items = [
        "भारतीय जनता पार्टी: 17 सीटें",
        "राष्ट्रीय लोक मोर्चा दल: 1 सीट",
        "हिंदुस्तानी अवाम मोर्चा पार्टी: 1 सीट",
    ]
    d = draft(HI[0], "दलवार सीटों का बंटवारा इस प्रकार है:", *items, HI[1], HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d)[2:5] == items and not d.related


def test_trap_a_line_that_introduces_a_quote_stays(rules):
    intro = "A senior minister who did not wish to be named said only this:"
    d = draft(EN[0], intro, "“The people have spoken.”", EN[1])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert intro in texts(d)


def test_trap_too_little_text_to_judge_by_and_pages_are_left_alone(rules):
    d = draft("Cricket star announces retirement after twenty years", "One short line of body.")
    drop_stray_headlines(d, rules.cleanup.shape)
    assert len(d.lines) == 2
    other = "वॉट्सऐप चैट और डेटा रहेगा सेफ, चाहे गुम हो जाए फोन"
    page = draft(HI[0], other, HI[1], HI[2], html="<html></html>")
    drop_stray_headlines(page, rules.cleanup.shape)
    assert other in texts(page)


def test_a_block_of_other_stories_takes_its_label_and_channel_lines(rules):
    block = [
        "Stories You May Like",
        "वॉट्सऐप चैट और डेटा रहेगा सेफ, चाहे गुम हो जाए फोन",
        "PunjabKesari TV",
        "राजस्थान में हैवान बने पुलिसकर्मी, नशे में धुत्त होकर निर्दोषों को पीटा",
    ]
    d = draft(*HI, *block)
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == HI
    assert [r["title"] for r in d.related] == [block[1], block[3]]
    assert {r["kind"] for r in d.removed} == {"related"}


def test_trap_a_short_sub_heading_before_one_other_headline_stays(rules):
    other = "वॉट्सऐप चैट और डेटा रहेगा सेफ, चाहे गुम हो जाए फोन"
    d = draft(HI[0], "आगे क्या होगा", other, HI[1], HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == [HI[0], "आगे क्या होगा", HI[1], HI[2]]


KN = [
    "ಕಲಬುರ್ಗಿ: ಉಜನಿ ಮತ್ತು ವೀರಾ ಡ್ಯಾಂನಿಂದ ಭೀಮಾ ನದಿಗೆ ನೀರು ಬಿಟ್ಟಿರುವುದರಿಂದ ಅಫಜಲಪೂರ ತಾಲ್ಲೂಕಿನ "
    "ಸೊನ್ನ ಬ್ಯಾರೇಜ್ ತುಂಬಿದ್ದು ಹಳ್ಳಿಗಳಿಗೆ ಪ್ರವಾಹದ ಎಚ್ಚರಿಕೆ ನೀಡಲಾಗಿದೆ",
    "ಭೀಮಾ ನದಿ ಪಾತ್ರದ ಹಳ್ಳಿಗಳ ಜನರನ್ನು ಸ್ಥಳಾಂತರಿಸುವಂತೆ ಜಿಲ್ಲಾಧಿಕಾರಿ ವೆಂಕಟೇಶ ಕುಮಾರ್ ತಹಶೀಲ್ದಾರ್ "
    "ಅವರಿಗೆ ಸೂಚನೆ ನೀಡಿದ್ದಾರೆ ಎಂದು ಅಧಿಕಾರಿಗಳು ತಿಳಿಸಿದರು",
    "ಪ್ರವಾಹ ಪೀಡಿತ ಪ್ರದೇಶದಲ್ಲಿ ರಕ್ಷಣಾ ಕಾರ್ಯ ಕೈಗೊಳ್ಳಲು ಪ್ರತಿ ಗ್ರಾಮಕ್ಕೆ ನೋಡಲ್ ಅಧಿಕಾರಿಗಳ ನೇಮಕ "
    "ಮಾಡಲಾಗಿದೆ ಮತ್ತು ಭೀಮಾ ನದಿ ಪಾತ್ರದ ಜನರಿಗೆ ಎಚ್ಚರಿಕೆ ನೀಡಲಾಗಿದೆ",
]


def test_trap_where_a_site_drops_its_full_stops_long_lines_stay(rules):
    d = draft(*KN)
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == KN and not d.removed


def test_inflected_forms_share_their_stem_so_a_kannada_sub_heading_stays(rules):
    sub = "ಭೀಮಾ ನದಿ ಪಾತ್ರದ ಹಳ್ಳಿಗಳು ಸ್ಥಳಾಂತರ"  # ಹಳ್ಳಿಗಳು / ಹಳ್ಳಿಗಳ, ಸ್ಥಳಾಂತರ / ಸ್ಥಳಾಂತರಿಸುವಂತೆ
    other = "ಕ್ರಿಕೆಟ್ ತಂಡದ ನಾಯಕನಾಗಿ ಯುವ ಆಟಗಾರ ಆಯ್ಕೆ, ಅಭಿಮಾನಿಗಳ ಸಂಭ್ರಮ"
    d = draft(KN[0] + ".", sub, KN[1] + ".", other, KN[2] + ".")
    drop_stray_headlines(d, rules.cleanup.shape)
    assert sub in texts(d) and other not in texts(d)


def test_trap_a_paragraph_broken_after_a_full_stop_is_not_a_caption(rules):
    broken = (
        "प्रवर्तन निदेशालय ने बुधवार को आजम खान की संपत्तियों की सूची जिलाधिकारी से मांगी है। "
        "इसके बाद जांच में रामपुर की जमीनों"
    )
    d = draft(HI[0], broken, HI[1], HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert broken in texts(d)


def test_a_line_in_a_script_the_article_is_not_written_in_is_judged(rules):
    share = "Facebook Twitter Google+ LinkedIn Pinterest Reddit VKontakte"
    d = draft(HI[0], HI[1], share, HI[2])
    drop_stray_headlines(d, rules.cleanup.shape)
    assert texts(d) == HI


def test_short_lines_above_the_first_paragraph_are_the_pages_furniture(rules):
    from workers.stages.cleanup.shape import drop_header_furniture

    headline = "आजम खान पर कसा मनी लांड्रिंग का शिकंजा, प्रवर्तन निदेशालय ने मांगी जानकारी"
    top = [headline, "Business News Hindi(बिज़नेस)", "main page", "आज के ताज़े समाचार"]
    d = draft(*top, *HI)
    drop_header_furniture(d, rules.cleanup.shape)
    assert texts(d) == [headline, *HI]
    assert [r["kind"] for r in d.removed] == ["boilerplate"] * 3


def test_trap_short_lines_below_the_first_paragraph_and_prose_above_it_stay(rules):
    from workers.stages.cleanup.shape import drop_header_furniture

    lines = ["नई दिल्ली।", HI[0], "आगे क्या होगा", HI[1]]
    d = draft(*lines)
    drop_header_furniture(d, rules.cleanup.shape)
    assert texts(d) == lines
    page = draft("main page", *HI, html="<html></html>")
    drop_header_furniture(page, rules.cleanup.shape)
    assert texts(page)[0] == "main page"
