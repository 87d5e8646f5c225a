"""Short cases written for the tests (not taken from letters), one per common kind of dispute: the engine
must reach the decision the guideline gives, for the reason it gives."""

from __future__ import annotations

import pytest

from openimr import api

BASE = "The injured worker is a 45 year old male who sustained an industrial injury on 01/10/2015. "
SCENARIOS = [
    (
        "continued opioid meeting the 4 A's",
        BASE + "He has chronic low back pain. Current medications include "
        "Norco 10/325mg since at least 03/01/2015. He reports pain of 8/10 without medications and 4/10 with "
        "medications. With medication he is able to walk 30 minutes and perform household chores. A urine drug screen "
        "on 10/01/2016 was consistent with prescribed medications. A CURES report was reviewed.",
        "Norco 10/325mg #90",
        "Overturned",
        None,
    ),
    (
        "continued opioid without the 4 A's",
        BASE + "He has chronic low back pain. Current medications include Norco "
        "10/325mg since at least 03/01/2015. There is no documentation of pain levels with and without medications.",
        "Norco 10/325mg #90",
        "Upheld",
        "quantified_analgesia",
    ),
    (
        "anticonvulsant started for radicular pain",
        BASE + "He reports low back pain radiating to the left leg with numbness. "
        "Exam shows decreased sensation in the left L5 dermatome. Gabapentin will be started.",
        "Gabapentin 300mg #90",
        "Overturned",
        None,
    ),
    (
        "anticonvulsant for radicular pain, the record silent on whether it is new or continued",
        BASE + "He reports low back pain radiating to the left leg with numbness. "
        "Exam shows decreased sensation in the left L5 dermatome.",
        "Gabapentin 300mg #90",
        "Upheld",
        "response_if_continued",
    ),
    (
        "PPI with NSAID dyspepsia",
        BASE + "He takes naproxen for knee osteoarthritis and reports heartburn from it.",
        "Omeprazole 20mg #30",
        "Overturned",
        None,
    ),
    (
        "PPI without GI risk",
        BASE + "He takes naproxen for knee osteoarthritis and tolerates it well.",
        "Omeprazole 20mg #30",
        "Upheld",
        "gi_risk_or_symptoms",
    ),
    (
        "long-term hypnotic",
        BASE + "He reports insomnia due to pain. He has taken Ambien since at least 01/2016.",
        "Ambien 10mg #30",
        "Upheld",
        "short_term",
    ),
    (
        "first acupuncture trial",
        BASE + "He has neck pain. Treatment to date has included medications and physical therapy.",
        "Acupuncture 2x3 for the neck",
        "Overturned",
        None,
    ),
    (
        "acupuncture beyond the trial",
        BASE + "He has neck pain. He completed 12 acupuncture sessions with no functional improvement.",
        "Acupuncture 2x3 for the neck",
        "Upheld",
        "functional_improvement_documented",
    ),
    (
        "initial therapy for an acute strain",
        "The injured worker is a 30 year old who injured his low back lifting "
        "boxes on 11/01/2016. He has low back pain and spasm. Treatment has included medications and rest.",
        "Physical therapy 2x3 for the lumbar spine",
        "Overturned",
        None,
    ),
    (
        "lumbar MRI with nerve compromise, surgery considered",
        BASE + "He has low back pain radiating down the right "
        "leg despite 3 months of physical therapy and medications. Exam: decreased sensation in the right S1 "
        "dermatome and weakness of plantar flexion 4/5. He would consider surgery.",
        "MRI of the lumbar spine",
        "Overturned",
        None,
    ),
    (
        "lumbar MRI for back pain alone",
        BASE + "He has chronic low back pain without radiation. Neurologic examination is normal.",
        "MRI of the lumbar spine",
        "Upheld",
        "objective_findings",
    ),
    (
        "epidural with exam and imaging corroboration",
        BASE + "He has right leg pain with decreased sensation in the "
        "L5 dermatome and a positive straight leg raise. MRI of the lumbar spine showed a right L4-5 disc protrusion. "
        "Physical therapy and NSAIDs failed to relieve the radicular pain.",
        "Lumbar epidural steroid injection at L4-5",
        "Overturned",
        None,
    ),
    (
        "TENS purchase without a trial",
        BASE + "He has chronic low back pain.",
        "TENS unit purchase",
        "Upheld",
        "trial_before_purchase",
    ),
    (
        "compound with gabapentin",
        BASE + "He has neuropathic foot pain.",
        "Gabapentin 10%, Lidocaine 5% in cream base 120 grams",
        "Upheld",
        "ingredients_recommended",
    ),
    (
        "continued opioid with the 4 A's in other words",
        BASE + "He has chronic low back pain and has taken Norco 10/325mg since 2015. With Norco his pain drops "
        "from 8 out of 10 to 3 out of 10, and he can now stand long enough to cook. He denies sedation. His last "
        "toxicology screen matched his prescriptions.",
        "Norco 10/325mg #90",
        "Overturned",
        None,
    ),
    (
        "more acupuncture after a trial that reduced the medication",
        BASE + "He completed six acupuncture treatments for the low back; since then he can sit through a full "
        "shift and takes fewer pain pills.",
        "Acupuncture 1x6 lumbar spine",
        "Overturned",
        None,
    ),
    (
        "lumbar MRI for leg red flags",
        BASE + "He reports progressive weakness of the left leg and new urinary incontinence.",
        "MRI of the lumbar spine",
        "Overturned",
        None,
    ),
    (
        "carpal tunnel release with signs, a confirming nerve study and failed splinting",
        BASE + "She reports numbness in the thumb and index finger at night, positive Tinel and Phalen signs, "
        "and NCS confirmed moderate carpal tunnel syndrome. Splinting and a steroid injection failed.",
        "Right carpal tunnel release",
        "Overturned",
        None,
    ),
    (
        "aquatic therapy without a reason to avoid land-based exercise",
        BASE + "He has chronic low back pain.",
        "Aquatic therapy 2x4 lumbar spine",
        "Upheld",
        "aquatic_reason",
    ),
    (
        "aquatic therapy for a worker who cannot tolerate land-based therapy",
        BASE + "He has chronic low back pain, a BMI of 42, and could not tolerate land-based therapy.",
        "Aquatic therapy 2x4 lumbar spine",
        "Overturned",
        None,
    ),
    (
        "spinal cord stimulator trial for failed back surgery syndrome after psychological clearance",
        BASE + "He has neuropathic leg pain after two back surgeries (failed back surgery syndrome), and a "
        "psychological evaluation cleared him.",
        "Spinal cord stimulator trial",
        "Overturned",
        None,
    ),
    (
        "spinal cord stimulator trial for axial back pain",
        BASE + "He has axial low back pain.",
        "Spinal cord stimulator trial",
        "Upheld",
        "listed_condition",
    ),
    (
        "shoulder MRI to clarify the anatomy before a planned injection, two weeks after the injury",
        "The injured worker sustained an industrial injury on 11/17/2016. He has right shoulder pain with a "
        "positive O'Brien's test. A corticosteroid injection of the right shoulder is contemplated.",
        "MRI of the right shoulder",
        "Overturned",
        None,
    ),
    (
        "shoulder MRI two weeks after the injury with nothing planned",
        "The injured worker sustained an industrial injury on 11/17/2016. He has right shoulder pain with a "
        "positive O'Brien's test.",
        "MRI of the right shoulder",
        "Upheld",
        "would_change_treatment",
    ),
    (
        "a PPI for dyspepsia on a current NSAID",
        BASE + "He takes naproxen daily and reports heartburn.",
        "Omeprazole 20mg #30",
        "Overturned",
        None,
    ),
    (
        "a PPI without an NSAID",
        BASE + "He reports heartburn. He takes no anti-inflammatory medication.",
        "Omeprazole 20mg #30",
        "Upheld",
        "takes_an_nsaid",
    ),
    (
        "cold therapy for a week after a surgery done two weeks ago",
        "The injured worker sustained an industrial injury on 01/10/2016. He underwent right shoulder arthroscopy "
        "with rotator cuff repair on 11/15/2016.",
        "Post-op cold therapy unit 7 day rental",
        "Overturned",
        None,
    ),
    (
        "cold therapy for a month after surgery",
        "The injured worker sustained an industrial injury on 01/10/2016. He underwent right shoulder arthroscopy "
        "with rotator cuff repair on 11/15/2016.",
        "Cold therapy unit 30 day rental",
        "Upheld",
        "within_seven_days",
    ),
    (
        "functional capacity evaluation after a failed return to work, at maximum medical improvement",
        BASE + "He attempted to return to his usual job twice without success. He has reached maximum medical "
        "improvement and remains off work.",
        "Functional capacity evaluation",
        "Overturned",
        None,
    ),
    (
        "functional capacity evaluation without a return-to-work question",
        BASE + "He has chronic low back pain.",
        "Functional capacity evaluation",
        "Upheld",
        "return_to_work_question",
    ),
    (
        "a buprenorphine patch is judged as an opioid",
        BASE + "He has chronic low back pain.",
        "Butrans patch 10mcg/hr #4",
        "Upheld",
        "quantified_analgesia",
    ),
    (
        "work hardening without a job to return to",
        BASE + "He has chronic low back pain and completed 12 sessions of physical therapy without further "
        "improvement.",
        "Work hardening program x 10 sessions",
        "Upheld",
        "job_to_return_to",
    ),
    (
        "a consultation already approved",
        BASE + "MRI shows an L4-5 disc extrusion and straight leg raise is positive on the right. Physical therapy "
        "failed to help. He was previously approved for a spine surgeon consultation.",
        "Spine surgeon consultation for the lumbar spine",
        "Upheld",
        "not_already_approved",
    ),
    (
        "ketorolac injection for a flare of chronic pain",
        BASE + "He has chronic low back pain and came in with a flare. He was given an intramuscular injection.",
        "Retrospective Toradol 60mg IM injection",
        "Upheld",
        "ketorolac_acute_only",
    ),
    (
        "cold therapy after a surgery approved outside this review",
        "The injured worker is a 45 year old male who sustained an industrial injury on 09/01/2016. He has a "
        "right rotator cuff tear. The right shoulder arthroscopy with rotator cuff repair has been approved and is "
        "scheduled for 01/10/2017.",
        "Post-operative cold therapy unit rental 7 days right shoulder",
        "Overturned",
        None,
    ),
    (
        "cold therapy for a surgery only recommended",
        "The injured worker is a 45 year old male who sustained an industrial injury on 09/01/2016. He has a "
        "right rotator cuff tear. The surgeon recommends a right shoulder arthroscopy.",
        "Post-operative cold therapy unit rental 7 days right shoulder",
        "Upheld",
        "after_surgery",
    ),
    (
        "pain specialist for pain that persists on opioids",
        BASE + "He has chronic low back pain that persists despite physical therapy, injections and medications. "
        "He has taken Norco since 2015.",
        "Pain management consultation",
        "Overturned",
        None,
    ),
    (
        "pain specialist without opioids or a surgical lesion",
        BASE + "He has chronic low back pain that persists despite physical therapy and ibuprofen.",
        "Pain management consultation",
        "Upheld",
        "clinical_question",
    ),
    (
        "knee films after a fall with inability to bear weight",
        "The injured worker is a 30 year old male who sustained an industrial injury on 11/20/2016 when he fell "
        "from a ladder. His right knee is swollen and he is unable to bear weight.",
        "X-ray of the right knee",
        "Overturned",
        None,
    ),
    (
        "continued opioid, the 4 A's in other words",
        "This 47-year-old warehouse worker was injured on 05/02/2015 lifting boxes. He takes hydrocodone 10/325 "
        "three times a day for chronic back pain. His pain goes from 9/10 to 5/10 with it, and he can do yard work "
        "and shop for groceries. His last drug test was appropriate and he has signed a narcotic contract. No side "
        "effects or aberrant behaviors.",
        "Hydrocodone/APAP 10/325mg #90",
        "Overturned",
        None,
    ),
    (
        "an antidepressant just started for pain with depression",
        BASE + "He has chronic low back pain with depression. Duloxetine was started recently.",
        "Cymbalta 30mg #30",
        "Overturned",
        None,
    ),
    (
        "home nursing after an amputation",
        "The patient is a 66-year-old man who had a below-knee amputation on 12/01/2016 after a crush injury at "
        "work on 11/20/2016. He is homebound, uses a wheelchair and needs dressing changes for his wound.",
        "Home health nursing 2 times per week for 4 weeks",
        "Overturned",
        None,
    ),
    (
        "a short opioid course after a recent surgery for an old injury",
        "A 64-year-old male underwent left total knee arthroplasty on 12/20/2016 for a work injury on 03/01/2015.",
        "Norco 5/325 #30 post-operative",
        "Overturned",
        None,
    ),
    (
        "subacromial decompression after months of failed care",
        "The claimant, a 47-year-old female cashier, injured her right shoulder on 03/15/2016. She has impingement "
        "with a positive Neer and Hawkins sign and painful arc. MRI shows a type 3 acromion with bursitis. Six "
        "months of therapy, NSAIDs and two subacromial injections gave only temporary relief.",
        "Right shoulder arthroscopic subacromial decompression",
        "Overturned",
        None,
    ),
    (
        "a surgical referral for a progressive deficit",
        "The claimant, a 50-year-old female housekeeper, injured her low back on 04/10/2015. She has progressive "
        "weakness of the left foot with foot drop and an MRI showing severe stenosis at L4-5.",
        "Neurosurgery consultation",
        "Overturned",
        None,
    ),
    (
        "a functional capacity evaluation at maximal medical improvement after failed returns to work",
        "The claimant, a 50-year-old female housekeeper, injured her low back on 04/10/2015. She has reached "
        "maximal medical improvement and has been off work. Prior attempts to return to work failed. An FCE is "
        "requested to determine permanent work restrictions.",
        "Functional capacity evaluation",
        "Overturned",
        None,
    ),
    (
        "a stool softener beside an opioid the worker takes",
        BASE + "He takes Norco daily for chronic low back pain and reports constipation.",
        "Colace 100mg #60",
        "Overturned",
        None,
    ),
    (
        "a stool softener without any opioid",
        BASE + "He takes ibuprofen for chronic low back pain.",
        "Colace 100mg #60",
        "Upheld",
        "opioid_continues",
    ),
    (
        "radiofrequency neurotomy without a diagnostic block",
        BASE + "He has axial low back pain without radicular symptoms and pain with extension. Physical therapy and "
        "NSAIDs for 3 months have failed.",
        "Radiofrequency ablation L4-5 and L5-S1",
        "Upheld",
        "diagnostic_block_first",
    ),
    (
        "radiofrequency neurotomy after a diagnostic block that relieved the pain",
        BASE + "He has axial low back pain without radicular symptoms and pain with extension. Physical therapy and "
        "NSAIDs for 3 months have failed. Diagnostic medial branch blocks at L4-5 and L5-S1 gave 80% relief for "
        "6 hours.",
        "Radiofrequency ablation L4-5 and L5-S1",
        "Overturned",
        None,
    ),
]


@pytest.mark.parametrize(
    ("name", "summary", "request_text", "decision", "failing"), SCENARIOS, ids=[s[0] for s in SCENARIOS]
)
def test_scenario(name: str, summary: str, request_text: str, decision: str, failing: str | None) -> None:
    result = api.review(
        {
            "case_summary": summary,
            "requests": [{"text": request_text}],
            "ur_denial_date": "2016-12-01",
            "review_date": "2017-01-01",
        }
    )
    det = result.determinations[0]
    assert det.decision == decision, det.rationale
    if failing:
        assert {c.id: c.met for c in det.criteria}[failing] is not True
        assert det.would_change_if
