"""What a letter shows, gathered from the case, its determinations and the configured reviewer profile.

Templates only lay this out; every sentence that depends on the case is composed here or in the engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from openimr.config import settings
from openimr.model import Case, CaseDetermination, CaseDocument, Determination, Letter


@dataclass
class ItemView:
    title: str
    decision: str
    claims_administrator_guideline: str
    reviewer_guideline: str
    rationale: str
    would_support: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class ReviewerProfile:
    """The assigned expert reviewer's qualifications, as the service stores them."""

    licensure_states: list[str]
    specialties: list[str]
    years_in_practice: int
    weekly_hours: int


@dataclass
class LetterContext:
    """What the service knows of the review that the case file does not: who reviewed it, its priority and its
    dates. A letter without it (the command line, a batch) is the engine's draft recommendation, not a
    determination: no expert reviewer decided it."""

    reviewer: ReviewerProfile
    priority: str
    received: dt.date | None
    assigned: dt.date | None
    decided: dt.date
    documents: list[str] = field(default_factory=list)


@dataclass
class LetterView:
    case_id: str
    header: list[tuple[str, str]]
    organization: str
    licensure_states: list[str]
    specialties: list[str]
    years_in_practice: int
    weekly_hours: int
    summary_paragraphs: list[str]
    items: list[ItemView]
    documents: list[str]
    decision_id: str
    engine_version: str
    ruleset: str
    review_date: dt.date
    draft: bool = False


def _fmt(day: dt.date | None) -> str | None:
    return day.strftime("%m/%d/%Y") if day else None


def reviewer_guideline(det: Determination) -> str:
    """'Decision based on MTUS <title>, Section(s): ..., Page(s): ...' for the governing guideline."""
    g = det.guideline
    if g is None:
        return "No guideline addresses this request; see the rationale."
    prefix = "Decision based on MTUS" if g.source == "MTUS" else f"Decision based on Non-MTUS Citation {g.source}"
    parts = [f"{prefix} {g.title}"]
    if g.version:
        parts[0] += f" ({g.version})"
    if g.section:
        parts.append(f"Section: {g.section}")
    if g.pages:
        parts.append(f"Page(s): {g.pages}")
    return ", ".join(parts) + "."


def _document_line(n: int, document: CaseDocument) -> str:
    """One document of the case file as the letter lists it: its kind, title, date, author and pages."""
    from openimr.extract.documents import classify_document, document_kinds

    kind = document_kinds()[document.kind or classify_document(document.text, document.title)].label
    line = f"Document {n}: {kind}"
    if document.title:
        line += f' "{document.title}"'
    if document.date:
        line += f", dated {_fmt(document.date)}"
    if document.author:
        line += f", by {document.author}"
    words = f"{len(document.text.split())} words"
    return line + (f" ({len(document.page_starts)} page(s), {words})" if document.page_starts else f" ({words})")


def _documents(case: Case, letter: Letter | None) -> list[str]:
    docs = [f"Case file {case.id or '(no id)'}: clinical case summary ({len(case.case_summary.split())} words)"]
    docs.append(f"Request(s) for authorization: {len(case.requests)} disputed item(s)")
    docs += [_document_line(n, d) for n, d in enumerate(case.documents, start=1)]
    if case.ur_denial_date:
        docs.append(f"Utilization review decision dated {_fmt(case.ur_denial_date)}")
    cited = sorted({r.claims_administrator_guideline for r in case.requests if r.claims_administrator_guideline})
    if cited:
        docs.append(f"Guidelines cited by the claims administrator ({len(cited)})")
    if letter is not None:
        docs.append(f"Source document: {letter.source}")
    return docs


