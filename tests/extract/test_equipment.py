"""Equipment by kind: the kind a DME request names decides which rule judges it."""

from __future__ import annotations

import pytest

from openimr import api
from openimr.extract.requests import understand_request

KINDS = [
    ("Associated surgical service: Cold therapy for one week", "cold_unit"),
    ("Vascutherm unit, 14 days rental", "cold_unit"),
    ("Hot/cold unit purchase", "heat_cold_device"),
    ("LSO brace", "lumbar_support"),
    ("Lumbar support", "lumbar_support"),
    ("Front wheeled walker", "mobility_aid"),
    ("Knee scooter rental", "mobility_aid"),
    ("Hinged knee brace", "knee_brace"),
    ("Medial unloader knee brace", "knee_brace"),
    ("Over-the-door cervical traction", "traction"),
    ("Inversion table", "traction"),
    ("Wrist braces #2", "wrist_hand_splint"),
    ("Tennis elbow strap", "elbow_brace"),
    ("Associated surgical service: Ultrasling", "shoulder_support"),
    ("Soft cervical collar", "cervical_collar"),
    ("Raised toilet seat", "bathroom_equipment"),
    ("Hospital bed rental", "hospital_bed"),
    ("Wedge pillow", "comfort_item"),
    ("Hygiene wipes", "comfort_item"),
    ("Ergonomic chair", "ergonomic_equipment"),
    ("Sit-stand desk for the workstation", "ergonomic_equipment"),
    ("CPM machine for 21 days", "continuous_passive_motion"),
    ("Custom orthotics", "foot_orthotics"),
    ("Bilateral shoe inserts", "foot_orthotics"),
    ("Bone growth stimulator, lumbar", "bone_growth_stimulator"),
    # a name that holds another kind's word but is none of the kinds: the general rule, by name
    ("Left ankle foot orthosis", "general_equipment"),
    ("AFO right", "general_equipment"),
    # equipment of no kind of its own: the general rule
    ("Seat cushion for the car", None),
    # not equipment
    ("TENS unit", None),
]


@pytest.mark.parametrize(("title", "kind"), KINDS)
def test_the_kind_of_equipment_a_request_names(title: str, kind: str | None) -> None:
    assert understand_request(title).equipment == kind


BASE = "The injured worker is a 50 year old woman injured on 01/10/2015 with chronic neck and back pain. "
DECISIONS = [
    # comfort and workplace items are not medical equipment, whatever the record says
    ("She sleeps poorly.", "Cervical pillow", "Upheld"),
    ("She works at a computer all day.", "Ergonomic chair", "Upheld"),
    # a hospital bed needs confinement to bed, not stairs that are hard to climb
    ("She cannot walk the stairs to her bedroom.", "Hospital bed rental", "Upheld"),
    ("She is bedbound with a pressure ulcer on the sacrum.", "Hospital bed rental", "Overturned"),
    # a walker for a documented walking impairment
    ("She walks with an unsteady gait and had two falls last month.", "Front wheeled walker", "Overturned"),
    ("She walks without difficulty.", "Front wheeled walker", "Upheld"),
    # a wrist splint: signs of entrapment that a nerve study did not confirm do not establish it
    ("Tinel and Phalen signs are positive at both wrists.", "Wrist splints #2", "Overturned"),
    (
        "Tinel and Phalen signs are positive at both wrists. Nerve conduction studies were normal.",
        "Wrist splints #2",
        "Upheld",
    ),
    # an elbow is not immobilized except after surgery; a strap treats epicondylitis
    ("Tinel sign is positive at the elbow.", "Elbow brace", "Upheld"),
    ("She has lateral epicondylitis of the right elbow.", "Counterforce strap", "Overturned"),
    # a lumbar support: not beyond the acute phase, but for spondylolisthesis
    ("She has chronic low back pain.", "Lumbar support", "Upheld"),
    ("X-rays show grade I spondylolisthesis at L5-S1.", "Lumbar support", "Overturned"),
]


@pytest.mark.parametrize(("sentence", "title", "decision"), DECISIONS)
def test_equipment_is_judged_by_its_kind(sentence: str, title: str, decision: str) -> None:
    case = {"case_summary": BASE + sentence, "requests": [{"text": title}], "review_date": "2017-01-15"}
    assert api.review(case).determinations[0].decision == decision
