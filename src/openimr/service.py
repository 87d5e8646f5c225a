"""The IMR service: applications through their lifecycle, on stored rows.

This is where workflow rules (``openimr.workflow``), the engine (``openimr.api``) and storage
(``openimr.store``) meet. The HTTP API, the workbench and the CLI call these functions and nothing below them.
Every engine run and every reviewer action is written to the append-only decision log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from openimr import api
from openimr.config import Settings
from openimr.engine.decide import input_digest
from openimr.errors import OpenIMRError
from openimr.extract.documents import document_kinds
from openimr.extract.requests import understand_request
from openimr.ingest.records import record_from_bytes
from openimr.model import Case, CaseDetermination
from openimr.render.view import LetterContext, ReviewerProfile
from openimr.store.models import Application, DecisionLogEntry, Document, ItemReview, Reviewer, User, utcnow
from openimr.workflow import rules

ROLES = ("admin", "intake", "reviewer", "auditor")


class ServiceError(Exception):
    """A request the service refuses: ``status`` is the HTTP status it maps to."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --- users ----------------------------------------------------------------------------------------------


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(session: Session, name: str, role: str, reviewer_id: int | None = None) -> str:
    """Create a user and return its bearer token (stored only as a digest, so shown once)."""
    if role not in ROLES:
        raise ServiceError(422, f"role must be one of {', '.join(ROLES)}")
    if role == "reviewer" and reviewer_id is None:
        raise ServiceError(422, "a reviewer user needs the reviewer it is (--reviewer-id): it would see no application")
    if role == "reviewer" and session.get(Reviewer, reviewer_id) is None:
        raise ServiceError(422, f"no reviewer {reviewer_id}")
    token = f"oimr_{secrets.token_urlsafe(24)}"
    session.add(User(name=name, role=role, token_hash=_digest(token), reviewer_id=reviewer_id))
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise ServiceError(409, f"a user named {name!r} exists already") from exc
    return token


def authenticate(session: Session, token: str) -> User | None:
    """The user a token signs in, unless its access was revoked."""
    return session.scalar(select(User).where(User.token_hash == _digest(token), User.revoked_at.is_(None)))


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.name)))


