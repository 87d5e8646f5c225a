"""The data OpenIMR passes between its parts, as pydantic models.

Letters (what a published Final Determination Letter says) and cases (the redacted input the engine
decides) are separate models on purpose: a case never carries the reviewer's decision, so the engine
cannot read it by accident.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator

Decision = Literal["Upheld", "Overturned"]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


# Text a case must have: at least one character that is not white space.
NonBlank = Annotated[str, Field(min_length=1), AfterValidator(_not_blank)]


class ReviewerQualifications(BaseModel):
    """What a letter says of its expert reviewer."""

    licensure_states: list[str] = Field(default_factory=list)
    specialties: list[str] = Field(default_factory=list)
    board_certified: bool = False
    statement: str | None = Field(
        default=None, description="The letter's own sentence about the reviewer, when it has one."
    )


class LetterItem(BaseModel):
    """One disputed item/service of a letter, with the reviewer's decision."""

    title: str
    decision: Decision
    claims_administrator_guideline: str | None = None
    reviewer_guideline: str | None = None
    rationale: str | None = None
    original_request: str | None = Field(default=None, description="Modified requests: what was asked.")
    authorized: str | None = Field(default=None, description="Modified requests: what UR authorized.")
    disputed: str | None = Field(default=None, description="Modified requests: the IMR-eligible portion.")


class Letter(BaseModel):
    """A Final Determination Letter read into fields."""

    source: str
    format: str
    case_number: str | None = None
    date_assigned: dt.date | None = None
    date_of_injury: dt.date | None = None
    decision_date: dt.date | None = None
    ur_denial_date: dt.date | None = None
    priority: str | None = None
    application_received: dt.date | None = None
    reviewer: ReviewerQualifications = Field(default_factory=ReviewerQualifications)
    case_summary: list[str] = Field(default_factory=list, description="Unwrapped paragraphs.")
    items: list[LetterItem]


class CaseRequest(BaseModel):
    """One disputed request as the case file gives it."""

    model_config = ConfigDict(extra="allow")

    text: NonBlank
    claims_administrator_guideline: str | None = None


class CaseDocument(BaseModel):
    """One document of the case file beside the summary: a progress report, an imaging report, a utilization
    review's determination... Its ``kind`` (resources/document_kinds.yaml) is classified from its own words
    when the case file does not give it; a kind without findings (a utilization review, the application) is
    read as speaking of the request, never of the worker."""

    model_config = ConfigDict(extra="allow")

    text: NonBlank
    kind: str | None = Field(default=None, description="A kind of resources/document_kinds.yaml; classified if absent.")
    date: dt.date | None = None
    author: str | None = None
    title: str | None = Field(default=None, max_length=300)
    page_starts: list[int] | None = Field(
        default=None,
        description="The character offset in ``text`` where each page begins (the first is 0): evidence in the "
        "document is placed on its page.",
    )

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, value: str | None) -> str | None:
        from openimr.extract.documents import document_kinds

        if value is not None and value not in document_kinds():
            raise ValueError(f"unknown document kind {value!r}; the kinds are {', '.join(document_kinds())}")
        return value

    @model_validator(mode="after")
    def _pages_within_text(self) -> CaseDocument:
        starts = self.page_starts
        # a page without text begins where the next text would: starts may repeat, and the last may be the end
        if starts is not None and (
            not starts or starts[0] != 0 or starts != sorted(starts) or starts[-1] > len(self.text)
        ):
            raise ValueError("page_starts must begin at 0 and rise within the text")
        return self


