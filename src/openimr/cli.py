"""The ``openimr`` command. Thin: parse arguments, call ``openimr.api``, print."""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable
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


@app.command()
def parse(
    files: Files,
    fmt: Annotated[ParseFormat, typer.Option("--format", "-f", help="Output format.")] = ParseFormat.text,
) -> None:
    """Read IMR Final Determination Letters (text or PDF) into structured records."""
    _each_letter(files, fmt.value, _letter_text if fmt is ParseFormat.text else lambda x: x.model_dump(mode="json"))


@app.command()
def case(
    files: Files,
    fmt: Annotated[CaseFormat, typer.Option("--format", "-f", help="Output format.")] = CaseFormat.jsonl,
) -> None:
    """Turn letters into redacted case files (no decision, reviewer guideline or rationale)."""
    _each_letter(files, fmt.value, lambda letter: case_to_dict(api.letter_to_case(letter)))


class DecideFormat(StrEnum):
    text = "text"
    json = "json"
    jsonl = "jsonl"
    letter = "letter"
    html = "html"
    pdf = "pdf"


_LETTER_FORMATS = {
    DecideFormat.letter: ("text", ".txt"),
    DecideFormat.html: ("html", ".html"),
    DecideFormat.pdf: ("pdf", ".pdf"),
}


def _safe_name(case_id: str | None, n: int) -> str:
    import re

    return re.sub(r"[^A-Za-z0-9._-]+", "_", case_id or f"case-{n}")


def _decide_letters(inputs: list, fmt: DecideFormat, out: Path | None) -> bool:
    """Write one letter per case: to ``out`` (a file for one case, a folder for several) or to stdout."""
    kind, suffix = _LETTER_FORMATS[fmt]
    good = [inp for inp in inputs if inp.case is not None]
    if fmt is DecideFormat.pdf and out is None:
        err_console.print("error: --format pdf needs -o FILE or -o DIR", markup=False)
        return True
    as_folder = out is not None and (out.is_dir() or len(good) > 1 or str(out).endswith(("/", "\\")))
    if as_folder:
        out.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
    failed = False
    for n, inp in enumerate(inputs, start=1):
        if inp.error or inp.case is None:
            report_error(inp.error)  # type: ignore[arg-type]
            failed = True
            continue
        result = api.review(inp.case)
        document = api.render_letter(inp.case, result, kind, inp.letter)
        if out is None:
            sys.stdout.write(document if isinstance(document, str) else document.decode())
            continue
        target = out / f"{_safe_name(inp.case.id, n)}{suffix}" if as_folder else out
        if isinstance(document, bytes):
            target.write_bytes(document)
        else:
            target.write_text(document, encoding="utf-8")
    return failed


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


CaseFiles = Annotated[
    list[Path],
    typer.Argument(help="Case files (JSON object, array or JSONL) or letters (text or PDF).", show_default=False),
]


def _determination_text(result) -> str:
    lines = [
        f"{result.id or '(no id)'}  review date {result.review_date} ({result.review_date_source})  "
        f"decision id {result.decision_id}"
    ]
    for n, det in enumerate(result.determinations, start=1):
        guideline = det.guideline.title if det.guideline else "no encoded guideline"
        lines.append(f"  {n}. {det.request}")
        lines.append(f"     {det.decision}  [{det.category}; {guideline}; confidence {det.confidence}]")
        lines.append(f"     {det.rationale}")
        if det.missing_documentation:
            lines.append(f"     missing: {'; '.join(det.missing_documentation)}")
    return "\n".join(lines)


