"""Eligibility, assignment and deadlines as plain rules."""

from __future__ import annotations

import datetime as dt

from openimr.workflow import rules


def _app(**extra) -> rules.ApplicationFacts:
    base = dict(
        signed=True,
        ur_decision_attached=True,
        ur_decision_kind="denial",
        ur_decision_date=dt.date(2016, 11, 1),
        received=dt.date(2016, 11, 20),
        categories=["Acupuncture"],
    )
    base.update(extra)
    return rules.ApplicationFacts(**base)


def _reviewer(rid: int, name: str, specialties: list[str], **extra) -> rules.ReviewerFacts:
    base = dict(
        id=rid,
        name=name,
        specialties=specialties,
        certifications=[],
        licensure_states=["California"],
        years_in_practice=10,
        weekly_hours=30,
        affiliations=[],
    )
    base.update(extra)
    return rules.ReviewerFacts(**base)


def test_filing_window_counts_days_after_the_ur_decision() -> None:
    assert rules.screen(_app(received=dt.date(2016, 12, 1)), 30).eligible
    late = rules.screen(_app(received=dt.date(2016, 12, 2)), 30)
    assert not late.eligible and "31 days" in late.reason


def test_acupuncture_goes_to_an_acupuncturist_or_chiropractor_not_a_surgeon() -> None:
    panel = [_reviewer(1, "Surgeon", ["Orthopedic Surgery"]), _reviewer(2, "LAc", ["Acupuncture"])]
    chosen = rules.assign(_app(), panel)
    assert chosen.reviewer.id == 2
    assert "Surgeon has no specialty that evaluates acupuncture requests" in chosen.explanation


def test_never_a_conflicted_inexperienced_or_part_time_reviewer() -> None:
    panel = [
        _reviewer(1, "A", ["Acupuncture"], affiliations=["Acme Insurance"]),
        _reviewer(2, "B", ["Acupuncture"], years_in_practice=3),
        _reviewer(3, "C", ["Acupuncture"], weekly_hours=10),
        _reviewer(4, "D", ["Acupuncture"]),
    ]
    result = rules.assign(_app(insurer="ACME insurance", treating_providers=["D"]), panel)
    assert result.reviewer is None
    assert "A is affiliated with ACME insurance" in result.explanation
    assert "B has 3 years" in result.explanation and "C practises 10 hours" in result.explanation
    assert "D is a party to the case" in result.explanation


def test_least_loaded_reviewer_is_chosen() -> None:
    panel = [_reviewer(1, "A", ["Chiropractic"]), _reviewer(2, "B", ["Chiropractic"])]
    assert rules.assign(_app(categories=["Chiropractic"]), panel, load={1: 3, 2: 1}).reviewer.id == 2


def test_deadlines() -> None:
    start = dt.datetime(2017, 1, 1, 9)
    assert rules.due_date(start, "standard", 30, 3) == dt.datetime(2017, 1, 31, 9)
    assert rules.due_date(start, "expedited", 30, 3) == dt.datetime(2017, 1, 4, 9)
    assert rules.is_overdue(dt.datetime(2017, 1, 4, 9), "under_review", dt.datetime(2017, 1, 5))
    assert not rules.is_overdue(dt.datetime(2017, 1, 4, 9), "issued", dt.datetime(2017, 1, 5))
