"""The schema every guideline file is validated against (pydantic, unknown keys refused)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Source = Literal["MTUS", "ACOEM", "ODG", "Other"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class InForce(_Strict):
    """Dates of service the guideline governs: from ``start`` up to, not including, ``end``."""

    start: dt.date
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class Superseded(_Strict):
    """From ``since`` the MTUS incorporates another text for this topic (``by``). The file stays in force
    because its criteria are the best encoding available; every determination under it says so."""

    since: dt.date
    by: str


class Citation(_Strict):
    source: Source
    title: str
    section: str | None = None
    pages: str | None = None
    edition: str | None = None


class Criterion(_Strict):
    id: str
    text: str = Field(description="What the guideline requires, in our own words.")
    logic: str = Field(description="Expression over facts, params and defs (see guidelines/logic.py).")
    when: str | None = Field(default=None, description="The criterion applies only when this holds.")
    section: str | None = None
    pages: str | None = None
    missing: str | None = Field(default=None, description="The documentation that would settle it.")
    change: str | None = Field(default=None, description="What the record would need to show to meet it.")


class Pathway(_Strict):
    name: str
    when: str | None = None
    all: list[str] = Field(min_length=1)


class DecisionRule(_Strict):
    """Overturned when every criterion of an applicable pathway is met; otherwise Upheld."""

    pathways: list[Pathway] = Field(default_factory=list)
    upheld_reason: str | None = Field(default=None, description="Said when no pathway exists (not recommended).")


class Dependency(_Strict):
    """Another item of the same case that this request depends on: its requests (of ``topic``) are decided
    first, and their decision is a fact of this one (the NSAID a PPI protects against; the surgery whose
    post-operative drug, equipment or tests are asked for). With ``follows``, a request is not medically
    necessary when the item it depends on is not (an associated surgical service and its surgery).
    ``when`` limits the dependency to requests it holds for (an expression over request facts)."""

    topic: str
    follows: bool = False
    when: str | None = None
    why: str | None = Field(default=None, description="The guideline position or reviewing convention, cited.")


class Guideline(_Strict):
    id: str
    citation: Citation
    rank: int = Field(ge=1, le=4, description="Evidence search sequence: 1 MTUS, 2 ACOEM/ODG, 3 other, 4 studies.")
    in_force: InForce
    superseded: Superseded | None = None
    topics: list[str] = Field(min_length=1)
    applies: str | None = Field(default=None, description="When this guideline addresses the request.")
    recommendation: Literal["recommended", "conditional", "not_recommended"] = "conditional"
    params: dict[str, float | int | str | bool | list] = Field(default_factory=dict)
    unverified_params: list[str] = Field(
        default_factory=list,
        description="Params whose values are commonly quoted but not confirmed against a retrieved source or the "
        "rationales of real letters (the reference's [U]); review them first when a source is at hand.",
    )
    criteria: list[Criterion] = Field(default_factory=list)
    decision: DecisionRule = Field(default_factory=DecisionRule)
    depends_on: list[Dependency] = Field(default_factory=list)
    notes: str | None = None

    @model_validator(mode="after")
    def _pathways_name_criteria(self) -> Guideline:
        unknown_params = set(self.unverified_params) - set(self.params)
        if unknown_params:
            raise ValueError(f"unverified_params names unknown params {sorted(unknown_params)}")
        ids = [c.id for c in self.criteria]
        if len(ids) != len(set(ids)):
            raise ValueError("criterion ids must be unique")
        for path in self.decision.pathways:
            unknown = set(path.all) - set(ids)
            if unknown:
                raise ValueError(f"pathway '{path.name}' names unknown criteria {sorted(unknown)}")
        if self.recommendation == "not_recommended" and self.decision.pathways:
            raise ValueError("a not_recommended guideline has no pathway to Overturned")
        return self


class Definitions(_Strict):
    """Shared definitions (``defs.*`` in logic), each with its citation."""

    id: str
    citation: Citation
    in_force: InForce
    values: dict[str, float | int | str | bool]


class DependencyRules(_Strict):
    """Dependencies that hold for every request whatever its topic (``definitions/dependencies.yaml``): an
    associated surgical service depends on the surgery it serves."""

    id: str
    citation: Citation
    depends_on: list[Dependency] = Field(min_length=1)


class FactCase(_Strict):
    """One fact set and the outcome the guideline must give for it (``<version>_test.yaml``)."""

    name: str
    facts: dict[str, float | int | str | bool | list | None]
    decision: Literal["Upheld", "Overturned"]
    criteria: dict[str, bool | None] = Field(
        default_factory=dict, description="Criterion results the fact set must also give (met, not met, unknown)."
    )
    date: dt.date | None = None
    surgery_decision: str | None = None


class GuidelineTests(_Strict):
    cases: list[FactCase] = Field(min_length=1)
