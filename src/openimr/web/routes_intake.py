"""The intake screen: file a new application with its records, through the same validation as the API.

Why every check runs before anything is stored: an application filed without one of its records, or a record
filed with a half-made application, would have to be found and mended by hand. The case is validated as the
API validates it (numbered errors naming the field), every record file is read (numbered errors naming the
file), and only then is the application created with its documents, in one transaction. On an error the form
comes back with what was typed; the files must be chosen again (a browser never refills a file field).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from openimr import service
from openimr.errors import Err, OpenIMRError
from openimr.extract.documents import document_kinds
from openimr.ingest.casefile import case_from_dict, field_errors
from openimr.ingest.records import record_from_bytes
from openimr.service import ServiceError
from openimr.web.deps import SessionDep, SettingsDep
from openimr.web.routes_ui import signed_in_as, templates
from openimr.web.schemas import ApplicationIn

router = APIRouter(prefix="/ui", include_in_schema=False)
_WHERE = "the form"


def _form_page(request: Request, user, values: dict, error: str | None = None, status: int = 200) -> Response:  # noqa: ANN001
    context = {"user": user, "values": values, "error": error, "kinds": document_kinds()}
    return templates.TemplateResponse(request, "intake.html", context, status_code=status)


def _may_file(request: Request, session) -> tuple[object | None, Response | None]:  # noqa: ANN001
    return signed_in_as(
        request, session, ("admin", "intake"), "Applications are filed by intake staff and administrators."
    )


@router.get("/applications/new", response_class=HTMLResponse)
def new_application_page(request: Request, session: SessionDep) -> Response:
    user, refused = _may_file(request, session)
    return refused or _form_page(request, user, {"priority": "standard", "ur_decision_kind": "denial"})


def _optional_date(value: str, name: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise OpenIMRError(Err.E202, _WHERE, detail=f"field '{name}': not a date (YYYY-MM-DD)") from exc


@router.post("/applications/new", response_class=HTMLResponse)
async def file_application(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    case_id: Annotated[str, Form(max_length=200)] = "",
    case_summary: Annotated[str, Form()] = "",
    requests: Annotated[str, Form()] = "",
    date_of_injury: Annotated[str, Form(max_length=20)] = "",
    ur_decision_date: Annotated[str, Form(max_length=20)] = "",
    ur_decision_kind: Annotated[str, Form(max_length=40)] = "denial",
    priority: Annotated[str, Form(max_length=20)] = "standard",
    signed: Annotated[bool, Form()] = False,
    employer: Annotated[str, Form(max_length=200)] = "",
    insurer: Annotated[str, Form(max_length=200)] = "",
    claims_administrator: Annotated[str, Form(max_length=200)] = "",
    treating_providers: Annotated[str, Form(max_length=2000)] = "",
    document_kind: Annotated[str, Form(max_length=40)] = "",
    documents: Annotated[list[UploadFile] | None, File()] = None,
) -> Response:
    """Validate everything, then create the application and its documents together; or show the form again
    with the numbered error and what was typed."""
    user, refused = _may_file(request, session)
    if refused:
        return refused
    values = {
        "case_id": case_id,
        "case_summary": case_summary,
        "requests": requests,
        "date_of_injury": date_of_injury,
        "ur_decision_date": ur_decision_date,
        "ur_decision_kind": ur_decision_kind,
        "priority": priority,
        "signed": signed,
        "employer": employer,
        "insurer": insurer,
        "claims_administrator": claims_administrator,
        "treating_providers": treating_providers,
        "document_kind": document_kind,
    }
    files = [f for f in documents or [] if f.filename]
    try:
        case = case_from_dict(
            {
                k: v
                for k, v in {
                    "id": case_id.strip() or None,
                    "case_summary": case_summary,
                    "requests": [{"text": line.strip()} for line in requests.splitlines() if line.strip()],
                    "date_of_injury": _optional_date(date_of_injury, "date_of_injury"),
                    "ur_denial_date": _optional_date(ur_decision_date, "ur_decision_date"),
                }.items()
                if v is not None
            },
            _WHERE,
        )
        body = ApplicationIn.model_validate(
            {
                "case": case,
                "ur_decision_date": case.ur_denial_date,
                "ur_decision_kind": ur_decision_kind,
                "signed": signed,
                "priority": priority,
                "employer": employer.strip() or None,
                "insurer": insurer.strip() or None,
                "claims_administrator": claims_administrator.strip() or None,
                "treating_providers": [p.strip() for p in treating_providers.split(",") if p.strip()],
            }
        )
        if document_kind and document_kind not in document_kinds():
            raise OpenIMRError(Err.E202, _WHERE, detail=f"unknown document kind {document_kind!r}")
        contents = [(f.filename or "upload", f.content_type or "", await f.read()) for f in files]
        for name, _, data in contents:
            record_from_bytes(data, name)  # an unreadable record refuses the whole filing, naming the file
    except OpenIMRError as err:
        return _form_page(request, user, values, err.render(), 422)
    except ValidationError as exc:
        return _form_page(request, user, values, f"{_WHERE}: {field_errors(exc)}", 422)
    try:
        new = service.NewApplication(
            **body.model_dump(exclude={"case", "treating_providers", "received"}),
            case=body.case,
            treating_providers=tuple(body.treating_providers),
        )
        app, _ = service.create_application(session, new, user, settings)
        for name, content_type, data in contents:
            service.add_document(session, app, user, name, content_type, data, kind=document_kind or None)
        session.commit()
    except ServiceError as exc:
        session.rollback()
        return _form_page(request, user, values, exc.message, exc.status)
    return RedirectResponse(f"/ui/applications/{app.id}", status_code=303)
