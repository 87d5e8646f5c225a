"""The decision log for auditors: every engine run and every action, filtered, and exported as CSV or JSON.

Why the same filters for the page and the exports: an auditor narrows the log on the page, then takes away
exactly what was shown.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from openimr import service
from openimr.store.models import DecisionLogEntry
from openimr.web.deps import SessionDep
from openimr.web.routes_ui import signed_in_as, templates, user_or_login

router = APIRouter(prefix="/ui", include_in_schema=False)
COLUMNS = ("id", "at", "application_id", "actor", "action", "decision_id", "engine_version", "ruleset", "result")
_READERS = ("admin", "auditor", "intake")


def _entries(session, application: str, action: str, actor: str) -> list[DecisionLogEntry]:  # noqa: ANN001
    entries = service.decision_log(session, int(application) if application else None)
    if action:
        entries = [e for e in entries if e.action == action]
    if actor:
        entries = [e for e in entries if actor.lower() in e.actor.lower()]
    return entries


def _row(entry: DecisionLogEntry) -> dict:
    return {
        "id": entry.id,
        "at": entry.at.isoformat(timespec="seconds"),
        "application_id": entry.application_id,
        "actor": entry.actor,
        "action": entry.action,
        "decision_id": entry.decision_id,
        "engine_version": entry.engine_version,
        "ruleset": entry.ruleset,
        "result": entry.result,
    }


def _refused(request: Request, session) -> Response | None:  # noqa: ANN001
    message = "The decision log is for auditors, administrators and intake staff."
    return signed_in_as(request, session, _READERS, message)[1]


# "" when the form's field is left empty
Application = Annotated[str, Query(max_length=19, pattern=r"^\d*$")]
Text = Annotated[str, Query(max_length=200)]


@router.get("/log", response_class=HTMLResponse)
def log_page(
    request: Request, session: SessionDep, application: Application = "", action: Text = "", actor: Text = ""
) -> Response:
    if (refused := _refused(request, session)) is not None:
        return refused
    entries = _entries(session, application, action, actor)
    actions = sorted({e.action for e in service.decision_log(session)})
    context = {
        "user": user_or_login(request, session),
        "rows": [_row(e) for e in entries],
        "actions": actions,
        "application": application,
        "action": action,
        "actor": actor,
        "query": request.url.query,
    }
    return templates.TemplateResponse(request, "log.html", context)


@router.get("/log.{fmt}")
def log_export(
    fmt: str,
    request: Request,
    session: SessionDep,
    application: Application = "",
    action: Text = "",
    actor: Text = "",
) -> Response:
    """The filtered log as a file: CSV (the result as JSON in its column) or JSON (a list of objects)."""
    if (refused := _refused(request, session)) is not None:
        return refused
    if fmt not in ("csv", "json"):
        return Response("the log exports as .csv or .json", status_code=404)
    rows = [_row(e) for e in _entries(session, application, action, actor)]
    headers = {"Content-Disposition": f'attachment; filename="decision-log.{fmt}"'}
    if fmt == "json":
        return Response(json.dumps(rows, indent=1), media_type="application/json", headers=headers)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for row in rows:
        writer.writerow({**row, "result": json.dumps(row["result"], sort_keys=True)})
    return Response(out.getvalue(), media_type="text/csv", headers=headers)
