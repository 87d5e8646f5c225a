"""Agreement measures: accuracy, Cohen's kappa, overturn precision and recall, baselines, tables."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

LABELS = ("Upheld", "Overturned")


@dataclass
class Scored:
    case_id: str | None
    request: str
    category: str
    expected: str
    got: str


@dataclass
class Agreement:
    items: int
    accuracy: float
    kappa: float
    overturn_precision: float | None
    overturn_recall: float | None
    baseline_accuracy: float
    baseline_kappa: float
    confusion: dict[str, dict[str, int]]
    by_category: dict[str, dict[str, float | int]] = field(default_factory=dict)
    disagreements: list[dict] = field(default_factory=list)
    # right for the right reason, when the reviewers' reasons are annotated (eval/reasons.py)
    reasons: dict | None = None
    # the confidence measured with cross-validated confidences (eval/calibration.py)
    confidence: dict | None = None


def cohen_kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of (expected, got) pairs; 0.0 when agreement by chance is total."""
    n = len(pairs)
    if n == 0:
        return 0.0
    observed = sum(1 for e, g in pairs if e == g) / n
    exp_counts = Counter(e for e, _ in pairs)
    got_counts = Counter(g for _, g in pairs)
    chance = sum(exp_counts[label] * got_counts[label] for label in LABELS) / (n * n)
    if chance >= 1.0:
        return 0.0
    return (observed - chance) / (1 - chance)


def agreement(scored: list[Scored]) -> Agreement:
    pairs = [(s.expected, s.got) for s in scored]
    n = len(pairs)
    confusion = {e: {g: sum(1 for p in pairs if p == (e, g)) for g in LABELS} for e in LABELS}
    tp = confusion["Overturned"]["Overturned"]
    fp = confusion["Upheld"]["Overturned"]
    fn = confusion["Overturned"]["Upheld"]
    baseline = [(e, "Upheld") for e, _ in pairs]
    by_cat: dict[str, list[Scored]] = defaultdict(list)
    for s in scored:
        by_cat[s.category].append(s)
    table = {
        cat: {
            "items": len(rows),
            "accuracy": round(sum(1 for r in rows if r.expected == r.got) / len(rows), 3),
            "overturned_expected": sum(1 for r in rows if r.expected == "Overturned"),
            "overturned_got": sum(1 for r in rows if r.got == "Overturned"),
        }
        for cat, rows in sorted(by_cat.items())
    }
    return Agreement(
        items=n,
        accuracy=round(sum(1 for e, g in pairs if e == g) / n, 4) if n else 0.0,
        kappa=round(cohen_kappa(pairs), 4),
        overturn_precision=round(tp / (tp + fp), 4) if tp + fp else None,
        overturn_recall=round(tp / (tp + fn), 4) if tp + fn else None,
        baseline_accuracy=round(sum(1 for e, g in baseline if e == g) / n, 4) if n else 0.0,
        baseline_kappa=round(cohen_kappa(baseline), 4),
        confusion=confusion,
        by_category=table,
        disagreements=[
            {"id": s.case_id, "request": s.request, "expected": s.expected, "got": s.got, "category": s.category}
            for s in scored
            if s.expected != s.got
        ],
    )
