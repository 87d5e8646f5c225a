"""Final Determination Letters: structure, escaping, PDF qualities, and the round trip through the reader."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from openimr import api
from openimr.cli import app
from openimr.ingest.casefile import case_from_dict
from openimr.ingest.reader import read_letter_bytes
from tests.conftest import CORPUS, SAMPLES, needs_corpus

SAMPLE_CASES = [json.loads(line) for line in (SAMPLES / "cases.jsonl").read_text().splitlines()]


def _reviewed(record: dict):
    case = case_from_dict(record, "test")
    return case, api.review(case)


def _expected(result) -> list[tuple[str, str]]:
    return [(" ".join(d.request.split()), d.decision) for d in result.determinations]


def test_text_letter_sections_in_the_order_of_the_real_letters() -> None:
    case, result = _reviewed(SAMPLE_CASES[4])
    text = api.render_letter(case, result, "text")
    headings = [
        "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "CLINICAL CASE SUMMARY",
        "IMR ISSUES, DECISIONS AND RATIONALES",
        "WHAT THE RECORD WOULD NEED TO SHOW",
        "DOCUMENTS AND RECORDS CONSIDERED",
        "DECISION RECORD",
    ]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    assert f"Decision id: {result.decision_id}" in text
    assert "Claims Administrator guideline:" in text and "Decision rationale:" in text


def test_every_upheld_item_says_what_would_support_it() -> None:
    case, result = _reviewed(SAMPLE_CASES[4])
    text = " ".join(api.render_letter(case, result, "text").split())
    for det in result.determinations:
        if det.decision == "Upheld":
            assert f"{' '.join(det.request.split())} would be supported by:" in text


def test_html_escapes_the_record() -> None:
    record = {**SAMPLE_CASES[0], "case_summary": "A worker wrote <script>alert(1)</script> & more."}
    case, result = _reviewed(record)
    html = api.render_letter(case, result, "html")
    assert "<script>alert" not in html and "&lt;script&gt;" in html


@pytest.mark.slow
def test_pdf_has_page_numbers_embedded_fonts_and_text() -> None:
    case, result = _reviewed(SAMPLE_CASES[4])
    pdf = api.render_letter(case, result, "pdf")
    reader = PdfReader(io.BytesIO(pdf))
    first = reader.pages[0].extract_text()
    assert "Independent Medical Review" in first
    assert re.search(rf"Page 1 of {len(reader.pages)}", first)
    fonts = [f for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()]
    assert fonts
    for font in fonts:
        descendant = font.get_object()
        descriptor = (
            descendant.get("/FontDescriptor") or descendant["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        )
        assert any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))


@pytest.mark.parametrize("record", SAMPLE_CASES, ids=lambda r: r["id"])
def test_text_letter_reads_back_with_the_engine_decisions(record: dict) -> None:
    case, result = _reviewed(record)
    letter = api.parse_letter(api.render_letter(case, result, "text"), "rt.txt")
    assert [(i.title, i.decision) for i in letter.items] == _expected(result)
    assert letter.case_number == case.id


@needs_corpus
@pytest.mark.slow
def test_all_dev_cases_round_trip_as_text_and_pdf() -> None:
    for line in (CORPUS / "cases-dev.jsonl").read_text().splitlines():
        case, result = _reviewed(json.loads(line))
        expected = _expected(result)
        text = api.parse_letter(api.render_letter(case, result, "text"), "rt.txt")
        assert [(i.title, i.decision) for i in text.items] == expected, case.id
        pdf = read_letter_bytes(api.render_letter(case, result, "pdf"), "rt.pdf")
        assert [(i.title, i.decision) for i in pdf.items] == expected, case.id


def test_cli_writes_one_letter_per_case(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "letters"
    result = runner.invoke(app, ["decide", str(SAMPLES / "cases.jsonl"), "--format", "letter", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{r['id']}.txt" for r in SAMPLE_CASES)
    back = api.parse_letter_file(out / names[0])
    assert back.items


def test_cli_pdf_needs_an_output() -> None:
    result = CliRunner().invoke(app, ["decide", str(SAMPLES / "cases.jsonl"), "--format", "pdf"])
    assert result.exit_code == 1
    assert "needs -o" in result.stderr


def test_a_long_record_is_summarized_from_its_facts() -> None:
    record = dict(SAMPLE_CASES[4])
    record["case_summary"] = (record["case_summary"] + " ") * 6
    case, result = _reviewed(record)
    text = " ".join(api.render_letter(case, result, "text").split())
    summary = text[text.index("CLINICAL CASE SUMMARY") : text.index("IMR ISSUES, DECISIONS AND RATIONALES")]
    assert "53 year old female" in summary and "Diagnoses recorded: carpal tunnel syndrome" in summary
    assert "was reviewed" in summary and len(summary.split()) < 200
    letter = api.parse_letter(api.render_letter(case, result, "text"), "long.txt")
    assert [(i.title, i.decision) for i in letter.items] == _expected(result)
