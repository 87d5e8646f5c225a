"""The letter reader on hand-built letters: wrapped titles, modified requests, line endings, layouts."""

from __future__ import annotations

import pytest

from openimr import api
from openimr.errors import Err, OpenIMRError
from openimr.ingest.letter import split_modified_request

HEADER = """\
Case Number: CM16-0000001  
Date Assigned: 11/18/2016 Date of Injury:  10/10/2016 
Decision Date: 12/19/2016 UR Denial Date:  11/09/2016 
Priority:  Expedited Application 
Received:  
11/14/2016 
 
"""

BODY = """\
HOW THE IMR FINAL DETERMINATION WAS MADE 
The expert reviewer was selected for expertise. 
 
The Expert Reviewer has the following credentials: 
State(s) of Licensure: California, Oregon 
Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain 
Management 
 
CLINICAL CASE SUMMARY 
The expert reviewer developed the following clinical case summary based on a review of the 
case file, including all medical records: 
 
The injured worker is a 50 year old woman with low back pain. She completed six sessions of 
physical therapy. 
 
A second paragraph says she is working full duty. 
 
IMR ISSUES, DECISIONS AND RATIONALES 
The Final Determination was based on decisions for the disputed items/services set forth below: 
 
Physical therapy two times a week for three weeks for the lumbar spine and the cervical spine, 
left shoulder: Upheld 
 
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment 
Guidelines. 
 
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016. 
 
Decision rationale: The guideline allows 9-10 visits over 8 weeks. Six were done 
without benefit. This request is not medically necessary. 
 
Twelve acupuncture visits was the original request. Six acupuncture visits was authorized by 
the Claims Administrator. The remaining IMR eligible portion of the original request, Six 
acupuncture visits is: 
Overturned 
 
Claims Administrator guideline: Decision based on MTUS Acupuncture Treatment 2007. 
 
MAXIMUS guideline: Decision based on MTUS Acupuncture Treatment 2007. 
 
Decision rationale: Functional improvement is documented. The request is medically 
necessary. 
"""

LETTER = HEADER + BODY
TITLES = [
    "Physical therapy two times a week for three weeks for the lumbar spine and the cervical spine, left shoulder",
    "Twelve acupuncture visits was the original request. Six acupuncture visits was authorized by the Claims "
    "Administrator. The remaining IMR eligible portion of the original request, Six acupuncture visits is",
]


def _no_blank_lines(text: str) -> str:
    return "\n".join(line for line in text.split("\n") if line.strip())


def _double_spaced(text: str) -> str:
    """Like the seed letters: an empty line after every line; paragraph marks become runs of empties."""
    return "\n\n".join(line.rstrip() for line in text.split("\n"))


LAYOUTS = {
    "as-extracted": lambda t: t,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "no-blank-lines": _no_blank_lines,
    "trailing-space-stripped": lambda t: "\n".join(line.rstrip() for line in t.split("\n")),
    "double-spaced": _double_spaced,
}


@pytest.mark.parametrize("variant", LAYOUTS)
def test_items_titles_and_decisions_survive_every_layout(variant: str) -> None:
    letter = api.parse_letter(LAYOUTS[variant](LETTER), "x.txt")
    assert [i.title for i in letter.items] == TITLES
    assert [i.decision for i in letter.items] == ["Upheld", "Overturned"]
    first, second = letter.items
    assert first.claims_administrator_guideline == "Decision based on MTUS Chronic Pain Medical Treatment Guidelines."
    assert first.reviewer_guideline == "Decision based on MTUS Chronic Pain Medical Treatment 2016."
    assert first.rationale.startswith("The guideline allows 9-10 visits")
    assert first.rationale.endswith("not medically necessary.")
    assert second.rationale == "Functional improvement is documented. The request is medically necessary."


@pytest.mark.parametrize("variant", LAYOUTS)
def test_header_reviewer_and_summary(variant: str) -> None:
    letter = api.parse_letter(LAYOUTS[variant](LETTER), "x.txt")
    assert letter.case_number == "CM16-0000001"
    assert str(letter.date_assigned) == "2016-11-18"
    assert str(letter.application_received) == "2016-11-14"
    assert letter.priority == "Expedited"
    assert letter.reviewer.licensure_states == ["California", "Oregon"]
    assert letter.reviewer.specialties == ["Physical Medicine & Rehabilitation", "Pain Management"]
    joined = " ".join(letter.case_summary)
    assert joined.startswith("The injured worker is a 50 year old woman")
    assert "developed the following" not in joined
    assert "working full duty" in joined


def test_summary_keeps_its_paragraphs() -> None:
    letter = api.parse_letter(LETTER, "x.txt")
    assert len(letter.case_summary) == 2


def test_modified_request_is_split_into_its_parts() -> None:
    item = api.parse_letter(LETTER, "x.txt").items[1]
    assert item.original_request == "Twelve acupuncture visits"
    assert item.authorized == "Six acupuncture visits"
    assert item.disputed == "Six acupuncture visits"


def test_modified_request_of_the_leaving_eligible_form() -> None:
    parts = split_modified_request(
        "Acupuncture (unspecified quantity) was the original request. The Claims Administrator authorized "
        "Acupuncture, 6 sessions, leaving the original request IMR eligible. The original request, "
        "Acupuncture (unspecified quantity) is"
    )
    assert parts == {
        "original_request": "Acupuncture (unspecified quantity)",
        "authorized": "Acupuncture, 6 sessions",
        "disputed": "Acupuncture (unspecified quantity)",
    }