@app.command()
def decide(
    files: CaseFiles,
    fmt: Annotated[DecideFormat, typer.Option("--format", "-f", help="Output format.")] = DecideFormat.text,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Decide every disputed item of each case under the MTUS, with evidence and rationale; or write each
    case's Final Determination Letter (--format letter|html|pdf)."""
    if fmt in _LETTER_FORMATS:
        raise typer.Exit(1 if _decide_letters(list(api.iter_case_inputs(files)), fmt, out) else 0)
    failed = False
    sink = out.open("w", encoding="utf-8") if out else sys.stdout
    records: list[dict] = []
    try:
        for inp in api.iter_case_inputs(files):
            if inp.error or inp.case is None:
                report_error(inp.error)  # type: ignore[arg-type]
                failed = True
                if fmt is DecideFormat.jsonl:
                    error = {"code": inp.error.code.name, "message": inp.error.message} if inp.error else {}
                    sink.write(json.dumps({"id": inp.record.get("id"), "source": inp.where, "error": error}) + "\n")
                continue
            result = api.review(inp.case)
            if fmt is DecideFormat.text:
                sink.write(_determination_text(result) + "\n")
            elif fmt is DecideFormat.jsonl:
                sink.write(json.dumps(result.model_dump(mode="json"), ensure_ascii=False) + "\n")
            else:
                records.append(result.model_dump(mode="json"))
            sink.flush()
        if fmt is DecideFormat.json and records:
            payload = records[0] if len(records) == 1 else records
            sink.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    finally:
        if out:
            sink.close()
    raise typer.Exit(1 if failed else 0)


@app.command(name="eval")
def evaluate(
    files: Annotated[list[Path], typer.Argument(help="JSONL cases with 'expected', or letters.", show_default=False)],
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.text,
) -> None:
    """Score the engine against real reviewers' decisions (accuracy, kappa, by category)."""
    result, errors = api.evaluate(files)
    for err in errors:
        report_error(err)
    if fmt is EvalFormat.json:
        print(json.dumps(dataclasses.asdict(result), indent=2))
    else:
        print(_agreement_text(result))
    raise typer.Exit(1 if errors and not result.items else 0)


def _agreement_text(result) -> str:
    def pct(x: float | None) -> str:
        return "n/a" if x is None else f"{x:.3f}"

    lines = ["category                              items  accuracy  overturned (real / engine)"]
    for cat, row in result.by_category.items():
        lines.append(
            f"{cat:<37} {row['items']:>5}  {row['accuracy']:>8.3f}  "
            f"{row['overturned_expected']:>3} / {row['overturned_got']}"
        )
    c = result.confusion
    lines += [
        "",
        "confusion (rows real, columns engine):   Upheld  Overturned",
        f"  Upheld                                {c['Upheld']['Upheld']:>6}  {c['Upheld']['Overturned']:>10}",
        f"  Overturned                            {c['Overturned']['Upheld']:>6}  {c['Overturned']['Overturned']:>10}",
        "",
        f"always-uphold baseline: accuracy {pct(result.baseline_accuracy)}, kappa {pct(result.baseline_kappa)}",
        f"overturn precision {pct(result.overturn_precision)}, recall {pct(result.overturn_recall)}",
        f"items {result.items}  accuracy {pct(result.accuracy)}  kappa {pct(result.kappa)}",
    ]
    return "\n".join(lines)


guidelines_app = typer.Typer(help="List, show and validate the guideline files.", no_args_is_help=True)
app.add_typer(guidelines_app, name="guidelines")


@guidelines_app.command("list")
def guidelines_list() -> None:
    """List every guideline file: id, source, topics, dates in force."""
    from openimr.guidelines.loader import all_guidelines

    for g in all_guidelines():
        end = g.spec.in_force.end or ""
        flag = f"  (unverified: {', '.join(g.spec.unverified_params)})" if g.spec.unverified_params else ""
        print(
            f"{g.id:<52} {g.spec.citation.source:<5} {g.spec.in_force.start}..{end}  {', '.join(g.spec.topics)}{flag}"
        )


@guidelines_app.command("show")
def guidelines_show(
    guideline_id: Annotated[str, typer.Argument(help="A guideline id from 'guidelines list'.")],
) -> None:
    """Print one guideline as validated data."""
    import yaml

    from openimr.guidelines.loader import all_guidelines

    for g in all_guidelines():
        if g.id == guideline_id:
            print(yaml.safe_dump(g.spec.model_dump(mode="json"), sort_keys=False, width=110))
            return
    err_console.print(f"error: no guideline with id {guideline_id!r}", markup=False)
    raise typer.Exit(1)


@guidelines_app.command("validate")
def guidelines_validate() -> None:
    """Validate every guideline file against the schema and run its fact-set tests."""
    from openimr.engine.selfcheck import run_guideline_tests
    from openimr.guidelines.loader import GuidelineError, all_guidelines

    try:
        count = len(all_guidelines())
        results = run_guideline_tests()
    except (GuidelineError, KeyError) as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    bad = [r for r in results if not r.ok]
    for r in bad:
        err_console.print(f"error: {r.guideline}: '{r.case}' gave {r.got}, expected {r.expected}", markup=False)
    print(f"{count} guideline files valid; {len(results) - len(bad)} passed, {len(bad)} failed")
    raise typer.Exit(1 if bad else 0)


users_app = typer.Typer(help="Users of the service and their bearer tokens.", no_args_is_help=True)
app.add_typer(users_app, name="users")


@users_app.command("create")
def users_create(
    name: Annotated[str, typer.Argument(help="A unique user name.")],
    role: Annotated[str, typer.Option("--role", help="admin, intake, reviewer or auditor.")],
    reviewer_id: Annotated[int | None, typer.Option("--reviewer-id", help="For a reviewer: the panel member.")] = None,
) -> None:
    """Create a user; its bearer token is printed on the last line (and stored only as a digest)."""
    from openimr import service
    from openimr.config import settings
    from openimr.store.db import DatabaseUnavailable, migrate, session_scope

    try:
        migrate(settings().database_url)
        with session_scope(settings().database_url) as session:
            token = service.create_user(session, name, role, reviewer_id)
    except service.ServiceError as exc:
        err_console.print(f"error: {exc.message}", markup=False)
        raise typer.Exit(1) from exc
    except DatabaseUnavailable as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    print(f"created {role} {name}")
    print(token)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help="Load demo reviewers, users and the sample cases.")] = False,
) -> None:
    """Run the IMR service (API at /v1, OpenAPI at /docs, workbench at /ui) on the configured database."""
    import uvicorn

    from openimr.config import settings
    from openimr.store.db import DatabaseUnavailable, migrate
    from openimr.web.app import create_app

    try:
        migrate(settings().database_url)
        if demo:
            from openimr.demo import load_demo

            for line in load_demo(settings(), Path("samples/cases.jsonl")):
                print(line)
    except DatabaseUnavailable as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    print(f"OpenIMR on http://{host}:{port}/ui/ (API /v1, OpenAPI /docs), database {settings().database_url}")
    uvicorn.run(create_app(settings()), host=host, port=port, log_level="warning")


