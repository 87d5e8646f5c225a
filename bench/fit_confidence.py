"""Fit the confidence model on the dev cases and write it as data (src/openimr/resources/confidence.yaml).

The model is a logistic regression of "the engine agrees with the real reviewer" on the engine's signals
(engine/confidence.py), L2-regularized; its coefficients are fitted on every dev item, and the figures
written beside them are cross-validated (five folds by case: each item's confidence comes from a model that
never saw its case).

    .venv/bin/python bench/fit_confidence.py [--dataset ../shared/corpus/cases-dev.jsonl]
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

import yaml

from openimr import api
from openimr.engine.confidence import SIGNALS, signals
from openimr.eval.calibration import Item, accuracy_at, auc, cross_validated, fit, reliability

OUT = Path(__file__).resolve().parents[1] / "src" / "openimr" / "resources" / "confidence.yaml"
DEV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cases-dev.jsonl"
MEANINGS = {
    "overturned": (
        "The engine found the treatment medically necessary.",
        "the engine overturns, and its overturns agree with reviewers less often than its denials",
    ),
    "not_recommended": ("Upheld because the governing guideline recommends against the treatment.", None),
    "documented_against": (
        "Upheld on a criterion the record documents as not met (not only on what it does not say).",
        None,
    ),
    "criteria_against": (
        "Upheld, with this many criteria the record documents as not met (a third for each, up to three).",
        None,
    ),
    "follows_other_item": ("Upheld because the item it depends on (a surgery) is not medically necessary.", None),
    "near_miss": (
        "Upheld, with this share of the guideline's criteria met (a near miss when most are).",
        "most of the guideline's criteria are met: the item was upheld on few, which a fuller record may meet",
    ),
    "not_encoded": (
        "Decided without an encoded guideline (unclassified, or a topic with none).",
        "no encoded guideline addresses the request",
    ),
}


def dev_items(path: Path) -> list[Item]:
    items = []
    for inp in api.iter_case_inputs([path]):
        result = api.review(inp.case)
        for det, expected in zip(result.determinations, inp.expected or [], strict=True):
            items.append(Item(str(inp.case.id), signals(det), det.decision == expected))
    return items


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DEV)
    args = parser.parse_args()
    items = dev_items(args.dataset)
    correct = [i.correct for i in items]
    cv = cross_validated(items)
    intercept, coefficients = fit(items)
    table = reliability(cv, correct)
    cv_auc = auc(cv, correct)
    figures = {
        "dataset": args.dataset.name,
        "items": len(items),
        "right": sum(correct),
        "fitted": dt.date.today().isoformat(),
        "cv_auc": round(cv_auc, 3) if cv_auc is not None else "n/a",
        "cv_accuracy_at_60": accuracy_at(cv, correct, 0.6),
        "cv_accuracy_at_80": accuracy_at(cv, correct, 0.8),
        "cv_accuracy_at_100": accuracy_at(cv, correct, 1.0),
    }
    model = {
        "version": 1,
        "intercept": round(intercept, 4),
        "signals": {
            name: {"coefficient": round(coefficients[name], 4), "meaning": MEANINGS[name][0]}
            | ({"weak": MEANINGS[name][1]} if MEANINGS[name][1] else {})
            for name in SIGNALS
        },
        "fitted_on": figures,
    }
    header = (
        "# The confidence model (engine/confidence.py): written by bench/fit_confidence.py, not by hand. A\n"
        "# logistic regression of the engine agreeing with the real reviewer on the signals below, fitted on the\n"
        "# dev cases; fitted_on gives the cross-validated figures (five folds by case).\n"
    )
    OUT.write_text(header + yaml.safe_dump(model, sort_keys=False, width=110))
    print(yaml.safe_dump(figures, sort_keys=False).strip())
    print("reliability (cross-validated):")
    for row in table:
        print(
            f"  {row['bin']}: {row['items']:>4} items, predicted {row['predicted']:.3f}, observed {row['observed']:.3f}"
        )
    print(f"written: {OUT}")


if __name__ == "__main__":
    main()
