"""Mentions, hashtags and links of the body and the embeds, each once, in order of sight."""

from __future__ import annotations

from tests.stages.extract.articles import analysis
from workers.stages.extract.social import find_social


def test_body_and_embeds_each_once():
    article = analysis(
        "@AIMIM_National ने कहा #Delhi https://x.in/a. और @AIMIM_National",
        embeds=[
            {
                "text": "Thanks @asadowaisi #Delhi",
                "mentions": ["asadowaisi", "imtiaz_jaleel"],
                "hashtags": ["Delhi", "चुनाव"],
                "url": "https://twitter.com/a/status/1",
            }
        ],
    )
    find_social(article)
    assert article.enriched["mentions"] == ["AIMIM_National", "asadowaisi", "imtiaz_jaleel"]
    assert article.enriched["hashtags"] == ["Delhi", "चुनाव"]
    assert article.enriched["urls"] == ["https://x.in/a", "https://twitter.com/a/status/1"]
