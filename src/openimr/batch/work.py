"""What one worker does with one unit. Pure functions of the unit, importable by Dask workers."""

from __future__ import annotations

from openimr.batch.units import Unit, read_unit_text
from openimr.errors import Err, OpenIMRError


def _error(unit: Unit, err: OpenIMRError | Exception) -> dict:
    if isinstance(err, OpenIMRError):
        return {"unit": unit.key, "source": unit.source, "error": {"code": err.code.name, "message": err.render()}}
    unexpected = OpenIMRError(Err.E299, unit.source, detail=f"{type(err).__name__}: {err}")
    return {
        "unit": unit.key,
        "source": unit.source,
        "error": {"code": unexpected.code.name, "message": unexpected.render()},
    }


def _refused(unit: Unit) -> dict:
    code, message = (unit.refused or "E204:").split(":", 1)
    return {
        "unit": unit.key,
        "source": unit.source,
        "error": {"code": code, "message": f"{unit.source}: [{code}] {message}"},
    }


def parse_unit(unit: Unit) -> dict:
    """A letter's ``parse --format jsonl`` record, or an error record."""
    from openimr import api

    if unit.refused:
        return _refused(unit)
    try:
        record = api.parse_letter_file(unit.path).model_dump(mode="json")
        record["unit"] = unit.key
        return record
    except OpenIMRError as err:
        return _error(unit, err)
    except Exception as exc:  # noqa: BLE001 - one bad unit never stops a corpus run
        return _error(unit, exc)


def _case_input(unit: Unit):
    """The unit read the way ``decide`` reads its inputs: one dataset line, or one file holding one case."""
    from openimr import api
    from openimr.ingest.casefile import iter_cases_from_text

    if unit.line is not None:
        [(where, case_or_err, record)] = list(iter_cases_from_text(read_unit_text(unit), unit.source))
        if isinstance(case_or_err, OpenIMRError):
            return api.CaseInput(where, error=case_or_err, record=record)
        return api.CaseInput(where, case=case_or_err, record=record)
    inputs = list(api.iter_case_inputs([unit.path]))
    if len(inputs) != 1:
        raise OpenIMRError(Err.E202, unit.source, detail="a batch file holds one case; use JSONL for many")
    return inputs[0]


def review_unit(unit: Unit) -> dict:
    """A case's ``decide --format jsonl`` record (with ``source`` and, where known, the real decisions as
    ``expected``), or an error record."""
    from openimr import api

    if unit.refused:
        return _refused(unit)
    try:
        inp = _case_input(unit)
        if inp.error or inp.case is None:
            raise inp.error or OpenIMRError(Err.E202, unit.source, detail="no case")
        result = api.review(inp.case).model_dump(mode="json")
        result["source"] = unit.source
        result["unit"] = unit.key
        expected = inp.expected
        if expected is not None and len(expected) == len(result["determinations"]):
            result["expected"] = expected
        return result
    except OpenIMRError as err:
        return _error(unit, err)
    except Exception as exc:  # noqa: BLE001 - one bad unit never stops a corpus run
        return _error(unit, exc)


def run_chunk(mode: str, units: list[Unit]) -> list[dict]:
    func = parse_unit if mode == "parse" else review_unit
    return [func(u) for u in units]
