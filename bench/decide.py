"""Speed and memory of the review engine over the dev cases, and the CLI's cold start.

Run: ``.venv/bin/python bench/decide.py [--rounds N]``. Per-case latency is measured in one process after
the pipeline is built (the first case, which builds it, is reported apart as the warm-up); peak memory is
the process's maximum resident set size; the cold start runs ``openimr decide`` on one case in a fresh
process, as a user would.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = (
    Path(os.environ.get("OPENIMR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "corpus"
    / "cases-dev.jsonl"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    records = [json.loads(line) for line in CASES.read_text().splitlines()]
    for r in records:
        r.pop("expected", None)

    start = time.perf_counter()
    from openimr import api

    api.review(records[0])
    warmup = time.perf_counter() - start

    times = []
    for _ in range(args.rounds):
        for record in records:
            t = time.perf_counter()
            api.review(record)
            times.append(time.perf_counter() - t)
    times.sort()
    p50 = statistics.median(times) * 1000
    p95 = times[int(len(times) * 0.95) - 1] * 1000
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump(records[0], fh)
    exe = Path(sys.executable).with_name("openimr")
    colds = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([str(exe), "decide", fh.name, "--format", "json"], check=True, capture_output=True)
        colds.append(time.perf_counter() - t)
    os.unlink(fh.name)

    print(f"cases: {len(records)} x {args.rounds} rounds, one process")
    print(f"first case (builds the NLP pipeline): {warmup:.2f} s")
    print(f"per case: p50 {p50:.1f} ms, p95 {p95:.1f} ms, {len(times) / sum(times):.0f} cases/s")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    print(f"CLI cold start, one case: best {min(colds):.2f} s, median {statistics.median(colds):.2f} s")


if __name__ == "__main__":
    main()
