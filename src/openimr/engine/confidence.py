"""How likely a determination is to agree with a physician reviewer, from signals the engine records, and the
referral of the items it is unsure of.

The confidence is a small logistic model (``resources/confidence.yaml``): a handful of signals of how the
decision was reached, each with a coefficient fitted by ``bench/fit_confidence.py`` on the dev cases with
cross-validation, never adjusted per case. It reads only the determination (so only the record and the
request): not the case id, not the date it runs. Items under a threshold are referred to a physician
reviewer with the reasons, still showing the engine's leaning (California SB 1120: a physician, not an
algorithm, denies care on medical-necessity grounds).
"""

from __future__ import annotations

import math
from functools import cache

from pydantic import BaseModel, ConfigDict, Field

from openimr.model import Determination
from openimr.vocabulary import load_resource


class Signal(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    coefficient: float
    meaning: str
    weak: str | None = Field(default=None, description="Said when a referred item has this signal and it lowers trust.")


class ConfidenceModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    version: int
    intercept: float
    signals: dict[str, Signal]
    fitted_on: dict[str, float | int | str]


@cache
def confidence_model() -> ConfidenceModel:
    return ConfidenceModel.model_validate(load_resource("confidence.yaml"))


SIGNALS = (
    "overturned",
    "not_recommended",
    "documented_against",
    "criteria_against",
    "follows_other_item",
    "not_encoded",
    "near_miss",
)
_COUNTED_AGAINST = 3  # criteria documented as not met, counted up to this many


def signals(det: Determination) -> dict[str, float]:
    """The signals of how a determination was reached: overturned or not; upheld because the guideline
    recommends against the treatment; upheld on a criterion the record documents as not met (rather than
    only on what it does not say); following another item of the review; decided without an encoded
    guideline (unclassified, or a topic with none); and, for an upheld item, how many criteria the record
    documents as not met (up to three: each is another reason the denial stands), and the share of the guideline's
    criteria the record meets (an item upheld on one criterion of six is a near miss, where a reading or a
    fuller record more often turns the decision than in an item that meets none)."""
    by_id = {c.id: c for c in det.criteria}
    deciding = [by_id[c] for c in det.deciding if c in by_id]
    upheld_encoded = det.decision == "Upheld" and det.coverage == "encoded"
    return {
        "overturned": float(det.decision == "Overturned"),
        "not_recommended": float(upheld_encoded and not det.deciding and det.guideline is not None),
        "documented_against": float(upheld_encoded and any(c.met is False for c in deciding)),
        "follows_other_item": float("primary_item_supported" in det.deciding),
        "not_encoded": float(det.coverage != "encoded"),
        "criteria_against": _criteria_against(det) if upheld_encoded else 0.0,
        "near_miss": _share_met(det) if upheld_encoded else 0.0,
    }


def _criteria_against(det: Determination) -> float:
    return min(sum(c.met is False for c in det.criteria), _COUNTED_AGAINST) / _COUNTED_AGAINST


def _share_met(det: Determination) -> float:
    return sum(c.met is True for c in det.criteria) / len(det.criteria) if det.criteria else 0.0


def probability(values: dict[str, float], model: ConfidenceModel | None = None) -> float:
    """The model's probability that the decision agrees with a physician reviewer."""
    model = model or confidence_model()
    z = model.intercept + sum(model.signals[name].coefficient * values.get(name, 0.0) for name in model.signals)
    return 1.0 / (1.0 + math.exp(-z))


_NOTABLE_LOGIT = 0.1  # how much a signal must lower the confidence to be said as a reason to refer


def weak_signals(values: dict[str, float], model: ConfidenceModel | None = None) -> list[str]:
    """In plain words, the signals present that lower the confidence by a tenth of a logit or more (a signal
    the dev cases never showed, such as an unclassified request, has no fitted weight and is said too; a
    near miss is said when enough of the criteria are met to lower it)."""
    model = model or confidence_model()
    return [
        s.weak
        for name, s in model.signals.items()
        if s.weak and values.get(name) and (s.coefficient == 0 or s.coefficient * values[name] <= -_NOTABLE_LOGIT)
    ]


def with_confidence(det: Determination, refer_below: float | None = None) -> Determination:
    """``det`` with its calibrated confidence and, under ``refer_below``, marked for referral with why."""
    values = signals(det)
    confidence = round(probability(values), 3)
    update: dict = {"confidence": confidence}
    if refer_below is not None and confidence < refer_below:
        reasons = weak_signals(values) or ["the engine's recommendations of this kind often differ from reviewers'"]
        threshold = f"confidence {confidence:.2f} under {refer_below:.2f}"
        update |= {"status": "refer", "refer_reasons": [threshold, *reasons]}
    return det.model_copy(update=update)
