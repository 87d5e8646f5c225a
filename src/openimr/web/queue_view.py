"""The queue as a working team uses it: search, filters, sort and pages, with the days left to each deadline.

Why in Python after the database's own filters: the words searched live in the case's JSON (its id, its
requests) and in plain columns (employer, insurer); one query that reads them alike on SQLite and PostgreSQL
is not worth its complexity at the size of a queue (thousands of applications, not millions).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from openimr import service
from openimr.store.models import Application, User, utcnow

PER_PAGE = 25
SORTS = {
    "due": lambda a: (a.due_at is None, a.due_at or dt.datetime.max, a.id),
    "received": lambda a: (a.received_at, a.id),
    "newest": lambda a: (-a.received_at.timestamp(), -a.id),
    "id": lambda a: a.id,
}
CLOSED = ("issued", "ineligible")


@dataclass
class QueueQuery:
    """What the queue's form asks for; every field optional."""

    q: str = ""
    status: str = ""
    priority: str = ""
    reviewer: int | None = None
    overdue: bool = False
    sort: str = "due"
    page: int = 1


@dataclass
class QueuePage:
    rows: list[Application]
    total: int
    page: int
    pages: int
    days_left: dict[int, int | None] = field(default_factory=dict)


def _matches(app: Application, words: str) -> bool:
    """Every word of the search in the case id, a request, the employer, the insurer or the claims
    administrator."""
    haystack = " ".join(
        [
            str(app.case.get("id") or ""),
            *(str(r.get("text", "")) for r in app.case.get("requests", [])),
            app.employer or "",
            app.insurer or "",
            app.claims_administrator or "",
            str(app.id),
        ]
    ).lower()
    return all(word in haystack for word in words.lower().split())


def days_left(app: Application, now: dt.datetime) -> int | None:
    """Whole days to the deadline (negative when past); none for a closed application."""
    if app.due_at is None or app.status in CLOSED:
        return None
    return math.floor((app.due_at - now).total_seconds() / 86_400)


def queue_page(session: Session, user: User, query: QueueQuery, now: dt.datetime | None = None) -> QueuePage:
    """One page of the queue the user may see, filtered, searched and sorted as ``query`` asks."""
    now = now or utcnow()
    sql = select(Application)
    if user.role == "reviewer":
        sql = sql.where(Application.reviewer_id == user.reviewer_id)
    if query.status:
        sql = sql.where(Application.status == query.status)
    if query.priority:
        sql = sql.where(Application.priority == query.priority)
    if query.reviewer is not None:
        sql = sql.where(Application.reviewer_id == query.reviewer)
    apps = list(session.scalars(sql))
    if query.q.strip():
        apps = [a for a in apps if _matches(a, query.q)]
    if query.overdue:
        apps = [a for a in apps if service.overdue(a, now)]
    apps.sort(key=SORTS.get(query.sort, SORTS["due"]))
    pages = max(1, math.ceil(len(apps) / PER_PAGE))
    page = min(max(1, query.page), pages)
    rows = apps[(page - 1) * PER_PAGE : page * PER_PAGE]
    return QueuePage(rows, len(apps), page, pages, {a.id: days_left(a, now) for a in rows})
