"""PDF text: both extractors on the encrypted DWC letters, and the second opinion when the first fails."""

from __future__ import annotations

import pytest

from openimr.errors import Err, OpenIMRError
from openimr.ingest import pdf, reader
from tests.conftest import CORPUS, SAMPLES, needs_corpus

SAMPLE_PDF = SAMPLES / "letters" / "CM16-0243453.pdf"


@needs_corpus
@pytest.mark.parametrize("name", ["CM16-0219557", "CM16-0243453", "CM17-0012640"])
def test_pypdf_text_is_the_corpus_text(name: str) -> None:
    data = (CORPUS / "dwc-letters" / "pdf" / f"{name}.pdf").read_bytes()
    assert pdf.pdf_text_exact(data, name) == (CORPUS / "dwc-letters" / "txt" / f"{name}.txt").read_text()


def test_fast_text_marks_paragraphs_and_restores_hyphens() -> None:
    text = pdf.pdf_text_fast(SAMPLE_PDF.read_bytes(), "x")
    lines = text.split("\n")
    assert " " in lines, "paragraph breaks are marked with space-only lines"
    assert "\ufffe" not in text
    assert "CLINICAL CASE SUMMARY" in [line.strip() for line in lines]


def test_fast_and_exact_read_the_same_letter() -> None:
    data = SAMPLE_PDF.read_bytes()
    fast = reader.parse_letter_text(pdf.pdf_text_fast(data, "x"), "x")
    exact = reader.parse_letter_text(pdf.pdf_text_exact(data, "x"), "x")
    assert [(i.title, i.decision, i.rationale) for i in fast.items] == [
        (i.title, i.decision, i.rationale) for i in exact.items
    ]


def test_letter_is_read_again_through_pypdf_when_the_fast_text_is_no_letter(monkeypatch) -> None:
    monkeypatch.setattr(pdf, "pdf_text_fast", lambda data, where: "scrambled text with no headings")
    letter = reader.read_letter_bytes(SAMPLE_PDF.read_bytes(), "sample.pdf")
    assert len(letter.items) == 4
    assert letter.case_number == "CM16-0243453"


def test_fallback_does_not_hide_a_text_file_that_is_no_letter() -> None:
    with pytest.raises(OpenIMRError) as info:
        reader.read_letter_bytes(b"just some notes", "notes.txt")
    assert info.value.code is Err.E107
