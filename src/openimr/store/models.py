"""The tables of the IMR service. Rows never leave the store: the web layer maps them to its schemas."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # A revoked user's token no longer signs in; rotating its token gives it access again.
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)


class Reviewer(Base):
    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    licensure_states: Mapped[list] = mapped_column(JSON, default=list)
    specialties: Mapped[list] = mapped_column(JSON, default=list)
    certifications: Mapped[list] = mapped_column(JSON, default=list)
    years_in_practice: Mapped[int] = mapped_column(Integer, default=0)
    weekly_hours: Mapped[int] = mapped_column(Integer, default=0)
    affiliations: Mapped[list] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Application(Base):
    __tablename__ = "applications"
    __table_args__ = (UniqueConstraint("idempotency_key", name="uq_applications_idempotency_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    case: Mapped[dict] = mapped_column(JSON)
    ur_decision_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ur_decision_kind: Mapped[str] = mapped_column(String(40), default="denial")
    ur_decision_attached: Mapped[bool] = mapped_column(Boolean, default=True)
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[str] = mapped_column(String(20), default="standard")
    employer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    insurer: Mapped[str | None] = mapped_column(String(200), nullable=True)
    claims_administrator: Mapped[str | None] = mapped_column(String(200), nullable=True)
    treating_providers: Mapped[list] = mapped_column(JSON, default=list)
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    records_complete_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    status: Mapped[str] = mapped_column(String(30), default="received")
    status_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("reviewers.id"), nullable=True)
    assignment_explanation: Mapped[str | None] = mapped_column(Text, nullable=True)
    due_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    issued_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    decision_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    # The digest of the body an Idempotency-Key was first sent with: the same key with another body is refused.
    idempotency_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    assigned_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)
    # The one stored decision: the case exactly as reviewed (its documents included) and the engine's whole
    # result, written once when the review starts; the letter, rendered once at issue. Nothing re-runs the
    # engine to show a past decision.
    reviewed_case: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    engine_result: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    letter_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    letter_html: Mapped[str | None] = mapped_column(Text, nullable=True)
    letter_pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)

    reviewer: Mapped[Reviewer | None] = relationship()
    documents: Mapped[list[Document]] = relationship(back_populates="application", order_by="Document.id")
    items: Mapped[list[ItemReview]] = relationship(back_populates="application", order_by="ItemReview.position")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("application_id", "idempotency_key", name="uq_documents_idempotency_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    filename: Mapped[str] = mapped_column(String(300))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # As the engine reads it: the kind the uploader gave (else classified when read), the document's own
    # date, and where each page of the file begins in ``text``.
    kind: Mapped[str | None] = mapped_column(String(40), nullable=True)
    document_date: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    page_starts: Mapped[list[int] | None] = mapped_column(JSON, nullable=True)

    application: Mapped[Application] = relationship(back_populates="documents")


class ItemReview(Base):
    """One disputed item: the engine's recommendation and the reviewer's final decision."""

    __tablename__ = "item_reviews"
    __table_args__ = (Index("uq_item_reviews_position", "application_id", "position", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"))
    position: Mapped[int] = mapped_column(Integer)
    request: Mapped[str] = mapped_column(Text)
    engine_decision: Mapped[str] = mapped_column(String(20))
    engine_determination: Mapped[dict] = mapped_column(JSON)
    final_decision: Mapped[str | None] = mapped_column(String(20), nullable=True)
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    decided_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True)

    application: Mapped[Application] = relationship(back_populates="items")


class DecisionLogEntry(Base):
    """Append-only: every engine run and every reviewer action. Rows are never updated or deleted."""

    __tablename__ = "decision_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    decision_id: Mapped[str] = mapped_column(String(40))
    application_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(60))
    guideline_versions: Mapped[list] = mapped_column(JSON, default=list)
    ruleset: Mapped[str | None] = mapped_column(String(40), nullable=True)
    engine_version: Mapped[str | None] = mapped_column(String(20), nullable=True)
    input_digest: Mapped[str | None] = mapped_column(String(64), nullable=True)
    result: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


@event.listens_for(DecisionLogEntry, "before_update")
@event.listens_for(DecisionLogEntry, "before_delete")
def _append_only(mapper, connection, target) -> None:  # noqa: ANN001 - SQLAlchemy's event signature
    raise PermissionError("the decision log is append-only")
