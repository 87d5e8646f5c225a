"""Every letter of the shared corpus, as text and as PDF, reads with the reviewers' items and decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from openimr import api
from tests.conftest import corpus_letters, corpus_pdfs, dev_cases, needs_corpus

DEV = dev_cases()

pytestmark = [needs_corpus, pytest.mark.slow]


def _check(path: Path) -> None:
    letter = api.parse_letter_file(path)
    expected = DEV[path.stem]
    assert [item.decision for item in letter.items] == expected["expected"]
    assert [item.title for item in letter.items] == [r["text"] for r in expected["requests"]]
    assert [item.claims_administrator_guideline for item in letter.items] == [
        r.get("claims_administrator_guideline") for r in expected["requests"]
    ]
    assert all(item.rationale and item.reviewer_guideline for item in letter.items)
    summary = " ".join(" ".join(letter.case_summary).split())
    # The dev cases keep the PDF's line-end hyphens as "- "; the reader joins them.
    assert summary.replace("- ", "-") == expected["case_summary"].replace("- ", "-")


@pytest.mark.parametrize("path", corpus_letters(), ids=lambda p: p.stem)
def test_text_letter_reads_like_the_reviewer_decided(path: Path) -> None:
    _check(path)


@pytest.mark.parametrize("path", corpus_pdfs(), ids=lambda p: p.stem)
def test_encrypted_pdf_letter_reads_like_the_reviewer_decided(path: Path) -> None:
    _check(path)


@pytest.mark.parametrize("path", corpus_pdfs()[:10], ids=lambda p: p.stem)
def test_header_dates_match_the_case_file(path: Path) -> None:
    letter = api.parse_letter_file(path)
    expected = DEV[path.stem]
    assert letter.case_number == path.stem
    assert str(letter.date_of_injury) == expected["date_of_injury"]
    assert str(letter.ur_denial_date) == expected["ur_denial_date"]
    assert str(letter.decision_date) == expected["review_date"]
    assert letter.priority == "Standard"
    assert letter.application_received is not None
    assert letter.reviewer.licensure_states and letter.reviewer.specialties


def test_case_files_from_letters_equal_the_dev_cases() -> None:
    for path in corpus_letters():
        case = api.letter_to_case(api.parse_letter_file(path)).contract_dump(exclude_none=True)
        expected = {k: v for k, v in DEV[path.stem].items() if k != "expected"}
        got_summary = " ".join(case.pop("case_summary").split()).replace("- ", "-")
        assert got_summary == expected.pop("case_summary").replace("- ", "-")
        assert case == expected, path.stem
