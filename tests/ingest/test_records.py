"""Record files as case documents: lines and pages rebuilt into sentences, each page's start kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from openimr.errors import OpenIMRError
from openimr.ingest.records import document_from_file, rebuild


def test_a_sentence_wrapped_over_lines_and_a_page_break_reads_as_one():
    pages = [
        "PROGRESS REPORT\nThe patient reports low back pain radiating\nto the left leg. There is no evidence of"
        "\n\nPage 1 of 2",
        "Page 2 of 2\nradiculopathy on the nerve study.\nPlan:\nMRI of the lumbar spine",
    ]
    record = rebuild(pages)
    assert "radiating to the left leg." in record.text
    assert "There is no evidence of radiculopathy on the nerve study." in record.text
    assert "Page 1 of 2" not in record.text and "Page 2 of 2" not in record.text
    assert record.text[record.page_starts[1] :].startswith("radiculopathy")
    assert record.text.startswith("PROGRESS REPORT\n")  # a heading stays its own line


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Strength is 5/5 in both legs and", "Reflexes are symmetric."], "both legs and Reflexes"),
        (["A follow-", "up visit in May."], "A follow-up visit"),
        (["Medications:", "Norco 10/325"], "Medications:\nNorco"),
        (["Tenderness over the sacroiliac joint.", "Straight leg raise is negative."], "joint.\nStraight"),
    ],
)
def test_lines_join_where_the_sentence_continues(lines, joined):
    assert joined in rebuild(["\n".join(lines)]).text


def test_a_page_break_between_sentences_is_a_paragraph_break_and_empty_pages_keep_their_place():
    record = rebuild(["Plan:\nPhysical therapy.", "", "- 3 -\nWork status: modified duty."])
    assert record.text == "Plan:\nPhysical therapy.\n\nWork status: modified duty."
    assert record.page_starts == [0, record.text.index("\n\nWork"), record.text.index("Work")]


def _two_page_pdf(path: Path) -> None:
    from weasyprint import HTML

    HTML(
        string="<p>PRIMARY TREATING PHYSICIAN'S REPORT</p><p>On examination there is no evidence of</p>"
        "<p style='page-break-before: always'>weakness in the left leg. Sensation is decreased in the L5 dermatome.</p>"
    ).write_pdf(path)


def test_a_pdf_record_becomes_a_document_with_its_pages(tmp_path: Path):
    path = tmp_path / "pr2.pdf"
    _two_page_pdf(path)
    document = document_from_file(path)
    assert document.title == "pr2.pdf"
    assert document.page_starts is not None and len(document.page_starts) == 2
    assert "no evidence of weakness in the left leg." in document.text
    assert document.text[document.page_starts[1] :].startswith("weakness")


def test_a_text_record_is_paged_by_its_form_feeds(tmp_path: Path):
    path = tmp_path / "note.txt"
    path.write_text("Subjective: neck pain.\fObjective: spasm of the trapezius.")
    document = document_from_file(path, kind="progress_report", date="2016-02-01")
    assert document.kind == "progress_report" and str(document.date) == "2016-02-01"
    assert document.text[document.page_starts[1] :].startswith("Objective")


def test_an_empty_record_file_names_the_file(tmp_path: Path):
    path = tmp_path / "blank.txt"
    path.write_text("\f \n\f")
    with pytest.raises(OpenIMRError) as err:
        document_from_file(path)
    assert "blank.txt" in err.value.render()
