"""Reading case files: JSON object, array or JSONL, validated with errors that say line and field."""

from __future__ import annotations

import json
from pathlib import Path

from openimr import api
from openimr.errors import Err

GOOD = {"id": "A", "case_summary": "A 40 year old with knee pain.", "requests": [{"text": "MRI of the knee"}]}


def _inputs(tmp_path: Path, name: str, text: str) -> list[api.CaseInput]:
    path = tmp_path / name
    path.write_text(text)
    return list(api.iter_case_inputs([path]))


def test_single_object(tmp_path: Path) -> None:
    [inp] = _inputs(tmp_path, "a.json", json.dumps(GOOD))
    assert inp.error is None
    assert inp.case.requests[0].text == "MRI of the knee"


def test_jsonl_bad_lines_are_reported_and_the_rest_go_through(tmp_path: Path) -> None:
    lines = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({"id": "B", "case_summary": "x", "requests": []}),
        "",
        json.dumps({"id": "C", "requests": [{"text": "PT"}]}),
        json.dumps({**GOOD, "id": "D", "review_date": "yesterday"}),
        json.dumps({**GOOD, "id": "E"}),
    ]
    inputs = _inputs(tmp_path, "set.jsonl", "\n".join(lines))
    assert [i.case.id for i in inputs if i.case] == ["A", "E"]
    errors = {i.where.rsplit(":", 1)[1]: i.error for i in inputs if i.error}
    assert set(errors) == {"2", "3", "5", "6"}
    assert errors["2"].code is Err.E201
    assert "field 'requests'" in str(errors["3"])
    assert "field 'case_summary'" in str(errors["5"])
    assert "field 'review_date'" in str(errors["6"])
    assert all("set.jsonl:" in str(e) for e in errors.values())


def test_array_of_cases(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path, "arr.json", json.dumps([GOOD, {**GOOD, "id": "B"}]))
    assert [i.case.id for i in inputs] == ["A", "B"]


def test_blank_request_text_is_refused(tmp_path: Path) -> None:
    [inp] = _inputs(tmp_path, "a.json", json.dumps({**GOOD, "requests": [{"text": "   "}]}))
    assert inp.error.code is Err.E202
    assert "requests.0.text" in str(inp.error)


def test_expected_labels_never_reach_the_case(tmp_path: Path) -> None:
    [inp] = _inputs(tmp_path, "a.json", json.dumps({**GOOD, "expected": ["Upheld"]}))
    assert "expected" not in inp.case.model_dump()
    assert inp.record["expected"] == ["Upheld"]


def test_letters_are_read_as_cases(tmp_path: Path) -> None:
    from tests.ingest.test_letter_reader import LETTER

    [inp] = _inputs(tmp_path, "letter.txt", LETTER)
    assert inp.case.id == "CM16-0000001"
    assert str(inp.case.review_date) == "2016-12-19"
    assert len(inp.case.requests) == 2
    assert inp.letter is not None
