"""Eligibility screening, conflict-free reviewer assignment and deadlines (8 CCR 9792.10.x; LC 4610.5-4610.6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache

from openimr.vocabulary import load_resource

STATUSES = ("received", "ineligible", "eligible", "waiting", "assigned", "under_review", "issued")


@dataclass
class ApplicationFacts:
    """What eligibility and assignment look at."""

    signed: bool
    ur_decision_attached: bool
    ur_decision_kind: str
    ur_decision_date: dt.date | None
    received: dt.date
    duplicate_of: int | None = None
    employer: str | None = None
    insurer: str | None = None
    claims_administrator: str | None = None
    treating_providers: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)


@dataclass
class ReviewerFacts:
    id: int
    name: str
    specialties: list[str]
    certifications: list[str]
    licensure_states: list[str]
    years_in_practice: int
    weekly_hours: int
    affiliations: list[str]
    active: bool = True


@dataclass
class Eligibility:
    eligible: bool
    reason: str


def screen(app: ApplicationFacts, filing_window_days: int) -> Eligibility:
    """The eligibility screen of the Administrative Director: the first failing condition is the reason."""
    if not app.signed:
        return Eligibility(False, "The application is not signed by the injured worker or the worker's representative.")
    if not app.ur_decision_attached or app.ur_decision_date is None:
        return Eligibility(False, "No utilization review decision is attached to the application.")
    if app.ur_decision_kind == "conditional_non_certification":
        return Eligibility(
            False,
            "The utilization review decision is a conditional non-certification (denied for missing information).",
        )
    late = (app.received - app.ur_decision_date).days
    if late > filing_window_days:
        return Eligibility(
            False,
            f"The application was filed {late} days after the utilization review decision; the limit is "
            f"{filing_window_days} days.",
        )
    if app.duplicate_of is not None:
        return Eligibility(False, f"The application duplicates application {app.duplicate_of} for the same treatment.")
    return Eligibility(True, "Signed, filed in time, with an unconditional utilization review decision attached.")


@cache
def _specialty_table() -> dict[str, list[str]]:
    return {k: list(v) for k, v in load_resource("specialties.yaml")["categories"].items()}


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("&", "and").split())


MIN_YEARS = 5
MIN_WEEKLY_HOURS = 24


@dataclass
class Assignment:
    reviewer: ReviewerFacts | None
    explanation: str
    considered: list[str] = field(default_factory=list)


def _conflict(reviewer: ReviewerFacts, app: ApplicationFacts) -> str | None:
    parties = [p for p in [app.employer, app.insurer, app.claims_administrator, *app.treating_providers] if p]
    affiliations = {_norm(a) for a in reviewer.affiliations}
    for party in parties:
        if _norm(party) == _norm(reviewer.name):
            return "is a party to the case (a treating provider)"
        if _norm(party) in affiliations:
            return f"is affiliated with {party}"
    return None


def _qualified(reviewer: ReviewerFacts, categories: list[str]) -> str | None:
    table = _specialty_table()
    own = {_norm(s) for s in reviewer.specialties + reviewer.certifications}
    for category in categories or ["Unclassified"]:
        accepted = {_norm(s) for s in table.get(category, table["Unclassified"])}
        if not own & accepted:
            return f"has no specialty that evaluates {category.lower()} requests"
    if reviewer.years_in_practice < MIN_YEARS:
        return f"has {reviewer.years_in_practice} years of active practice (at least {MIN_YEARS} are required)"
    if reviewer.weekly_hours < MIN_WEEKLY_HOURS:
        return f"practises {reviewer.weekly_hours} hours a week (at least {MIN_WEEKLY_HOURS} are required)"
    if not reviewer.active:
        return "is not active on the panel"
    return None


def assign(app: ApplicationFacts, panel: list[ReviewerFacts], load: dict[int, int] | None = None) -> Assignment:
    """The qualified, conflict-free reviewer with the fewest open cases; never a conflicted or unqualified one."""
    load = load or {}
    considered: list[str] = []
    eligible: list[ReviewerFacts] = []
    for reviewer in panel:
        problem = _conflict(reviewer, app) or _qualified(reviewer, app.categories)
        if problem:
            considered.append(f"{reviewer.name} {problem}")
        else:
            eligible.append(reviewer)
    if not eligible:
        reason = "No reviewer on the panel is both qualified and free of conflicts"
        return Assignment(None, reason + (": " + "; ".join(considered) if considered else "."), considered)
    chosen = min(eligible, key=lambda r: (load.get(r.id, 0), r.id))
    specialties = ", ".join(chosen.specialties) or "the required specialty"
    categories = ", ".join(sorted(set(app.categories))) or "unclassified"
    text = (
        f"{chosen.name} ({specialties}; {chosen.years_in_practice} years in practice, "
        f"{chosen.weekly_hours} hours a week) covers every disputed category ({categories}), has no affiliation "
        f"with the employer, insurer, claims administrator or treating providers, and has the fewest open cases "
        f"({load.get(chosen.id, 0)})."
    )
    if considered:
        text += " Not chosen: " + "; ".join(considered) + "."
    return Assignment(chosen, text, considered)


def due_date(records_complete: dt.datetime, priority: str, standard_days: int, expedited_days: int) -> dt.datetime:
    """Standard reviews are due 30 days after complete records arrive; expedited ones in 3 days."""
    days = expedited_days if priority == "expedited" else standard_days
    return records_complete + dt.timedelta(days=days)


def is_overdue(due: dt.datetime | None, status: str, now: dt.datetime) -> bool:
    return due is not None and status != "issued" and now > due
