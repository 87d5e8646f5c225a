"""A case folder: a case.json manifest and the record files beside it, decided by 'openimr decide FOLDER'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openimr.cli import app
from openimr.errors import Err, OpenIMRError
from openimr.ingest.casefolder import case_from_folder

runner = CliRunner()
MANIFEST = {
    "id": "folder-1",
    "case_summary": "A 47 year old cook injured his low back lifting a stock pot on 09/14/2015.",
    "requests": [{"text": "MRI of the lumbar spine"}],
}
REVIEW = "NOTICE OF NON-CERTIFICATION\nImaging is indicated when cauda equina syndrome or a tumor is suspected."
NOTE = "PROGRESS REPORT\nHe has done eight visits of physical therapy.\fStraight leg raise is negative."


def _folder(tmp_path: Path, manifest: dict | None = None) -> Path:
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "case.json").write_text(json.dumps(manifest or MANIFEST))
    (folder / "01-progress.txt").write_text(NOTE)
    (folder / "02-review.txt").write_text(REVIEW)
    (folder / "notes.md").write_text("not a record")
    return folder


def test_every_record_file_of_the_folder_is_a_document_of_its_kind(tmp_path):
    case = case_from_folder(_folder(tmp_path))
    assert [d.title for d in case.documents] == ["01-progress.txt", "02-review.txt"]
    assert case.documents[0].page_starts == [0, case.documents[0].text.index("Straight")]
    assert case.documents[1].kind is None  # classified by the engine when read


def test_the_manifest_may_list_the_documents_with_what_it_knows_of_them(tmp_path):
    manifest = {
        **MANIFEST,
        "documents": [
            {"file": "02-review.txt", "kind": "utilization_review", "date": "2015-11-02"},
            {"text": "Typed note: no weakness.", "title": "nurse note"},
        ],
    }
    case = case_from_folder(_folder(tmp_path, manifest))
    assert [(d.title, d.kind) for d in case.documents] == [
        ("02-review.txt", "utilization_review"),
        ("nurse note", None),
    ]


@pytest.mark.parametrize(
    ("change", "code", "named"),
    [
        (lambda f: (f / "case.json").unlink(), Err.E210, "case.json"),
        (lambda f: (f / "case.json").write_text("{"), Err.E201, "case.json"),
        (lambda f: (f / "01-progress.txt").write_text(" \n"), Err.E102, "01-progress.txt"),
        (
            lambda f: (f / "case.json").write_text(json.dumps({**MANIFEST, "documents": [{"file": "../x.txt"}]})),
            Err.E210,
            "outside the folder",
        ),
        (
            lambda f: (f / "case.json").write_text(
                json.dumps({**MANIFEST, "documents": [{"file": "02-review.txt", "kind": "memo"}]})
            ),
            Err.E202,
            "02-review.txt",
        ),
    ],
)
def test_a_folder_that_cannot_be_read_names_the_file_and_the_problem(tmp_path, change, code, named):
    folder = _folder(tmp_path)
    change(folder)
    with pytest.raises(OpenIMRError) as err:
        case_from_folder(folder)
    assert err.value.code is code and named in err.value.render()


def test_decide_a_folder_and_a_bad_folder_from_the_command_line(tmp_path):
    good = _folder(tmp_path)
    bad = tmp_path / "empty"
    bad.mkdir()
    result = runner.invoke(app, ["decide", str(good), str(bad), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[0]["id"] == "folder-1" and lines[0]["determinations"][0]["decision"] == "Upheld"
    red_flag = [c for c in lines[0]["determinations"][0]["criteria"] if c["id"] == "red_flag"]
    assert red_flag and red_flag[0]["met"] is not True  # the review's quotation is not the worker's sign
    assert "E210" in lines[1]["error"]["code"] and "empty" in result.stderr
