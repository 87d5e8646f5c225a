"""A case as a folder: a manifest (``case.json``) with the summary and the requests, and the record files
(PDF or text) beside it, each a document of the case.

Why a folder: a case file as a reviewer receives it is a stack of records, not one JSON text. The manifest
says what the records cannot (what is disputed, the claims administrator's guidelines); the records come as
they are. A record that cannot be read fails the whole case with the file named: a case decided without one
of its records would be decided on less than the reviewer sent.
"""

from __future__ import annotations

import json
from pathlib import Path

from openimr.errors import Err, OpenIMRError
from openimr.ingest.casefile import case_from_dict, loads_bounded
from openimr.ingest.document import decode_text, read_bytes
from openimr.ingest.records import document_from_file
from openimr.model import Case

MANIFEST = "case.json"
RECORD_SUFFIXES = (".pdf", ".txt", ".text")


def _record_files(folder: Path) -> list[dict]:
    """Every record file of the folder, in name order, when the manifest lists none."""
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in RECORD_SUFFIXES)
    return [{"file": p.name} for p in files]


def _document(folder: Path, entry: object, where: str) -> dict:
    """One manifest entry as a case document: inline ``text``, or a ``file`` of the folder read now."""
    if not isinstance(entry, dict):
        raise OpenIMRError(Err.E202, where, detail="field 'documents': each document is a JSON object")
    if "file" not in entry:
        return entry
    name = entry["file"]
    path = (folder / str(name)).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise OpenIMRError(Err.E210, where, detail=f"the document file {name!r} is outside the folder")
    fields = {k: v for k, v in entry.items() if k != "file"}
    return document_from_file(path, **fields).model_dump(mode="json", exclude_none=True)


def case_from_folder(folder: str | Path) -> Case:
    """The case of a folder: its manifest's fields, and its documents (those the manifest lists, each a file
    of the folder or inline text, else every PDF and text file of the folder)."""
    folder = Path(folder)
    manifest = folder / MANIFEST
    if not manifest.is_file():
        raise OpenIMRError(
            Err.E210,
            str(folder),
            detail=f"no {MANIFEST} (the summary and the requests) in the folder; for a folder of case files or "
            "letters, give them by a glob (folder/*.pdf) or use 'openimr batch'",
        )
    where = str(manifest)
    try:
        data = loads_bounded(decode_text(read_bytes(manifest), where), where)
    except json.JSONDecodeError as exc:
        raise OpenIMRError(Err.E201, where, detail=f"{exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise OpenIMRError(Err.E202, where, detail=f"expected a JSON object, found {type(data).__name__}")
    entries = data.get("documents")
    if entries is None:
        entries = _record_files(folder)
    if not isinstance(entries, list):
        raise OpenIMRError(Err.E202, where, detail="field 'documents': a list is expected")
    documents = [_document(folder, entry, where) for entry in entries]
    return case_from_dict({**data, "documents": documents}, where)