def _user_named(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise ServiceError(404, f"no user named {name!r}")
    return user


def rotate_token(session: Session, name: str) -> str:
    """A new token for the user, which alone signs in from now (a lost token is replaced this way); a revoked
    user gets its access back. Returned once: only its digest is stored."""
    user = _user_named(session, name)
    token = f"oimr_{secrets.token_urlsafe(24)}"
    user.token_hash, user.revoked_at = _digest(token), None
    session.flush()
    return token


def revoke_user(session: Session, name: str) -> User:
    """The user's token signs in no more; the user, and what it did, stay on record."""
    user = _user_named(session, name)
    if user.revoked_at is None:
        user.revoked_at = utcnow()
        session.flush()
    return user


def can_see(user: User, app: Application) -> bool:
    return user.role != "reviewer" or (user.reviewer_id is not None and user.reviewer_id == app.reviewer_id)


def require(user: User, *roles: str) -> None:
    if user.role not in roles:
        raise ServiceError(403, f"the {user.role} role may not do this")


# --- reviewers ------------------------------------------------------------------------------------------


def list_reviewers(session: Session) -> list[Reviewer]:
    return list(session.scalars(select(Reviewer).order_by(Reviewer.id)))


def add_reviewer(session: Session, **fields) -> Reviewer:
    reviewer = Reviewer(**fields)
    session.add(reviewer)
    session.flush()
    return reviewer


# --- applications ---------------------------------------------------------------------------------------


@dataclass
class NewApplication:
    case: Case
    ur_decision_date: dt.date | None
    ur_decision_kind: str = "denial"
    ur_decision_attached: bool = True
    signed: bool = False
    priority: str = "standard"
    employer: str | None = None
    insurer: str | None = None
    claims_administrator: str | None = None
    treating_providers: tuple[str, ...] = ()
    received: dt.datetime | None = None


def _log(session: Session, app: Application | None, actor: str, action: str, result: dict, **extra) -> None:
    session.add(
        DecisionLogEntry(
            decision_id=extra.pop("decision_id", None) or (app.decision_id if app and app.decision_id else "-"),
            application_id=app.id if app else None,
            actor=actor,
            action=action,
            result=result,
            **extra,
        )
    )


def create_application(
    session: Session, new: NewApplication, actor: User, settings: Settings, idempotency_key: str | None = None
) -> tuple[Application, bool]:
    """Receive an application; a repeated idempotency key returns the application it created (False)."""
    require(actor, "admin", "intake")
    if idempotency_key is not None and not idempotency_key.strip():
        raise ServiceError(422, "the Idempotency-Key header is empty")
    digest = _body_digest(new)
    if idempotency_key:
        existing = session.scalar(select(Application).where(Application.idempotency_key == idempotency_key))
        if existing is not None:
            return _same_body(existing, digest, idempotency_key), False
    received = _utc_naive(new.received) if new.received else utcnow()
    app = Application(
        idempotency_key=idempotency_key,
        case=new.case.contract_dump(exclude_none=True),
        ur_decision_date=new.ur_decision_date or new.case.ur_denial_date,
        ur_decision_kind=new.ur_decision_kind,
        ur_decision_attached=new.ur_decision_attached,
        signed=new.signed,
        priority=new.priority,
        employer=new.employer,
        insurer=new.insurer,
        claims_administrator=new.claims_administrator,
        treating_providers=list(new.treating_providers),
        idempotency_digest=digest if idempotency_key else None,
        received_at=received,
        records_complete_at=received,
        due_at=rules.due_date(
            received, new.priority, settings.standard_deadline_days, settings.expedited_deadline_days
        ),
    )
    session.add(app)
    try:
        session.flush()
    except IntegrityError:
        # Another request with the same key won the race: return its application.
        session.rollback()
        existing = session.scalar(select(Application).where(Application.idempotency_key == idempotency_key))
        if existing is None:
            raise
        return _same_body(existing, digest, idempotency_key), False
    _log(session, app, actor.name, "received", {"requests": len(new.case.requests), "priority": new.priority})
    return app, True


def _utc_naive(moment: dt.datetime) -> dt.datetime:
    """A received time as the store keeps times: UTC without a zone (a zoned time is converted, not refused)."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _body_digest(new: NewApplication) -> str:
    """A digest of what an application was filed with, to tell a retry from another application sent with
    the same Idempotency-Key."""
    fields = {k: v for k, v in new.__dict__.items() if k != "case"}
    payload = {"case": new.case.contract_dump(), **fields}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()


def _same_body(existing: Application, digest: str, key: str) -> Application:
    if existing.idempotency_digest and existing.idempotency_digest != digest:
        raise ServiceError(409, f"the Idempotency-Key {key!r} was used for another application with a different body")
    return existing


def _claim(session: Session, app: Application, allowed: tuple[str, ...], new_status: str) -> bool:
    """Move ``app`` to ``new_status`` if it is still in one of ``allowed``, in one conditional UPDATE, so that
    two simultaneous calls (a double click) cannot both act: the second finds the status changed and gets
    False (its caller then returns the current state, logging nothing)."""
    moved = session.execute(
        update(Application)
        .where(Application.id == app.id, Application.status.in_(allowed))
        .values(status=new_status)
        .execution_options(synchronize_session=False)
    )
    session.refresh(app)
    return moved.rowcount == 1


def get_application(session: Session, app_id: int, user: User) -> Application:
    app = session.get(Application, app_id)
    if app is None:
        raise ServiceError(404, f"no application {app_id}")
    if not can_see(user, app):
        raise ServiceError(403, "this application is assigned to another reviewer")
    return app


def list_applications(session: Session, user: User) -> list[Application]:
    query = select(Application).order_by(Application.due_at, Application.id)
    if user.role == "reviewer":
        query = query.where(Application.reviewer_id == user.reviewer_id)
    return list(session.scalars(query))


def add_document(
    session: Session,
    app: Application,
    user: User,
    filename: str,
    content_type: str,
    data: bytes,
    idempotency_key: str | None = None,
    kind: str | None = None,
    document_date: dt.date | None = None,
) -> tuple[Document, bool]:
    """Attach a record (text or PDF); its text is extracted now, its lines and pages rebuilt into sentences
    (ingest/records.py), so an unreadable file is refused at once. ``kind`` (resources/document_kinds.yaml) is
    what the uploader knows of it; without it the engine classifies the document when it reads it."""
    require(user, "admin", "intake")
    if idempotency_key:
        existing = session.scalar(
            select(Document).where(Document.application_id == app.id, Document.idempotency_key == idempotency_key)
        )
        if existing is not None:
            return existing, False
    if app.status in _REVIEWED:
        raise ServiceError(
            409, f"application {app.id} is {app.status}: records are filed before the review starts, which reads them"
        )
    if kind is not None and kind not in document_kinds():
        raise ServiceError(422, f"unknown document kind {kind!r}; the kinds are {', '.join(document_kinds())}")
    try:
        record = record_from_bytes(data, filename)
    except OpenIMRError as err:
        raise ServiceError(422, err.render()) from err
    doc = Document(
        application_id=app.id,
        filename=filename,
        content_type=content_type or "application/octet-stream",
        size=len(data),
        text=record.text,
        idempotency_key=idempotency_key,
        kind=kind,
        document_date=document_date,
        page_starts=record.page_starts if len(record.page_starts) > 1 else None,
    )
    session.add(doc)
    session.flush()
    _log(session, app, user.name, "document_added", {"document_id": doc.id, "filename": filename, "size": len(data)})
    return doc, True


# From the start of the review the reviewed record is fixed; after issue nothing changes.
_REVIEWED = ("under_review", "issued")


def _facts(session: Session, app: Application) -> rules.ApplicationFacts:
    case = Case.model_validate(app.case)
    duplicate = (
        session.scalar(
            select(Application.id).where(
                Application.id < app.id,
                Application.case["id"].as_string() == (case.id or ""),
                Application.status.not_in(["ineligible"]),
            )
        )
        if case.id
        else None
    )
    return rules.ApplicationFacts(
        signed=app.signed,
        ur_decision_attached=app.ur_decision_attached,
        ur_decision_kind=app.ur_decision_kind,
        ur_decision_date=app.ur_decision_date,
        received=app.received_at.date(),
        duplicate_of=duplicate,
        employer=app.employer,
        insurer=app.insurer,
        claims_administrator=app.claims_administrator,
        treating_providers=list(app.treating_providers or []),
        categories=[understand_request(r.text).category for r in case.requests],
    )


def screen(session: Session, app: Application, user: User, settings: Settings) -> rules.Eligibility:
    require(user, "admin", "intake")
    if app.status not in ("received", "ineligible"):
        if app.status in ("eligible", "waiting", "assigned"):
            return rules.Eligibility(True, app.status_reason or "eligible")  # screened already: the current state
        raise ServiceError(409, f"application {app.id} is {app.status}; it was screened already")
    result = rules.screen(_facts(session, app), settings.filing_window_days)
    status = "eligible" if result.eligible else "ineligible"
    if not _claim(session, app, ("received", "ineligible"), status):
        return rules.Eligibility(app.status != "ineligible", app.status_reason or "")
    app.status_reason = result.reason
    _log(session, app, user.name, "eligibility", {"eligible": result.eligible, "reason": result.reason})
    return result


def _panel(session: Session) -> list[rules.ReviewerFacts]:
    return [
        rules.ReviewerFacts(
            id=r.id,
            name=r.name,
            specialties=list(r.specialties or []),
            certifications=list(r.certifications or []),
            licensure_states=list(r.licensure_states or []),
            years_in_practice=r.years_in_practice,
            weekly_hours=r.weekly_hours,
            affiliations=list(r.affiliations or []),
            active=r.active,
        )
        for r in session.scalars(select(Reviewer).order_by(Reviewer.id))
    ]


def assign(session: Session, app: Application, user: User) -> rules.Assignment:
    require(user, "admin", "intake")
    if app.status in ("assigned", *_REVIEWED) and app.reviewer_id is not None:
        return _current_assignment(session, app)  # assigned already: the current state
    if app.status not in ("eligible", "waiting"):
        raise ServiceError(409, f"application {app.id} is {app.status}; only an eligible application is assigned")
    load = dict(
        session.execute(
            select(Application.reviewer_id, func.count())
            .where(Application.status.in_(["assigned", "under_review"]))
            .group_by(Application.reviewer_id)
        ).all()
    )
    result = rules.assign(_facts(session, app), _panel(session), load)
    if not _claim(session, app, ("eligible", "waiting"), "assigned" if result.reviewer else "waiting"):
        return _current_assignment(session, app)
    if result.reviewer is None:
        app.status_reason = result.explanation
    else:
        app.reviewer_id = result.reviewer.id
        app.assigned_at = utcnow()
        app.status_reason = None
    app.assignment_explanation = result.explanation
    _log(
        session,
        app,
        user.name,
        "assignment",
        {"reviewer_id": result.reviewer.id if result.reviewer else None, "explanation": result.explanation},
    )
    return result


def _current_assignment(session: Session, app: Application) -> rules.Assignment:
    reviewer = next((r for r in _panel(session) if r.id == app.reviewer_id), None)
    return rules.Assignment(reviewer, app.assignment_explanation or "")


def start_review(session: Session, app: Application, user: User, refer_below: float | None = None) -> CaseDetermination:
    """Run the engine once on the record as filed (its documents included): its recommendation per item is the
    starting point of the reviewer's decisions (items under ``refer_below`` marked for a physician's decision).
    The case reviewed and the engine's whole result are stored,
    and everything after (the workbench, the letter, the statistics) reads them. A second call, or one made
    at the same moment (a double click), returns the stored result and logs nothing."""
    require(user, "admin", "reviewer")
    if not can_see(user, app):
        raise ServiceError(403, "this application is assigned to another reviewer")
    if app.status in _REVIEWED and app.engine_result is not None:
        return CaseDetermination.model_validate(app.engine_result)
    if app.status not in ("assigned", "under_review"):
        raise ServiceError(409, f"application {app.id} is {app.status}; it must be assigned first")
    if not _claim(session, app, ("assigned", "under_review"), "under_review") or app.engine_result is not None:
        if app.engine_result is None:
            raise ServiceError(409, f"application {app.id} is {app.status}; it must be assigned first")
        return CaseDetermination.model_validate(app.engine_result)
    case = reviewed_case(app)
    result = api.review(case, refer_below)
    app.reviewed_case = case.contract_dump()
    app.engine_result = result.model_dump(mode="json")
    app.decision_id = result.decision_id
    for n, det in enumerate(result.determinations):
        session.add(
            ItemReview(
                application_id=app.id,
                position=n,
                request=det.request,
                engine_decision=det.decision,
                engine_determination=det.model_dump(mode="json"),
            )
        )
    _log(
        session,
        app,
        user.name,
        "engine_run",
        {"decisions": [d.decision for d in result.determinations]},
        decision_id=result.decision_id,
        guideline_versions=sorted(
            {d.guideline.title + " " + (d.guideline.version or "") for d in result.determinations if d.guideline}
        ),
        ruleset=result.ruleset,
        engine_version=result.engine_version,
        input_digest=input_digest(case),
    )
    session.flush()
    session.refresh(app)
    return result


def reviewed_case(app: Application) -> Case:
    """The case as the engine reads it: the case filed with the application and, as its documents, every
    record filed before the review started, each titled by its file name and read as its kind."""
    case = Case.model_validate(app.case)
    if app.documents:
        documents = [*app.case.get("documents", []), *(_case_document(d) for d in app.documents)]
        try:
            case = Case.model_validate({**app.case, "documents": documents})
        except ValidationError as exc:
            raise ServiceError(422, f"application {app.id}: {exc.errors()[0]['msg']}") from exc
    return case


def _case_document(document: Document) -> dict:
    fields = {
        "title": document.filename,
        "text": document.text,
        "kind": document.kind,
        "date": document.document_date.isoformat() if document.document_date else None,
        "page_starts": document.page_starts,
    }
    return {k: v for k, v in fields.items() if v is not None}


def decide_item(
    session: Session, app: Application, user: User, position: int, action: str, decision: str | None, reason: str | None
) -> ItemReview:
    """Accept the engine's recommendation, or override it with a reason."""
    require(user, "admin", "reviewer")
    if not can_see(user, app):
        raise ServiceError(403, "this application is assigned to another reviewer")
    if app.status != "under_review":
        raise ServiceError(409, f"application {app.id} is {app.status}; start the review first")
    item = next((i for i in app.items if i.position == position), None)
    if item is None:
        raise ServiceError(404, f"application {app.id} has no item {position}")
    if action == "override" and decision == item.engine_decision:
        action = "accept"  # an "override" to the engine's own decision agrees with it
    if action == "accept":
        item.final_decision, item.override_reason = item.engine_decision, None
    elif action == "override":
        if decision not in ("Upheld", "Overturned"):
            raise ServiceError(422, "an override needs decision 'Upheld' or 'Overturned'")
        if not reason or not reason.strip():
            raise ServiceError(422, "an override needs a reason")
        item.final_decision, item.override_reason = decision, reason.strip()
    else:
        raise ServiceError(422, "action must be 'accept' or 'override'")
    item.decided_by = user.name
    item.decided_at = utcnow()
    _log(
        session,
        app,
        user.name,
        f"item_{action}",
        {
            "position": position,
            "engine": item.engine_decision,
            "final": item.final_decision,
            "reason": item.override_reason,
        },
    )
    return item