def composed_summary(case: Case) -> list[str]:
    """For a long record: a short summary composed from the extracted facts, in our own sentences."""
    from openimr.engine.decide import case_context
    from openimr.extract.facts import FactSet
    from openimr.extract.requests import understand_request

    facts = FactSet(case_context(case), understand_request(case.requests[0].text))

    def value(name: str):
        return facts.get(name).value

    who = (
        " ".join(
            str(v) for v in (f"{value('case.age')} year old" if value("case.age") else None, value("case.sex")) if v
        )
        or "injured"
    )
    first = f"The record concerns a {who} worker"
    if case.date_of_injury or facts.ctx.date_of_injury:
        first += f" injured on {_fmt(case.date_of_injury or facts.ctx.date_of_injury)}"
    sentences = [first + "."]
    if value("case.diagnoses"):
        sentences.append("Diagnoses recorded: " + "; ".join(value("case.diagnoses")[:8]) + ".")
    if value("case.conservative_care"):
        care = sorted({m.text.lower() for m in facts.get("case.conservative_care").evidence if hasattr(m, "text")})
        sentences.append("Care given so far includes " + ", ".join(care) + ".")
    if value("case.current_drugs"):
        sentences.append("Current medications: " + ", ".join(value("case.current_drugs")) + ".")
    if value("case.pain_score") is not None:
        sentences.append(f"The most recent pain score recorded is {value('case.pain_score'):g}/10.")
    if value("case.working") is not None:
        sentences.append("The worker is working." if value("case.working") else "The worker is not working.")
    words = len(case.case_summary.split())
    note = (
        f"The full clinical record ({words} words) was reviewed; this summary is composed from the findings "
        "extracted from it, and the rationale of each item quotes the record where it relies on it."
    )
    return [" ".join(sentences), note]


def build_view(
    case: Case, result: CaseDetermination, letter: Letter | None = None, context: LetterContext | None = None
) -> LetterView:
    """The letter's content. With the service's ``context`` it is the determination the assigned reviewer made,
    with their qualifications and the application's dates; without it, the engine's draft recommendation,
    dated today and naming no reviewer."""
    cfg = settings()
    if context is not None:
        header = [
            ("Case Number", case.id or "(none)"),
            ("Date Assigned", _fmt(context.assigned)),
            ("Date of Injury", _fmt(case.date_of_injury)),
            ("Decision Date", _fmt(context.decided)),
            ("UR Denial Date", _fmt(case.ur_denial_date)),
            ("Priority", context.priority.capitalize()),
            ("Application Received", _fmt(context.received)),
        ]
        reviewer = context.reviewer
    else:
        header = [
            ("Case Number", case.id or "(none)"),
            ("Date Assigned", _fmt(letter.date_assigned) if letter else None),
            ("Date of Injury", _fmt(case.date_of_injury)),
            ("Recommendation Date", _fmt(dt.date.today())),
            ("UR Denial Date", _fmt(case.ur_denial_date)),
            ("Priority", (letter.priority if letter and letter.priority else "Standard")),
            ("Application Received", _fmt(letter.application_received) if letter else None),
        ]
        reviewer = ReviewerProfile(
            cfg.reviewer_licensure_states,
            cfg.reviewer_specialties,
            cfg.reviewer_years_in_practice,
            cfg.reviewer_weekly_hours,
        )
    if len(case.case_summary.split()) > cfg.letter_summary_max_words:
        paragraphs = composed_summary(case)
    else:
        paragraphs = [p.strip() for p in case.case_summary.split("\n\n") if p.strip()]
    items = []
    for req, det in zip(case.requests, result.determinations, strict=True):
        items.append(
            ItemView(
                title=" ".join(det.request.split()).rstrip(":"),
                decision=det.decision,
                claims_administrator_guideline=req.claims_administrator_guideline or "None stated in the case file.",
                reviewer_guideline=reviewer_guideline(det),
                rationale=det.rationale,
                would_support=det.would_change_if if det.decision == "Upheld" else [],
                missing=det.missing_documentation,
            )
        )
    documents = _documents(case, letter) + (context.documents if context else [])
    return LetterView(
        case_id=case.id or "(none)",
        header=[(k, v) for k, v in header if v],
        organization=cfg.organization,
        licensure_states=reviewer.licensure_states,
        specialties=reviewer.specialties,
        years_in_practice=reviewer.years_in_practice,
        weekly_hours=reviewer.weekly_hours,
        summary_paragraphs=paragraphs,
        items=items,
        documents=documents,
        decision_id=result.decision_id,
        engine_version=result.engine_version,
        ruleset=result.ruleset,
        review_date=result.review_date,
        draft=context is None,
    )
