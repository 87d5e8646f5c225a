"""Fit and measure the confidence model: a logistic regression over the engine's signals (scikit-learn),
cross-validated by case, and the measures of a confidence: a reliability table, the AUC of confidence
against correctness, and accuracy at a coverage (the most confident share of items)."""

from __future__ import annotations

from dataclasses import dataclass

from openimr.engine.confidence import SIGNALS


@dataclass
class Item:
    case_id: str
    signals: dict[str, float]
    correct: bool


def _matrix(items: list[Item]) -> list[list[float]]:
    return [[item.signals[name] for name in SIGNALS] for item in items]


def fit(items: list[Item], strength: float = 1.0) -> tuple[float, dict[str, float]]:
    """(intercept, coefficient per signal) of an L2-regularized logistic regression of correctness."""
    from sklearn.linear_model import LogisticRegression

    labels = [int(i.correct) for i in items]
    model = LogisticRegression(C=strength, max_iter=1000).fit(_matrix(items), labels)
    return float(model.intercept_[0]), dict(zip(SIGNALS, (float(c) for c in model.coef_[0]), strict=True))


def cross_validated(items: list[Item], folds: int = 5, strength: float = 1.0) -> list[float]:
    """Each item's confidence from a model fitted on the other folds (cases never split across folds)."""
    from sklearn.model_selection import GroupKFold

    from openimr.engine.confidence import ConfidenceModel, Signal, probability

    out = [0.0] * len(items)
    groups = [i.case_id for i in items]
    for train, test in GroupKFold(n_splits=folds).split(_matrix(items), groups=groups):
        intercept, coefficients = fit([items[k] for k in train], strength)
        model = ConfidenceModel(
            version=1,
            intercept=intercept,
            signals={n: Signal(coefficient=c, meaning=n) for n, c in coefficients.items()},
            fitted_on={},
        )
        for k in test:
            out[k] = probability(items[k].signals, model)
    return out


def auc(confidences: list[float], correct: list[bool]) -> float | None:
    """The probability that a right item is more confident than a wrong one (ties count half)."""
    right = [c for c, ok in zip(confidences, correct, strict=True) if ok]
    wrong = [c for c, ok in zip(confidences, correct, strict=True) if not ok]
    if not right or not wrong:
        return None
    wins = sum(1.0 if r > w else 0.5 if r == w else 0.0 for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def reliability(confidences: list[float], correct: list[bool], bins: int = 5) -> list[dict]:
    """Per confidence bin: the items, the mean confidence (predicted) and the share right (observed)."""
    rows = []
    for b in range(bins):
        low, high = b / bins, (b + 1) / bins
        chosen = [
            (c, ok) for c, ok in zip(confidences, correct, strict=True) if low <= c < high or (b == bins - 1 and c == 1)
        ]
        if chosen:
            rows.append(
                {
                    "bin": f"{low:.1f}-{high:.1f}",
                    "items": len(chosen),
                    "predicted": round(sum(c for c, _ in chosen) / len(chosen), 3),
                    "observed": round(sum(ok for _, ok in chosen) / len(chosen), 3),
                }
            )
    return rows


def accuracy_at(confidences: list[float], correct: list[bool], coverage: float) -> float:
    """Accuracy over the most confident ``coverage`` share of the items."""
    ranked = sorted(zip(confidences, correct, strict=True), key=lambda pair: -pair[0])
    kept = ranked[: max(1, round(coverage * len(ranked)))]
    return round(sum(ok for _, ok in kept) / len(kept), 4)