@pytest.mark.parametrize(
    ("title", "disputed"),
    [
        (
            "Physical therapy 12 sessions was the original request. The Claims Administrator authorized 6 sessions, "
            "leaving the remaining 6 sessions IMR eligible.",
            "6 sessions",
        ),
        (
            "Norco 10/325mg #90 was the original request. Norco 10/325mg #60 was authorized by the Claims "
            "Administrator. The remaining IMR eligible portion of the original request is Norco 10/325mg #30.",
            "Norco 10/325mg #30",
        ),
    ],
)
def test_modified_request_said_in_other_words(title: str, disputed: str) -> None:
    assert split_modified_request(title)["disputed"] == disputed


def test_plain_title_is_not_a_modified_request() -> None:
    assert split_modified_request("Labs to include: EKG") == {}


def test_colon_inside_a_title_is_kept() -> None:
    text = LETTER.replace("left shoulder: Upheld", "left shoulder, Labs to include: EKG: Upheld")
    assert api.parse_letter(text, "x.txt").items[0].title.endswith("Labs to include: EKG")


def test_older_reviewer_sentence() -> None:
    text = LETTER.replace(
        "The expert reviewer was selected for expertise.",
        "The expert reviewer is Board Certified in Occupational Medicine, and is licensed to practice in California.",
    ).replace(
        "State(s) of Licensure: California, Oregon \nCertification(s)/Specialty: Physical Medicine & "
        "Rehabilitation, Pain \nManagement \n",
        "",
    )
    reviewer = api.parse_letter(text, "x.txt").reviewer
    assert reviewer.board_certified
    assert reviewer.specialties == ["Occupational Medicine"]
    assert reviewer.licensure_states == ["California"]


def test_2013_format_letter_is_read_from_its_decision_sentences() -> None:
    text = """INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE
The Final Determination was based on decisions for the disputed items/services set forth below:
1. Physical therapy 2x4 is not medically necessary and appropriate.
2. Norco 10/325mg #90 is medically necessary and appropriate.

DOCUMENTS REVIEWED
Utilization review letter.

1) Regarding the request for physical therapy 2x4:
Medical Treatment Guideline(s) the Claims Administrator used: MTUS Chronic Pain.
Medical Treatment Guideline(s) used by the Expert Reviewer: MTUS Chronic Pain, p. 99.
Rationale for the Decision: No functional improvement after 12 visits.
"""
    letter = api.parse_letter(text, "old.txt")
    assert letter.format == "dwc-2013"
    assert [(i.title, i.decision) for i in letter.items] == [
        ("Physical therapy 2x4", "Upheld"),
        ("Norco 10/325mg #90", "Overturned"),
    ]
    assert letter.items[0].rationale == "No functional improvement after 12 visits."
    assert letter.items[0].reviewer_guideline == "MTUS Chronic Pain, p. 99."


def test_older_format_without_decisions_is_refused_as_unsupported() -> None:
    text = "MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE\nMRI of the knee\nCASE SUMMARY\nA knee injury.\n"
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter(text, "mpr.txt")
    assert info.value.code is Err.E108
    assert "mpr.txt" in str(info.value)


def test_text_that_is_not_a_letter_is_refused() -> None:
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter("Dear friend,\nthe weather is fine.\n", "note.txt")
    assert info.value.code is Err.E107


def test_several_letters_in_one_file_are_refused_naming_each() -> None:
    """Read as one, the first letter's header would stand for both and the second's items be lost."""
    second = (HEADER + BODY).replace("CM16-0000001", "CM16-0000002")
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter(HEADER + BODY + "\n" + second, "two.txt")
    assert info.value.code is Err.E110
    assert "2 letters" in str(info.value) and "CM16-0000001, CM16-0000002" in str(info.value)
    assert "two.txt" in str(info.value)
    without_numbers = BODY + "\n" + BODY
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter(without_numbers, "two-bodies.txt")
    assert info.value.code is Err.E110 and "beginning at lines 1, " in str(info.value)
    assert api.parse_letter(HEADER + BODY, "one.txt").case_number == "CM16-0000001"


def test_letter_with_the_headings_but_no_decided_item() -> None:
    text = BODY.split("Physical therapy two times")[0]
    with pytest.raises(OpenIMRError) as info:
        api.parse_letter(text, "empty-items.txt")
    assert info.value.code is Err.E109


def test_2014_letter_with_the_headings_and_decision_sentences() -> None:
    text = """Case Number: CM13-0001234 Date Assigned: 08/12/2013
Date of Injury: 05/05/2010 Decision Date: 10/23/2013
HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer.
CLINICAL CASE SUMMARY
A 50 year old with low back pain.
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
1) Regarding the request for MRI of the lumbar spine:
Medical Treatment Guideline(s) the Claims Administrator used: ACOEM, Chapter 12.
Medical Treatment Guideline(s) used by the Expert Reviewer: ACOEM, Chapter 12, pages 303-304.
Rationale for the Decision: No red flags. The requested MRI of the lumbar spine is not medically necessary
and appropriate.
2) Regarding the request for physical therapy 2x3:
Medical Treatment Guideline(s) the Claims Administrator used: MTUS.
Medical Treatment Guideline(s) used by the Expert Reviewer: MTUS, pages 98-99.
Rationale for the Decision: A first course within the guideline. The requested physical therapy 2x3 is
medically necessary and appropriate.
"""
    letter = api.parse_letter(text, "2014.txt")
    assert [(i.title, i.decision) for i in letter.items] == [
        ("MRI of the lumbar spine", "Upheld"),
        ("physical therapy 2x3", "Overturned"),
    ]
    assert letter.case_number == "CM13-0001234"
    assert str(letter.decision_date) == "2013-10-23"
    assert letter.items[0].reviewer_guideline == "ACOEM, Chapter 12, pages 303-304."
