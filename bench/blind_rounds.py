"""The engine on scenarios it had not yet seen: each round of ``bench/data/scenarios.jsonl`` as decided by
the engine of the commit before the round was added, and what the confidence makes of those first runs.

Why: every scenario round was written, run, and then led to fixes, so today's engine agrees with nearly all
of them; the first run of each round is the engine meeting wordings it was not built on, the nearest this
project has to the unseen letters it is measured on. ``--rebuild`` walks the history of the scenarios file:
for each commit that added scenarios, the commit that added the round before (the engine as it stood when
the round was written) decides the new ones in a git worktree, and the determinations are kept, slimmed
(the decision, the governing guideline, each criterion's id and result), in
``bench/data/blind-first-runs.jsonl``. Without ``--rebuild`` the script reads that file and measures:
agreement of the first runs with the scenarios' expected decisions (today's file, so expectations corrected
to the guideline's text count as corrected), and the AUC of today's confidence model against being right,
overall and within each decision.

The expected decisions are the guideline's answer as this project wrote it, not a reviewer's, and the
rounds hold far more overturns than real letters do, so the figures say how well the confidence ranks the
engine's errors of reading, not how often a reviewer would agree.

    .venv/bin/python bench/blind_rounds.py [--rebuild]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from openimr.engine.confidence import probability, signals
from openimr.eval.calibration import auc
from openimr.model import Determination

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = "bench/data/scenarios.jsonl"
FIRST_RUNS = ROOT / "bench" / "data" / "blind-first-runs.jsonl"

# Run inside an earlier commit's worktree: decide the scenarios given on stdin, print slim determinations.
_DECIDE_THEN = """
import json, sys
from openimr import api
rows = json.load(sys.stdin)
groups = {}
for n, s in enumerate(rows):
    groups.setdefault(s.get("group") or f"#{n}", []).append(s)
for g in groups.values():
    case = {"case_summary": g[0]["case_summary"], "requests": [{"text": s["request"]} for s in g],
            "review_date": g[0]["review_date"]}
    for s, d in zip(g, api.review(case).determinations):
        det = json.loads(d.model_dump_json())
        keep = ("request", "decision", "coverage", "guideline", "deciding")
        slim = {k: det[k] for k in keep if det.get(k) is not None} | {"treatment": det.get("treatment")}
        slim |= {"rationale": "", "confidence": 0.5,
                 "criteria": [{"id": c["id"], "met": c["met"]} for c in det.get("criteria", [])]}
        print(json.dumps({"name": s["name"], "request": s["request"], "determination": slim}))
"""


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout


def _scenarios_at(commit: str) -> list[dict]:
    return [json.loads(line) for line in _git("show", f"{commit}:{SCENARIOS}").splitlines() if line.strip()]


def rebuild() -> None:
    """Decide each round with the engine of the commit that added the round before it."""
    commits = _git("log", "--reverse", "--format=%h", "--", SCENARIOS).split()
    seen = {(s["name"], s["request"]) for s in _scenarios_at(commits[0])}
    lines = []
    for before, commit in itertools.pairwise(commits):
        rows = _scenarios_at(commit)
        groups = {s["group"] for s in rows if s.get("group") and (s["name"], s["request"]) not in seen}
        new = [s for s in rows if (s["name"], s["request"]) not in seen or (s.get("group") in groups)]
        seen |= {(s["name"], s["request"]) for s in rows}
        if not new:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            worktree = Path(tmp) / "engine"
            _git("worktree", "add", "--detach", str(worktree), before)
            try:
                env = dict(os.environ, PYTHONPATH=str(worktree / "src"))
                run = subprocess.run(
                    [sys.executable, "-c", _DECIDE_THEN],
                    input=json.dumps(new),
                    env=env,
                    capture_output=True,
                    text=True,
                    check=True,
                )
            finally:
                _git("worktree", "remove", "--force", str(worktree))
        for line in run.stdout.splitlines():
            lines.append(json.dumps({"engine": before, "round": commit, **json.loads(line)}))
        print(f"{before} decides {len(new)} scenarios of {commit}", flush=True)
    FIRST_RUNS.write_text("\n".join(lines) + "\n")
    print(f"written: {FIRST_RUNS} ({len(lines)} determinations)")


def measure() -> None:
    expected = {(s["name"], s["request"]): s["expected"] for s in map(json.loads, (ROOT / SCENARIOS).open())}
    items = []  # (engine's decision, expected decision, today's confidence)
    for line in FIRST_RUNS.read_text().splitlines():
        run = json.loads(line)
        if (key := (run["name"], run["request"])) in expected:
            det = Determination.model_validate(run["determination"])
            items.append((det.decision, expected[key], probability(signals(det))))
    right = [decision == wanted for decision, wanted, _ in items]
    print(f"first runs {len(items)}: agreed {sum(right)} = {sum(right) / len(items):.3f}")
    for (decision, wanted), n in sorted(Counter((d, w) for d, w, _ in items).items()):
        print(f"  engine {decision}, expected {wanted}: {n}")
    print(f"AUC of today's confidence against being right: {auc([p for *_, p in items], right):.3f}")
    for decision in ("Upheld", "Overturned"):
        part = [(d == w, p) for d, w, p in items if d == decision]
        value = auc([p for _, p in part], [ok for ok, _ in part])
        shown = f"{value:.3f}" if value is not None else "n/a"
        print(f"  within {decision}: {len(part)} items, {sum(not ok for ok, _ in part)} wrong, AUC {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="decide every round again with its earlier engine")
    args = parser.parse_args()
    if args.rebuild:
        rebuild()
    measure()


if __name__ == "__main__":
    main()
