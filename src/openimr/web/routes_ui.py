"""The reviewer's workbench: server-rendered pages (Jinja2) with htmx for the item decisions."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from openimr import service
from openimr.service import ServiceError
from openimr.web.access_log import note_user
from openimr.web.deps import AppId, Position, SessionDep, SettingsDep, token_from
from openimr.web.queue_view import SORTS, QueueQuery, queue_page
from openimr.web.record_view import document_views, evidence_of, summary_view

router = APIRouter(prefix="/ui", include_in_schema=False)
STATUSES = ("received", "eligible", "ineligible", "waiting", "assigned", "under_review", "issued")
templates = Jinja2Templates(directory=str(resources.files("openimr.web").joinpath("templates")))


def user_or_login(request: Request, session):  # noqa: ANN201 - a User, or None to send to the login page
    """The signed-in user of a page, or None. What each role may do is each page's own check (an auditor's
    form post gets a 403 page, not the login page)."""
    token = token_from(request.headers.get("authorization"), request.cookies.get("openimr_token"))
    user = service.authenticate(session, token) if token else None
    note_user(request, user.id if user else None)
    return user


def error_page(request: Request, user, message: str, status: int) -> Response:  # noqa: ANN001 - a User or None
    """The workbench's page for a request it refuses or cannot serve, with ``message`` in plain words."""
    return templates.TemplateResponse(request, "error.html", {"user": user, "message": message}, status_code=status)


def signed_in_as(request: Request, session, roles: tuple[str, ...], refusal: str):  # noqa: ANN001, ANN201
    """The signed-in user of a page that only ``roles`` may use, and the answer to give instead when there is
    one: the login page for no one signed in, a 403 page saying ``refusal`` for another role."""
    user = user_or_login(request, session)
    if user is None:
        return None, RedirectResponse("/ui/login", status_code=303)
    if user.role not in roles:
        return user, error_page(request, user, refusal, 403)
    return user, None


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> Response:
    return templates.TemplateResponse(request, "login.html", {"error": None})


@router.post("/login")
def login(request: Request, session: SessionDep, token: Annotated[str, Form()]) -> Response:
    if service.authenticate(session, token.strip()) is None:
        return templates.TemplateResponse(request, "login.html", {"error": "That token is not valid."}, status_code=401)
    response = RedirectResponse("/ui/", status_code=303)
    response.set_cookie("openimr_token", token.strip(), httponly=True, samesite="strict")
    return response


@router.get("/logout")
def logout() -> Response:
    response = RedirectResponse("/ui/login", status_code=303)
    response.delete_cookie("openimr_token")
    return response


@router.get("/", response_class=HTMLResponse)
def queue(
    request: Request,
    session: SessionDep,
    q: Annotated[str, Query(max_length=200)] = "",
    status: Annotated[str, Query(max_length=30)] = "",
    priority: Annotated[str, Query(max_length=20)] = "",
    reviewer: Annotated[str, Query(max_length=20, pattern=r"^\d*$")] = "",  # "" from the form's "any"
    overdue: bool = False,
    sort: Annotated[str, Query(max_length=20)] = "due",
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
) -> Response:
    """The queue: search, filters, sort and pages (web/queue_view.py)."""
    user = user_or_login(request, session)
    if user is None:
        return RedirectResponse("/ui/login", status_code=303)
    query = QueueQuery(q, status, priority, int(reviewer) if reviewer else None, overdue, sort, page)
    found = queue_page(session, user, query)
    context = {
        "user": user,
        "found": found,
        "query": query,
        "overdue": {a.id: service.overdue(a) for a in found.rows},
        "statuses": STATUSES,
        "reviewers": [] if user.role == "reviewer" else service.list_reviewers(session),
        "sorts": list(SORTS),
        "filtered": request.url.query,
        "pager": lambda n: urlencode({**{k: v for k, v in request.query_params.items() if k != "page"}, "page": n}),
    }
    return templates.TemplateResponse(request, "queue.html", context)


def _page(request: Request, session, app_id: int, error: str | None = None, status: int = 200) -> Response:
    user = user_or_login(request, session)
    if user is None:
        return RedirectResponse("/ui/login", status_code=303)
    try:
        app = service.get_application(session, app_id, user)
    except ServiceError as exc:
        return error_page(request, user, exc.message, exc.status)
    case = app.reviewed_case or service.reviewed_case(app).contract_dump(exclude_none=True)
    evidence = evidence_of(app.items)
    spans = [e for found in evidence.values() for e in found]
    context = {
        "user": user,
        "app": app,
        "error": error,
        "overdue": service.overdue(app),
        "record": summary_view(case.get("case_summary", ""), spans),
        "documents": document_views(case.get("documents", []), spans),
        "evidence": evidence,
    }
    return templates.TemplateResponse(request, "application.html", context, status_code=status)


