"""Right for the right reason: whether the engine decided an item as the real reviewer did AND for a reason
the reviewer gave, in the shared vocabulary of resources/reasons.yaml.

A decision that agrees for another reason is luck on that item and says nothing of the next one: counting it
as right hides how the engine generalises. The reviewers' reasons are annotations of the dev letters'
rationales (bench/data/dev-reasons.jsonl); the engine's are the reasons of the criteria that decided
(``Determination.deciding``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from openimr.model import Determination
from openimr.vocabulary import load_resource

NOT_RECOMMENDED = "not_recommended"
CRITERIA_MET = "criteria_met"


class _Reason(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    meaning: str
    criteria: list[str] = Field(default_factory=list)


class _Reasons(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    reasons: dict[str, _Reason]


@cache
def reason_vocabulary() -> dict[str, _Reason]:
    """The reasons and the criterion ids that state each (resources/reasons.yaml)."""
    return _Reasons.model_validate(load_resource("reasons.yaml")).reasons


@cache
def reason_of_criterion() -> dict[str, str]:
    return {c: name for name, reason in reason_vocabulary().items() for c in reason.criteria}


def engine_reasons(det: Determination) -> set[str]:
    """The reasons the engine decided ``det`` for: criteria met for an overturned item; for an upheld one the
    reasons of its deciding criteria, or 'not recommended' when its guideline recommends against the
    treatment. An item decided without an encoded guideline has no reason in the vocabulary."""
    if det.decision == "Overturned":
        return {CRITERIA_MET}
    if det.coverage != "encoded":
        return set()
    if not det.deciding:
        return {NOT_RECOMMENDED} if det.guideline else set()
    table = reason_of_criterion()
    return {table[c] for c in det.deciding if c in table}


class AnnotationError(ValueError):
    """An annotation file that does not hold one list of known reasons per item."""


def load_annotations(path: str | Path) -> dict[tuple[str, int], set[str]]:
    """The reviewers' reasons per (case id, item index), from a JSONL file of {id, item, reasons}."""
    known = set(reason_vocabulary())
    out: dict[tuple[str, int], set[str]] = {}
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            key, reasons = (str(row["id"]), int(row["item"])), set(row["reasons"])
        except (ValueError, KeyError, TypeError) as exc:
            raise AnnotationError(f"{path}:{n}: {exc}") from exc
        if unknown := reasons - known:
            raise AnnotationError(f"{path}:{n}: unknown reasons {sorted(unknown)}")
        out[key] = reasons
    return out


@dataclass
class ReasonAgreement:
    """How often the engine is right for the right reason on the annotated items."""

    annotated: int = 0
    right: int = 0
    right_for_reason: int = 0
    wrong_reason: list[dict] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return round(self.right_for_reason / self.annotated, 4) if self.annotated else 0.0


def score_reasons(items: list[tuple[str, int, str, Determination]], annotations: dict) -> ReasonAgreement:
    """``items`` are (case id, item index, real decision, engine determination)."""
    result = ReasonAgreement()
    for case_id, index, expected, det in items:
        reasons = annotations.get((case_id, index))
        if reasons is None:
            continue
        result.annotated += 1
        if det.decision != expected:
            continue
        result.right += 1
        got = engine_reasons(det)
        if got & reasons:
            result.right_for_reason += 1
        else:
            result.wrong_reason.append(
                {
                    "id": case_id,
                    "item": index,
                    "request": det.request,
                    "reviewer": sorted(reasons),
                    "engine": sorted(got),
                }
            )
    return result
