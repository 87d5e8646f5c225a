"""Case files: reading the JSON/JSONL contract with precise errors, and making them from letters.

A dataset is read record by record: one bad line gives one error naming the file, the line and the field,
and every other case still goes through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from openimr.config import settings
from openimr.errors import Err, OpenIMRError
from openimr.model import Case, CaseRequest, Letter


def field_errors(exc: ValidationError) -> str:
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
        too_large = [e for e in exc.errors() if "[E207]" in str(e.get("msg"))]
        if too_large:
            detail = str(too_large[0]["msg"]).split("too large: ", 1)[-1]
            raise OpenIMRError(Err.E207, where, detail=detail) from exc
        raise OpenIMRError(Err.E202, where, detail=field_errors(exc)) from exc


def json_depth(text: str) -> int:
    """The deepest nesting of brackets in a JSON text, strings skipped: one linear pass, so that a file nested
    thousands deep is refused before the parser recurses into it."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def loads_bounded(text: str, where: str) -> object:
    """``json.loads`` within the limits: nesting (E205) and the digits of a number (E206) give numbered
    errors instead of a crash of the whole run."""
    limit = settings().max_json_depth
    if json_depth(text) > limit:
        raise OpenIMRError(Err.E205, where, limit=str(limit))
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        raise OpenIMRError(Err.E206, where, detail=str(exc).split(";")[0]) from exc
    except RecursionError as exc:
        raise OpenIMRError(Err.E205, where, limit=str(limit)) from exc


def iter_json_records(text: str, source: str) -> Iterator[tuple[str, object | OpenIMRError]]:
    """(where, decoded value or error) for a JSON document (object or array) or a JSONL dataset."""
    stripped = text.strip()
    if not stripped:
        yield source, OpenIMRError(Err.E102, source)
        return
    try:
        whole = loads_bounded(stripped, source)
    except json.JSONDecodeError:
        whole = None
        is_single = False
    except OpenIMRError as err:
        if "\n" not in stripped:
            yield source, err
            return
        whole, is_single = None, False  # a dataset: each line is read, and refused, on its own
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
            yield where, loads_bounded(line, where)
        except json.JSONDecodeError as exc:
            yield where, OpenIMRError(Err.E201, where, detail=f"{exc.msg} at column {exc.colno}")
        except OpenIMRError as err:
            yield where, err


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
    return case.contract_dump(exclude_none=True)
