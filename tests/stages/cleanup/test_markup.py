"""Markup residue: cut out of lines, which it splits; quoted speech stays."""

from __future__ import annotations

import regex

from tests.stages.cleanup.drafts import draft, texts
from workers.stages.cleanup.markup import MarkupRules, strip_markup


def test_markup_attribute_fragment_splits_the_line(rules):
    d = draft('2023 " class="twitterSection" data="')
    strip_markup(d, rules.cleanup.markup)
    assert texts(d) == ["2023"]
    assert d.removed[0]["kind"] == "markup_residue"


def test_markup_tags_entities_and_pic_links(rules):
    d = draft("He said &quot;yes&quot; <br/> pic.twitter.com/AbC123", '">next')
    strip_markup(d, rules.cleanup.markup)
    assert texts(d) == ['He said "yes"', "next"]


def test_markup_script_line_removed(rules):
    d = draft("window.dataLayer = window.dataLayer || [];", "Body text.")
    strip_markup(d, rules.cleanup.markup)
    assert texts(d) == ["Body text."]


def test_an_embedded_player_keeps_its_link(rules):
    d = draft('Watch <iframe src="https://www.youtube.com/embed/abcdefgh"></iframe> now')
    strip_markup(d, rules.cleanup.markup)
    assert texts(d) == ["Watch", "https://www.youtube.com/embed/abcdefgh", "now"]


def test_quoted_speech_is_not_markup(rules):
    line = 'उन्होंने कहा, "हम जीतेंगे" और "class" शब्द पर जोर दिया।'
    d = draft(line)
    strip_markup(d, rules.cleanup.markup)
    assert texts(d) == [line]


def test_a_step_built_with_small_rules():
    never = regex.compile(r"(?!)")
    small = MarkupRules(inline=regex.compile(r"<b>"), script=never, calls=never, status_urls=())
    d = draft("bold <b>text")
    strip_markup(d, small)
    assert texts(d) == ["bold", "text"]
