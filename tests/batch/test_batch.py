"""Corpus runs: local processes and a real Dask cluster give the single-process result; a killed run resumes
with no duplicates and no gaps; bad inputs go to errors.jsonl; statistics render."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from openimr.batch.runner import ERRORS, RESULTS, run_batch
from openimr.batch.stats import compute, load, write_report
from openimr.batch.tables import write_parquet
from tests.conftest import SAMPLES

CASES = SAMPLES / "cases.jsonl"
OPENIMR = str(Path(sys.executable).with_name("openimr"))


def _records(out: Path) -> dict[str, dict]:
    lines = [json.loads(x) for x in (out / RESULTS).read_text().splitlines()]
    by_source = {r["source"]: r for r in lines}
    assert len(by_source) == len(lines), "a unit was written twice"
    return by_source


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    out = tmp_path_factory.mktemp("single")
    run_batch("review", [str(CASES)], out)
    return _records(out)


def test_review_run_writes_the_decide_lines(single: dict[str, dict]) -> None:
    expected_lines = len(CASES.read_text().splitlines())
    assert len(single) == expected_lines
    record = single[f"{CASES}:1"]
    assert record["id"] == "000_48d608976b2c9686"
    assert record["determinations"][0]["decision"] in ("Upheld", "Overturned")
    assert record["expected"] == ["Upheld"]


def test_two_local_workers_equal_one_process(single: dict[str, dict], tmp_path: Path) -> None:
    run_batch("review", [str(CASES)], tmp_path, workers=2)
    assert _records(tmp_path) == single


@pytest.mark.slow
def test_dask_cluster_equals_one_process(single: dict[str, dict], tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        summary = run_batch("review", [str(CASES)], tmp_path, scheduler=cluster.scheduler_address)
    assert summary.done == len(single)
    assert _records(tmp_path) == single


def test_restart_skips_what_is_done_and_drops_a_torn_line(single: dict[str, dict], tmp_path: Path) -> None:
    lines = CASES.read_text().splitlines()
    part = tmp_path / "part.jsonl"
    part.write_text("\n".join(lines))
    # A first run that got through some units, then was killed while writing a line.
    run_batch("review", [str(part)], tmp_path)
    kept = (tmp_path / RESULTS).read_text().splitlines()[:5]
    (tmp_path / RESULTS).write_text("\n".join(kept) + "\n" + kept[5 - 1][: len(kept[4]) // 2])
    summary = run_batch("review", [str(part)], tmp_path)
    assert summary.skipped == 5 and summary.done == len(lines) - 5
    records = _records(tmp_path)
    assert sorted(records) == sorted(f"{part}:{n}" for n in range(1, len(lines) + 1))


@pytest.mark.slow
def test_killed_process_resumes_without_duplicates_or_gaps(tmp_path: Path) -> None:
    data = tmp_path / "many.jsonl"
    data.write_text("\n".join(CASES.read_text().splitlines() * 4))
    out = tmp_path / "out"
    process = subprocess.Popen(
        [OPENIMR, "batch", "review", str(data), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if (out / RESULTS).exists() and len((out / RESULTS).read_text().splitlines()) >= 8:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    done_before = len((out / RESULTS).read_text().splitlines())
    assert 0 < done_before < 48
    finished = subprocess.run(
        [OPENIMR, "batch", "review", str(data), "--out", str(out)], capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr
    records = _records(out)
    assert sorted(records, key=lambda k: int(k.rsplit(":", 1)[1])) == [f"{data}:{n}" for n in range(1, 49)]


def test_bad_inputs_go_to_errors_with_the_reason(tmp_path: Path) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    shutil.copy(SAMPLES / "letters" / "000_48d608976b2c9686.txt", letters)
    (letters / "empty.txt").write_text("")
    (letters / "junk.pdf").write_bytes(b"%PDF-1.4 nothing")
    out = tmp_path / "out"
    summary = run_batch("parse", [str(letters)], out)
    assert summary.done == 3 and summary.errors == 2
    errors = {json.loads(x)["source"]: json.loads(x)["error"] for x in (out / ERRORS).read_text().splitlines()}
    assert errors[str(letters / "empty.txt")]["code"] == "E102"
    assert errors[str(letters / "junk.pdf")]["code"] == "E104"
    assert list(_records(out)) == [str(letters / "000_48d608976b2c9686.txt")]


def test_parquet_and_stats_report(tmp_path: Path) -> None:
    out = tmp_path / "parsed"
    run_batch("parse", [str(SAMPLES / "letters")], out)
    rows = write_parquet(out / RESULTS, out / "results.parquet")
    import pyarrow.parquet as pq

    table = pq.read_table(out / "results.parquet")
    assert table.num_rows == rows > 0
    assert {"category", "decision", "guideline_source", "year"} <= set(table.column_names)
    stats = compute(load(out))
    assert stats.items == rows
    assert sum(c["Upheld"] + c["Overturned"] for c in stats.by_category.values()) == rows
    report = write_report(stats, tmp_path / "report")
    html = report.read_text()
    assert "By treatment category" in html and "by_category.png" in html
    assert (tmp_path / "report" / "by_category.png").stat().st_size > 1000


def test_the_same_request_decided_both_ways_is_flagged() -> None:
    base = {
        "source": "a",
        "case_id": "CM1",
        "request": "MRI of the knee",
        "decision": "Upheld",
        "category": "Imaging",
        "guideline_source": "MTUS",
        "reviewer_specialties": None,
        "year": 2016,
        "expected": None,
    }
    stats = compute([base, {**base, "source": "b", "decision": "Overturned"}, {**base, "case_id": "CM2"}])
    assert stats.inconsistencies == [
        {"case_id": "CM1", "request": "mri of the knee", "decisions": ["Overturned", "Upheld"], "sources": ["a", "b"]}
    ]


def test_cli_batch_and_stats(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from openimr.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["batch", "review", str(CASES), "--out", str(tmp_path / "run"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "rows in" in result.stdout
    again = runner.invoke(app, ["batch", "review", str(CASES), "--out", str(tmp_path / "run")])
    assert f"{len(CASES.read_text().splitlines())} already done, 0 done now" in again.stdout
    shown = runner.invoke(app, ["stats", str(tmp_path / "run")])
    assert shown.exit_code == 0 and "engine agreement" in shown.stdout
    assert os.path.exists(tmp_path / "run" / "report" / "report.html")


@pytest.mark.slow
def test_dev_cases_with_two_workers_equal_one_process(tmp_path: Path) -> None:
    from tests.conftest import CORPUS

    dev = CORPUS / "cases-dev.jsonl"
    if not dev.exists():
        pytest.skip("shared corpus not present")
    run_batch("review", [str(dev)], tmp_path / "one")
    run_batch("review", [str(dev)], tmp_path / "two", workers=2)
    one, two = _records(tmp_path / "one"), _records(tmp_path / "two")
    assert len(one) == 99 and one == two


def test_a_run_with_a_failed_unit_exits_1_and_reports_an_unknown_file(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(SAMPLES / "letters" / "000_48d608976b2c9686.txt", tmp_path / "in")
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04 not a letter")
    run = subprocess.run(
        [OPENIMR, "batch", "parse", str(tmp_path / "in"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1, run.stdout + run.stderr
    errors = [json.loads(x) for x in (tmp_path / "out" / ERRORS).read_text().splitlines()]
    assert [(e["error"]["code"], Path(e["source"]).name) for e in errors] == [("E204", "notes.docx")]
    assert len((tmp_path / "out" / RESULTS).read_text().splitlines()) == 1


def test_the_same_files_under_another_path_are_not_done_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(CASES, tmp_path / "cases.jsonl")
    first = run_batch("review", [str(tmp_path / "cases.jsonl")], tmp_path / "out")
    monkeypatch.chdir(tmp_path)
    again = run_batch("review", ["./cases.jsonl"], tmp_path / "out")
    assert first.done == first.total and again.skipped == again.total and again.done == 0


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc to find the worker processes")
def test_worker_processes_end_with_a_killed_main_process(tmp_path: Path) -> None:
    big = tmp_path / "many.jsonl"
    big.write_text("\n".join([CASES.read_text().strip()] * 20) + "\n")
    run = subprocess.Popen(
        [OPENIMR, "batch", "review", str(big), "--out", str(tmp_path / "out"), "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 60
    workers: list[int] = []
    while time.time() < deadline and len(workers) < 2:
        workers = _children(run.pid)
        time.sleep(0.2)
    assert len(workers) >= 2, "the pool never started"
    os.kill(run.pid, signal.SIGKILL)
    run.wait()
    deadline = time.time() + 10
    alive = workers
    while time.time() < deadline and alive:
        alive = [w for w in alive if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]
        time.sleep(0.2)
    assert not alive, f"workers {alive} outlived the main process"


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().split("State:", 1)[1].split("\n", 1)[0].lower()
    except (OSError, IndexError):
        return "zombie"


def test_an_unreachable_dask_scheduler_is_one_line_error(tmp_path: Path) -> None:
    started = time.time()
    run = subprocess.run(
        [OPENIMR, "batch", "review", str(CASES), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and time.time() - started < 30
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in run.stderr and "Traceback" not in run.stderr


def _case_folder(parent: Path, name: str, request: str) -> Path:
    folder = parent / name
    folder.mkdir(parents=True)
    manifest = {"id": name, "case_summary": "A 50 year old clerk hurt her neck at work on 02/02/2016.",
                "requests": [{"text": request}]}  # fmt: skip
    (folder / "case.json").write_text(json.dumps(manifest))
    (folder / "01-note.txt").write_text("PROGRESS REPORT\nShe has neck pain. Spurling's test is negative.")
    (folder / "readme.md").write_text("not a record")
    return folder


def test_a_case_folder_is_one_unit_of_a_review_run(tmp_path: Path) -> None:
    """A folder with a case.json inside a corpus is one case, its record files its documents (not letters
    of their own); a resumed run does it no second time; a parse run refuses it with the reason."""
    corpus = tmp_path / "corpus"
    (corpus / "folders").mkdir(parents=True)
    shutil.copy(SAMPLES / "letters" / "000_48d608976b2c9686.txt", corpus)
    first = _case_folder(corpus / "folders", "neck-1", "MRI of the cervical spine")
    second = _case_folder(corpus / "folders", "neck-2", "Acupuncture 6 visits for the neck")
    out = tmp_path / "out"
    summary = run_batch("review", [str(corpus)], out)
    assert (summary.done, summary.errors) == (3, 0)
    records = _records(out)
    assert set(records) == {str(corpus / "000_48d608976b2c9686.txt"), str(first), str(second)}
    assert records[str(first)]["determinations"][0]["request"] == "MRI of the cervical spine"
    assert run_batch("review", [str(corpus)], out).done == 0
    (second / "01-note.txt").write_text("PROGRESS REPORT\nShe has had six acupuncture visits with no change.")
    assert run_batch("review", [str(corpus)], out).done == 1  # a folder whose record changed is another unit
    parsed = tmp_path / "parsed"
    run_batch("parse", [str(corpus)], parsed)
    errors = [json.loads(x)["error"] for x in (parsed / ERRORS).read_text().splitlines()]
    assert len(errors) == 2 and all("is a case folder, not a letter" in e["message"] for e in errors)