batch_app = typer.Typer(help="Corpus runs: parse or review many letters and cases, resumable.", no_args_is_help=True)
app.add_typer(batch_app, name="batch")

Sources = Annotated[list[str], typer.Argument(help="Folders, globs, files or JSONL datasets.", show_default=False)]
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

    from openimr.batch.runner import RESULTS, run_batch
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

        summary = run_batch(mode, sources, out, workers=workers, scheduler=scheduler, progress=progress)
    rows = write_parquet(out / RESULTS, out / "results.parquet")
    print(
        f"{summary.total} units: {summary.skipped} already done, {summary.done} done now "
        f"({summary.errors} errors in {out / 'errors.jsonl'}); {rows} rows in {out / 'results.parquet'}"
    )


@batch_app.command("parse")
def batch_parse(sources: Sources, out: OutDir, workers: Workers = 1, scheduler: Scheduler = None) -> None:
    """Parse letters in bulk into DIR/results.jsonl (the 'parse --format jsonl' records)."""
    _run_batch("parse", sources, out, workers, scheduler)


@batch_app.command("review")
def batch_review(sources: Sources, out: OutDir, workers: Workers = 1, scheduler: Scheduler = None) -> None:
    """Review cases or letters in bulk into DIR/results.jsonl (the 'decide --format jsonl' lines)."""
    _run_batch("review", sources, out, workers, scheduler)


@app.command()
def stats(
    source: Annotated[str, typer.Argument(help="A batch output folder, or a database URL of the service.")],
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
    print(f"requests decided both ways for the same claimant: {len(result.inconsistencies)}")
    target = analytics.write_report(result, report or default_report)
    print(f"report: {target}")


@app.command()
def version() -> None:
    """Print the OpenIMR version."""
    print(__version__)


def main() -> None:  # pragma: no cover - console entry point
    app()
