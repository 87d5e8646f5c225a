"""Request understanding: topic, role, regions, drugs, modified requests."""

from __future__ import annotations

import datetime as dt

import pytest

from openimr.extract.requests import classify, understand_request
from tests.extract.helpers import facts

TOPICS = [
    ("Water therapy x6", "aquatic_therapy"),
    ("Steroid shot to the shoulder", "joint_injection"),
    ("Knee scope", "surgery"),
    ("Total knee", "surgery"),
    ("Urine tox screen", "drug_testing"),
    ("Lab work", "labs"),
    ("Raised toilet seat", "dme"),
    ("Spinal cord stimulator trial", "spinal_cord_stimulator"),
    ("Butrans patch 10mcg #4", "opioids"),
    ("Duragesic 25mcg/hr patch #10", "opioids"),
    ("Tramadol 8% cream", "topical_analgesics"),
    ("Functional capacity evaluation", "functional_capacity_evaluation"),
    ("Work hardening program x 10 sessions", "work_hardening"),
    ("Acupuncture 6 sessions", "acupuncture"),
    ("Accupuncture x6", "acupuncture"),
    ("Chirophysio therapy two times a week for four weeks", "chiropractic"),
    ("Carisoprodol 350mg #60", "muscle_relaxants"),
    ("Flexaril 10mg #30", "muscle_relaxants"),
    ("Norcco 10/325 #90", "opioids"),
    ("Hydrocodone (Norco 5/325mg) #60", "opioids"),
    ("Lidocaine 5% patch #1", "topical_analgesics"),
    ("Gabapentin 10%, Cyclobenzaprine 6%, Bupivacaine 5% in cream base", "topical_analgesics"),
    ("Fanatrex 25mg/ml oral suspension 420ml", "medical_foods"),
    ("Prilosec 20mg #90", "gastro_protection"),
    ("Lumbar epidural steroid injection with pain interventionist consult and treatment", "epidural_injection"),
    ("Consult with hip replacement specialist to evaluation for a total hip arthroplasty", "consultation"),
    ("Spine surgery evaluation for the lumbar", "consultation"),
    ("Left shoulder arthroscopy with Bankart repair, possible biceps tenodesis", "surgery"),
    ("MRI of the lumbar spine without contrast", "mri"),
    ("EMG/NCV of the hip, lumbar", "electrodiagnostics"),
    ("TENS unit", "tens"),
    ("Home H-wave device x 1 month", "h_wave"),
    ("Overnight polysomnogram", "sleep_study"),
    ("Neuropsychological evaluation", "neuropsychological_testing"),
    ("PSG to rule out sleep apnea", "sleep_study"),
    ("Interferential stimulator rental", "tens"),
    ("Electrical Muscle Stimulation 2 times a week for 4 weeks", "tens"),
    ("Pulsed Ultrasound 2 times a week for 4 weeks", "passive_modalities"),
    ("Home aide 6 hours per day, 5 times a week for 4 weeks", "home_health"),
    ("One platelet-rich plasma injection to the right knee", "platelet_rich_plasma"),
    ("Gym membership", "gym_membership"),
    # what follows "for" is the purpose, not the item
    ("Orthopedic consultation for possible knee arthroscopy", "consultation"),
    ("Psych evaluation for spinal cord stimulator trial", "psychological"),
    ("Genetic testing for opioid risk", "labs"),
    ("Baseline labs for NSAID", "labs"),
    ("Request for Norco 10/325 #90", "opioids"),
    # a drug given by injection is judged as the drug, a steroid into a joint as the injection
    ("Retrospective Toradol 60mg IM injection", "nsaids"),
    ("Cortisone injection to the left shoulder", "joint_injection"),
    ("Lidocaine trigger point injections x4", "trigger_point_injection"),
    # a word inside another is not a misspelling of it
    ("Intermittent pneumatic compression device", "dme"),
    ("Inversion table", "dme"),
    ("Kera-Tek analgesic gel", "topical_analgesics"),
    ("Gel-One injection right knee", "joint_injection"),
    ("Medication management visits monthly", "office_visits"),
    # the service named decides over the specialty that gives it
    ("Psychiatrist med management visits x3", "office_visits"),
    ("Psychiatric follow-ups for medication management, 4", "office_visits"),
    ("Psychiatric evaluation", "psychological"),
    # the services of an operation, named for it or after it
    ("Anesthesia for L4-5 fusion", "surgical_services"),
    ("First assistant for shoulder arthroscopy", "surgical_associated"),
    ("Intraoperative neuromonitoring, cervical fusion", "surgical_services"),
    ("Bone growth stimulator after lumbar fusion", "dme"),
    # request titles in other words
    ("Injections into trigger points of the upper back", "trigger_point_injection"),
    ("Twelve sessions of land-based therapy", "physical_therapy"),
    ("Water-based exercise therapy x8", "aquatic_therapy"),
    ("Sacroiliac joint block", "joint_injection"),
    ("Spinal adjustments, 6 visits", "chiropractic"),
    ("Cat scan of the neck", "ct"),
    ("Plain films of the right knee", "xray"),
    ("Colace 100mg #60", "laxatives"),
    ("Senokot-S #60", "laxatives"),
    ("Stool softener", "laxatives"),
    ("Vicoprofen 7.5/200 #60", "opioids"),
    ("Daypro 600mg #30", "nsaids"),
    ("Remeron 15mg #30", "antidepressants"),
    ("Lamictal 25mg #60", "anticonvulsants"),
    ("Genicin 500mg #90", "glucosamine"),
    ("Kenalog injection right knee", "joint_injection"),
    # misspellings: a letter more or less at the end is still the word
    ("Gabapentine 300mg #90", "anticonvulsants"),
    ("Omeprazol 20mg #30", "gastro_protection"),
    # studies named in the plural or in shorthand
    ("CTs of the cervical and lumbar spine", "ct"),
    ("MRIs of the neck and back", "mri"),
    ("XR lumbar spine 2 views", "xray"),
    ("X ray of the right knee", "xray"),
    ("NCS/EMG of the legs", "electrodiagnostics"),
    ("Nerve studies of both arms", "electrodiagnostics"),
    # topics of their own, not a joint injection or "other drugs"
    ("Botox injections 200 units to the neck", "botulinum_toxin"),
    ("Prolotherapy to the lumbar spine x3", "prolotherapy"),
    ("Right stellate ganglion block", "sympathetic_block"),
    ("Left lumbar sympathetic block x2", "sympathetic_block"),
    ("Bilateral greater occipital nerve blocks", "occipital_nerve_block"),
    ("Provocative discography L3-S1", "discography"),
    ("Intrathecal pump trial", "implantable_drug_delivery"),
    ("Motorized scooter", "power_mobility"),
    ("Power wheelchair purchase", "power_mobility"),
    ("Tylenol Extra Strength 500mg #100", "acetaminophen"),
    ("Hydrocodone/APAP 10/325 #90", "opioids"),
    ("Tylenol with codeine #3 #60", "opioids"),
    ("Maxalt 10mg #9", "triptans"),
    ("Medrol dose pack", "oral_corticosteroids"),
    ("Depo-Medrol injection right shoulder", "joint_injection"),
    ("AndroGel 1.62% pump", "testosterone"),
    ("Testosterone cypionate injections", "testosterone"),
    ("Vitamin D3 50,000 IU weekly", "vitamins"),
    ("B12 injection", "vitamins"),
    ("Lab testing: hepatic and renal function", "labs"),
    # the days in hospital after a surgery, and care in a facility after the hospital
    ("Associated surgical service: Inpatient stay 3 days", "hospital_stay"),
    ("Associated surgical service: 1 day inpatient stay", "hospital_stay"),
    ("Skilled nursing facility 2 weeks", "facility"),
    ("Acute inpatient rehabilitation physical therapy and occupational therapy 7-10 days", "facility"),
    ("Bilateral L4-5 RFA", "facet_injection"),
    # a lesion's name is not its repair; an abbreviation a record uses otherwise still names the request
    ("MRI left knee to rule out ACL tear", "mri"),
    ("Physical therapy for ACL sprain 2x6", "physical_therapy"),
    ("Left knee ACL reconstruction", "surgery"),
    ("EMS unit 30 day rental", "tens"),
    ("Right SI joint injection", "joint_injection"),
    # titles in plain words
    ("Nerve testing of both legs", "electrodiagnostics"),
    ("Psychology visits x6", "psychological"),
    ("An injection into the epidural space of the lower back", "epidural_injection"),
    ("Steroid shot to the right shoulder", "joint_injection"),
    ("Water therapy, 8 sessions", "aquatic_therapy"),
    # "XR" is films before a body part, an extended-release drug after a drug's name
    ("Voltaren XR 100mg #30", "nsaids"),
    ("XRs of both knees", "xray"),
    ("Nalfon 400mg #60", "nsaids"),
    ("Aleve MR 60mg", "nsaids"),
    ("MR of the right knee", "mri"),
    ("Left cubital tunnel release with ulnar nerve transposition", "surgery"),
    ("L4-5 hemilaminectomy", "surgery"),
    ("Stair lift", "dme"),
    # a combination with an opioid is the opioid; a compounded oral suspension is judged as one
    ("Acetaminophen with codeine 300/30mg #60", "opioids"),
    ("Tramadol/acetaminophen 37.5/325 #60", "opioids"),
    ("Dicopanor 5mg/ml oral suspension 150ml", "medical_foods"),
    ("Gabapentin 250mg/5ml solution 300ml", "medical_foods"),
    # a pre-operative urinalysis is a laboratory test, a urine drug screen a drug test
    ("Associated surgical service: UA", "labs"),
    ("Pre-operative urinalysis", "labs"),
    ("Urine drug screen", "drug_testing"),
    # a psychiatric day programme is psychological care, not a hospital stay after surgery
    ("Psychiatric partial hospitalization program 5 days a week for 4 weeks", "psychological"),
    ("Ergonomic chair", "dme"),
]


