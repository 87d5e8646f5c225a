"""The engine against the 99 real decisions of the dev set: the targets of the review engine."""

from __future__ import annotations

import pytest

from openimr import api
from tests.conftest import CORPUS, needs_corpus


@needs_corpus
@pytest.mark.slow
def test_dev_set_agreement_meets_the_targets() -> None:
    result, errors = api.evaluate([CORPUS / "cases-dev.jsonl"])
    assert not errors
    assert result.items == 217
    assert result.accuracy >= 0.90
    assert result.kappa >= 0.50
    assert result.accuracy > result.baseline_accuracy


@needs_corpus
@pytest.mark.slow
def test_letters_score_the_same_as_their_case_files() -> None:
    letters = sorted((CORPUS / "dwc-letters" / "txt").glob("*.txt"))[:20]
    from_letters, errors = api.evaluate(letters)
    assert not errors and from_letters.items > 20
