"""Agreement measures computed by hand on small examples."""

from __future__ import annotations

import pytest

from openimr.eval.metrics import Scored, agreement, cohen_kappa


def test_kappa_matches_a_worked_example() -> None:
    # 20 items: both Upheld 14, both Overturned 3, expected U got O 2, expected O got U 1.
    pairs = [("Upheld", "Upheld")] * 14 + [("Overturned", "Overturned")] * 3
    pairs += [("Upheld", "Overturned")] * 2 + [("Overturned", "Upheld")]
    po = 17 / 20
    pe = (16 / 20) * (15 / 20) + (4 / 20) * (5 / 20)
    assert cohen_kappa(pairs) == pytest.approx((po - pe) / (1 - pe))


def test_constant_predictor_has_zero_kappa() -> None:
    assert cohen_kappa([("Upheld", "Upheld"), ("Overturned", "Upheld")]) == 0.0


def test_agreement_table() -> None:
    scored = [
        Scored("a", "x", "Imaging", "Upheld", "Upheld"),
        Scored("a", "y", "Imaging", "Overturned", "Upheld"),
        Scored("b", "z", "Acupuncture", "Overturned", "Overturned"),
    ]
    result = agreement(scored)
    assert result.items == 3
    assert result.accuracy == pytest.approx(2 / 3, abs=1e-3)
    assert result.overturn_precision == 1.0 and result.overturn_recall == 0.5
    assert result.baseline_accuracy == pytest.approx(1 / 3, abs=1e-3)
    assert result.by_category["Imaging"]["accuracy"] == 0.5
    assert result.disagreements == [
        {"id": "a", "request": "y", "expected": "Overturned", "got": "Upheld", "category": "Imaging"}
    ]
