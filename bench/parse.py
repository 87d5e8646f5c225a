"""Letters per second of the letter reader, text and PDF, over the shared corpus, on one core.

Run: ``.venv/bin/python bench/parse.py [--rounds N]``. It reads every file into memory first, so the
figures are the reader's (PDF decryption and text extraction included), not the disk's.
"""

from __future__ import annotations

import argparse
import os
import platform
import time
from pathlib import Path

from openimr.ingest.document import bytes_to_text
from openimr.ingest.letter import parse_letter_text

CORPUS = Path(os.environ.get("OPENIMR_SHARED", Path(__file__).resolve().parents[2] / "shared")) / "corpus"


def _rate(files: list[Path], rounds: int) -> tuple[int, float]:
    blobs = [(str(p), p.read_bytes()) for p in files]
    start = time.perf_counter()
    for _ in range(rounds):
        for name, data in blobs:
            parse_letter_text(bytes_to_text(data, name), name)
    elapsed = time.perf_counter() - start
    return len(blobs) * rounds, elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    texts = sorted(CORPUS.glob("seed-letters/*.txt")) + sorted(CORPUS.glob("dwc-letters/txt/*.txt"))
    pdfs = sorted(CORPUS.glob("dwc-letters/pdf/*.pdf"))
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores; one process")
    for label, files in (("text", texts), ("pdf", pdfs)):
        n, secs = _rate(files, args.rounds)
        print(f"{label}: {n} letters in {secs:.2f} s = {n / secs:.0f} letters/s ({len(files)} files x {args.rounds})")


if __name__ == "__main__":
    main()