def final_determination(app: Application) -> tuple[Case, CaseDetermination]:
    """The case as reviewed and the stored determinations with the reviewer's final decisions in place: an
    override carries its reason; an accepted recommendation stays as the engine explained it. Read from the
    stored decision, never from a new run of the engine."""
    if app.engine_result is None:
        raise ServiceError(409, f"application {app.id} has no review yet")
    case = Case.model_validate(app.reviewed_case or app.case)
    result = CaseDetermination.model_validate(app.engine_result)
    determinations = []
    for det, item in zip(result.determinations, app.items, strict=True):
        if item.final_decision and item.final_decision != det.decision:
            det = det.model_copy(
                update={
                    "decision": item.final_decision,
                    "rationale": f"The expert reviewer did not follow the engine's recommendation ({det.decision}): "
                    f"{item.override_reason} Engine rationale for reference: {det.rationale}",
                    "would_change_if": [] if item.final_decision == "Overturned" else det.would_change_if,
                }
            )
        determinations.append(det)
    return case, result.model_copy(update={"determinations": determinations})


def letter_context(app: Application) -> LetterContext:
    """What the letter states of the review beyond the case: the assigned reviewer's qualifications, the
    application's priority, and the dates it was received, assigned and decided (issued)."""
    reviewer = app.reviewer
    profile = ReviewerProfile(
        list(reviewer.licensure_states or []) if reviewer else [],
        list(reviewer.specialties or []) if reviewer else [],
        reviewer.years_in_practice if reviewer else 0,
        reviewer.weekly_hours if reviewer else 0,
    )
    documents = [
        f"{d.filename}: filed {d.created_at.date().isoformat()} ({len(d.text.split())} words)" for d in app.documents
    ]
    return LetterContext(
        reviewer=profile,
        priority=app.priority,
        received=app.received_at.date() if app.received_at else None,
        assigned=app.assigned_at.date() if app.assigned_at else None,
        decided=(app.issued_at or utcnow()).date(),
        documents=documents,
    )


