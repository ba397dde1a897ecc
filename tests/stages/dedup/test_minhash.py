"""Fingerprints of a body: a content hash and a MinHash signature, stable across processes."""

from __future__ import annotations

from workers.stages.dedup.minhash import (
    PERMUTATIONS,
    content_hash,
    from_hex,
    minhash,
    similarity,
    to_hex,
)

STORY = [
    "The Election Commission on Tuesday announced the schedule for the assembly elections in "
    "five states, with polling to be held in seven phases from April 10.",
    "Chief Election Commissioner said more than 18 crore voters would be eligible and that "
    "additional forces had been sought for sensitive booths.",
    "Counting of votes will take place on May 2, the commission said in a statement.",
]
OTHER = [
    "Opposition parties on Tuesday criticised the seven-phase schedule announced for the "
    "assembly elections, saying it would help the ruling party campaign longer.",
    "Leaders said a shorter schedule would have reduced the cost of the elections.",
]


def test_signature_is_stable_and_round_trips():
    signature = minhash(STORY)
    assert signature.shape == (PERMUTATIONS,)
    assert (minhash(STORY) == signature).all() and (from_hex(to_hex(signature)) == signature).all()
    assert len(to_hex(signature)) == 512
    assert similarity(signature, minhash([p.upper() for p in STORY])) == 1.0
    assert similarity(signature, minhash(OTHER)) < 0.3


def test_the_signature_ignores_spacing_and_punctuation():
    assert to_hex(minhash(["एक दो तीन चार"]))[:16] == to_hex(minhash(["एक  दो, तीन चार!"]))[:16]


def test_content_hash_ignores_spacing_punctuation_case_and_nukta():
    a = content_hash(["क़ौम के लिए काम करेंगे, उन्होंने कहा।", "दूसरा पैरा।"])
    b = content_hash(["कौम के  लिए काम करेंगे उन्होंने कहा", "दूसरा पैरा"])
    assert a == b != content_hash(["कुछ और"])


def test_an_empty_body_has_the_empty_signature():
    assert (minhash([]) == 0xFFFFFFFF).all() and (minhash(["एक"]) != 0xFFFFFFFF).any()
