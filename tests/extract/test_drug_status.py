"""Whether a requested drug is new, continued, stopped or of unknown status, and how long the quantity asked
lasts: the continued-use criteria of the drug guidelines are met only by a record that says so."""

from __future__ import annotations

import pytest

from openimr.extract.quantities import parse_quantities
from tests.extract.helpers import facts

STATUS = [
    # continued: the record says the worker takes it
    ("Current medications include gabapentin 300 mg three times a day.", "Gabapentin 300mg #90", "continued"),
    ("She has been on Neurontin for two years.", "Gabapentin 300mg #90", "continued"),
    ("Provider requests a refill of naproxen.", "Naproxen 550mg #60 refill", "continued"),
    # new: the record starts it, or says it was never taken
    ("Gabapentin will be started for the burning leg pain.", "Gabapentin 300mg #90", "new"),
    ("Plan: start gabapentin.", "Gabapentin 300mg #90", "new"),
    ("The physician plans to begin nortriptyline at night.", "Nortriptyline 25mg #30", "new"),
    ("She has never taken gabapentin.", "Gabapentin 300mg #90", "new"),
    ("He has not tried an antidepressant before.", "Amitriptyline 10mg #30", "new"),
    ("She has had no prior trial of an anticonvulsant.", "Gabapentin 300mg #90", "new"),
    ("The request is for an initial trial.", "Initial trial of Lyrica 75mg #60", "new"),
    # stopped
    ("Tramadol was discontinued in June because of nausea.", "Tramadol 50mg #60", "stopped"),
    # unknown: the record never says
    ("He has chronic low back pain with spasm.", "Cyclobenzaprine 7.5mg #60", None),
    ("She reports burning pain down the left leg.", "Gabapentin 300mg #90", None),
    # an antidepressant never taken says nothing of an anticonvulsant
    ("She has never taken an antidepressant.", "Gabapentin 300mg #90", None),
]


@pytest.mark.parametrize(("sentence", "request_text", "status"), STATUS)
def test_requested_drug_status(sentence: str, request_text: str, status: str | None) -> None:
    assert (
        facts("The injured worker is a 50 year old woman. " + sentence, request_text)
        .get("case.requested_drug_status")
        .value
        == status
    )


DIRECTIONS = [
    ("Cyclobenzaprine 7.5mg #90 1 tab PO TID", 90, 3),
    ("Norco 10/325 q6h prn #120", 120, 4),
    ("Tramadol 50mg every 8 hours #90", 90, 3),
    ("OxyContin 20 mg every twelve hours #60", 60, 2),
    ("Norco 10/325 mg, up to 4 tablets a day, #120", 120, 4),
    ("Ambien 10mg QHS #30", 30, 1),
    ("Zolpidem 5 mg at bedtime, 30 tablets", 30, 1),
    ("Naproxen 550mg twice a day #60", 60, 2),
    ("Ibuprofen 800 mg 3x/day", None, 3),
    ("Tizanidine 4mg #30", 30, None),
    ("Voltaren gel 1% 100g", 100, None),
    ("Flurbiprofen 20%/Lidocaine 5% cream 180gm", 180, None),
    ("Gabapentin 250mg/5ml oral suspension", None, None),
    ("Lidoderm 5% patch", None, None),
]


@pytest.mark.parametrize(("text", "quantity", "per_day"), DIRECTIONS)
def test_drug_quantity_and_doses_a_day(text: str, quantity: int | None, per_day: float | None) -> None:
    q = parse_quantities(text, is_drug=True)
    assert (q.quantity, q.doses_per_day) == (quantity, per_day)
