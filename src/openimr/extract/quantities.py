"""Counts, frequencies, durations and drug quantities as requests write them.

Forms handled: ``2x3`` and ``2 times 3`` (per week x weeks), ``3 times a week for 2 weeks``,
``1-2 times per week for 4 weeks`` and ``two to three times a week`` (the upper bound counts),
``x6``, ``(x8)``, ``times 12``, ``#60``, ``QTY: 2``, ``no. 120``, ``120 tablets``, ``EIGHT (8)``,
``Twelve visits``, ``12-18 sessions``,
``daily ... for 4 weeks``, ``5 days/week for 2 weeks``, ``with 3 refills``, ``day supply: 30``, strengths ``350mg``
and ``5/325mg`` (two strengths, never a fraction or a date). ``6 visits over 6 weeks`` is six visits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from openimr.vocabulary import number_words

_WORDS = number_words()
_WORD_RE = "|".join(sorted((re.escape(w) for w in _WORDS), key=len, reverse=True))
NUM = rf"(?:\d+(?:\.\d+)?|{_WORD_RE})"
RANGE = rf"{NUM}(?:\s*(?:-|to|or)\s*{NUM})?"
# "about three months ago", "two weeks ago": a time counted back from now (the injury, a surgery)
TIME_AGO = re.compile(
    rf"\b(?:about |approximately |nearly |almost |over |more than |roughly )?(?P<n>{NUM}|a|an)\s+"
    r"(?P<unit>days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE,
)

_UNITS = (
    r"sessions?|visits?|treatments?|appointments?|times|days?|hours?|weeks?|months?|units?|tabs?|tablets?|"
    r"capsules?|caps?|patch(?:es)?|injections?|blocks?|levels?"
)


def to_number(token: str) -> float | None:
    """A digit string or a number word as a number; None for anything else."""
    token = token.strip().lower()
    if not token:
        return None
    if token in _WORDS:
        return float(_WORDS[token])
    try:
        return float(token)
    except ValueError:
        return None


def upper_bound(text: str) -> float | None:
    """The larger number of a range such as ``1-2``, ``two to three``; a single number as is."""
    parts = re.split(r"\s*(?:-|to|or)\s*", text.strip().lower())
    values = [v for v in (to_number(p) for p in parts) if v is not None]
    return max(values) if values else None


@dataclass
class Quantities:
    """What a request text says of how much, how often and how long."""

    count: int | None = None
    per_week: float | None = None
    weeks: float | None = None
    quantity: int | None = None
    refills: int | None = None
    day_supply: int | None = None
    strengths: list[str] = field(default_factory=list)
    hours_per_day: float | None = None
    doses_per_day: float | None = None
    unspecified: bool = False


_FREQ_WEEKS = [
    # 2x3, 2 x 3, 2x/wk x 3 wks, 2 times 3, 2 times a week for 4 weeks, 2 times weekly for 6 weeks,
    # two times a week times 2 weeks, 3 times a week for 2 weeks
    re.compile(
        rf"(?P<f>{RANGE})\s*(?:x|times)\s*(?:(?:(?:a|per|/|each|x)\s*)?(?:week|wk)s?|weekly|/wk|/week)?\s*"
        rf"(?:x|for|times|over)?\s*(?P<w>{RANGE})\s*(?P<unit>weeks?|wks?|months?)",
        re.IGNORECASE,
    ),
    # 2 visits per week x 4 weeks, 5 days/week for 2 weeks (a count "per week"; "6 visits over 6 weeks" is a total)
    re.compile(
        rf"(?P<f>{RANGE})\s*(?:visits?|sessions?|days?|treatments?)\s*(?:(?:a|per|/|each)\s*(?:week|wk)|weekly)\s*"
        rf"(?:x|for|times|over)?\s*(?P<w>{RANGE})\s*(?P<unit>weeks?|wks?|months?)",
        re.IGNORECASE,
    ),
    # twice weekly for six weeks, once a week for 6 weeks
    re.compile(
        rf"\b(?P<f>once|twice|thrice)\s*(?:(?:a|per|/|each)\s*(?:week|wk)|weekly)\s*(?:x|for|times|over)?\s*"
        rf"(?P<w>{RANGE})\s*(?P<unit>weeks?|wks?|months?)",
        re.IGNORECASE,
    ),
    re.compile(r"(?<![\w/#])(?P<f>\d)\s*[xX]\s*(?P<w>\d{1,2})(?![\w/%.])"),
    re.compile(rf"(?P<f>{NUM})\s+times\s+(?P<w>\d{{1,2}})(?!\s*(?:mg|%|ml|weeks?|wks?))\b", re.IGNORECASE),
]
_DAILY = re.compile(rf"\bdaily\b.*?\bfor\s+(?P<w>{RANGE})\s*(?P<unit>weeks?|days?|months?)", re.IGNORECASE)
_TOTAL = [
    re.compile(rf"(?P<n>{RANGE})\s*\(\s*\d+\s*\)\s*(?:\w+\s+){{0,3}}?(?:{_UNITS})", re.IGNORECASE),
    re.compile(r"\((?P<n>\d+)(?:\s*(?:sessions?|visits?))?\)", re.IGNORECASE),
    re.compile(
        rf"(?P<n>{RANGE})\s+(?:(?!for\b|of\b|to\b)[a-z/-]+\s+){{0,4}}?(?:sessions?|visits?|treatments?|adjustments?|"
        r"manipulations?)\b",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:^|[\s(])(?:x|times)\s*(?P<n>\d+|{_WORD_RE})\b(?!\s*(?:weeks?|wks?|days?|months?|/|a\b|per\b))",
        re.IGNORECASE,
    ),
    re.compile(r"#\s*(?P<n>\d+)(?!\s*(?:mg|%))", re.IGNORECASE),
    # "a series of 3 injections", "series of three ESIs"
    re.compile(rf"\bseries of (?P<n>\d+|{_WORD_RE})\b", re.IGNORECASE),
    re.compile(rf"\b(?:qty|quantity)\s*:?\s*(?P<n>\d+|{_WORD_RE})\b", re.IGNORECASE),
    # "no. 120" (two or three digits: "Tylenol No. 3" is a drug's name)
    re.compile(r"\bno\.\s*(?P<n>\d{2,3})\b", re.IGNORECASE),
    # "120 tablets", "90 count": a dispensed number (a dose is one to four tablets, so fewer than 5 is not one)
    re.compile(
        r"\b(?P<n>[1-9]\d{1,3}|[5-9])\s*(?:tablets?|tabs?|capsules?|caps?|pills?|count|ct|patch(?:es)?)\b",
        re.IGNORECASE,
    ),
]
_WORD_PAREN = re.compile(rf"\b(?P<w>{_WORD_RE})\s*\(\s*(?P<d>\d+)\s*\)", re.IGNORECASE)
# "with 2 refills", "refills: 3", "refill x2", "RF3", "RF x 2" (not the quantity before it: "#120 refill x1")
_REFILLS = re.compile(
    rf"(?:with\s+)?(?<![#\d])(?<!# )(?P<n>{NUM})\s+refills?"
    r"|refills?\s*:?\s*(?:x\s*)?(?P<m>\d+)|\bRF\s*(?:x\s*)?(?P<k>\d)\b",
    re.IGNORECASE,
)
_DAY_SUPPLY = [
    re.compile(r"day\s+supply\s*:?\s*(?P<n>\d+)", re.IGNORECASE),
    re.compile(r"(?P<n>\d+)[- ]day\s+supply", re.IGNORECASE),
]
_STRENGTH = re.compile(r"\b\d+(?:\.\d+)?(?:\s*/\s*\d+(?:\.\d+)?)*\s*(?:mg|mcg|g|ml|%)(?:/ml)?\b", re.IGNORECASE)
_HOURS = re.compile(rf"(?P<h>{NUM})\s*(?:hours?|hrs?)\s*(?:per|a|/)\s*day", re.IGNORECASE)
_DURATION = re.compile(
    rf"(?:for\s+(?:a\s+)?)?(?P<n>{RANGE})[- ]?(?P<unit>weeks?|wks?|days?|months?)"
    r"(?!\s*(?:/|per\b|a\b|each\b)\s*(?:week|wk))(?:\s+(?:rental|rent|trial|supply|use))?",
    re.IGNORECASE,
)
# Directions of a drug request: how many doses a day ("1 tab PO TID", "every 8 hours", "at bedtime").
_TIMES_A_DAY = r"(?:a|per|each) day|daily|/ ?day|(?:a |per )?day"
_DOSES_PER_DAY = [
    (
        re.compile(
            r"\bq\.?\s*(?P<h>\d{1,2})\s*(?:h|hrs?|hours?)\b|\bevery (?P<e>\d{1,2}|four|six|eight|twelve) hours?\b",
            re.IGNORECASE,
        ),
        None,
    ),
    (re.compile(rf"\b(?:q\.?i\.?d|(?:four times|4 ?(?:times|x)) ?(?:{_TIMES_A_DAY}))\b", re.IGNORECASE), 4),
    (re.compile(rf"\b(?:t\.?i\.?d|(?:three times|3 ?(?:times|x)) ?(?:{_TIMES_A_DAY}))\b", re.IGNORECASE), 3),
    (re.compile(rf"\b(?:b\.?i\.?d|(?:twice|two times|2 ?(?:times|x)) ?(?:{_TIMES_A_DAY}))\b", re.IGNORECASE), 2),
    (re.compile(r"(?i)\b(?:q\.?d|q\.?h\.?s|once (?:a )?day|daily|nightly|at (?:bed ?time|night)|h\.?s)\b"), 1),
]
# "eight tablets a day", "6 per day", "up to 4 a day": a count of doses, when no frequency says it
_COUNT_A_DAY = re.compile(
    rf"\b(?P<n>{NUM})\s+(?:tablets?|tabs?|pills?|capsules?|caps?|times)?\s*(?:a|per|/|each)\s*day\b", re.IGNORECASE
)
# The amount of a cream, gel or liquid dispensed ("Voltaren gel 1% 100g", "240 grams", "120 ml"): its quantity.
# A strength is a percentage or an amount per unit ("5%", "10mg/ml"), never this.
_AMOUNT = re.compile(r"(?<![/\d.])(?P<n>\d{2,4})\s*(?:g|gm|gms|grams?|ml|mls)\b(?!\s*/)", re.IGNORECASE)
_UNSPECIFIED = re.compile(r"\bunspecified\b|\bunknown\b|\bunlimited\b|\bas needed visits\b", re.IGNORECASE)


def _weeks(value: float, unit: str) -> float:
    unit = unit.lower()
    if unit.startswith("month"):
        return value * 4
    if unit.startswith("day"):
        return value / 7
    return value


def doses_per_day(text: str) -> float | None:
    """Doses a day that a drug request's directions give ("TID", "every 8 hours", "four tablets a day"), or
    None when it gives none."""
    for pattern, per_day in _DOSES_PER_DAY:
        if m := pattern.search(text):
            if per_day is not None:
                return float(per_day)
            hours = int(to_number(m.group("h") or m.group("e")) or 0)
            return round(24 / hours, 2) if 0 < hours <= 24 else None
    if m := _COUNT_A_DAY.search(text):
        return to_number(m.group("n"))
    return None


def frequency_course(text: str) -> int | None:
    """Visits given as frequency times duration ("twice a week for six weeks", "2x/wk x 6 wks"), or None. Only
    forms that name the weeks count: a bare "2x3" beside a treatment may be the request, not the course."""
    for pattern in _FREQ_WEEKS[:3]:  # the three forms with a unit of weeks or months
        if m := pattern.search(text):
            per_week, weeks = upper_bound(m.group("f")), upper_bound(m.group("w"))
            if per_week and weeks and per_week <= 7:
                return int(round(per_week * _weeks(weeks, m.groupdict().get("unit") or "weeks")))
    return None


# A drug given once, in the office: "ketorolac 60 mg IM injection", "Toradol 60mg IM x1", "a single dose".
_SINGLE_DOSE = re.compile(r"\b(?:injection|shot|infusion)\b(?!s)|\bx\s*1\b(?![\d.])|\bsingle dose\b", re.IGNORECASE)


# A spinal level or range of levels ("L4-5", "C5-C6", "L5-S1", "L4-S1") names a place, not a number of visits:
# "TFESI L4-5 x2" is two injections, not four to five a week for two weeks. (``RequestInfo.levels`` counts them.)
SPINAL_LEVEL = re.compile(r"\b(?P<r1>[CTLS])(?P<n1>\d{1,2})\s*-\s*(?P<r2>[CTLS])?(?P<n2>\d{1,2})\b", re.IGNORECASE)


def parse_quantities(text: str, *, is_drug: bool = False) -> Quantities:
    """Read the quantities of one request text."""
    text = SPINAL_LEVEL.sub(lambda m: " " * len(m.group(0)), text)
    q = Quantities(unspecified=bool(_UNSPECIFIED.search(text)))
    q.strengths = [m.group(0).replace(" ", "") for m in _STRENGTH.finditer(text)]
    if m := _REFILLS.search(text):
        q.refills = int(to_number(m.group("n") or m.group("m") or m.group("k")) or 0)
    for pattern in _DAY_SUPPLY:
        if m := pattern.search(text):
            q.day_supply = int(m.group("n"))
            break
    if m := _HOURS.search(text):
        q.hours_per_day = upper_bound(m.group("h"))
    if is_drug:
        q.doses_per_day = doses_per_day(text)
        for pattern in _TOTAL[4:]:
            if m := pattern.search(text):
                q.quantity = int(to_number(m.group("n")) or 0) or None
                break
        if q.quantity is None and (m := _AMOUNT.search(text)):
            q.quantity = int(float(m.group("n"))) or None
        if q.quantity is None and _SINGLE_DOSE.search(text):
            q.quantity = 1
        return q
    rest = text
    for pattern in _FREQ_WEEKS:
        if m := pattern.search(text):
            per_week = upper_bound(m.group("f"))
            weeks = upper_bound(m.group("w"))
            unit = m.groupdict().get("unit") or "weeks"
            if per_week and weeks and per_week <= 7:
                q.per_week = per_week
                q.weeks = _weeks(weeks, unit)
                q.count = int(round(per_week * q.weeks))
                rest = text[: m.start()] + " " + text[m.end() :]
                break
    if q.count is None and (m := _DAILY.search(text)):
        weeks = upper_bound(m.group("w"))
        if weeks:
            q.per_week, q.weeks = 7, _weeks(weeks, m.group("unit"))
            q.count = int(round(7 * q.weeks))
    if q.weeks is None and (m := _DURATION.search(text)):
        value = upper_bound(m.group("n"))
        if value:
            q.weeks = _weeks(value, m.group("unit"))
    total = _explicit_total(rest)
    if total is not None:
        # An explicit total ("(8 sessions)", "#12", "Twelve visits") wins over frequency x weeks.
        q.count = total
    return q


def _explicit_total(text: str) -> int | None:
    if m := _WORD_PAREN.search(text):
        return int(m.group("d"))
    for pattern in _TOTAL:
        if m := pattern.search(text):
            value = upper_bound(m.group("n"))
            if value is not None and 0 < value < 400:
                return int(value)
    return None
