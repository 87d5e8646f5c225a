"""A criterion is met only by words that say what it asks: an examination finding is the examiner's, not the
worker's complaint; pain is chronic by its duration or by the record's own word, not by a guideline's title."""

from __future__ import annotations

import pytest

from tests.extract.helpers import facts

EXAMINATION = [
    # the worker's words: a symptom
    ("He reports weakness in the right arm.", None),
    ("She complains of numbness and weakness of the right hand.", None),
    ("c/o tingling and weakness in the left hand.", None),
    ("The patient states that her grip is weak and she has weakness when lifting.", None),
    ("He describes weakness of the arm when reaching overhead.", None),
    # the examiner's words: a finding
    ("On exam there is weakness of the right biceps, 4/5.", True),
    ("He reports numbness, and on examination sensation is decreased in the C6 dermatome.", True),
    ("The physician noted weakness of the right wrist extensors on examination.", True),
    ("Sensation was diminished in the right thumb.", True),
    ("She reports pain, but strength is 4/5 in the right deltoid.", True),
]


@pytest.mark.parametrize(("sentence", "finding"), EXAMINATION)
def test_a_complaint_is_not_an_examination_finding(sentence: str, finding: bool | None) -> None:
    record = "The injured worker is a 45 year old man with neck pain. " + sentence
    got = facts(record, "MRI of the cervical spine")
    assert got.get("case.neuro_deficit").value is finding
    # the complaint is still a neurologic symptom (what an electrodiagnostic study asks for)
    assert got.get("case.neuro_symptoms").value is True


CHRONIC = [
    ("He has chronic low back pain.", True),
    ("She carries a diagnosis of chronic pain syndrome.", True),
    ("Diagnoses: chronic lumbar strain.", True),
    ("The MTUS Chronic Pain Medical Treatment Guidelines were cited by the reviewer.", None),
    ("Per the chronic pain guidelines the drug was not certified.", None),
    ("She has low back pain after a fall last week.", None),
]


@pytest.mark.parametrize(("sentence", "chronic"), CHRONIC)
def test_pain_called_chronic(sentence: str, chronic: bool | None) -> None:
    assert facts(sentence, "Amitriptyline 10mg #30").get("case.pain_called_chronic").value is chronic


SIGN_REGIONS = [
    # a lumbar sign is no evidence for an arm study, whatever else its sentence names
    ("The neck and right arm examination shows a positive straight leg raise.", "EMG of the right arm", None),
    ("Examination shows a positive straight leg raise on the right.", "MRI of the lumbar spine", True),
    ("Spurling test is positive on the right.", "MRI of the lumbar spine", None),
    ("Spurling test is positive on the right.", "MRI of the cervical spine", True),
]


@pytest.mark.parametrize(("sentence", "request_text", "finding"), SIGN_REGIONS)
def test_an_examination_sign_belongs_to_the_region_it_tests(sentence: str, request_text: str, finding) -> None:
    record = "The injured worker is a 45 year old man with neck and low back pain. " + sentence
    assert facts(record, request_text).get("case.neuro_deficit").value is finding


NOT_FINDINGS = [
    # the name of a clinic is not a fracture
    ("He was seen in the fracture clinic for his wrist sprain.", "X-ray of the right wrist", "case.fracture", None),
    ("X-rays showed a fracture of the distal radius.", "X-ray of the right wrist", "case.fracture", True),
    # a guideline's words quoted in the record are not facts about the worker
    (
        "The MTUS states that imaging is indicated when cauda equina, fracture, tumor or infection is suspected.",
        "MRI of the lumbar spine",
        "case.red_flags",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "request_text", "name", "value"), NOT_FINDINGS)
def test_names_and_quotations_are_not_findings(sentence: str, request_text: str, name: str, value) -> None:
    record = "The injured worker is a 45 year old man. " + sentence
    assert facts(record, request_text).get(name).value is value


