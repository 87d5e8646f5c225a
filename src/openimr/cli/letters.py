"""openimr parse / case: letters to records and to case files."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from openimr import api
from openimr.cli import app, emit_records, report_error
from openimr.errors import OpenIMRError
from openimr.ingest.casefile import case_to_dict
from openimr.model import Letter


class ParseFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"


class CaseFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


Files = Annotated[
    list[Path], typer.Argument(help="Letters as text or PDF files.", show_default=False, metavar="LETTER...")
]


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


def _each_letter(files: list[Path], fmt: str, render: Callable[[Letter], dict | str]) -> None:
    """Read each letter, print what ``render`` makes of it (a record, or text for --format text), report
    the files that cannot be read, and exit 1 when any could not."""
    failed = False
    records: list[dict] = []
    for path in files:
        try:
            output = render(api.parse_letter_file(path))
        except OpenIMRError as err:
            report_error(err)
            failed = True
            continue
        if isinstance(output, str):
            print(output, flush=True)
        elif fmt == "jsonl":
            emit_records([output], "jsonl")
        else:
            records.append(output)
    if fmt == "json":
        emit_records(records, "json")
    raise typer.Exit(1 if failed else 0)


@app.command(epilog="Example: openimr parse samples/letters/*.txt --format jsonl")
def parse(
    files: Files,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
) -> None:
    """Read IMR Final Determination Letters (text or PDF) into structured records."""
    _each_letter(files, fmt.value, _letter_text if fmt is ParseFormat.text else lambda x: x.model_dump(mode="json"))


@app.command(epilog="Example: openimr case samples/letters/*.txt > cases.jsonl")
def case(
    files: Files,
    fmt: Annotated[CaseFormat, typer.Option("--format", "-f", help="Output format.")] = CaseFormat.jsonl,
) -> None:
    """Turn letters into redacted case files (no decision, reviewer guideline or rationale)."""
    _each_letter(files, fmt.value, lambda letter: case_to_dict(api.letter_to_case(letter)))
