"""Dates as IMR records write them, found with a strict pattern before anything parses them.

Why strict: a general date parser reads pain scores ("2/10") and doses ("5/325") as dates. Only a
month/day/year triple, an ISO year-month-day or a spelled month with a year is taken. Two-digit years
are in the past: an IMR record never dates anything after the day it is read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))

NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\s?([/-])\s?(\d{1,2})\s?\2\s?(\d{4}|\d{2})(?![\d/]|-\d)")
SPELLED_DATE = re.compile(rf"\b({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
ISO_DATE = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})([-/])(\d{1,2})\2(\d{1,2})(?![\d/-])")
_DATE_RANGE_HYPHEN = re.compile(r"(?:(?<=/\d{4})|(?<=\d/\d{2}))-(?=\d{1,2}/\d{1,2}/\d{2,4})")
# "12.1.2016": dots, with a full year only ("7.5.10" is a number, not a date)
DOTTED_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])")
DAY_MONTH_YEAR = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
NUMERIC_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})/((?:19|20)\d{2})(?![\d/])")
MONTH_YEAR = re.compile(rf"\b({_MONTH_NAMES})\.?,?\s+(?:of\s+)?(\d{{4}})\b", re.IGNORECASE)


@dataclass(frozen=True)
class FoundDate:
    """A date in a text with its character span."""

    date: dt.date
    start: int
    end: int
    day_known: bool = True


def _year(raw: str, today: dt.date) -> int:
    year = int(raw)
    if len(raw) == 2:
        year += 2000
        if year > today.year:
            year -= 100
    return year


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, today: dt.date | None = None) -> Iterator[FoundDate]:
    """Every date in ``text`` in order of position: numeric M/D/Y (also M.D.YYYY), ISO Y-M-D (also Y/M/D),
    spelled dates (month first or day first), then month-year."""
    today = today or dt.date.today()
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    # a range of two dates joined by a hyphen ("04/05/2016-04/29/2016") is two dates: the hyphen is read as a
    # space (same length, so the spans stay those of the text)
    text = _DATE_RANGE_HYPHEN.sub(" ", text)
    for m in NUMERIC_DATE.finditer(text):
        date = _make(_year(m.group(4), today), int(m.group(1)), int(m.group(3)))
        if date:
            found.append(FoundDate(date, m.start(), m.end()))
            taken.append(m.span())
    for m in ISO_DATE.finditer(text):
        date = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if date:
            found.append(FoundDate(date, m.start(), m.end()))
            taken.append(m.span())
    for m in DOTTED_DATE.finditer(text):
        date = _make(int(m.group(3)), int(m.group(1)), int(m.group(2)))
        if date:
            found.append(FoundDate(date, m.start(), m.end()))
            taken.append(m.span())
    for m in SPELLED_DATE.finditer(text):
        date = _make(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
        if date:
            found.append(FoundDate(date, m.start(), m.end()))
            taken.append(m.span())
    for m in DAY_MONTH_YEAR.finditer(text):
        if any(s <= m.start() < e or s < m.end() <= e for s, e in taken):
            continue
        date = _make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        if date:
            found.append(FoundDate(date, m.start(), m.end()))
            taken.append(m.span())
    for m in NUMERIC_MONTH_YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in taken) or not 1 <= int(m.group(1)) <= 12:
            continue
        date = _make(int(m.group(2)), int(m.group(1)), 1)
        if date:
            found.append(FoundDate(date, m.start(), m.end(), day_known=False))
            taken.append(m.span())
    for m in MONTH_YEAR.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if m.group(1).lower() == "may" and not m.group(1)[0].isupper():
            continue
        date = _make(int(m.group(2)), _MONTHS[m.group(1).lower()], 1)
        if date:
            found.append(FoundDate(date, m.start(), m.end(), day_known=False))
    yield from sorted(found, key=lambda f: f.start)


def parse_date(text: str | None, today: dt.date | None = None) -> dt.date | None:
    """The first full date in ``text``, or None."""
    if not text:
        return None
    for found in find_dates(text, today):
        if found.day_known:
            return found.date
    return None
