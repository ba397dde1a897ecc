"""Posts embedded in a page's markup: structured records, their elements out of the tree."""

from __future__ import annotations

from lxml.html import fromstring

from workers.stages.cleanup.html.embeds import EmbedMarkup, take_embeds
from workers.stages.cleanup.html.page import parse_page

TWEET = """<html><body><article><p>Body before.</p>
<blockquote class="twitter-tweet"><p lang="en">Counting begins at 8 am
<a href="https://t.co/x">pic.twitter.com/AbC123</a></p>&mdash; Election Desk (@ecdesk)
<a href="https://twitter.com/ecdesk/status/17?ref_src=twsrc">June 3, 2024</a></blockquote>
<p>Body after.</p>
<blockquote class="instagram-media" data-instgrm-permalink="https://www.instagram.com/p/Cx1/?utm=1">
<p>View this post on Instagram</p><p>Practice done</p>
<p>A post shared by Virat Kohli (@virat.kohli) on Mar 3, 2023</p></blockquote>
<iframe src="https://www.youtube.com/embed/abcdefgh?si=1" title="Flood footage"></iframe>
<div class="fb-post" data-href="https://www.facebook.com/asdma/posts/1"></div>
</article></body></html>"""


def test_each_platform_s_post_becomes_a_record(rules):
    markup = rules.cleanup.page.embeds
    tree = parse_page(TWEET)
    tweet, instagram, youtube, facebook = take_embeds(tree, markup)
    assert (tweet["platform"], tweet["handle"], tweet["author_name"]) == (
        "twitter",
        "ecdesk",
        "Election Desk",
    )
    assert tweet["date"] == "2024-06-03" and tweet["text"] == "Counting begins at 8 am"
    assert tweet["url"] == "https://twitter.com/ecdesk/status/17"
    assert (instagram["handle"], instagram["text"], instagram["date"]) == (
        "virat.kohli",
        "Practice done",
        "2023-03-03",
    )
    assert instagram["url"] == "https://www.instagram.com/p/Cx1/"
    assert (youtube["url"], youtube["text"]) == (
        "https://www.youtube.com/embed/abcdefgh",
        "Flood footage",
    )
    assert facebook["url"] == "https://www.facebook.com/asdma/posts/1"
    assert tree.findall(".//blockquote") == [] and tree.findall(".//iframe") == []
    assert "Body after." in tree.text_content()


def test_gated_elements_only_when_the_page_names_their_class(rules):
    markup = rules.cleanup.page.embeds
    assert markup.gated_classes == ("fb-post", "fb-video")
    platforms = [e["platform"] for e in take_embeds(parse_page(TWEET), markup, gated=False)]
    assert platforms == ["twitter", "instagram", "youtube"]


def test_a_post_twice_on_a_page_is_one_record(rules):
    page = (
        "<html><body>" + TWEET.split("<body>")[1].split("<p>Body after")[0] * 2 + "</body></html>"
    )
    records = take_embeds(parse_page(page), rules.cleanup.page.embeds)
    assert [r["platform"] for r in records] == ["twitter"]


def test_a_platform_without_a_reader_keeps_the_link(rules):
    markup = rules.cleanup.page.embeds
    node = fromstring(
        '<iframe src="https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Ffb.com%2Fp"></iframe>'
    )
    assert markup.platform_of(node).name == "facebook"
    assert isinstance(markup, EmbedMarkup)
