"""How cleanup patterns from the data files are compiled."""

from __future__ import annotations

from workers.stages.cleanup.rules import compile_any


def test_an_alternation_that_ignores_case_and_may_be_anchored():
    anywhere = compile_any(["also read", r"ये भी पढ़ें"])
    assert anywhere.search("x ALSO READ: y") and anywhere.search("ये भी पढ़ें: खबर")
    whole = compile_any(["advert(?:isement)?", "ad"], whole=True)
    assert whole.match("Advertisement") and whole.match("AD")
    assert whole.match("Advertisement campaign") is None
