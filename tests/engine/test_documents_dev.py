"""The dev cases with their utilization-review sentences filed as a document of their own decide as before."""

from __future__ import annotations

import re

from openimr import api
from tests.conftest import needs_corpus

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# What the review did, not the worker's "modified work duties".
ABOUT_THE_REVIEW = re.compile(
    r"\b(?:utilization review|UR|non-?certifi\w*|(?:was|were|been) (?:denied|modified|certified))\b", re.IGNORECASE
)


def split_review(case: dict) -> dict | None:
    """The case with the sentences about its utilization review moved to a document titled as one (its kind
    left for the engine to classify); None when it has none, or nothing else."""
    sentences = SENTENCE_END.split(case["case_summary"])
    review = [s for s in sentences if ABOUT_THE_REVIEW.search(s)]
    rest = [s for s in sentences if not ABOUT_THE_REVIEW.search(s)]
    if not review or not rest:
        return None
    document = {"title": "Utilization review determination", "text": " ".join(review)}
    return {**case, "case_summary": " ".join(rest), "documents": [document]}


@needs_corpus
def test_dev_decisions_are_the_same_with_the_review_filed_as_a_document(dev):
    changed, split = [], 0
    for case in dev.values():
        case = {k: v for k, v in case.items() if k != "expected"}
        apart = split_review(case)
        if apart is None:
            continue
        split += 1
        whole = api.review(case).determinations
        filed = api.review(apart).determinations
        changed += [(case["id"], a.request) for a, b in zip(whole, filed, strict=True) if a.decision != b.decision]
    assert split >= 80
    assert changed == []
