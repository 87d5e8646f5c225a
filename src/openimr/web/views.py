"""Rows to public schemas (shared by the API and the workbench)."""

from __future__ import annotations

from openimr import service
from openimr.store.models import Application, DecisionLogEntry, Reviewer
from openimr.web.schemas import ApplicationOut, ItemOut, LogEntryOut, ReviewerOut


def application_out(app: Application) -> ApplicationOut:
    return ApplicationOut(
        id=app.id,
        case_id=app.case.get("id"),
        status=app.status,
        status_reason=app.status_reason,
        priority=app.priority,
        received_at=app.received_at,
        due_at=app.due_at,
        overdue=service.overdue(app),
        reviewer_id=app.reviewer_id,
        assignment_explanation=app.assignment_explanation,
        decision_id=app.decision_id,
        requests=[r["text"] for r in app.case.get("requests", [])],
        documents=[{"id": d.id, "filename": d.filename, "size": d.size} for d in app.documents],
        items=[
            ItemOut(
                position=i.position,
                request=i.request,
                engine_decision=i.engine_decision,
                final_decision=i.final_decision,
                override_reason=i.override_reason,
                decided_by=i.decided_by,
                determination=i.engine_determination,
            )
            for i in app.items
        ],
    )


def reviewer_out(r: Reviewer) -> ReviewerOut:
    return ReviewerOut(
        id=r.id,
        name=r.name,
        licensure_states=r.licensure_states,
        specialties=r.specialties,
        certifications=r.certifications,
        years_in_practice=r.years_in_practice,
        weekly_hours=r.weekly_hours,
        affiliations=r.affiliations,
        active=r.active,
    )


def log_out(e: DecisionLogEntry) -> LogEntryOut:
    return LogEntryOut.model_validate(e, from_attributes=True)
