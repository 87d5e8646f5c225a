"""Input and public schemas of the HTTP API. Rows are never returned directly."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field

from openimr.model import Case


class ApplicationIn(BaseModel):
    case: Case
    ur_decision_date: dt.date | None = None
    ur_decision_kind: Literal["denial", "modification", "conditional_non_certification"] = "denial"
    ur_decision_attached: bool = True
    signed: bool = False
    priority: Literal["standard", "expedited"] = "standard"
    employer: str | None = None
    insurer: str | None = None
    claims_administrator: str | None = None
    treating_providers: list[str] = Field(default_factory=list)
    received: dt.datetime | None = Field(default=None, description="When the application was received; now by default.")


class ItemOut(BaseModel):
    position: int
    request: str
    engine_decision: str
    final_decision: str | None
    override_reason: str | None
    decided_by: str | None
    determination: dict


class ApplicationOut(BaseModel):
    id: int
    case_id: str | None
    status: str
    status_reason: str | None
    priority: str
    received_at: dt.datetime
    due_at: dt.datetime | None
    overdue: bool
    reviewer_id: int | None
    assignment_explanation: str | None
    decision_id: str | None
    requests: list[str]
    documents: list[dict]
    items: list[ItemOut]


class ItemDecisionIn(BaseModel):
    action: Literal["accept", "override"]
    decision: Literal["Upheld", "Overturned"] | None = None
    reason: str | None = None


class ReviewerIn(BaseModel):
    name: str
    licensure_states: list[str] = Field(default_factory=list)
    specialties: list[str] = Field(default_factory=list)
    certifications: list[str] = Field(default_factory=list)
    years_in_practice: int = 0
    weekly_hours: int = 0
    affiliations: list[str] = Field(default_factory=list)


class ReviewerOut(ReviewerIn):
    id: int
    active: bool


class LogEntryOut(BaseModel):
    id: int
    decision_id: str
    application_id: int | None
    actor: str
    action: str
    guideline_versions: list
    ruleset: str | None
    engine_version: str | None
    input_digest: str | None
    result: dict
    at: dt.datetime
