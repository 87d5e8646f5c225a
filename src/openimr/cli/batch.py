"""openimr batch / stats: corpus runs and decision analytics."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from openimr.cli import app, err_console

batch_app = typer.Typer(help="Corpus runs: parse or review many letters and cases, resumable.", no_args_is_help=True)
app.add_typer(batch_app, name="batch")

Sources = Annotated[
    list[str], typer.Argument(help="Folders, globs, files or JSONL datasets.", show_default=False, metavar="SOURCE...")
]
OutDir = Annotated[Path, typer.Option("--out", help="Output folder: results.jsonl, errors.jsonl, results.parquet.")]
Workers = Annotated[int, typer.Option("--workers", min=1, help="Local worker processes.")]
Scheduler = Annotated[str | None, typer.Option("--scheduler", help="A Dask scheduler, tcp://HOST:PORT.")]


def _run_batch(mode: str, sources: list[str], out: Path, workers: int, scheduler: str | None) -> None:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from openimr.batch.runner import RESULTS, SchedulerUnavailable, run_batch
    from openimr.batch.tables import write_parquet

    columns = (
        TextColumn(f"{mode}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task(mode, total=None, rate="0.0")

        def progress(done: int, total: int) -> None:
            elapsed = bar.tasks[0].elapsed or 1e-9
            bar.update(task, completed=done, total=total, rate=f"{done / elapsed:.1f}")

        try:
            summary = run_batch(mode, sources, out, workers=workers, scheduler=scheduler, progress=progress)
        except SchedulerUnavailable as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from None
    rows = write_parquet(out / RESULTS, out / "results.parquet")
    print(
        f"{summary.total} units: {summary.skipped} already done, {summary.done} done now "
        f"({summary.errors} errors in {out / 'errors.jsonl'}); {rows} rows in {out / 'results.parquet'}"
    )
    # as 'decide' does: a run in which any unit failed exits 1
    raise typer.Exit(1 if summary.errors else 0)


@batch_app.command(
    "parse", epilog="Example: openimr batch parse '../shared/corpus/dwc-letters/pdf/*.pdf' --out runs/parse --workers 2"
)
def batch_parse(sources: Sources, out: OutDir, workers: Workers = 1, scheduler: Scheduler = None) -> None:
    """Parse letters in bulk into DIR/results.jsonl (the 'parse --format jsonl' records)."""
    _run_batch("parse", sources, out, workers, scheduler)


@batch_app.command("review", epilog="Example: openimr batch review samples/cases.jsonl --out runs/review")
def batch_review(sources: Sources, out: OutDir, workers: Workers = 1, scheduler: Scheduler = None) -> None:
    """Review cases or letters in bulk into DIR/results.jsonl (the 'decide --format jsonl' lines)."""
    _run_batch("review", sources, out, workers, scheduler)


@app.command(epilog="Example: openimr stats runs/review")
def stats(
    source: Annotated[
        str, typer.Argument(help="A batch output folder, or a database URL of the service.", metavar="SOURCE")
    ],
    report: Annotated[Path | None, typer.Option("--report", help="Folder for report.html and the PNG charts.")] = None,
) -> None:
    """Decision statistics: by category, guideline, reviewer specialty and year; agreement; consistency."""
    from openimr.batch import stats as analytics

    if "://" in source:
        from openimr import service
        from openimr.store.db import DatabaseUnavailable, session_scope

        try:
            with session_scope(source) as session:
                data = service.stats_rows(session)
        except DatabaseUnavailable as exc:
            err_console.print(f"error: {exc}", markup=False)
            raise typer.Exit(1) from exc
        default_report = Path("openimr-stats")
    else:
        folder = Path(source)
        if not (folder / "results.jsonl").exists():
            err_console.print(f"error: {folder}: no results.jsonl (run 'openimr batch' into it first)", markup=False)
            raise typer.Exit(1)
        data = analytics.load(folder)
        default_report = folder / "report"
    result = analytics.compute(data)
    print(f"{result.items} items")
    for cat, counts in result.by_category.items():
        total = counts["Upheld"] + counts["Overturned"]
        print(f"  {cat:<36} {total:>6}  overturned {counts['Overturned'] / total:6.1%}")
    if result.agreement:
        print(f"engine agreement: accuracy {result.agreement['accuracy']:.3f}, kappa {result.agreement['kappa']:.3f}")
    if result.referral:
        r = result.referral
        print(f"referred to a physician reviewer: {r['referred']} of {r['items']} ({r['rate']:.1%})")
    print(f"requests decided both ways for the same claimant: {len(result.inconsistencies)}")
    target = analytics.write_report(result, report or default_report)
    print(f"report: {target}")