class Case(BaseModel):
    """The case-file contract of DESIGN.md. Unknown fields are kept, never dropped."""

    model_config = ConfigDict(extra="allow")

    # An id names files, headers and log lines: one line of printable characters.
    id: str | None = Field(default=None, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")
    case_summary: NonBlank
    requests: list[CaseRequest] = Field(min_length=1)
    date_of_injury: dt.date | None = None
    ur_denial_date: dt.date | None = None
    review_date: dt.date | None = None
    documents: list[CaseDocument] = Field(
        default_factory=list, description="The case file's documents beside the summary, each read as its kind."
    )

    def contract_dump(self, **options: bool) -> dict:
        """The case's JSON form; a case without documents dumps as it did before documents existed, so that
        its digest and decision id stay what they were."""
        data = self.model_dump(mode="json", **options)
        if not self.documents:
            data.pop("documents", None)
        return data

    @model_validator(mode="after")
    def _within_size(self) -> Case:
        """A case larger than the limit (OPENIMR_MAX_CASE_CHARS) is refused whichever interface brings it,
        before the engine spends time and memory on it."""
        from openimr.config import settings

        size = (
            len(self.case_summary) + sum(len(r.text) for r in self.requests) + sum(len(d.text) for d in self.documents)
        )
        limit = settings().max_case_chars
        if size > limit:
            raise ValueError(
                f"[E207] the case is too large: {size:,} characters; the limit is {limit:,} (OPENIMR_MAX_CASE_CHARS)"
            )
        return self


# --- determinations (the DESIGN.md output contract, with optional extensions) -------------------------


class EvidenceSpan(BaseModel):
    """Words of the record, with character offsets into the case summary, or into the text of one of the case
    file's documents when ``document`` is set."""

    text: str
    start: int
    end: int
    document: int | None = Field(default=None, description="Index in the case's ``documents``; None: the summary.")
    page: int | None = Field(default=None, description="The document's page (from 1), when it gives its pages.")


class CriterionResult(BaseModel):
    id: str
    text: str | None = None
    met: bool | None
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    facts: dict[str, bool | int | float | str | list | None] = Field(
        default_factory=dict,
        description="The value of every fact the criterion reads (None: the record does not say).",
    )
    about: Literal["record", "request", "exclusion"] | None = Field(
        default=None,
        description="What the criterion reads: the record (met only with evidence), the request alone, or an "
        "exclusion (met unless the record shows the excluded thing).",
    )


class GuidelineRef(BaseModel):
    source: str
    title: str
    section: str | None = None
    pages: str | None = None
    version: str | None = None


class Determination(BaseModel):
    """The decision on one disputed item."""

    request: str
    decision: Decision
    treatment: str | None
    category: str = "Unclassified"
    coverage: Literal["encoded", "not_encoded", "unclassified"] = "encoded"
    guideline: GuidelineRef | None = None
    guidelines_searched: list[str] = Field(default_factory=list)
    rationale: str
    criteria: list[CriterionResult] = Field(default_factory=list)
    deciding: list[str] = Field(
        default_factory=list,
        description="Ids of the criteria that decided: the unmet criteria of the pathway that explains an Upheld "
        "item, the criteria of the pathway an Overturned item met; empty where the guideline does not recommend "
        "the treatment or no guideline applies.",
    )
    missing_documentation: list[str] = Field(default_factory=list)
    would_change_if: list[str] = Field(default_factory=list)
    confidence: float = Field(
        ge=0,
        le=1,
        description="The calibrated probability that a physician reviewer decides the item the same way "
        "(engine/confidence.py; README, 'Confidence and referral').",
    )
    status: Literal["decided", "refer"] = Field(
        default="decided", description="'refer': under the referral threshold, for a physician reviewer to decide."
    )
    refer_reasons: list[str] = Field(default_factory=list, description="Why the item is referred, in plain words.")


class CaseDetermination(BaseModel):
    """Every disputed item of one case, in request order, with the decision id of the run."""

    id: str | None
    decision_id: str
    review_date: dt.date
    review_date_source: str
    engine_version: str
    ruleset: str
    input_digest: str | None = Field(
        default=None, description="SHA-256 of the case exactly as the engine received it (its canonical JSON)."
    )
    determinations: list[Determination]
