"""The ``openimr`` command. Thin: parse arguments, call ``openimr.api`` (or ``openimr.service``), print.

Each group of commands lives in its own module; importing them here registers them on ``app``.
"""

from __future__ import annotations

import json
import sys

import typer
from rich.console import Console

from openimr import __version__
from openimr.errors import OpenIMRError

app = typer.Typer(
    help="OpenIMR: California workers' compensation Independent Medical Review.",
    no_args_is_help=True,
    add_completion=False,
)


def _print_version(value: bool) -> None:
    if value:
        print(__version__)
        raise typer.Exit()


@app.callback()
def _options(
    version: bool = typer.Option(
        False, "--version", help="Print the OpenIMR version and exit.", callback=_print_version, is_eager=True
    ),
) -> None:
    """OpenIMR: California workers' compensation Independent Medical Review."""


err_console = Console(stderr=True, highlight=False, soft_wrap=True)


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


def guideline_failure(exc: Exception) -> typer.Exit:
    """A guideline file that does not validate stops the run with its path and problem, not a traceback."""
    err_console.print(f"error: guideline data: {exc}", markup=False)
    return typer.Exit(2)


# The command groups register themselves on ``app`` (letters first, as the help lists them).
from openimr.cli import letters, engine, guidelines, service, batch  # noqa: E402,F401,I001 - registers the commands


@app.command(epilog="Example: openimr version")
def version() -> None:
    """Print the OpenIMR version."""
    print(__version__)


def main() -> None:  # pragma: no cover - console entry point
    app()
