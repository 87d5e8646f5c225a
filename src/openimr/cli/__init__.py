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


def _plain_types() -> None:
    """Help without Python type tags: Typer 0.29 prints each parameter's annotation ("<bool>" beside a flag,
    "<list[Path]>" beside "CASE...") and has no setting to stop it. A flag shows no type, an argument that
    has a metavar shows only that, and any other type shows without angle brackets ("int", "text|json")."""
    from typer.core import TyperArgument, TyperOption

    def without_tags(original):  # noqa: ANN001, ANN202 - Typer's display_type_rich method
        def display(self, ctx):  # noqa: ANN001, ANN202
            if isinstance(self, TyperOption) and self.is_flag:
                return None
            if isinstance(self, TyperArgument) and self.metavar:
                return None
            shown = original(self, ctx)
            return shown.removeprefix("<").removesuffix(">") if isinstance(shown, str) else shown

        return display

    for cls in (TyperArgument, TyperOption):
        if not getattr(cls.display_type_rich, "_openimr_plain", False):
            cls.display_type_rich = without_tags(cls.display_type_rich)
            cls.display_type_rich._openimr_plain = True


_plain_types()

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
