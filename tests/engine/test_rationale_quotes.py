"""The words of the record a rationale quotes: whole words of the evidence's own sentence."""

from __future__ import annotations

from openimr import api


def _quotes(summary: str, request: str) -> str:
    case = {"case_summary": summary, "requests": [{"text": request}], "review_date": "2016-09-01"}
    return api.review(case).determinations[0].rationale


def test_a_quote_of_the_records_first_sentence_keeps_its_first_word() -> None:
    rationale = _quotes(
        "Tinel's and Phalen's signs are positive at the right wrist after a 2015 injury. She wears a splint.",
        "Right carpal tunnel release",
    )
    assert "(\"Tinel's and Phalen's signs are positive" in rationale


def test_a_quote_of_a_later_sentence_starts_at_that_sentence() -> None:
    rationale = _quotes(
        "She was hurt at work in 2015. Tinel's and Phalen's signs are positive at the right wrist.",
        "Right carpal tunnel release",
    )
    assert "(\"Tinel's and Phalen's signs are positive" in rationale
    assert '("She was hurt' not in rationale