LETTER_FORMATS = ("text", "html", "pdf")


def issue(session: Session, app: Application, user: User) -> Application:
    """Issue the determination: the letter is rendered once, in every format, and stored; fetching it later
    returns those bytes. A second call returns the issued application."""
    require(user, "admin", "reviewer")
    if not can_see(user, app):
        raise ServiceError(403, "this application is assigned to another reviewer")
    if app.status == "issued":
        return app
    if app.status != "under_review":
        raise ServiceError(409, f"application {app.id} is {app.status}; it cannot be issued")
    undecided = [i.position for i in app.items if not i.final_decision]
    if undecided:
        raise ServiceError(409, f"items {undecided} have no final decision yet")
    if not _claim(session, app, ("under_review",), "issued"):
        return app
    app.issued_at = utcnow()
    case, result = final_determination(app)
    context = letter_context(app)
    app.letter_text = api.render_letter(case, result, "text", context=context)  # type: ignore[assignment]
    app.letter_html = api.render_letter(case, result, "html", context=context)  # type: ignore[assignment]
    app.letter_pdf = api.render_letter(case, result, "pdf", context=context)  # type: ignore[assignment]
    _log(session, app, user.name, "determination_issued", {"decisions": [i.final_decision for i in app.items]})
    return app


def letter(app: Application, fmt: str) -> str | bytes:
    """The letter rendered when the determination was issued, as stored."""
    if app.status != "issued":
        raise ServiceError(409, f"application {app.id} has no issued determination yet")
    stored = {"text": app.letter_text, "html": app.letter_html, "pdf": app.letter_pdf}.get(fmt)
    if stored is None:
        raise ServiceError(409, f"application {app.id} was issued without a stored {fmt} letter")
    return stored


