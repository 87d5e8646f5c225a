"""Bad input gets one numbered error and loses nothing else: JSON nested too deep, a number of thousands of
digits, a case over the size limit, an id with a line break, a PDF that inflates to gigabytes or has too many
pages. Time and memory stay bounded; the good case beside them is decided."""

from __future__ import annotations

import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from openimr.config import Settings, settings
from openimr.errors import Err, OpenIMRError
from openimr.ingest import pdf as pdf_module
from openimr.ingest.casefile import iter_cases_from_text, json_depth
from tests.conftest import SAMPLES

GOOD = {"id": "good", "case_summary": "A 45 year old man with low back pain.", "requests": [{"text": "MRI lumbar"}]}


def _errors(text: str) -> list[str]:
    return [e.code.name for _, e, _ in iter_cases_from_text(text, "x.json") if isinstance(e, OpenIMRError)]


def test_json_nested_too_deep_is_refused_before_parsing() -> None:
    deep = '{"case_summary": "x", "requests": [{"text": "MRI"}], "extra": ' + "[" * 5000 + "]" * 5000 + "}"
    assert _errors(deep) == ["E205"]
    assert json_depth('{"a": "[[[[ in a string ]]]]", "b": [[1]]}') == 3


def test_a_number_of_thousands_of_digits_is_refused() -> None:
    assert _errors('{"id": ' + "9" * 5000 + ', "case_summary": "x", "requests": [{"text": "MRI"}]}') == ["E206"]


def test_a_case_over_the_size_limit_is_refused() -> None:
    sentence = "He has low back pain. "
    huge = {"case_summary": sentence * (settings().max_case_chars // len(sentence) + 1), "requests": [{"text": "MRI"}]}
    assert _errors(json.dumps(huge)) == ["E207"]


def test_an_id_with_a_line_break_is_a_field_error() -> None:
    errors = [e for _, e, _ in iter_cases_from_text(json.dumps({**GOOD, "id": "a\nb"}), "x.json")]
    assert isinstance(errors[0], OpenIMRError) and errors[0].code is Err.E202 and "'id'" in errors[0].message


def test_each_bad_line_of_a_dataset_is_its_own_error_and_the_good_lines_go_through() -> None:
    lines = ["[" * 100 + "]" * 100, json.dumps(GOOD), '{"id": ' + "1" * 5000 + "}"]
    results = list(iter_cases_from_text("\n".join(lines), "d.jsonl"))
    assert [getattr(r[1], "code", None) for r in results] == [Err.E205, None, Err.E206]


def _bomb(inflated: int) -> bytes:
    content = zlib.compress(b" " * inflated, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_a_pdf_that_inflates_beyond_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_module, "settings", lambda: Settings(max_pdf_inflated_bytes=1_000_000))
    with pytest.raises(OpenIMRError) as refused:
        pdf_module.pdf_text(_bomb(5_000_000), "bomb.pdf")
    assert refused.value.code is Err.E208
    pdf_module.check_inflated_size(_bomb(500_000), "small.pdf")  # under the limit: no error


def test_a_pdf_with_more_pages_than_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    letter = next(Path(SAMPLES / "letters").glob("*.pdf"), None)
    if letter is None:
        pytest.skip("no sample PDF letter")
    monkeypatch.setattr(pdf_module, "settings", lambda: Settings(max_pdf_pages=1))
    with pytest.raises(OpenIMRError) as refused:
        pdf_module.pdf_text(letter.read_bytes(), letter.name)
    assert refused.value.code is Err.E209


def test_decide_over_bad_files_and_a_good_one(tmp_path: Path) -> None:
    """The issue's run: each bad file one numbered error line, the good case decided, no traceback."""
    files = {
        "deep.json": '{"case_summary": "x", "requests": [{"text": "MRI"}], "x": ' + "[" * 3000 + "]" * 3000 + "}",
        "digits.json": '{"id": ' + "9" * 5000 + ', "case_summary": "x", "requests": [{"text": "MRI"}]}',
        "huge.json": json.dumps(
            {"case_summary": "pain " * (settings().max_case_chars // 5 + 1), "requests": [{"text": "MRI"}]}
        ),
        "good.json": json.dumps(GOOD),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "bomb.pdf").write_bytes(_bomb(300 * 1024 * 1024))
    names = ["deep.json", "digits.json", "huge.json", "bomb.pdf", "good.json"]
    run = subprocess.run(
        [str(Path(sys.executable).parent / "openimr"), "decide", *[str(tmp_path / n) for n in names], "-f", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr
    codes = [line.split("[", 1)[1][:4] for line in run.stderr.splitlines() if line.startswith("error:")]
    assert codes == ["E205", "E206", "E207", "E208"]
    decided = [json.loads(line) for line in run.stdout.splitlines() if '"decision_id"' in line]
    assert [d["id"] for d in decided] == ["good"]
