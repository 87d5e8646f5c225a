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
    "engine_decision",
    "status",
    "expected",
    "guideline_source",
    "guideline_title",
    "reviewer_specialties",
    "year",
    "coverage",
    "confidence",
]


def row(**fields) -> dict:
    """One table row: every column present (None where not given), no other key. The batch tables and the
    service's statistics build their rows here so that ``stats`` reads both the same way."""
    unknown = set(fields) - set(COLUMNS)
    if unknown:
        raise KeyError(f"not a column: {sorted(unknown)}")
    return {column: fields.get(column) for column in COLUMNS}


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
                    yield row(
                        source=record["source"],
                        case_id=record.get("case_number"),
                        kind="letter",
                        position=n,
                        request=item["title"],
                        category=request.category,
                        treatment=request.topic,
                        decision=item["decision"],
                        guideline_source=_cited_source(guideline),
                        guideline_title=guideline[:200],
                        reviewer_specialties=specialties,
                        year=_year(record.get("decision_date")),
                    )
            elif "determinations" in record:
                expected = record.get("expected") or []
                for n, det in enumerate(record["determinations"]):
                    guideline = det.get("guideline") or {}
                    yield row(
                        source=record.get("source"),
                        case_id=record.get("id"),
                        kind="review",
                        position=n,
                        request=det["request"],
                        category=det.get("category"),
                        treatment=det.get("treatment"),
                        decision=det["decision"],
                        engine_decision=det["decision"],
                        status=det.get("status", "decided"),
                        expected=expected[n] if n < len(expected) else None,
                        guideline_source=guideline.get("source"),
                        guideline_title=guideline.get("title"),
                        year=_year(record.get("review_date")),
                        coverage=det.get("coverage"),
                        confidence=det.get("confidence"),
                    )


def _cited_source(guideline: str) -> str:
    """MTUS when the reviewer's guideline cites the MTUS before any non-MTUS citation, else ODG or Other."""
    if "MTUS" in guideline.split("Non-MTUS")[0]:
        return "MTUS"
    return "ODG" if "Official Disability" in guideline or "ODG" in guideline else "Other"


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
