"""The command line: every command documented, bad files reported while the good ones still print."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from openimr.cli import app
from tests.conftest import SAMPLES
from tests.ingest.test_letter_reader import LETTER

runner = CliRunner()
README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def _commands() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_and_is_in_the_readme(name: str) -> None:
    result = runner.invoke(app, [name, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    assert f"openimr {name}" in README


def test_parse_mixed_good_and_bad_files(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(LETTER)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["parse", str(empty), str(good), str(tmp_path / "missing.pdf"), "-f", "jsonl"])
    assert result.exit_code == 1
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(good)]
    assert "empty.txt" in result.stderr and "E102" in result.stderr
    assert "missing.pdf" in result.stderr and "E101" in result.stderr


def test_parse_json_of_the_sample_pdfs() -> None:
    pdfs = sorted(str(p) for p in SAMPLES.glob("letters/*.pdf"))
    result = runner.invoke(app, ["parse", *pdfs, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == len(pdfs)
    assert all(r["items"] and r["case_number"] for r in records)


def test_parse_text_output_lists_items() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLES / "letters" / "000_48d608976b2c9686.txt")])
    assert result.exit_code == 0
    assert "Acupuncture 6 sessions: Upheld" in result.stdout


def test_case_output_has_no_decision(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(LETTER)
    result = runner.invoke(app, ["case", str(good)])
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    text = json.dumps(record)
    assert "Upheld" not in text and "Overturned" not in text and "rationale" not in text
    assert record["requests"][0]["claims_administrator_guideline"]
    assert record["review_date"] == "2016-12-19"


def _commands(group, prefix=()):  # noqa: ANN001, ANN202 - Typer's groups and commands
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


def test_every_command_shows_an_example_in_its_help() -> None:
    import typer.main

    from openimr.cli import app as cli_app

    group = typer.main.get_command(cli_app)
    missing = [
        " ".join(path)
        for path, command in _commands(group)
        if not (command.epilog or "").startswith("Example: openimr ")
    ]
    assert missing == []


def test_no_help_shows_python_type_tags() -> None:
    """A flag shows no type and an argument only its name: no "<bool>" or "<list[Path]>" in any help."""
    import typer.main

    from openimr.cli import app as cli_app

    group = typer.main.get_command(cli_app)
    tagged = {}
    for path, _command in _commands(group):
        shown = runner.invoke(cli_app, [*path, "--help"], terminal_width=200).stdout
        tags = [tag for tag in ("<bool>", "<list[", "<path>", "<int>", "<text>") if tag in shown]
        if tags:
            tagged[" ".join(path)] = tags
    assert tagged == {}
    shown = runner.invoke(cli_app, ["eval", "--help"], terminal_width=200).stdout
    assert "text|json" in shown and "DATASET..." in shown
