"""Surgery by procedure: the operation a request names, and the findings its own indications ask for."""

from __future__ import annotations

import pytest

from openimr.extract.requests import understand_request
from tests.extract.helpers import facts

PROCEDURES = [
    ("Right shoulder arthroscopy RCR (rotator cuff repair) and decompression", "rotator_cuff_repair"),
    ("Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis", "labral_repair"),
    ("Operative arthroscopy, superior labral anterior posterior repair, right shoulder", "labral_repair"),
    ("Right shoulder arthroscopic subacromial decompression", "subacromial_decompression"),
    ("Arthroscopy of the left knee", "meniscectomy"),
    ("Right knee arthroscopy with partial medial meniscectomy", "meniscectomy"),
    ("Left ACL reconstruction with hamstring autograft", "acl_reconstruction"),
    ("Left total knee arthroplasty", "knee_arthroplasty"),
    ("Right carpal tunnel release", "carpal_tunnel_release"),
    ("Left ulnar nerve transposition at the elbow", "cubital_tunnel_release"),
    ("Right trigger thumb release", "trigger_finger_release"),
    ("Left lateral epicondyle release", "epicondyle_release"),
    ("ORIF left ankle", "fracture_fixation"),
    ("L4-5 microdiscectomy", "lumbar_decompression"),
    ("L4-S1 posterior lumbar interbody fusion", "lumbar_fusion"),
    ("ACDF C5-6", "cervical_fusion"),
    # an operation without indications of its own: the general surgical considerations
    ("Right shoulder arthroscopy", None),
    ("Removal of hardware, right ankle", None),
    # not a surgery at all
    ("MRI of the lumbar spine", None),
    ("Associated surgical service: Assistant surgeon", None),
]


@pytest.mark.parametrize(("title", "procedure"), PROCEDURES)
def test_the_procedure_a_surgery_request_names(title: str, procedure: str | None) -> None:
    assert understand_request(title).procedure == procedure


FINDINGS = [
    (
        "The MRI showed a full-thickness tear of the supraspinatus.",
        "Right rotator cuff repair",
        "case.full_thickness_tear",
        True,
    ),
    (
        "The MRI showed a partial-thickness tear of the supraspinatus.",
        "Right rotator cuff repair",
        "case.full_thickness_tear",
        None,
    ),
    (
        "He had a subacromial cortisone injection with two weeks of relief.",
        "Right shoulder acromioplasty",
        "case.injection_given",
        True,
    ),
    ("A subacromial injection is recommended.", "Right shoulder acromioplasty", "case.injection_given", None),
    ("The knee locks and gives way on stairs.", "Left knee arthroscopy", "case.mechanical_symptoms", True),
    ("Lachman test was positive on the left.", "Left ACL reconstruction", "case.ligament_instability", True),
    (
        "X-rays showed a displaced fracture of the lateral malleolus.",
        "ORIF left ankle",
        "case.operative_fracture",
        True,
    ),
    (
        "X-rays showed a nondisplaced fracture of the fifth metatarsal.",
        "ORIF left foot",
        "case.operative_fracture",
        None,
    ),
    ("Flexion-extension films show grade I spondylolisthesis at L4-5.", "L4-5 fusion", "case.spinal_instability", True),
    ("He smokes a pack a day.", "L4-5 fusion", "case.smoker", True),
    ("He is a non-smoker.", "L4-5 fusion", "case.smoker", False),
    ("The right ring finger triggers with flexion.", "Right ring trigger finger release", "case.triggering", True),
    ("There is triggering of the right ring finger.", "Right ring trigger finger release", "case.triggering", True),
    ("There is thenar atrophy on the right.", "Right carpal tunnel release", "case.severe_entrapment", True),
    ("There is tenderness over the AC joint.", "Right distal clavicle excision", "case.ac_joint", True),
]


@pytest.mark.parametrize(("sentence", "request_text", "name", "value"), FINDINGS)
def test_a_finding_a_procedure_asks_for(sentence: str, request_text: str, name: str, value: object) -> None:
    record = "The injured worker is a 50 year old man injured on 01/10/2015. " + sentence
    assert facts(record, request_text).get(name).value == value
