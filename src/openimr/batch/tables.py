"""Flat tables of a run's results: one row per item. Written as Parquet for analysis tools."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from openimr.extract.requests import understand_request

COLUMNS = [
    "source",
    "case_id",
    "kind",
    "position",
    "request",
    "category",
    "treatment",
    "decision",
    "expected",
    "guideline_source",
    "guideline_title",
    "reviewer_specialties",
    "year",
    "coverage",
    "confidence",
]


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def rows(results: Path) -> Iterator[dict]:
    """Rows of a results.jsonl of either kind (parse records have ``items``, review records ``determinations``)."""
    with results.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if "items" in record:
                specialties = ", ".join(record.get("reviewer", {}).get("specialties", []))
                for n, item in enumerate(record["items"]):
                    request = understand_request(item["title"])
                    guideline = item.get("reviewer_guideline") or ""
                    yield {
                        "source": record["source"],
                        "case_id": record.get("case_number"),
                        "kind": "letter",
                        "position": n,
                        "request": item["title"],
                        "category": request.category,
                        "treatment": request.topic,
                        "decision": item["decision"],
                        "expected": None,
                        "guideline_source": "MTUS"
                        if "MTUS" in guideline.split("Non-MTUS")[0]
                        else ("ODG" if "Official Disability" in guideline or "ODG" in guideline else "Other"),
                        "guideline_title": guideline[:200],
                        "reviewer_specialties": specialties,
                        "year": _year(record.get("decision_date")),
                        "coverage": None,
                        "confidence": None,
                    }
            elif "determinations" in record:
                expected = record.get("expected") or []
                for n, det in enumerate(record["determinations"]):
                    guideline = det.get("guideline") or {}
                    yield {
                        "source": record.get("source"),
                        "case_id": record.get("id"),
                        "kind": "review",
                        "position": n,
                        "request": det["request"],
                        "category": det.get("category"),
                        "treatment": det.get("treatment"),
                        "decision": det["decision"],
                        "expected": expected[n] if n < len(expected) else None,
                        "guideline_source": guideline.get("source"),
                        "guideline_title": guideline.get("title"),
                        "reviewer_specialties": None,
                        "year": _year(record.get("review_date")),
                        "coverage": det.get("coverage"),
                        "confidence": det.get("confidence"),
                    }


def write_parquet(results: Path, target: Path) -> int:
    """Write the rows of ``results`` to ``target``; return how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    data = list(rows(results)) if results.exists() else []
    table = pa.Table.from_pylist(data, schema=_schema()) if data else pa.Table.from_pylist([], schema=_schema())
    pq.write_table(table, target)
    return len(data)


def _schema():
    import pyarrow as pa

    types = {"position": pa.int32(), "year": pa.int32(), "confidence": pa.float64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in COLUMNS])
