"""What one worker does with one unit. Pure functions of the unit, importable by Dask workers."""

from __future__ import annotations

import json

from openimr.batch.units import Unit, read_unit_text
from openimr.errors import Err, OpenIMRError


def _error(unit: Unit, err: OpenIMRError | Exception) -> dict:
    if isinstance(err, OpenIMRError):
        return {"source": unit.key, "error": {"code": err.code.name, "message": err.render()}}
    return {"source": unit.key, "error": {"code": "E999", "message": f"{unit.key}: {type(err).__name__}: {err}"}}


def parse_unit(unit: Unit) -> dict:
    """A letter's ``parse --format jsonl`` record, or an error record."""
    from openimr import api

    try:
        return api.parse_letter_file(unit.path).model_dump(mode="json")
    except OpenIMRError as err:
        return _error(unit, err)
    except Exception as exc:  # noqa: BLE001 - one bad unit never stops a corpus run
        return _error(unit, exc)


def review_unit(unit: Unit) -> dict:
    """A case's ``decide --format jsonl`` record (with ``source`` and, where known, the real decisions as
    ``expected``), or an error record."""
    from openimr import api
    from openimr.ingest.casefile import case_from_dict

    try:
        expected = None
        if unit.line is not None:
            text = read_unit_text(unit)
            try:
                record = json.loads(text)
            except json.JSONDecodeError as exc:
                raise OpenIMRError(Err.E201, unit.key, detail=f"{exc.msg} at column {exc.colno}") from exc
            case = case_from_dict(record, unit.key)
            expected = record.get("expected") if isinstance(record, dict) else None
        else:
            inputs = list(api.iter_case_inputs([unit.path]))
            if len(inputs) != 1:
                raise OpenIMRError(Err.E202, unit.key, detail="a batch file holds one case; use JSONL for many")
            inp = inputs[0]
            if inp.error:
                raise inp.error
            case = inp.case
            expected = [i.decision for i in inp.letter.items] if inp.letter else inp.record.get("expected")
        result = api.review(case).model_dump(mode="json")
        result["source"] = unit.key
        if isinstance(expected, list) and len(expected) == len(result["determinations"]):
            result["expected"] = expected
        return result
    except OpenIMRError as err:
        return _error(unit, err)
    except Exception as exc:  # noqa: BLE001 - one bad unit never stops a corpus run
        return _error(unit, exc)


def run_chunk(mode: str, units: list[Unit]) -> list[dict]:
    func = parse_unit if mode == "parse" else review_unit
    return [func(u) for u in units]
