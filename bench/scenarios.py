"""Agreement with the guideline on short cases written for the purpose.

``bench/data/scenarios.jsonl`` holds short case summaries, each with one request and the decision the
guideline gives for it, written in the prose of other summary writers (another author's openings, verbs
and order of facts) to probe the reading of the record in wordings the dev corpus does not use.
They are not real decisions: ``expected`` is what the governing guideline says for the facts as written,
and a ``note`` says why where a first guess was wrong or reviewers are known to differ. Scenarios that share
a ``group`` are the requests of one case. Each round was written before the fixes it led to (see
BENCHMARKS.md).

    .venv/bin/python bench/scenarios.py [--show]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from openimr import api

DATA = Path(__file__).resolve().parent / "data" / "scenarios.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every scenario the engine decides otherwise")
    args = parser.parse_args()
    scenarios = [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]
    misses = []
    by_expected: Counter[str] = Counter()
    for group in _cases(scenarios):
        case = {
            "case_summary": group[0]["case_summary"],
            "requests": [{"text": s["request"]} for s in group],
            "review_date": group[0]["review_date"],
        }
        for s, det in zip(group, api.review(case).determinations, strict=True):
            by_expected[s["expected"]] += 1
            if det.decision != s["expected"]:
                misses.append((s["name"], s["expected"], det.decision, s.get("note", "")))
    agree = len(scenarios) - len(misses)
    upheld, overturned = by_expected["Upheld"], by_expected["Overturned"]
    print(f"scenarios {len(scenarios)} (expected Upheld {upheld}, Overturned {overturned})")
    print(f"agreement {agree}/{len(scenarios)} = {agree / len(scenarios):.3f}")
    if args.show:
        for name, expected, got, note in misses:
            print(f"  {name}: expected {expected}, engine {got}" + (f" ({note})" if note else ""))


def _cases(scenarios: list[dict]) -> list[list[dict]]:
    """One case per scenario, except that scenarios sharing a ``group`` are the requests of one case (a
    surgery and its associated services are decided together, as in a real application)."""
    cases: dict[str, list[dict]] = {}
    for n, s in enumerate(scenarios):
        cases.setdefault(s.get("group") or f"#{n}", []).append(s)
    return list(cases.values())


if __name__ == "__main__":
    main()