def test_a_brand_and_its_generic_are_one_ingredient() -> None:
    assert understand_request("Voltaren (diclofenac) gel 1% 100g").ingredients == ["diclofenac"]


@pytest.mark.parametrize(("text", "topic"), TOPICS)
def test_topic(text: str, topic: str) -> None:
    assert understand_request(text).topic == topic


def test_a_retrospective_request_names_its_date_of_service() -> None:
    assert (
        str(understand_request("Retrospective CT scan of the cervical spine (DOS 11/18/16)").service_date)
        == "2016-11-18"
    )
    assert str(understand_request("Retro Toradol injection, date of service: 3/2/2016").service_date) == "2016-03-02"
    assert understand_request("CT scan of the cervical spine").service_date is None


def test_trigger_points_in_a_record_are_a_finding_not_injections() -> None:
    assert (
        facts("There are trigger points in the trapezius.", "Trigger point injections x3").get("prior.given").value
        is False
    )


def test_a_misspelt_drug_names_the_drug() -> None:
    assert understand_request("Naproxin 550mg #60").drug == "naproxen"


def test_short_abbreviations_never_match_fuzzily() -> None:
    assert classify("flexaril 10 mg")[0] == "muscle_relaxants"
    assert classify("Emf")[0] is None  # one letter from EMG: not a misspelling of an abbreviation


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("mri of the lumbar spine", "mri"),
        ("Emg/Ncs BUE", "electrodiagnostics"),
        ("esi l4-5", "epidural_injection"),
        ("pt 2x6 lumbar", "physical_therapy"),
        ("Pt x 8 visits", "physical_therapy"),
        ("Follow up visit for pt", "office_visits"),
        ("Chiropractic if needed", "chiropractic"),
    ],
)
def test_abbreviations_in_a_title_written_in_lower_case(text: str, topic: str) -> None:
    """A title in lower or mixed case names the same study; abbreviations that are words ("if", "pt" for
    patient) keep their exact case, "pt" before a course or a body part is therapy."""
    assert classify(text)[0] == topic


