"""A case file of documents: each classified by its own words, read as its kind, its evidence placed in it."""

from __future__ import annotations

import pytest

from openimr import api
from openimr.errors import OpenIMRError
from openimr.extract.documents import classify_document, document_kinds
from openimr.ingest.casefile import case_from_dict

SUMMARY = (
    "The worker is a 52 year old delivery driver who strained her low back unloading a truck on 04/11/2016. "
    "She has attended eight physical therapy visits. On examination there is paraspinal tenderness; strength, "
    "reflexes and sensation are normal."
)
# A utilization review's determination that quotes the conditions for imaging in its own words, without
# naming a guideline in the sentences that list them.
REVIEW = (
    "NOTICE OF MODIFICATION\n"
    "The request for a lumbar MRI is not certified. "
    "Imaging is appropriate when cauda equina syndrome, a fracture, a tumor or an infection is suspected. "
    "A prior cancer with unexplained weight loss and fevers, or a progressive neurologic deficit, would also "
    "justify it. None of these is documented."
)


@pytest.mark.parametrize(
    ("text", "title", "kind"),
    [
        ("Notice of Certification\nThe request for 6 chiropractic visits is certified.", None, "utilization_review"),
        ("The findings are below.", "UR determination 2016-05-02", "utilization_review"),
        ("MRI OF THE CERVICAL SPINE\nTechnique: sagittal T1 and T2-weighted images.", None, "imaging_report"),
        (
            "Nerve conduction study of both upper extremities.\nMedian motor latency 4.9 ms.",
            None,
            "electrodiagnostic_report",
        ),
        (
            "Preoperative diagnosis: torn meniscus. Postoperative diagnosis: same. Anesthesia: general. "
            "Estimated blood loss: minimal.",
            None,
            "operative_note",
        ),
        ("PR-2\nSubjective: neck pain.", None, "progress_report"),
        ("Physical therapy daily note\nVisit #4. Therapeutic exercise and manual therapy.", None, "therapy_note"),
        ("A short line.", None, "other"),
    ],
)
def test_documents_are_classified_by_their_own_words(text, title, kind):
    assert classify_document(text, title) == kind


def test_a_progress_report_that_discusses_the_denial_keeps_its_findings():
    note = (
        "Subjective: low back pain radiating to the left leg. Objective: positive straight leg raise. "
        "Assessment: lumbar radiculopathy. Plan: appeal. Utilization review non-certified the MRI as not "
        "medically necessary under the MTUS; the request for authorization is resubmitted."
    )
    assert document_kinds()[classify_document(note)].findings


def test_a_review_quoting_red_flag_criteria_meets_no_criterion_of_the_imaging_request():
    """Pasted into the summary the quotation reads as the worker's red flags; as the review's document it
    speaks of the request only."""
    request = [{"text": "MRI of the lumbar spine without contrast"}]
    pasted = api.review({"id": "p", "case_summary": SUMMARY + "\n\n" + REVIEW.split("\n", 1)[1], "requests": request})
    filed = api.review({"id": "f", "case_summary": SUMMARY, "requests": request, "documents": [{"text": REVIEW}]})
    flagged = {c.id for c in pasted.determinations[0].criteria if c.met}
    assert "red_flag" in flagged  # what the issue describes: the quotation made a finding
    det = filed.determinations[0]
    assert det.decision == "Upheld"
    assert not any(e.document == 0 for c in det.criteria if c.met for e in c.evidence)
    assert "red_flag" not in {c.id for c in det.criteria if c.met}


def test_evidence_in_a_document_points_to_the_document_and_its_page():
    first_page = "PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\nSubjective: low back pain after a fall at work.\n"
    second_page = (
        "Objective: he has a positive straight leg raise on the left and decreased sensation in the L5 dermatome."
    )
    case = {
        "id": "d",
        "case_summary": "A 40 year old with low back pain since a fall at work on 02/03/2017.",
        "requests": [{"text": "EMG of the left lower extremity"}],
        "documents": [{"text": first_page + second_page, "page_starts": [0, len(first_page)], "date": "2017-05-01"}],
    }
    det = api.review(case).determinations[0]
    placed = [e for c in det.criteria for e in c.evidence if e.document == 0]
    assert placed, det.criteria
    text = case["documents"][0]["text"]
    for e in placed:
        assert text[e.start : e.end] == e.text
        assert e.page == (2 if e.start >= len(first_page) else 1)
    assert any(e.page == 2 for e in placed)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ({"text": "x", "kind": "letterhead"}, "unknown document kind"),
        ({"text": "   "}, "must not be blank"),
        ({"text": "two pages", "page_starts": [0, 40]}, "page_starts"),
        ({"text": "two pages", "page_starts": [3]}, "page_starts"),
    ],
)
def test_a_bad_document_is_a_field_error_that_names_it(document, problem):
    with pytest.raises(OpenIMRError) as err:
        case_from_dict({"case_summary": SUMMARY, "requests": [{"text": "MRI"}], "documents": [document]}, "c.json")
    assert "documents" in err.value.message and problem in err.value.message


def test_the_letter_lists_every_document_by_kind_title_and_date():
    case = case_from_dict(
        {
            "id": "L",
            "case_summary": SUMMARY,
            "requests": [{"text": "MRI of the lumbar spine"}],
            "documents": [
                {"text": "Subjective: back pain.", "title": "PR-2 of May", "date": "2016-05-02", "author": "Dr. Ames"},
                {"text": REVIEW},
            ],
        },
        "L.json",
    )
    letter = api.render_letter(case, api.review(case), "text", None)
    listed = letter[letter.index("DOCUMENTS AND RECORDS CONSIDERED") :]
    assert 'Document 1: Progress report "PR-2 of May", dated 05/02/2016, by Dr. Ames' in listed
    assert "Document 2: Utilization review determination" in listed


def _two_examinations(first: str, second: str, summary_adds: str = "") -> dict:
    return {
        "id": "exams",
        "case_summary": "A 44 year old man hurt his back lifting at work on 01/05/2016." + summary_adds,
        "requests": [{"text": "EMG of the left lower extremity"}],
        "documents": [
            {"text": "PROGRESS REPORT\nObjective: straight leg raise is positive on the left.", "date": first},
            {
                "text": "PROGRESS REPORT\nObjective: straight leg raise is negative and sensation is intact.",
                "date": second,
            },
        ],
    }


def _deficit(case: dict) -> object:
    det = api.review(case).determinations[0]
    return next(c for c in det.criteria if c.id == "neurologic_symptoms_or_signs").facts["case.neuro_deficit"]


def test_the_latest_examination_wins_over_an_older_one() -> None:
    """Findings vary by visit: in dated documents the latest one that speaks of a sign says whether it is
    there now; the summary, which is undated, still stands where it affirms the sign."""
    assert _deficit(_two_examinations("2016-05-01", "2016-09-01")) is False
    assert _deficit(_two_examinations("2016-09-01", "2016-05-01")) is True
    assert _deficit(_two_examinations("2016-05-01", "2016-09-01", " Straight leg raise is positive.")) is True