ACUPUNCTURE_CONTEXT = [
    # 9792.24.1(a): medication reduced or not tolerated, or an adjunct to rehabilitation or surgery
    ("Her medications were reduced because of stomach upset.", "case.medication_reduction", True),
    ("He cut his ibuprofen dose in half.", "case.medication_reduction", True),
    ("She wants to avoid narcotics.", "case.medication_reduction", True),
    ("Tramadol made her nauseated and drowsy.", "case.adverse_effects", True),
    ("She continues a home exercise program.", "case.physical_rehabilitation", True),
    ("Physical therapy twice a week is planned.", "case.physical_rehabilitation", True),
    ("She has not had physical therapy.", "case.physical_rehabilitation", None),
    ("She takes Norco for chronic neck pain.", "case.medication_reduction", None),
]


@pytest.mark.parametrize(("sentence", "name", "value"), ACUPUNCTURE_CONTEXT)
def test_what_acupuncture_would_accompany(sentence: str, name: str, value) -> None:
    assert (
        facts("The injured worker is a 50 year old woman. " + sentence, "Acupuncture 6 sessions").get(name).value
        is value
    )


MECHANISMS = [
    # a plan's purpose and a complaint told after its noun are not examination findings
    ("Plan: a muscle relaxer for the spasms he reports.", "Cyclobenzaprine 7.5mg #20", "case.spasm", None),
    ("He complains of muscle spasms.", "Cyclobenzaprine 7.5mg #20", "case.spasm", None),
    ("Examination shows palpable paraspinal spasm.", "Cyclobenzaprine 7.5mg #20", "case.spasm", True),
    (
        "He had no relief from injections and there is muscle spasm on examination.",
        "Flexeril 7.5mg #20",
        "case.spasm",
        True,
    ),
    # a study ordered at this visit is not one already done
    ("An EMG of the legs was ordered today.", "EMG of the bilateral lower extremities", "case.prior_study", False),
    # what a reviewer of the claim wrote is not a finding about the worker
    (
        "The utilization reviewer stated that radiculopathy with decreased sensation was documented.",
        "Lumbar epidural steroid injection L4-5",
        "case.neuro_deficit",
        None,
    ),
]


@pytest.mark.parametrize(("sentence", "request_text", "name", "value"), MECHANISMS)
def test_words_that_do_not_say_what_a_criterion_asks(sentence: str, request_text: str, name: str, value) -> None:
    record = "The injured worker is a 45 year old man injured on 01/10/2015 with chronic low back pain. " + sentence
    assert facts(record, request_text).get(name).value is value


RELIEF = [
    # a bare "with medications" measures nothing
    ("He was treated with medications and physical therapy.", None),
    ("His pain is controlled with medications.", None),
    ("Pain is 7/10 with medications.", None),
    # scores with and without the drug do
    ("Pain is 8/10 without medications and 4/10 with medications.", True),
    ("With medications, pain is 5/10; without, 9/10.", True),
    ("Pain 8/10 w/o meds, 4/10 w/ meds.", True),
    ("Norco reduces his pain from 8/10 to 4/10.", True),
]


@pytest.mark.parametrize(("sentence", "value"), RELIEF)
def test_relief_is_measured_or_it_is_not_documented(sentence: str, value) -> None:
    record = "The injured worker is a 50 year old man with chronic low back pain. He takes Norco. " + sentence
    assert facts(record, "Norco 10/325mg #90").get("case.quantified_relief").value is value


FLAGS = [
    # one common sign alone raises no flag
    ("He reports night pain.", None),
    ("He had a urinary tract infection last year.", None),
    ("He lost weight on a diet; weight loss of 10 pounds.", None),
    # a flag by itself, or two signs together
    ("He reports saddle anesthesia and urinary retention.", True),
    ("He has a history of cancer.", True),
    ("He has had fevers and night sweats.", True),
    ("New B/B incontinence.", True),
]


@pytest.mark.parametrize(("sentence", "value"), FLAGS)
def test_a_red_flag_is_a_flag_by_itself_or_two_signs_together(sentence: str, value) -> None:
    record = "The injured worker is a 50 year old man with chronic low back pain. " + sentence
    assert facts(record, "MRI of the lumbar spine").get("case.red_flags").value is value
