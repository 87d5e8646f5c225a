"""Case files: reading the JSON/JSONL contract with precise errors, and making them from letters.

A dataset is read record by record: one bad line gives one error naming the file, the line and the field,
and every other case still goes through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from openimr.errors import Err, OpenIMRError
from openimr.model import Case, CaseRequest, Letter


def _field_errors(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(record)"
        parts.append(f"field '{where}': {err['msg']}")
    return "; ".join(parts)


def case_from_dict(data: object, where: str) -> Case:
    """Validate one decoded JSON value as a case; errors say which field is wrong."""
    if not isinstance(data, dict):
        raise OpenIMRError(Err.E202, where, detail=f"expected a JSON object, found {type(data).__name__}")
    if "expected" in data:
        # Evaluation labels never reach the engine: they are kept apart by the caller (see eval).
        data = {k: v for k, v in data.items() if k != "expected"}
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise OpenIMRError(Err.E202, where, detail=_field_errors(exc)) from exc


def iter_json_records(text: str, source: str) -> Iterator[tuple[str, object | OpenIMRError]]:
    """(where, decoded value or error) for a JSON document (object or array) or a JSONL dataset."""
    stripped = text.strip()
    if not stripped:
        yield source, OpenIMRError(Err.E102, source)
        return
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
        is_single = False
    else:
        is_single = True
    if is_single:
        if isinstance(whole, list):
            if not whole:
                yield source, OpenIMRError(Err.E203, source)
            for n, value in enumerate(whole, start=1):
                yield f"{source}[{n}]", value
        else:
            yield source, whole
        return
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            yield where, OpenIMRError(Err.E201, where, detail=f"{exc.msg} at column {exc.colno}")


def iter_cases_from_text(text: str, source: str) -> Iterator[tuple[str, Case | OpenIMRError, dict]]:
    """(where, case or error, the raw record) for every record of a JSON/JSONL text."""
    for where, value in iter_json_records(text, source):
        if isinstance(value, OpenIMRError):
            yield where, value, {}
            continue
        try:
            yield where, case_from_dict(value, where), value if isinstance(value, dict) else {}
        except OpenIMRError as err:
            yield where, err, value if isinstance(value, dict) else {}


def case_from_letter(letter: Letter) -> Case:
    """The redacted case file of a letter: summary, dates, request titles and the claims administrator's
    guideline; no decision, reviewer guideline or rationale."""
    case_id = letter.case_number or Path(letter.source).stem
    return Case(
        id=case_id,
        case_summary="\n\n".join(letter.case_summary) or "(no case summary in the letter)",
        requests=[
            CaseRequest(text=item.title, claims_administrator_guideline=item.claims_administrator_guideline)
            for item in letter.items
        ],
        date_of_injury=letter.date_of_injury,
        ur_denial_date=letter.ur_denial_date,
        review_date=letter.decision_date,
    )


def case_to_dict(case: Case) -> dict:
    """The JSON form of a case: the contract's fields, no empty optional ones."""
    return case.model_dump(mode="json", exclude_none=True)
