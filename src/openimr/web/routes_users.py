"""The administrator's page of users: list them, add one, give one a new token, revoke one.

Why a page beside ``openimr users``: an IMR organisation's administrator replaces a reviewer's lost token or
closes a leaver's access from the workbench, without a shell on the server. A token is shown once, on the
page that made it (only its digest is stored), exactly as the command line prints it once.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from openimr import service
from openimr.service import ROLES, ServiceError
from openimr.web.deps import SessionDep
from openimr.web.routes_ui import signed_in_as, templates

router = APIRouter(prefix="/ui", include_in_schema=False)


def _admin_or_page(request: Request, session):  # noqa: ANN001, ANN202 - a User, and the page to answer with
    return signed_in_as(request, session, ("admin",), "Users are managed by an administrator.")


def _page(request: Request, session, user, **shown) -> Response:  # noqa: ANN001
    context = {
        "user": user,
        "users": service.list_users(session),
        "reviewers": service.list_reviewers(session),
        "roles": ROLES,
        "token": None,
        "token_for": None,
        "error": None,
        **shown,
    }
    return templates.TemplateResponse(request, "users.html", context, status_code=400 if shown.get("error") else 200)


@router.get("/users", response_class=HTMLResponse)
def users_page(request: Request, session: SessionDep) -> Response:
    user, refused = _admin_or_page(request, session)
    return refused or _page(request, session, user)


@router.post("/users", response_class=HTMLResponse)
def add_user(
    request: Request,
    session: SessionDep,
    name: Annotated[str, Form()],
    role: Annotated[str, Form()],
    reviewer_id: Annotated[str, Form()] = "",
) -> Response:
    user, refused = _admin_or_page(request, session)
    if refused:
        return refused
    try:
        token = service.create_user(session, name.strip(), role, int(reviewer_id) if reviewer_id else None)
        session.commit()
    except ServiceError as exc:
        session.rollback()
        return _page(request, session, user, error=exc.message)
    return _page(request, session, user, token=token, token_for=name.strip())


@router.post("/users/{name}/rotate", response_class=HTMLResponse)
def rotate(name: str, request: Request, session: SessionDep) -> Response:
    user, refused = _admin_or_page(request, session)
    if refused:
        return refused
    try:
        token = service.rotate_token(session, name)
        session.commit()
    except ServiceError as exc:
        session.rollback()
        return _page(request, session, user, error=exc.message)
    return _page(request, session, user, token=token, token_for=name)


@router.post("/users/{name}/revoke", response_class=HTMLResponse)
def revoke(name: str, request: Request, session: SessionDep) -> Response:
    user, refused = _admin_or_page(request, session)
    if refused:
        return refused
    if name == user.name:
        return _page(request, session, user, error="An administrator does not revoke their own access here.")
    try:
        service.revoke_user(session, name)
        session.commit()
    except ServiceError as exc:
        session.rollback()
        return _page(request, session, user, error=exc.message)
    return RedirectResponse("/ui/users", status_code=303)
