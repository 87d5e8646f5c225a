"""Dates as records write them, and the date of injury found from the way the record tells the event."""

from __future__ import annotations

import datetime as dt

import pytest

from openimr.dates import find_dates
from openimr.engine.decide import case_context
from openimr.model import Case


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen on 11/22/2016", dt.date(2016, 11, 22)),
        ("seen on 11-22-16", dt.date(2016, 11, 22)),
        ("seen on 2016-11-22", dt.date(2016, 11, 22)),
        ("seen on November 22, 2016", dt.date(2016, 11, 22)),
        ("seen on 22 November 2016", dt.date(2016, 11, 22)),
        ("seen on the 3rd of March 2015", dt.date(2015, 3, 3)),
        ("seen in November 2016", dt.date(2016, 11, 1)),
        ("seen on 11.22.2016", dt.date(2016, 11, 22)),
        ("seen on 2016/11/22", dt.date(2016, 11, 22)),
    ],
)
def test_a_date_in_each_way_records_write_it(text: str, expected: dt.date) -> None:
    assert [f.date for f in find_dates(text, today=dt.date(2026, 1, 1))] == [expected]


def test_a_range_of_dates_joined_by_a_hyphen_is_two_dates() -> None:
    found = [(d.date, d.start) for d in find_dates("DOS 04/05/2016-04/29/2016", today=dt.date(2026, 1, 1))]
    assert found == [(dt.date(2016, 4, 5), 4), (dt.date(2016, 4, 29), 15)]
    short = [d.date for d in find_dates("(DOS 3/10/17-3/31/17)", today=dt.date(2026, 1, 1))]
    assert short == [dt.date(2017, 3, 10), dt.date(2017, 3, 31)]


@pytest.mark.parametrize("text", ["pain 2/10", "Norco 5/325 #60", "L4-5 and L5-S1", "ICD 2016-11", "dose 7.5.10"])
def test_numbers_that_are_not_dates(text: str) -> None:
    assert list(find_dates(text, today=dt.date(2026, 1, 1))) == []


@pytest.mark.parametrize(
    ("summary", "expected"),
    [
        ("The injured worker sustained an industrial injury on 11-22-16.", dt.date(2016, 11, 22)),
        ("This 58-year-old man was hurt on the job on November 22, 2016.", dt.date(2016, 11, 22)),
        ("The claimant reports a work-related injury dated 2016-11-22.", dt.date(2016, 11, 22)),
        ("He injured his knee at work on 22 November 2016.", dt.date(2016, 11, 22)),
        ("The applicant fell from a ladder at work on 3/4/15 and hurt her back.", dt.date(2015, 3, 4)),
        ("He returned to work on 12/01/2016.", None),
        ("D/I 03-04-2015.", dt.date(2015, 3, 4)),
        ("Seen 12/1/2016 for a 3/4/2015 injury.", dt.date(2015, 3, 4)),
        ("He was injured on or about March 4, 2015.", dt.date(2015, 3, 4)),
        ("He was seen on 12/01/2016. His injury occurred on 11/22/2016.", dt.date(2016, 11, 22)),
        ("A 50 year old female with a history of an occupational claim from 03/05/2015.", dt.date(2015, 3, 5)),
        ("This claimant has an industrial claim dated 3/5/2015 for the low back.", dt.date(2015, 3, 5)),
        ("The worker strained his back on 3/5/2015 moving furniture.", dt.date(2015, 3, 5)),
        ("The 50-year-old was assaulted by a patient on 3/5/2015 at work.", dt.date(2015, 3, 5)),
        ("The claimant's date of loss is 11/01/2016.", dt.date(2016, 11, 1)),
        # a date, its subject, then the event; a year alone (its first day)
        ("On 01/05/2016 she fell at work and hurt her wrist.", dt.date(2016, 1, 5)),
        ("On 05/02/2017 a 36-year-old cook slipped on a wet floor.", dt.date(2017, 5, 2)),
        ("Seen on 12/01/2016, she reports that the pain is worse.", None),
        ("He has low back pain from a 2014 injury at work.", dt.date(2014, 1, 1)),
        ("She was injured in 2013 and has had neck pain since.", dt.date(2013, 1, 1)),
        ("He has a shoulder injury from 2016.", dt.date(2016, 1, 1)),
        ("He injured his back lifting in 2013.", dt.date(2013, 1, 1)),
        # no injury told: when the complaint began, not when it changed
        ("Complaints of right shoulder pain since 2/2/2015.", dt.date(2015, 2, 2)),
        ("Symptoms since March 2014 in both wrists.", dt.date(2014, 3, 1)),
        ("Low back pain since 2013, treated with therapy.", dt.date(2013, 1, 1)),
        ("Numbness of the left hand that wakes her at night since 04/2016.", dt.date(2016, 4, 1)),
        ("The driver was rear-ended at highway speed on 12/05/2016.", dt.date(2016, 12, 5)),
        ("Back pain after a fall from a ladder on 3/3/2016.", dt.date(2016, 3, 3)),
        ("Pain has been worse since 01/02/2017.", None),
        ("She has had neck pain since the surgery on 3/4/2016.", None),
    ],
)
def test_date_of_injury_from_the_record(summary: str, expected: dt.date | None) -> None:
    ctx = case_context(Case(case_summary=summary, requests=[{"text": "MRI of the knee"}]))
    assert ctx.date_of_injury == expected


