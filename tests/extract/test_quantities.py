"""Counts, frequencies and drug quantities as requests write them."""

from __future__ import annotations

import pytest

from openimr.extract.quantities import parse_quantities

VISITS = [
    ("Acupuncture 6 sessions", 6, None, None),
    ("EIGHT (8) ACUPUNCTURE THERAPY SESSIONS", 8, None, None),
    ("INITIAL ACUPUNCTURE 2 TIMES 3 SESSIONS, TO THE LUMBAR SPINE", 6, 2, 3),
    ("Acupuncture 2x3 for bilateral shoulders", 6, 2, 3),
    ("Continue physical therapy 3 times a week for 2 weeks", 6, 3, 2),
    ("Four sessions of physical therapy two times a week times 2 weeks", 4, 2, 2),
    ("PT 1-2 times per week for 4 weeks", 8, 2, 4),
    ("PT/OT two to three times a week for six to eight weeks (24 sessions)", 24, 3, 8),
    ("Physical therapy to the lumbar spine 2 times a week for 2 weeks (4)", 4, 2, 2),
    ("Associated surgical service: Physical therapy, times 12", 12, None, None),
    ("Chiropractic therapy sessions for the cervical spine, #2", 2, None, None),
    ("Post-op physical therapy 12-18 sessions", 18, None, None),
    ("Daily RN for 4 weeks for wound care", 28, 7, 4),
    ("Twelve physical therapy visits for the Cervical Spine", 12, None, None),
    ("Physical therapy treatments for the left shoulder", None, None, None),
    ("Physical therapy twice weekly for six weeks", 12, 2, 6),
    ("Chiropractic once a week for 6 weeks", 6, 1, 6),
    ("PT times twelve", 12, None, None),
    ("PT 2 times a week", None, None, None),
    ("A dozen chiropractic visits", 12, None, None),
    ("Physical therapy 2 x week x 3 weeks", 6, 2, 3),
    ("Psychotherapy 6 visits over 6 weeks", 6, None, 6),
    ("Physical therapy 2 visits per week x 4 weeks", 8, 2, 4),
    ("Home health aide 4 hours/day, 5 days/week for 2 weeks", 10, 5, 2),
    ("Acupuncture (x8)", 8, None, None),
    ("Ten chiropractic adjustments", 10, None, None),
    # a series told as such; a spinal level is a place, not a count or a frequency
    ("Hyaluronic acid injections, a series of three", 3, None, None),
    ("Right TFESI C5-6 x2", 2, None, None),
    ("Lumbar ESI L5-S1", None, None, None),
]


@pytest.mark.parametrize(("text", "count", "per_week", "weeks"), VISITS)
def test_visit_counts(text: str, count: int | None, per_week: float | None, weeks: float | None) -> None:
    q = parse_quantities(text)
    assert q.count == count
    assert q.per_week == per_week
    assert q.weeks == weeks


DRUGS = [
    ("Carisoprodol 350mg #60", 60, None, None, ["350mg"]),
    ("Hydrocodone (Norco 5/325mg) #60", 60, None, None, ["5/325mg"]),
    ("Oxycodone HCL ER 20mg #60 day supply: 30", 60, None, 30, ["20mg"]),
    ("Voltaren 75mg #60 with 3 refills", 60, 3, None, ["75mg"]),
    # refills in prescription shorthand, and not the quantity before the word
    ("Gabapentin 600mg 1 po tid #90 RF3", 90, 3, None, ["600mg"]),
    ("Norco 10/325mg #120 refill x1", 120, 1, None, ["10/325mg"]),
    ("Cyclobenzaprine 7.5mg QTY: 90", 90, None, None, ["7.5mg"]),
    ("Norco 10/325mg, 120 tablets", 120, None, None, ["10/325mg"]),
    ("Norco 10/325 quantity ninety", 90, None, None, []),
    ("Gabapentin 300mg three times daily, 90 count", 90, None, None, ["300mg"]),
    ("Norco 10/325mg take 1 tablet every 6 hours", None, None, None, ["10/325mg"]),
    ("Ultram 50mg q.i.d. no. 120", 120, None, None, ["50mg"]),
    ("Tylenol No. 3, one every 6 hours", None, None, None, []),
    # a drug given once in the office is a quantity of one
    ("Ketorolac 60 mg IM injection", 1, None, None, ["60mg"]),
    ("Toradol 60mg IM x1", 1, None, None, ["60mg"]),
    ("Vitamin B12 injections", None, None, None, []),
]


@pytest.mark.parametrize(("text", "quantity", "refills", "day_supply", "strengths"), DRUGS)
def test_drug_quantities(
    text: str, quantity: int, refills: int | None, day_supply: int | None, strengths: list
) -> None:
    q = parse_quantities(text, is_drug=True)
    assert (q.quantity, q.refills, q.day_supply, q.strengths) == (quantity, refills, day_supply, strengths)


def test_a_dose_is_never_a_count_of_visits() -> None:
    assert parse_quantities("Norco 10/325 mg").count is None


def test_rental_duration() -> None:
    assert parse_quantities("Cold compression therapy 30 day rental").weeks == pytest.approx(30 / 7)
    assert parse_quantities("Cold therapy for one week").weeks == 1


def test_unspecified_quantity_is_flagged() -> None:
    assert parse_quantities("Acupuncture treatments (unspecified quantity)").unspecified


def test_hours_a_day_said_in_short() -> None:
    assert parse_quantities("Home health aide 6 hrs/day x 7 days/week x 4 weeks").hours_per_day == 6