def test_unknown_request_is_unclassified() -> None:
    info = understand_request("Xyzzy quux frobnication")
    assert info.topic is None
    assert info.category == "Unclassified"


def test_associated_surgical_service_keeps_its_own_topic() -> None:
    info = understand_request("Associated surgical service: Cold therapy for one week")
    assert info.associated_surgical and info.post_op
    assert info.topic == "dme"
    assert "cold_therapy" in info.components


@pytest.mark.parametrize(
    ("text", "service_date"),
    [
        ("Retro: Tramadol ER 150 mg #30 (DOS: 10/19/16)", dt.date(2016, 10, 19)),
        ("Norco 10/325 mg #90 (dispensed 11/2/16)", dt.date(2016, 11, 2)),
        ("Terocin patches #30, dispensed on 12/01/2016", dt.date(2016, 12, 1)),
        ("Norco 10/325 mg #90", None),
    ],
)
def test_the_date_a_drug_was_given_is_its_date_of_service(text: str, service_date: dt.date | None) -> None:
    assert understand_request(text).service_date == service_date


@pytest.mark.parametrize(
    ("text", "post_op"),
    [
        ("Home health physical therapy 6 visits after discharge", True),
        ("Walker following surgery", True),
        ("Skilled nursing facility upon discharge from the hospital", True),
        ("Home health aide 4 hours a day", False),
    ],
)
def test_care_after_the_surgery_or_its_discharge_is_post_operative(text: str, post_op: bool) -> None:
    assert understand_request(text).post_op is post_op


