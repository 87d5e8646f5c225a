"""Units of work: one letter file, one case of a JSON/JSONL file, or one case folder, each with a stable key.

The key is what makes a run resumable: a unit whose key is already in the results (or errors) of the
output folder is not done again.
"""

from __future__ import annotations

import glob
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from openimr.ingest.casefolder import MANIFEST

LETTER_SUFFIXES = {".txt", ".pdf"}
CASE_SUFFIXES = {".json", ".jsonl"}


@dataclass(frozen=True)
class Unit:
    key: str  # what the unit is, by content: the same file under another path is the same unit
    path: str
    line: int | None = None  # 1-based line of a JSONL dataset; None for a whole file
    refused: str | None = None  # why the unit is not read at all (a file of an unknown kind)

    @property
    def source(self) -> str:
        """Where the unit is, for people: the path, and the line of a dataset."""
        return f"{self.path}:{self.line}" if self.line is not None else self.path


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


def _is_case_folder(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def _walk(folder: Path) -> Iterator[Path]:
    """The files under ``folder``, except that a case folder (one with a ``case.json``) is one unit: its
    record files are the case's documents, not cases or letters of their own."""
    for child in sorted(folder.iterdir()):
        if child.name.startswith("."):
            continue
        if _is_case_folder(child):
            yield child
        elif child.is_dir():
            yield from _walk(child)
        elif child.is_file():
            yield child


def _expand(source: str) -> list[Path]:
    path = Path(source)
    if _is_case_folder(path):
        return [path]
    if path.is_dir():
        return list(_walk(path))
    if any(ch in source for ch in "*?["):
        found = sorted(Path(p) for p in glob.glob(source, recursive=True))
        return [p for p in found if p.is_file() or _is_case_folder(p)]
    return [path]


def _folder_digest(folder: Path) -> str:
    """A case folder's content, as one digest: its files' relative names and bytes, in order."""
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith(".")):
        digest.update(str(file.relative_to(folder)).encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def _refusal(path: Path, mode: str) -> str | None:
    """Why a file is not a unit of this run: an unknown kind, or a case file given to ``parse``."""
    if path.is_dir():
        if mode == "parse":
            return f"E204:unknown input kind: {path.name} is a case folder, not a letter; use 'openimr batch review'"
        return None
    suffix = path.suffix.lower()
    if suffix not in LETTER_SUFFIXES | CASE_SUFFIXES:
        return f"E204:unknown input kind: {path.name} is neither a letter (.txt, .pdf) nor a case file (.json, .jsonl)"
    if suffix in CASE_SUFFIXES and mode == "parse":
        return f"E204:unknown input kind: {path.name} is a case file, not a letter; use 'openimr batch review'"
    return None


def iter_units(sources: list[str], mode: str) -> Iterator[Unit]:
    """Every unit of the sources, in a stable order. ``parse`` takes letters; ``review`` takes both; any
    other file is a unit refused with its reason, so that it is reported rather than skipped. A unit's key
    is a digest of its content (a dataset line's, a file's), so a run resumed with the same files under
    other paths ("./x.jsonl", an absolute path) does nothing twice."""
    for source in sources:
        for path in _expand(source):
            if refused := _refusal(path, mode):
                yield Unit(f"refused:{path.resolve()}", str(path), refused=refused)
            elif path.suffix.lower() == ".jsonl" and mode == "review":
                try:
                    with path.open("rb") as fh:
                        for n, line in enumerate(fh, start=1):
                            if line.strip():
                                yield Unit(f"{_digest(line)}:{n}", str(path), n)
                except OSError:
                    yield Unit(f"unreadable:{path.resolve()}", str(path))
            else:
                try:
                    key = _folder_digest(path) if path.is_dir() else _digest(path.read_bytes())
                except OSError:
                    key = f"unreadable:{path.resolve()}"  # the worker reports why (E101)
                yield Unit(key, str(path))


def read_unit_text(unit: Unit) -> str:
    """The JSON text of a dataset line."""
    with open(unit.path, encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, start=1):
            if n == unit.line:
                return line
    raise ValueError(f"{unit.path} has no line {unit.line}")


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
