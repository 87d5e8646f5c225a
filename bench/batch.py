"""Throughput of corpus runs: letters/s (parse) and cases/s (review) with 1 and 2 local workers, peak
memory per worker, and the projected time for 1.5 million letters.

Run: ``.venv/bin/python bench/batch.py``. Each measurement runs ``openimr batch`` in a fresh process into a
fresh folder (so nothing is skipped) over the shared corpus repeated to a few hundred units; the worker
start-up (pipeline build) is included, as in a real run. Peak memory is the largest resident set of any
process of the run (the parent for 1 worker, the largest child for 2).
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(os.environ.get("OPENIMR_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"
OPENIMR = str(Path(sys.executable).with_name("openimr"))
LETTERS_TOTAL = 1_500_000


def _corpus(folder: Path, copies: int) -> tuple[Path, Path]:
    letters = folder / "letters"
    letters.mkdir()
    for n in range(copies):
        for pdf in sorted((SHARED / "dwc-letters" / "pdf").glob("*.pdf")):
            shutil.copy(pdf, letters / f"{n}-{pdf.name}")
    cases = folder / "cases.jsonl"
    cases.write_text("".join((SHARED / "cases-dev.jsonl").read_text() for _ in range(copies)))
    return letters, cases


def _run(mode: str, source: Path, workers: int, folder: Path) -> tuple[float, int, float]:
    out = folder / f"out-{mode}-{workers}"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [OPENIMR, "batch", mode, str(source), "--out", str(out), "--workers", str(workers)],
        check=True,
        capture_output=True,
    )
    elapsed = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    units = len((out / "results.jsonl").read_text().splitlines()) + len((out / "errors.jsonl").read_text().splitlines())
    return elapsed, units, peak


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        letters, cases = _corpus(folder, copies=3)
        print(
            f"machine: {os.cpu_count()} cores; corpus: {len(list(letters.iterdir()))} PDF letters, "
            f"{len(cases.read_text().splitlines())} cases"
        )
        rates = {}
        for mode, source, unit in (("parse", letters, "letters"), ("review", cases, "cases")):
            for workers in (1, 2):
                elapsed, units, peak = _run(mode, source, workers, folder)
                rate = units / elapsed
                rates[(mode, workers)] = rate
                print(
                    f"{mode:6} workers={workers}: {units} {unit} in {elapsed:.1f} s = {rate:.1f} {unit}/s; "
                    f"peak memory of a process {peak:.0f} MB"
                )
        for mode, label in (("parse", "parse"), ("review", "review")):
            per_worker = rates[(mode, 2)] / 2
            for n in (2, 16, 64):
                hours = LETTERS_TOTAL / (per_worker * n) / 3600
                print(
                    f"projection, {label} of 1.5 million letters on {n} workers "
                    f"at {per_worker:.1f}/s each: {hours:.1f} h"
                )


if __name__ == "__main__":
    main()
