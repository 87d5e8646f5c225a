"""Findings said in other words: each sentence states a fact the guidelines turn on in a wording that a
fixed phrase list would miss (the engine is measured on records written by other people). One sentence each;
``None`` means the sentence must not be read as the finding."""

from __future__ import annotations

import datetime as dt

import pytest

from openimr.extract.facts import CaseContext, FactSet
from openimr.extract.mentions import find_mentions
from openimr.extract.requests import understand_request


def _fact(sentence: str, name: str) -> object:
    ctx = CaseContext(
        summary=sentence,
        mentions=find_mentions(sentence),
        date_of_injury=dt.date(2015, 1, 1),
        review_date=dt.date(2017, 1, 15),
        review_date_source="test",
    )
    return FactSet(ctx, understand_request("Physical therapy 6 sessions")).get(name).value


PARAPHRASES = [
    (
        "case.functional_improvement",
        True,
        "Since starting therapy she can walk twice as far and has returned to modified work.",
    ),
    ("case.functional_improvement", True, "He is now able to lift his grandchild and sleep through the night."),
    ("case.functional_improvement", True, "The therapy increased his ability to perform household chores."),
    ("case.functional_improvement", False, "Function has not changed despite the treatment."),
    ("case.functional_improvement", False, "No objective gains in function were reported."),
    ("case.functional_improvement", False, "The notes fail to show any measurable improvement in function."),
    ("case.neuro_deficit", True, "Sensation was reduced in the L5 dermatome."),
    ("case.neuro_deficit", True, "There was weakness of the extensor hallucis longus graded 4/5."),
    ("case.neuro_deficit", True, "The Achilles reflex was absent on the left."),
    ("case.neuro_deficit", True, "Hypoesthesia was noted along the C6 distribution."),
    ("case.neuro_deficit", True, "Seated straight leg raising reproduced radicular pain."),
    ("case.neuro_deficit", None, "Neurologic examination was within normal limits."),
    ("case.red_flags", True, "He reported new bowel and bladder incontinence."),
    ("case.red_flags", True, "There was progressive weakness of the leg."),
    ("case.working", True, "She has returned to her usual job."),
    ("case.working", False, "He has not worked since the injury."),
    ("case.working", False, "She is temporarily totally disabled."),
    ("case.spasm", True, "Palpation revealed paraspinal muscle spasm."),
    ("case.acute_flare", True, "He reported a recent exacerbation of low back pain."),
    ("case.acute_flare", True, "The pain flared up last week."),
    ("case.gi_risk", True, "She has a history of gastrointestinal bleeding."),
    ("case.gi_risk", True, "He complains of dyspepsia with the medications."),
    ("case.gi_risk", True, "He has stomach upset from the anti-inflammatories."),
    ("case.osteoarthritis", True, "X-rays show tricompartmental degenerative changes of the knee."),
    ("case.drug_screen", True, "A urine toxicology screen on 5/1/2016 was consistent with the prescribed medications."),
    ("case.quantified_relief", True, "Norco reduces his pain from 8/10 to 4/10."),
    ("case.quantified_relief", True, "With medications, pain is 5/10; without, 9/10."),
    ("case.quantified_relief", True, "The medication provides 50% pain relief."),
    ("case.home_exercise", True, "He performs a home exercise program daily."),
    ("case.homebound", True, "She is confined to her home."),
    ("case.surgery_done", True, "He underwent a right carpal tunnel release on 3/2/2016."),
    ("case.surgery_done", True, "She is status post left knee arthroscopy."),
    ("case.surgery_done", True, "He had an L4-5 fusion in 2014."),
    ("case.psych", True, "She reports depression and anxiety since the injury."),
    ("case.sleep_problem", True, "He has difficulty sleeping due to pain."),
    ("case.internal_derangement", True, "There was a positive Lachman test on the right."),
    ("case.internal_derangement", True, "The knee locks and gives way."),
    (
        "case.nerve_compromise_imaging",
        True,
        "An MRI revealed a 4 mm disc herniation at L4-5 impinging the L5 nerve root.",
    ),
    ("case.adverse_effects", True, "The medication causes drowsiness."),
    ("case.aberrant", True, "The urine drug screen was inconsistent, positive for methamphetamine."),
    ("case.functional_improvement", True, "She reports she can now walk for 30 minutes."),
    ("case.functional_improvement", True, "Her ability to perform ADLs has improved."),
    ("case.functional_improvement", True, "He went back to his regular job in March."),
    ("case.functional_improvement", False, "There has been no functional gain."),
    ("case.functional_improvement", False, "Functional status remains unchanged."),
    ("case.functional_improvement", None, "He is unable to walk more than a block."),
    ("case.neuro_deficit", True, "Decreased sensation to pinprick over the lateral calf."),
    ("case.neuro_deficit", True, "Patellar reflexes are hypoactive."),
    ("case.neuro_deficit", True, "Motor strength was 4 out of 5 in the EHL."),
    ("case.neuro_deficit", True, "Diminished grip strength on the right."),
    ("case.neuro_deficit", None, "Sensation was intact, strength 5/5."),
    ("case.neuro_deficit", None, "Deep tendon reflexes were 2+ and symmetric."),
    ("case.neuro_deficit", False, "Straight leg raise was negative bilaterally."),
    ("case.working", False, "He has been off work since the injury."),
    ("case.working", False, "She is not currently working."),
    ("case.working", None, "He returned to the clinic for follow-up."),
    ("case.quantified_relief", True, "Medications decrease her pain by 50%."),
    ("case.quantified_relief", True, "Pain is 8/10 without medications and 4/10 with them."),
    ("case.quantified_relief", True, "Tramadol brings the pain down from 7 to 3."),
    ("case.surgery_done", True, "Status post right shoulder arthroscopy in 2015."),
    ("case.surgery_done", True, "He underwent L5-S1 fusion."),
    ("case.surgery_done", None, "The doctor recommended a decompression surgery."),
    ("case.surgery_done", None, "She had an MRI of the knee."),
    ("case.acute_flare", True, "He had an acute flare-up of low back pain."),
    ("case.acute_flare", True, "She developed a sudden increase in neck pain."),
    ("case.acute_flare", None, "Pain is exacerbated by prolonged sitting."),
    ("case.aberrant", None, "Urine drug screen was consistent with prescribed medications."),
    ("case.aberrant", True, "The last urine drug screen was positive for cocaine."),
    ("case.homebound", True, "He is essentially bedbound."),
    ("case.quantified_relief", True, "With Norco his pain drops from 8 out of 10 to 3 out of 10."),
    ("case.quantified_relief", True, "Pain is 4/10 with medications and 8/10 without."),
    ("case.quantified_relief", None, "His pain increased from 4/10 to 8/10 after the fall."),
    ("case.drug_screen", True, "His last toxicology screen matched his prescriptions."),
    ("case.surgery_done", True, "She has leg pain after two back surgeries."),
    ("case.weight_bearing_limit", True, "He has a BMI of 42."),
    ("case.weight_bearing_limit", True, "She could not tolerate land-based therapy."),
    ("case.functional_improvement", True, "With the medication he can walk 30 minutes."),
    ("case.functional_improvement", None, "He walked into the clinic."),
    ("case.procedure_planned", True, "A corticosteroid injection of the knee is contemplated."),
    ("case.procedure_planned", None, "He had a corticosteroid injection last year."),
    ("case.spasm", True, "Paravertebral muscles were in spasm."),
    ("case.spasm", True, "There was palpable muscle guarding of the lumbar paraspinals."),
    ("case.home_exercise", True, "He exercises at home every day as instructed by his therapist."),
    ("case.home_exercise", True, "She continues her home stretching routine."),
    ("case.psych", True, "She feels hopeless and tearful since the injury."),
    ("case.sleep_problem", True, "He wakes up several times a night due to pain."),
    ("case.sleep_problem", True, "She sleeps only 4 hours a night."),
    ("case.osteoarthritis", True, "X-rays show joint space narrowing of the medial compartment."),
    ("case.radicular", True, "The pain travels down the back of his left leg to the foot."),
    ("case.radicular", True, "She has pins and needles in her right hand."),
    ("case.radicular", False, "He denies any radiating pain."),
    ("case.entrapment_signs", True, "Phalen's maneuver reproduced tingling in the median nerve distribution."),
    ("case.red_flags", True, "He reports fevers and night sweats."),
    ("case.red_flags", True, "There is saddle numbness."),
    ("case.gi_risk", True, "He has a history of a bleeding stomach ulcer."),
    ("case.gi_risk", True, "She takes a blood thinner."),
    ("case.hospital", True, "He was hospitalized for three days after the fall."),
    ("case.wound", True, "The surgical incision is draining."),
    (
        "case.failed_conservative_care",
        True,
        "Despite six weeks of physical therapy and anti-inflammatories, his pain persists.",
    ),
    ("case.failed_conservative_care", True, "Conservative treatment including therapy and medication has not helped."),
    ("case.functional_improvement", True, "His Oswestry score improved from 48% to 30%."),
    ("case.functional_improvement", True, "She reports being able to do more around the house."),
    ("case.functional_improvement", False, "His activities of daily living remain limited and unchanged."),
    ("case.neuro_deficit", True, "Reflexes: right patellar 1+, left 2+."),
    ("case.neuro_deficit", True, "There is weakness of ankle dorsiflexion on the left."),
    ("case.neuro_deficit", True, "Light touch sensation is diminished over the lateral thigh."),
    ("case.quantified_relief", True, "The medication reduces his pain by about half."),
    ("case.quantified_relief", True, "Without Norco his pain is 9/10; with it, 5/10."),
    ("case.working", True, "He continues to work his usual job."),
    ("case.working", False, "She has been unable to return to work."),
    ("case.cures_check", True, "The state prescription database was checked."),
    ("case.opioid_agreement", True, "He signed a narcotics agreement."),
    ("case.adverse_effects", True, "He reports constipation from the opioids."),
]


@pytest.mark.parametrize(("name", "value", "sentence"), PARAPHRASES, ids=[s for _, _, s in PARAPHRASES])
def test_a_finding_said_in_other_words(name: str, value: object, sentence: str) -> None:
    assert _fact(sentence, name) == value