@pytest.mark.parametrize(
    ("summary", "weeks"),
    [
        ("He hurt his back at work about three months ago.", 13),
        ("She injured her knee on the job two weeks ago.", 2),
        # the time since the injury told from it
        ("Four months after a fall from a ladder, his wrist is still stiff.", 17),
        # a day named relative to the visit
        ("He slipped and fell on a wet floor at work yesterday.", 0),
        ("She strained her back lifting a patient last week.", 1),
        # the year of the injury, not the flare of 3 days ago
        ("He has chronic pain from a 2010 injury; a flare began 3 days ago.", 367),
        # how long the complaint has lasted, when the record tells nothing else (the fewest "several" can mean)
        ("She has had right wrist pain for several months from typing.", 13),
        ("He injured his back in 2010 and has had leg numbness for two months.", 367),
        # the care given for the complaint is at least as long as the complaint
        ("Her shoulder still hurts after eight months of physical therapy and injections.", 35),
        ("He wore a splint for three weeks without relief.", None),
    ],
)
def test_date_of_injury_counted_back_from_the_request(summary: str, weeks: int | None) -> None:
    ctx = case_context(
        Case(case_summary=summary, requests=[{"text": "PT x6"}], ur_denial_date="2017-01-15", review_date="2017-02-01")
    )
    if weeks is None:
        assert ctx.date_of_injury is None
    else:
        assert abs((dt.date(2017, 1, 15) - ctx.date_of_injury).days / 7 - weeks) < 1


@pytest.mark.parametrize(
    ("summary", "ur_denial_date", "expected"),
    [
        # the review's decision told in the record dates the request when the case gives no UR date
        ("Naproxen was started on 02/01/2016. Utilization review denied it on 02/05/2016.", None, dt.date(2016, 2, 5)),
        ("The UR determination dated 3/2/2016 non-certified the MRI.", None, dt.date(2016, 3, 2)),
        ("On 04/08/2016 an MRI was asked for; it was denied by UR.", None, dt.date(2016, 4, 8)),
        # the case's own UR date wins; a visit alone is no review decision
        ("Utilization review denied it on 02/05/2016.", "2016-03-01", dt.date(2016, 3, 1)),
        ("She was seen on 02/05/2016 for knee pain.", None, None),
    ],
)
def test_the_request_is_dated_by_the_reviews_decision(
    summary: str, ur_denial_date: str | None, expected: dt.date | None
) -> None:
    case = Case(
        case_summary=summary, requests=[{"text": "PT x6"}], ur_denial_date=ur_denial_date, review_date="2016-07-15"
    )
    assert case_context(case).request_date == expected
