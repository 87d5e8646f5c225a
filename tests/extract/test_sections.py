"""A heading on its own line governs the lines under it: complaints under "Subjective:", requests under "Plan:"."""

from __future__ import annotations

import pytest

from openimr.extract.mentions import find_mentions
from openimr.extract.sections import headed_sections


def _reported(text: str, words: str) -> bool:
    found = [m for m in find_mentions(text).items if m.text.lower() == words.lower()]
    assert found, f"{words!r} not found in {text!r}"
    return found[0].reported


@pytest.mark.parametrize(
    ("note", "words", "reported"),
    [
        ("Chief complaint:\nNeck pain.\nNumbness in both hands.", "Numbness", True),
        ("HPI:\nShe has had weakness of the right hand since the fall.", "weakness", True),
        (
            "Subjective:\nLow back pain.\nWeakness of the left leg.\nObjective:\nWeakness of the left leg.",
            "weakness",
            True,
        ),
        ("Objective:\nWeakness of the right grip.", "Weakness", False),
        ("Subjective:\nOn examination today there is weakness of the grip.", "weakness", False),
        (
            "S:\nTingling at night.\n\nDecreased sensation in the median nerve distribution.",
            "Decreased sensation",
            False,
        ),
    ],
)
def test_what_a_complaint_heading_heads_is_the_workers_complaint(note: str, words: str, reported: bool) -> None:
    assert _reported(note, words) is reported


def test_the_examination_after_the_complaints_is_a_finding() -> None:
    note = "Subjective:\nWeakness of the left leg.\nObjective:\nWeakness of the left leg."
    weakness = [m for m in find_mentions(note).items if m.text == "Weakness"]
    assert [m.reported for m in weakness] == [True, False]


def test_a_section_ends_at_the_next_heading_or_blank_line() -> None:
    text = "Plan of care for the low back:\nMRI.\nWork status: modified.\nPlan:\nPT.\n\nThe note ends."
    assert [text[a:b] for a, b in headed_sections(text, "request")] == [
        "Plan of care for the low back:\nMRI.\n",
        "Plan:\nPT.",
    ]
