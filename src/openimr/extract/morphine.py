"""A worker's daily opioid dose in milligrams of oral morphine (morphine equivalents, MED).

Why: the guideline sets a ceiling on the total daily dose of all the opioids a worker takes, not on one drug;
a request for Norco that is reasonable alone is not when OxyContin is taken beside it. The requested opioid's
dose comes from its strength and how many a day its directions say (else its quantity over a month, the usual
supply of an IMR drug request); each other opioid the record says the worker takes counts with the dose and
directions written beside it, and one written without them counts as nothing rather than as a guess. Factors
are data (drugs.yaml ``morphine_equivalents``).
"""

from __future__ import annotations

import re

from openimr.extract.fact_base import CaseContext, Fact, given
from openimr.extract.mentions import Mention
from openimr.extract.quantities import NUM, doses_per_day, to_number
from openimr.extract.requests import RequestInfo
from openimr.vocabulary import drugs

# "10/325 mg" and "5/325" (the opioid is the first number, acetaminophen or ibuprofen the second), "40 mg",
# "25 mcg/hr"
_STRENGTH = re.compile(
    r"(?P<n>\d+(?:\.\d+)?)\s*(?:/\s*\d+(?:\.\d+)?\s*)?(?P<unit>mg|mcg)\b(?P<hourly>\s*/\s*(?:hr|hour|h)\b)?"
    r"|(?P<combination>\d+(?:\.\d+)?)\s*/\s*(?:200|300|325|500|750)\b",
    re.IGNORECASE,
)
# The dose the physician states: "about 210 mg morphine equivalents a day", "MED of 180", "90 MME" (the
# abbreviations in capitals only: "1 med" is a medication)
_ABBREVIATED = "(?-i:MED|MME|MEDD)"
_STATED = re.compile(
    rf"\b(?P<a>{NUM})\s*(?:mg\s*)?(?:of\s+)?(?:oral\s+)?(?:morphine[- ](?:milligram[- ])?equivalents?|{_ABBREVIATED})\b"
    rf"|\b(?:{_ABBREVIATED}|morphine[- ]equivalent(?:\s+daily)?\s+dose)\s*(?:of|is|was|=|:)?\s*(?:about\s+)?"
    rf"(?P<b>{NUM})\b",
    re.IGNORECASE,
)
# A monthly supply: how an IMR drug request is written when it gives a count and no directions.
DAYS_OF_A_SUPPLY = 30
_WINDOW = 70


def _med(generic: str | None, strength: re.Match[str] | None, per_day: float | None) -> float | None:
    factor = drugs().morphine_equivalents.get(generic or "")
    if factor is None or strength is None:
        return None
    amount = float(strength.group("n") or strength.group("combination"))
    if strength.group("hourly") or (strength.group("unit") or "").lower() == "mcg":
        return round(amount * factor, 1)  # a transdermal patch's mcg an hour, worn day and night
    if per_day is None:
        return None
    return round(amount * per_day * factor, 1)


def requested_med(req: RequestInfo) -> float | None:
    """The requested opioid's daily dose in morphine equivalents, or None when the request does not say it."""
    strength = _STRENGTH.search(req.text)
    q = req.quantities
    per_day = q.doses_per_day
    if per_day is None and q.quantity:
        per_day = q.quantity / (q.day_supply or DAYS_OF_A_SUPPLY)
    return _med(req.drug, strength, per_day)


def _written_dose(ctx: CaseContext, m: Mention, others: list[Mention]) -> str:
    """The words after a drug's name up to the next drug named or the end of its clause."""
    sentence = ctx.mentions.sentences[m.sentence]
    end = min(sentence.end, m.end + _WINDOW, *(o.start for o in others if o.start > m.start))
    text = ctx.summary[m.end : end]
    return re.split(r"[;]|\band (?:he|she|they)\b", text, maxsplit=1)[0]


def other_opioids_med(ctx: CaseContext, req: RequestInfo) -> tuple[float, list[Mention]]:
    """Morphine equivalents a day of the opioids the record says the worker takes besides the requested one,
    each counted once (its first mention that gives a dose), with the mentions counted."""
    taken = [m for m in given(ctx.mentions.of("drug", "opioids")) if m.generic and m.generic != req.drug]
    names = [x for x in ctx.mentions.items if x.kind == "drug"]
    total, counted, seen = 0.0, [], set()
    for m in taken:
        if m.generic in seen:
            continue
        words = _written_dose(ctx, m, names)
        med = _med(m.generic, _STRENGTH.search(words), doses_per_day(words))
        if med is not None:
            total += med
            counted.append(m)
            seen.add(m.generic)
    return total, counted


def stated_med(ctx: CaseContext) -> Fact | None:
    """The largest daily dose in morphine equivalents that the record states in so many words."""
    found = [(to_number(m.group("a") or m.group("b")) or 0, m) for m in _STATED.finditer(ctx.summary)]
    if not found:
        return None
    amount, m = max(found, key=lambda f: f[0])
    return Fact(amount, [(m.start(), m.end(), m.group(0))]) if amount else None


def total_med(ctx: CaseContext, req: RequestInfo) -> Fact:
    """The daily dose in morphine equivalents of the requested opioid and the others taken with it; for a
    request that is not an opioid (a pain consultation), of the opioids the record says the worker takes,
    or the dose the record states when larger."""
    others, counted = other_opioids_med(ctx, req)
    if req.drug not in drugs().morphine_equivalents:
        stated = stated_med(ctx)
        if stated is not None and stated.value > others:
            return stated
        return Fact(round(others, 1), counted) if counted else Fact(None)
    asked = requested_med(req)
    return Fact(None) if asked is None else Fact(round(asked + others, 1), counted)
