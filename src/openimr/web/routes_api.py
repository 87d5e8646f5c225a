"""The JSON API under /v1. Each route checks the role, calls ``openimr.service`` and maps the result."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, File, Form, Header, Query, Response, UploadFile
from fastapi.responses import JSONResponse

from openimr import api, service
from openimr.model import Case, CaseDetermination
from openimr.web.deps import AppId, Position, SessionDep, SettingsDep, UserDep
from openimr.web.schemas import ApplicationIn, ApplicationOut, ItemDecisionIn, LogEntryOut, ReviewerIn, ReviewerOut
from openimr.web.views import application_out, log_out, reviewer_out

router = APIRouter(prefix="/v1")
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", min_length=1, max_length=200)]


@router.post("/review", response_model=CaseDetermination, tags=["review"])
def review_case(case: Case, user: UserDep) -> CaseDetermination:
    """Review one case file (the DESIGN.md contract in and out) without creating an application."""
    return api.review(case)


@router.post("/applications", response_model=ApplicationOut, status_code=201, tags=["applications"])
def create_application(
    body: ApplicationIn,
    user: UserDep,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
) -> ApplicationOut:
    """Receive an application. A repeated Idempotency-Key returns the same application (200), creating nothing."""
    new = service.NewApplication(
        **body.model_dump(exclude={"case", "treating_providers"}),
        case=body.case,
        treating_providers=tuple(body.treating_providers),
    )
    app, created = service.create_application(session, new, user, settings, idempotency_key)
    session.commit()
    if not created:
        response.status_code = 200
    return application_out(app)


@router.get("/applications", response_model=list[ApplicationOut], tags=["applications"])
def list_applications(user: UserDep, session: SessionDep) -> list[ApplicationOut]:
    """The queue, by deadline. A reviewer sees only the applications assigned to them."""
    return [application_out(a) for a in service.list_applications(session, user)]


@router.get("/applications/{app_id}", response_model=ApplicationOut, tags=["applications"])
def get_application(app_id: AppId, user: UserDep, session: SessionDep) -> ApplicationOut:
    return application_out(service.get_application(session, app_id, user))


@router.post("/applications/{app_id}/documents", status_code=201, tags=["documents"])
async def upload_document(
    app_id: AppId,
    user: UserDep,
    session: SessionDep,
    response: Response,
    file: Annotated[UploadFile, File()],
    idempotency_key: IdempotencyKey = None,
    kind: Annotated[str | None, Form(max_length=40, description="A document kind; classified when absent.")] = None,
    date: Annotated[dt.date | None, Form(description="The document's own date.")] = None,
) -> dict:
    """Attach a record (text or PDF). Its text is extracted on upload, its lines and pages rebuilt into
    sentences; it is read as a document of the case, of its ``kind``."""
    app = service.get_application(session, app_id, user)
    data = await file.read()
    doc, created = service.add_document(
        session, app, user, file.filename or "upload", file.content_type or "", data, idempotency_key, kind, date
    )
    session.commit()
    if not created:
        response.status_code = 200
    return {
        "id": doc.id,
        "filename": doc.filename,
        "size": doc.size,
        "characters": len(doc.text),
        "pages": len(doc.page_starts or [0]),
        "kind": doc.kind,
    }


def _step(app_id: int, user, session, action) -> ApplicationOut:  # noqa: ANN001 - FastAPI-resolved values
    """Apply one lifecycle step to an application the user may see, commit, and return it."""
    app = service.get_application(session, app_id, user)
    action(app)
    session.commit()
    return application_out(app)


@router.post("/applications/{app_id}/eligibility", response_model=ApplicationOut, tags=["workflow"])
def screen(app_id: AppId, user: UserDep, session: SessionDep, settings: SettingsDep) -> ApplicationOut:
    """Screen eligibility: eligible, or ineligible with the reason."""
    return _step(app_id, user, session, lambda app: service.screen(session, app, user, settings))


@router.post("/applications/{app_id}/assignment", response_model=ApplicationOut, tags=["workflow"])
def assign(app_id: AppId, user: UserDep, session: SessionDep) -> ApplicationOut:
    """Assign a qualified, conflict-free reviewer (or leave the application waiting, with the reason)."""
    return _step(app_id, user, session, lambda app: service.assign(session, app, user))


@router.post("/applications/{app_id}/review", response_model=ApplicationOut, tags=["reviews"])
def start_review(app_id: AppId, user: UserDep, session: SessionDep, settings: SettingsDep) -> ApplicationOut:
    """Run the engine; its recommendation per item awaits the reviewer's accept or override (items under
    OPENIMR_REFER_BELOW are marked for referral)."""
    return _step(app_id, user, session, lambda app: service.start_review(session, app, user, settings.refer_below))


@router.post("/applications/{app_id}/items/{position}", response_model=ApplicationOut, tags=["reviews"])
def decide_item(
    app_id: AppId, position: Position, body: ItemDecisionIn, user: UserDep, session: SessionDep
) -> ApplicationOut:
    """Accept the engine's recommendation for one item, or override it with a reason."""
    return _step(
        app_id,
        user,
        session,
        lambda app: service.decide_item(session, app, user, position, body.action, body.decision, body.reason),
    )


@router.post("/applications/{app_id}/determination", response_model=ApplicationOut, tags=["determinations"])
def issue(app_id: AppId, user: UserDep, session: SessionDep) -> ApplicationOut:
    """Issue the determination once every item has a final decision."""
    return _step(app_id, user, session, lambda app: service.issue(session, app, user))


@router.get("/applications/{app_id}/letter", tags=["determinations"])
def letter(
    app_id: AppId, user: UserDep, session: SessionDep, format: Literal["pdf", "html", "text"] = Query("pdf")
) -> Response:
    """The Final Determination Letter of an issued application (PDF by default)."""
    app = service.get_application(session, app_id, user)
    document = service.letter(app, format)
    media = {"pdf": "application/pdf", "html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}[format]
    name = f"{app.case.get('id') or app.id}.{ {'pdf': 'pdf', 'html': 'html', 'text': 'txt'}[format] }"
    return Response(content=document, media_type=media, headers={"Content-Disposition": f'inline; filename="{name}"'})


@router.get("/decision-log", response_model=list[LogEntryOut], tags=["audit"])
def decision_log(
    user: UserDep,
    session: SessionDep,
    application_id: Annotated[int | None, Query(ge=1, le=2**63 - 1)] = None,
) -> list[LogEntryOut]:
    """Every engine run and reviewer action, in order. Reviewers see the entries of their applications."""
    if application_id is not None:
        service.get_application(session, application_id, user)
    elif user.role == "reviewer":
        return JSONResponse(status_code=403, content={"detail": "a reviewer reads the log of one application"})  # type: ignore[return-value]
    return [log_out(e) for e in service.decision_log(session, application_id)]


@router.post("/reviewers", response_model=ReviewerOut, status_code=201, tags=["reviewers"])
def add_reviewer(body: ReviewerIn, user: UserDep, session: SessionDep) -> ReviewerOut:
    service.require(user, "admin")
    reviewer = service.add_reviewer(session, **body.model_dump())
    session.commit()
    return reviewer_out(reviewer)


@router.get("/reviewers", response_model=list[ReviewerOut], tags=["reviewers"])
def list_reviewers(user: UserDep, session: SessionDep) -> list[ReviewerOut]:
    return [reviewer_out(r) for r in service.list_reviewers(session)]
