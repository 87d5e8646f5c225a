"""Time and peak memory of the review engine over long records: 10, 100 and 1,000 pages.

Run: ``.venv/bin/python bench/long_records.py [--pages 10 100 1000] [--requests 1] [--pdf]``. A record is
assembled from the dev summaries as dated progress notes, one after another, until it is the size asked for
(a page is ``PAGE_CHARS`` characters, about a typed page of a progress report); with ``--pdf`` it is the
DWC letters' PDFs as the case's documents instead (each read as a record file: pages rebuilt into
sentences, classified, read apart), reading included in the time. The first dev case's requests are
decided over it. Each size runs in a fresh process, so that its peak memory (maximum resident set size) is
its own and the NLP pipeline's build is counted apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

CASES = (
    Path(os.environ.get("OPENIMR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    / "corpus"
    / "cases-dev.jsonl"
)
PAGE_CHARS = 2_500


PDFS = CASES.parent / "dwc-letters" / "pdf"


def pdf_case(pages: int, requests: int) -> dict:
    """A case whose documents are the DWC letters' PDFs, in name order and again, to ``pages`` PDF pages."""
    from openimr.ingest.records import document_from_file

    first = json.loads(CASES.read_text().splitlines()[0])
    files = sorted(PDFS.glob("*.pdf"))
    documents: list[dict] = []
    count = 0
    while count < pages:
        document = document_from_file(files[len(documents) % len(files)])
        documents.append(document.model_dump(mode="json", exclude_none=True))
        count += len(document.page_starts or [0])
    return {
        "id": f"pdf-{pages}",
        "case_summary": first["case_summary"],
        "requests": first["requests"][:requests],
        "documents": documents,
    }


def assembled_case(pages: int, requests: int) -> dict:
    """A case whose summary is ``pages`` pages of the dev summaries written as dated notes."""
    records = [json.loads(line) for line in CASES.read_text().splitlines()]
    notes = []
    size = 0
    day = dt.date(2014, 1, 6)
    n = 0
    while size < pages * PAGE_CHARS:
        record = records[n % len(records)]
        note = f"PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT (PR-2), {day:%m/%d/%Y}\n\n{record['case_summary']}"
        notes.append(note)
        size += len(note) + 2
        day += dt.timedelta(days=14)
        n += 1
    first = records[0]
    return {"id": f"long-{pages}", "case_summary": "\n\n".join(notes), "requests": first["requests"][:requests]}


def measure_one(pages: int, requests: int, pdf: bool) -> None:
    """In this process: build the pipeline on a short case, then read (with ``pdf``) and decide the long one;
    print a JSON line."""
    from openimr import api

    start = time.perf_counter()
    api.review({"id": "warm", "case_summary": "Low back pain.", "requests": [{"text": "MRI"}]})
    warm = time.perf_counter() - start
    start = time.perf_counter()
    case = pdf_case(pages, requests) if pdf else assembled_case(pages, requests)
    result = api.review(case)
    took = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "pages": pages,
                "chars": len(case["case_summary"]) + sum(len(d["text"]) for d in case.get("documents", [])),
                "requests": len(case["requests"]),
                "seconds": round(took, 2),
                "pipeline_build_seconds": round(warm, 2),
                "peak_mb": round(peak),
                "decisions": [d.decision for d in result.determinations],
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--requests", type=int, default=1, help="How many of the first case's requests.")
    parser.add_argument("--pdf", action="store_true", help="The DWC letters' PDFs as the case's documents.")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        measure_one(args.one, args.requests, args.pdf)
        return
    made = "PDF pages of the DWC letters as documents" if args.pdf else f"page = {PAGE_CHARS} characters"
    print(f"{made}; requests of the first dev case: {args.requests}")
    print(f"{'pages':>6} {'KB':>7} {'seconds':>8} {'s/100 KB':>9} {'peak MB':>8}")
    for pages in args.pages:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(pages), "--requests", str(args.requests)]
            + (["--pdf"] if args.pdf else []),
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(out.stdout.strip().splitlines()[-1])
        kb = row["chars"] / 1000
        print(f"{pages:>6} {kb:>7.0f} {row['seconds']:>8.2f} {row['seconds'] / kb * 100:>9.2f} {row['peak_mb']:>8}")


if __name__ == "__main__":
    main()