def decision_log(session: Session, application_id: int | None = None) -> list[DecisionLogEntry]:
    query = select(DecisionLogEntry).order_by(DecisionLogEntry.id)
    if application_id is not None:
        query = query.where(DecisionLogEntry.application_id == application_id)
    return list(session.scalars(query))


def overdue(app: Application, now: dt.datetime | None = None) -> bool:
    return rules.is_overdue(app.due_at, app.status, now or utcnow())


def stats_rows(
    session: Session, received_from: dt.date | None = None, received_to: dt.date | None = None
) -> list[dict]:
    """One row per decided item of the service (final decisions where given, else the engine's), in the
    columns of the batch tables; the reviewer's final decision is what the engine's is measured against.
    ``received_from`` and ``received_to`` (inclusive) keep the applications received in that period."""
    from openimr.batch.tables import row

    query = select(Application).order_by(Application.id)
    if received_from:
        query = query.where(Application.received_at >= dt.datetime.combine(received_from, dt.time.min))
    if received_to:
        query = query.where(
            Application.received_at < dt.datetime.combine(received_to + dt.timedelta(days=1), dt.time.min)
        )
    out = []
    for app in session.scalars(query):
        reviewer = app.reviewer
        for item in app.items:
            det = item.engine_determination
            guideline = det.get("guideline") or {}
            out.append(
                row(
                    source=f"application {app.id}",
                    case_id=app.case.get("id"),
                    kind="service",
                    position=item.position,
                    request=item.request,
                    category=det.get("category"),
                    treatment=det.get("treatment"),
                    decision=item.final_decision or item.engine_decision,
                    engine_decision=item.engine_decision,
                    status=det.get("status", "decided"),
                    expected=item.final_decision,
                    guideline_source=guideline.get("source"),
                    guideline_title=guideline.get("title"),
                    reviewer_specialties=", ".join(reviewer.specialties) if reviewer else None,
                    year=app.received_at.year,
                    coverage=det.get("coverage"),
                    confidence=det.get("confidence"),
                )
            )
    return out
