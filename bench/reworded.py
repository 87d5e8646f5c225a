"""Agreement on the dev cases described in other words.

The engine is also measured on cases written by other people. This script rewrites every dev record with
a set of paraphrases (other verbs for the same finding, other date formats, other names for the worker
and the treatments, other sentence openings), runs the engine on the original and the reworded record,
and reports the agreement with the real decisions for both and the items whose decision changed.

    .venv/bin/python bench/reworded.py [--show]
    .venv/bin/python bench/reworded.py --by-hand [FILE] [--show]

``--by-hand`` uses instead the summaries in ``bench/data/dev-rewritten-by-hand.jsonl`` (or the file given,
such as ``bench/data/dev-rewritten-by-hand-2.jsonl``, a second telling of the cases with an overturned item):
dev cases retold in other sentences by a person (all facts kept, every sentence written anew), for the
cases it holds. They were written as probes: a decision that changes on them is a reading the engine gets
only in the corpus's own words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
from pathlib import Path

from openimr import api
from openimr.eval.metrics import Scored, agreement

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "cases-dev.jsonl"
BY_HAND = Path(__file__).resolve().parent / "data" / "dev-rewritten-by-hand.jsonl"

# (pattern, replacement): each says the same thing another way, as other writers do.
PARAPHRASES: list[tuple[str, str]] = [
    (r"\bThe injured worker\b", "The patient"),
    (r"\bthe injured worker\b", "the patient"),
    (r"\bsustained an industrial injury on\b", "was hurt at work on"),
    (r"\bsustained a work[- ]related injury on\b", "was injured on the job on"),
    (r"\bTreatment to date has included\b", "Prior care consisted of"),
    (r"\bTreatments to date have included\b", "Prior care consisted of"),
    (r"\bPhysical examination revealed\b", "On exam there was"),
    (r"\bThe physical examination revealed\b", "On exam there was"),
    (r"\bcomplains of\b", "reports"),
    (r"\bcomplained of\b", "reported"),
    (r"\brated (\d+) out of 10\b", r"rated \1/10"),
    (r"\b(\d+)/10\b", r"\1 out of 10"),
    (r"\bphysical therapy\b", "PT"),
    (r"\bmagnetic resonance imaging\b", "MRI"),
    (r"\bdecreased sensation\b", "sensation was reduced"),
    (r"\bdecreased range of motion\b", "reduced motion"),
    (r"\btenderness to palpation\b", "tenderness"),
    (r"\bwas diagnosed with\b", "has a diagnosis of"),
    (r"\bthe request for\b", "the requested"),
    (r"\bnon-?certified\b", "denied"),
    (r"\bUtilization Review\b", "UR"),
    (r"\bmedications\b", "meds"),
    (r"\bnumbness\b", "paresthesias"),
    (r"\bwithout improvement\b", "with no improvement"),
    (r"\bnot working\b", "off work"),
]


def _iso_dates(text: str) -> str:
    """11-22-2016 and 11/22/16 become 2016-11-22."""

    def rep(m: re.Match[str]) -> str:
        year = int(m.group(3)) + (2000 if len(m.group(3)) == 2 else 0)
        try:
            return dt.date(year, int(m.group(1)), int(m.group(2))).isoformat()
        except ValueError:
            return m.group(0)

    return re.sub(r"\b(\d{1,2})[-/](\d{1,2})[-/](\d{4}|\d{2})\b", rep, text)


def reword(summary: str) -> str:
    for pattern, replacement in PARAPHRASES:
        summary = re.sub(pattern, replacement, summary)
    return _iso_dates(summary)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print the items whose decision changed")
    parser.add_argument(
        "--by-hand",
        nargs="?",
        const=str(BY_HAND),
        help="use summaries rewritten by hand (default file: data/dev-rewritten-by-hand.jsonl)",
    )
    args = parser.parse_args()
    records = [json.loads(line) for line in CORPUS.read_text().splitlines() if line.strip()]
    by_hand: dict[str, str] = {}
    if args.by_hand:
        lines = Path(args.by_hand).read_text().splitlines()
        by_hand = {r["id"]: r["case_summary"] for r in map(json.loads, lines)}
        records = [r for r in records if r["id"] in by_hand]
    pairs_original, pairs_reworded, changed = [], [], []
    for record in records:
        expected = record.pop("expected")
        original = api.review(record)
        retold = by_hand.get(record["id"]) or reword(record["case_summary"])
        reworded = api.review({**record, "case_summary": retold})
        for real, a, b in zip(expected, original.determinations, reworded.determinations, strict=True):
            pairs_original.append(Scored(record["id"], a.request, a.category, real, a.decision))
            pairs_reworded.append(Scored(record["id"], b.request, b.category, real, b.decision))
            if a.decision != b.decision:
                changed.append((record["id"], a.request, a.decision, b.decision))
    for name, pairs in (("original", pairs_original), ("reworded", pairs_reworded)):
        result = agreement(pairs)
        print(f"{name}: items {result.items}  accuracy {result.accuracy:.3f}  kappa {result.kappa:.3f}")
    print(f"decisions changed by the rewording: {len(changed)}")
    if args.show:
        for item in changed:
            print("  ", *item)


if __name__ == "__main__":
    main()
