"""Units of work: one letter file, or one case of a JSON/JSONL file, each with a stable key.

The key is what makes a run resumable: a unit whose key is already in the results (or errors) of the
output folder is not done again.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

LETTER_SUFFIXES = {".txt", ".pdf"}
CASE_SUFFIXES = {".json", ".jsonl"}


@dataclass(frozen=True)
class Unit:
    key: str
    path: str
    line: int | None = None  # 1-based line of a JSONL dataset; None for a whole file


def _expand(source: str) -> list[Path]:
    path = Path(source)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LETTER_SUFFIXES | CASE_SUFFIXES)
    if any(ch in source for ch in "*?["):
        return sorted(Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file())
    return [path]


def iter_units(sources: list[str], mode: str) -> Iterator[Unit]:
    """Every unit of the sources, in a stable order. ``parse`` takes letters; ``review`` takes both."""
    for source in sources:
        for path in _expand(source):
            suffix = path.suffix.lower()
            if suffix in CASE_SUFFIXES and mode == "review" and suffix == ".jsonl":
                with path.open(encoding="utf-8", errors="replace") as fh:
                    for n, line in enumerate(fh, start=1):
                        if line.strip():
                            yield Unit(f"{path}:{n}", str(path), n)
            elif suffix in CASE_SUFFIXES and mode == "parse":
                continue
            else:
                yield Unit(str(path), str(path))


def read_unit_text(unit: Unit) -> str:
    """The JSON text of a dataset line."""
    with open(unit.path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if n == unit.line:
                return line
    raise ValueError(f"{unit.path} has no line {unit.line}")


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
