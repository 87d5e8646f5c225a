"""openimr decide / eval / guidelines from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from openimr.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
GOOD = {
    "id": "G",
    "case_summary": "A 30 year old with neck pain since 2015.",
    "requests": [{"text": "Acupuncture 2x3"}],
}


def test_decide_jsonl_keeps_order_and_reports_the_bad_case(tmp_path: Path) -> None:
    data = tmp_path / "cases.jsonl"
    data.write_text("\n".join([json.dumps(GOOD), '{"id": "B", "requests": []}', json.dumps({**GOOD, "id": "H"})]))
    result = runner.invoke(app, ["decide", str(data), "--format", "jsonl"])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines] == ["G", "B", "H"]
    assert lines[1]["error"]["code"] == "E202" and "case_summary" in lines[1]["error"]["message"]
    assert lines[0]["determinations"][0]["decision"] in {"Upheld", "Overturned"}
    assert "cases.jsonl:2" in result.stderr


def test_decide_a_letter_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    letter = SAMPLES / "letters" / "004_76180013faa2d739.txt"
    result = runner.invoke(app, ["decide", str(letter), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    record = json.loads(out.read_text())
    assert [d["request"] for d in record["determinations"]][0].startswith("Acupuncture 2x3")
    first = record["determinations"][0]
    assert first["guideline"]["source"] == "MTUS" and first["guideline"]["section"] == "9792.24.1"
    assert all({"id", "met", "evidence"} <= set(c) for c in first["criteria"])


def test_decide_text_names_the_guideline() -> None:
    result = runner.invoke(app, ["decide", str(SAMPLES / "letters" / "000_48d608976b2c9686.txt")])
    assert result.exit_code == 0
    assert "Upheld" in result.stdout and "Acupuncture Medical Treatment Guidelines" in result.stdout


def test_eval_json_on_the_sample_cases() -> None:
    result = runner.invoke(app, ["eval", str(SAMPLES / "cases.jsonl"), "--format", "json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["items"] == sum(
        len(json.loads(x)["expected"]) for x in (SAMPLES / "cases.jsonl").read_text().splitlines()
    )
    assert 0 <= report["accuracy"] <= 1 and "Imaging" in report["by_category"]


def test_eval_text_lists_each_disagreement_with_both_decisions() -> None:
    as_json = json.loads(runner.invoke(app, ["eval", str(SAMPLES / "cases.jsonl"), "--format", "json"]).stdout)
    text = runner.invoke(app, ["eval", str(SAMPLES / "cases.jsonl")]).stdout
    missed = as_json["disagreements"]
    assert f"disagreements ({len(missed)}):" in text
    for d in missed:
        assert f"{d['id']}: " in text and f"reviewer {d['expected']}, engine {d['got']}" in text


def test_eval_refuses_cases_without_labels(tmp_path: Path) -> None:
    data = tmp_path / "nolabels.jsonl"
    data.write_text(json.dumps(GOOD))
    result = runner.invoke(app, ["eval", str(data)])
    assert result.exit_code == 1
    assert "expected" in result.stderr


def test_guidelines_validate_and_show() -> None:
    result = runner.invoke(app, ["guidelines", "validate"])
    assert result.exit_code == 0 and "0 failed" in result.stdout
    shown = runner.invoke(app, ["guidelines", "show", "mtus-acupuncture-2007"])
    assert "9792.24.1" in shown.stdout and "trial_max: 6" in shown.stdout
    missing = runner.invoke(app, ["guidelines", "show", "nope"])
    assert missing.exit_code == 1


def test_decide_over_a_long_record_with_its_progress_bar_decides_as_without(tmp_path: Path, monkeypatch) -> None:
    """A record over OPENIMR_PROGRESS_OVER_CHARS is read with a progress bar; the determination is the same."""
    from openimr import config

    case = {**GOOD, "case_summary": " ".join([GOOD["case_summary"]] * 400) + " Acupuncture was not tried."}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(case))
    plain = runner.invoke(app, ["decide", str(path), "--format", "json"])
    monkeypatch.setenv("OPENIMR_PROGRESS_OVER_CHARS", "1000")
    config.settings.cache_clear()
    try:
        with_bar = runner.invoke(app, ["decide", str(path), "--format", "json"])
    finally:
        config.settings.cache_clear()
    assert plain.exit_code == with_bar.exit_code == 0
    drop = ("decision_id", "decided_at")
    strip = lambda out: {k: v for k, v in json.loads(out).items() if k not in drop}  # noqa: E731
    assert strip(with_bar.stdout) == strip(plain.stdout)


def test_several_letters_to_one_file_is_an_error_that_asks_for_a_folder(tmp_path: Path) -> None:
    data = tmp_path / "cases.jsonl"
    data.write_text("\n".join([json.dumps(GOOD), json.dumps({**GOOD, "id": "H"})]))
    result = runner.invoke(app, ["decide", str(data), "--format", "letter", "-o", str(tmp_path / "all.txt")])
    assert result.exit_code == 1 and "give a folder to -o" in result.stderr
    assert not (tmp_path / "all.txt").exists()


def test_every_write_says_what_it_wrote(tmp_path: Path) -> None:
    data = tmp_path / "cases.jsonl"
    data.write_text("\n".join([json.dumps(GOOD), json.dumps({**GOOD, "id": "H"})]))
    letters = runner.invoke(app, ["decide", str(data), "--format", "letter", "-o", str(tmp_path / "letters")])
    assert letters.exit_code == 0 and f"wrote 2 letter(s) (letter) to {tmp_path / 'letters'}" in letters.stderr
    assert sorted(p.name for p in (tmp_path / "letters").iterdir()) == ["G.txt", "H.txt"]
    out = tmp_path / "d.jsonl"
    determinations = runner.invoke(app, ["decide", str(data), "--format", "jsonl", "-o", str(out)])
    assert determinations.exit_code == 0 and f"to {out}" in determinations.stderr
    assert len(out.read_text().splitlines()) == 2
