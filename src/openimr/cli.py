"""The ``openimr`` command. Thin: parse arguments, call ``openimr.api``, print."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from openimr import __version__, api
from openimr.errors import OpenIMRError
from openimr.ingest.casefile import case_to_dict
from openimr.model import Letter

app = typer.Typer(
    help="OpenIMR: California workers' compensation Independent Medical Review.",
    no_args_is_help=True,
    add_completion=False,
)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


class ParseFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class CaseFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


Files = Annotated[list[Path], typer.Argument(help="Letters as text or PDF files.", show_default=False)]


def report_error(err: OpenIMRError) -> None:
    """One line on stderr that names the file and the problem."""
    err_console.print(f"error: {err.render()}", markup=False)


def emit_records(records: list[dict], fmt: str) -> None:
    """JSON: one object for one record, an array for several. JSONL: one line each."""
    if fmt == "jsonl":
        for rec in records:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
    elif records:
        payload = records[0] if len(records) == 1 else records
        sys.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")


def _letter_text(letter: Letter) -> str:
    lines = [f"{letter.source}  [{letter.format}]"]
    head = [
        ("Case number", letter.case_number),
        ("Date assigned", letter.date_assigned),
        ("Date of injury", letter.date_of_injury),
        ("Decision date", letter.decision_date),
        ("UR denial date", letter.ur_denial_date),
        ("Priority", letter.priority),
        ("Application received", letter.application_received),
    ]
    lines += [f"  {k}: {v}" for k, v in head if v]
    rev = letter.reviewer
    if rev.licensure_states or rev.specialties:
        lines.append(
            f"  Reviewer: {', '.join(rev.specialties) or '?'}; licensed in {', '.join(rev.licensure_states) or '?'}"
        )
    lines.append(f"  Case summary: {len(letter.case_summary)} paragraph(s)")
    for n, item in enumerate(letter.items, start=1):
        lines.append(f"  {n}. {item.title}: {item.decision}")
        if item.disputed:
            lines.append(f"     disputed portion: {item.disputed}")
    return "\n".join(lines)


@app.command()
def parse(
    files: Files,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
) -> None:
    """Read IMR Final Determination Letters (text or PDF) into structured records."""
    failed = False
    records: list[dict] = []
    for path in files:
        try:
            letter = api.parse_letter_file(path)
        except OpenIMRError as err:
            report_error(err)
            failed = True
            continue
        if fmt is ParseFormat.text:
            print(_letter_text(letter), flush=True)
        elif fmt is ParseFormat.jsonl:
            emit_records([letter.model_dump(mode="json")], "jsonl")
        else:
            records.append(letter.model_dump(mode="json"))
    if fmt is ParseFormat.json:
        emit_records(records, "json")
    raise typer.Exit(1 if failed else 0)


@app.command()
def case(
    files: Files,
    fmt: Annotated[CaseFormat, typer.Option("--format", "-f", help="Output format.")] = CaseFormat.jsonl,
) -> None:
    """Turn letters into redacted case files (no decision, reviewer guideline or rationale)."""
    failed = False
    records: list[dict] = []
    for path in files:
        try:
            record = case_to_dict(api.letter_to_case(api.parse_letter_file(path)))
        except OpenIMRError as err:
            report_error(err)
            failed = True
            continue
        if fmt is CaseFormat.jsonl:
            emit_records([record], "jsonl")
        else:
            records.append(record)
    if fmt is CaseFormat.json:
        emit_records(records, "json")
    raise typer.Exit(1 if failed else 0)


@app.command()
def version() -> None:
    """Print the OpenIMR version."""
    print(__version__)


def main() -> None:  # pragma: no cover - console entry point
    app()