@router.get("/applications/{app_id}", response_class=HTMLResponse)
def application_page(app_id: AppId, request: Request, session: SessionDep) -> Response:
    return _page(request, session, app_id)


@router.get("/applications/{app_id}/letter", response_class=HTMLResponse)
def letter_page(app_id: AppId, request: Request, session: SessionDep) -> Response:
    """The issued letter inside the workbench, with a way back to its application and its PDF: the letter
    itself (the stored HTML document) stays as issued, in a frame."""
    user = user_or_login(request, session)
    if user is None:
        return RedirectResponse("/ui/login", status_code=303)
    try:
        app = service.get_application(session, app_id, user)
        service.letter(app, "html")  # an application not yet issued has no letter to show
    except ServiceError as exc:
        return error_page(request, user, exc.message, exc.status)
    return templates.TemplateResponse(request, "letter.html", {"user": user, "app": app})


def _act(request: Request, session, settings, app_id: int, action: str) -> Response:
    user = user_or_login(request, session)
    if user is None:
        return RedirectResponse("/ui/login", status_code=303)
    try:
        if user.role == "auditor":
            raise ServiceError(403, "an auditor reads and changes nothing")
        app = service.get_application(session, app_id, user)
        if action == "eligibility":
            service.screen(session, app, user, settings)
        elif action == "assignment":
            service.assign(session, app, user)
        elif action == "review":
            service.start_review(session, app, user, settings.refer_below)
        elif action == "issue":
            service.issue(session, app, user)
        session.commit()
    except ServiceError as exc:
        session.rollback()
        return _page(request, session, app_id, exc.message, exc.status)
    return RedirectResponse(f"/ui/applications/{app_id}", status_code=303)


@router.post("/applications/{app_id}/{action}")
def act(app_id: AppId, action: str, request: Request, session: SessionDep, settings: SettingsDep) -> Response:
    if action not in ("eligibility", "assignment", "review", "issue"):
        raise HTTPException(404)
    return _act(request, session, settings, app_id, action)


@router.post("/applications/{app_id}/items/{position}", response_class=HTMLResponse)
def decide(
    app_id: AppId,
    position: Position,
    request: Request,
    session: SessionDep,
    action: Annotated[str, Form()],
    decision: Annotated[str | None, Form()] = None,
    reason: Annotated[str | None, Form()] = None,
) -> Response:
    """An htmx fragment: the item card after the reviewer's accept or override."""
    user = user_or_login(request, session)
    if user is None:
        return Response(status_code=401)
    error = None
    try:
        if user.role == "auditor":
            raise ServiceError(403, "an auditor reads and changes nothing")
        app = service.get_application(session, app_id, user)
        service.decide_item(session, app, user, position, action, decision or None, reason)
        session.commit()
    except ServiceError as exc:
        session.rollback()
        error = exc.message
        app = service.get_application(session, app_id, user)
    item = next(i for i in app.items if i.position == position)
    # A fragment that decided an item clears the page's error ("items ... have no final decision yet") out of band.
    context = {"app": app, "item": item, "error": error, "user": user, "evidence": evidence_of([item])}
    context["fragment"] = True
    return templates.TemplateResponse(request, "_item.html", context)


def _day(value: str | None) -> dt.date | None:
    """A date of the statistics filter (YYYY-MM-DD, as a date input sends it), or None when left empty."""
    if not value:
        return None
    return dt.date.fromisoformat(value)


@router.get("/stats", response_class=HTMLResponse)
def stats_page(
    request: Request,
    session: SessionDep,
    received_from: Annotated[str | None, Query(alias="from")] = None,
    received_to: Annotated[str | None, Query(alias="to")] = None,
) -> Response:
    """Decision statistics of the service's applications (the same report as ``openimr stats DB``), for those
    received in a period when ``from`` and ``to`` are given."""
    import base64
    import tempfile
    from pathlib import Path

    from openimr.batch import stats as analytics

    readers = ("admin", "intake", "auditor")
    user, refused = signed_in_as(
        request, session, readers, "Statistics are for administrators, intake staff and auditors."
    )
    if refused:
        return refused
    try:
        start, end = _day(received_from), _day(received_to)
    except ValueError:
        return error_page(request, user, "The period's dates are read as YYYY-MM-DD (for example 2017-01-31).", 400)
    period = " ".join(part for part in (f"from {start}" if start else "", f"to {end}" if end else "") if part)
    result = analytics.compute(service.stats_rows(session, start, end))
    with tempfile.TemporaryDirectory() as folder:
        names = analytics.charts(result, Path(folder))
        images = ["data:image/png;base64," + base64.b64encode((Path(folder) / n).read_bytes()).decode() for n in names]
    report = analytics.html_report(result, images, f"received {period}" if period else "")
    body = report.split("<body>", 1)[1].rsplit("</body>", 1)[0]
    context = {"user": user, "report": Markup(body), "start": start, "end": end}
    return templates.TemplateResponse(request, "stats.html", context)