def test_post_op_drug_is_a_drug() -> None:
    info = understand_request("Post-op Percocet 5/325mg")
    assert info.topic == "opioids" and info.post_op and info.drug == "oxycodone"


def test_modified_request_is_judged_with_its_original() -> None:
    info = understand_request(
        "Acupuncture of the lumbar and cervical for eight sessions was the original request. Acupuncture of the "
        "lumbar and cervical for six sessions was authorized by the Claims Administrator. The remaining IMR "
        "eligible portion of the original request, Acupuncture of the lumbar and cervical for two sessions is"
    )
    assert (info.count, info.original_count, info.authorized_count) == (2, 8, 6)
    # the remainder of a first course is judged against the whole original course, not as an extension
    assert info.modified and info.partial and not info.additional
    assert info.regions == ["lumbar", "cervical"]


@pytest.mark.parametrize(
    ("text", "original", "authorized", "additional"),
    [
        ("Chiropractic care 10 visits (modified to 4)", 10, 4, False),
        ("Aquatic therapy x8 - UR certified 4", 8, 4, False),
        ("Remaining 4 of 10 physical therapy visits", 10, 6, False),
        ("Additional acupuncture 6 sessions; 3 were approved", 6, 3, True),
    ],
)
def test_a_title_that_says_what_was_certified_is_judged_as_the_whole_course(
    text: str, original: int, authorized: int, additional: bool
) -> None:
    """A few words of the title tell the modification: the whole course is the one judged, and "remaining"
    alone does not make it an extension."""
    info = understand_request(text)
    assert info.modified and info.partial
    assert (info.original_count, info.authorized_count, info.additional) == (original, authorized, additional)


@pytest.mark.parametrize(
    ("text", "levels"),
    [("TFESI L4-S1", 2), ("Medial branch blocks L3-S1 bilateral", 3), ("C5-7 ACDF", 2), ("L4-5, L5-S1 and L4-5", 2)],
)
def test_a_range_of_spinal_levels_counts_each_level(text: str, levels: int) -> None:
    assert understand_request(text).levels == levels


@pytest.mark.parametrize(
    ("text", "ingredients"),
    [
        ("Keto/Gaba/Lido cream 240 g", ["ketoprofen", "gabapentin", "lidocaine"]),
        ("Compound: Flurbi/Baclo/Cyclo", ["flurbiprofen", "baclofen", "cyclobenzaprine"]),
        ("EMG/NCS bilateral upper extremities", []),
    ],
)
def test_a_compound_named_by_its_pharmacy_short_names(text: str, ingredients: list[str]) -> None:
    """The short names are read only between slashes, where two or more name drugs."""
    assert understand_request(text).ingredients == ingredients


def test_lidocaine_in_a_cream_is_not_the_patch_whatever_it_is_called() -> None:
    assert "lidocaine_not_patch" in understand_request("Keto/Gaba/Lido cream").components
    assert "lidocaine_not_patch" not in understand_request("Lidoderm 5% #30").components


def test_a_chest_film_among_preoperative_tests_is_told_apart() -> None:
    assert "chest_film" in understand_request("Associated surgical service: pre-op CXR").components
    assert "chest_film" not in understand_request("Associated surgical service: pre-op labs CBC, BMP").components


@pytest.mark.parametrize(
    ("text", "stated"),
    [
        ("Norco 10/325 #90", True),
        ("Naproxen 550 #60", True),
        ("Tramadol ER 150mg #30", True),
        ("Norco #90", False),
        ("Norco 90 tablets", False),
        ("Tramadol #60 with 2 refills", False),
    ],
)
def test_the_strength_of_a_drug_request_with_or_without_its_unit(text: str, stated: bool) -> None:
    assert understand_request(text).strength_stated is stated


def test_an_evaluation_for_a_program_is_told_apart_from_the_program() -> None:
    assert "evaluation" in understand_request("Functional restoration program evaluation").components
    assert "evaluation" not in understand_request("Functional restoration program 80 hours").components


def test_a_viscosupplement_is_told_by_any_of_its_names() -> None:
    assert "hyaluronic" in understand_request("Synvisc-One injection right hip").components
    assert "hyaluronic" in understand_request("Euflexxa x3 left knee").components
    assert "hyaluronic" not in understand_request("Cortisone injection left knee").components


def test_supplies_for_a_device_are_told_apart_from_the_device() -> None:
    assert "supplies" in understand_request("TENS electrodes and batteries x 3 months").components
    assert "supplies" not in understand_request("TENS unit 30-day home trial").components


def test_a_plain_title_is_not_modified() -> None:
    info = understand_request("Physical therapy 2x6 for the approved lumbar surgery")
    assert not info.modified and info.original_count is None


def test_whole_original_left_eligible_is_not_partial() -> None:
    info = understand_request(
        "Acute inpatient rehabilitation 7-10 days was the original request. The Claims Administrator authorized "
        "Skilled nursing facility for 7 days, leaving the original request IMR eligible. The original request, "
        "Acute inpatient rehabilitation 7-10 days is"
    )
    assert info.modified and not info.partial
    assert info.topic == "facility"


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        ("MRI of the LS spine", ["lumbar"]),
        ("X-ray of the midback", ["thoracic"]),
        ("Right SI joint injection", ["hip"]),
        ("MRI of the left kneecap", ["knee"]),
        ("X-ray of the tailbone", ["lumbar"]),
        ("AC joint injection, right", ["shoulder"]),
        ("MRI of the thoracolumbar spine", ["lumbar", "thoracic"]),
    ],
)
def test_regions_said_in_other_words(text: str, regions: list[str]) -> None:
    assert sorted(understand_request(text).regions) == sorted(regions)


def test_regions_sides_and_levels() -> None:
    info = understand_request("Bilateral L4-5, L5-S1 facet joint injections")
    assert info.regions == ["lumbar"]
    assert info.sides == ["bilateral"]
    assert info.levels == 2


def test_compound_lists_every_ingredient() -> None:
    info = understand_request(
        "Flurbiprofen 20%, Baclofen 5%, Dexamethasone 2%, Menthol 2%, Capsaicin 0.025% in cream base"
    )
    assert info.ingredients[:3] == ["flurbiprofen", "baclofen", "dexamethasone"]


@pytest.mark.parametrize(
    ("text", "topic", "drug"),
    [
        ("Nucynta ER 50mg #60", "opioids", "tapentadol"),
        ("Flector patch 1.3% #30", "topical_analgesics", "diclofenac"),
        ("Dexilant 60mg #30", "gastro_protection", "lansoprazole"),
        ("Horizant 600mg #30", "anticonvulsants", "gabapentin"),
        ("Clinoril 200 mg #60", "nsaids", "sulindac"),
        ("Reglan 10 mg #60", "antiemetics", "metoclopramide"),
        ("Compazine 10 mg #30", "antiemetics", "prochlorperazine"),
    ],
)
def test_brand_names(text: str, topic: str, drug: str) -> None:
    info = understand_request(text)
    assert (info.topic, info.drug) == (topic, drug)


def test_every_drug_name_with_a_release_form_or_directions_stays_a_drug() -> None:
    """A drug's release form ("XR", "MR", "ER"), dose directions or a body part never turn its request into a
    study or a visit (a scan of every name in drugs.yaml)."""
    from openimr.vocabulary import drug_names

    suffixes = [
        "XR 100mg #30",
        "MR 60mg",
        "ER 100mg #30",
        "10mg, 1 tablet PO q6h PRN, #120",
        "for the lumbar spine #60",
    ]
    strays = [
        (f"{name.title()} {suffix}", info.topic)
        for name in drug_names()
        for suffix in suffixes
        if (info := understand_request(f"{name.title()} {suffix}")).drug is None
    ]
    assert strays == []


@pytest.mark.parametrize(
    ("title", "component", "present"),
    [
        ("Left C5-6 interlaminar epidural steroid injection", "interlaminar", True),
        ("Caudal epidural steroid injection", "interlaminar", True),
        ("Bilateral L4-5 transforaminal ESI", "interlaminar", False),
        ("Psychological evaluation prior to a spinal cord stimulator trial", "psych_evaluation", True),
        ("Spinal cord stimulator trial", "psych_evaluation", False),
        ("Lidocaine 5% cream 30 g", "lidocaine_not_patch", True),
        ("Lidocaine 4% topical solution", "lidocaine_not_patch", True),
        ("Lidoderm 5% patch #30", "lidocaine_not_patch", False),
        ("Lidocaine 5% patch #30", "lidocaine_not_patch", False),
    ],
)
def test_the_parts_a_title_names(title: str, component: str, present: bool) -> None:
    assert (component in understand_request(title).components) is present
