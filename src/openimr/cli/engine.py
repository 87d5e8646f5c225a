"""openimr decide / eval: the review engine and its letters; agreement with real decisions."""

from __future__ import annotations

import dataclasses
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from openimr import api
from openimr.cli import app, err_console, guideline_failure, report_error


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


def _review(case, refer_below: float | None = None):  # noqa: ANN001, ANN202 - a Case; its CaseDetermination
    """Decide a case; over a long record, with a progress bar on stderr of how much of it has been read."""
    from openimr.config import settings
    from openimr.extract.mentions import READING_PROGRESS

    size = len(case.case_summary)
    if size <= settings().progress_over_chars:
        return api.review(case, refer_below)
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(f"reading {case.id or 'the record'}"), BarColumn(), DownloadColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err_console, transient=True) as bar:
        task = bar.add_task("reading", total=size)
        token = READING_PROGRESS.set(lambda done, total: bar.update(task, completed=done, total=total))
        try:
            return api.review(case, refer_below)
        finally:
            READING_PROGRESS.reset(token)


def _decide_letters(inputs: list, fmt: DecideFormat, out: Path | None) -> bool:
    """Write one letter per case: to ``out`` (a file for one case, a folder for several) or to stdout."""
    kind, suffix = _LETTER_FORMATS[fmt]
    good = [inp for inp in inputs if inp.case is not None]
    if fmt is DecideFormat.pdf and out is None:
        err_console.print("error: --format pdf needs -o FILE or -o DIR", markup=False)
        return True
    as_folder = out is not None and (out.is_dir() or len(good) > 1 or str(out).endswith(("/", "\\")))
    if as_folder and out is not None and not out.is_dir() and out.suffix:
        err_console.print(
            f"error: {len(good)} cases make {len(good)} letters: give a folder to -o (for example -o letters/), "
            f"not the file {out}",
            markup=False,
        )
        return True
    if as_folder:
        out.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
    failed = False
    written: list[Path] = []
    for n, inp in enumerate(inputs, start=1):
        if inp.error or inp.case is None:
            report_error(inp.error)  # type: ignore[arg-type]
            failed = True
            continue
        result = _review(inp.case)
        document = api.render_letter(inp.case, result, kind, inp.letter)
        if out is None:
            sys.stdout.write(document if isinstance(document, str) else document.decode())
            continue
        target = out / f"{_safe_name(inp.case.id, n)}{suffix}" if as_folder else out
        if isinstance(document, bytes):
            target.write_bytes(document)
        else:
            target.write_text(document, encoding="utf-8")
        written.append(target)
    if written:
        where = str(out) if as_folder else str(written[0])
        err_console.print(f"wrote {len(written)} letter(s) ({fmt.value}) to {where}", markup=False)
    return failed


class EvalFormat(StrEnum):
    text = "text"
    json = "json"


CaseFiles = Annotated[
    list[Path],
    typer.Argument(
        help="Case files (JSON object, array or JSONL), case folders (case.json and record files) or letters "
        "(text or PDF).",
        show_default=False,
        metavar="CASE...",
    ),
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
        if det.status == "refer":
            lines.append(f"     REFER to a physician reviewer (leaning {det.decision}): {'; '.join(det.refer_reasons)}")
        lines.append(f"     {det.rationale}")
        if det.missing_documentation:
            lines.append(f"     missing: {'; '.join(det.missing_documentation)}")
    return "\n".join(lines)


@app.command(epilog="Example: openimr decide samples/cases.jsonl --format letter -o letters/")
def decide(
    files: CaseFiles,
    fmt: Annotated[DecideFormat, typer.Option("--format", "-f", help="Output format.")] = DecideFormat.text,
    out: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    refer_below: Annotated[
        float | None,
        typer.Option(
            "--refer-below",
            min=0.0,
            max=1.0,
            help="Mark items whose confidence is under this probability for a physician reviewer (status 'refer').",
        ),
    ] = None,
) -> None:
    """Decide every disputed item of each case under the MTUS, with evidence and rationale; or write each
    case's Final Determination Letter (--format letter|html|pdf)."""
    from openimr.guidelines.loader import GuidelineError, all_guidelines

    try:
        all_guidelines()
    except GuidelineError as exc:
        raise guideline_failure(exc) from exc
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
            result = _review(inp.case, refer_below)
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
            err_console.print(f"wrote the determinations ({fmt.value}) to {out}", markup=False)
    raise typer.Exit(1 if failed else 0)


@app.command(
    name="eval", epilog="Example: openimr eval ../shared/corpus/cases-dev.jsonl --reasons bench/data/dev-reasons.jsonl"
)
def evaluate(
    files: Annotated[
        list[Path],
        typer.Argument(help="JSONL cases with 'expected', or letters.", show_default=False, metavar="DATASET..."),
    ],
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f", help="Output format.")] = EvalFormat.text,
    reasons: Annotated[
        Path | None,
        typer.Option(
            "--reasons",
            help="JSONL of the reviewers' reasons per item (bench/data/dev-reasons.jsonl for the dev set): also "
            "score how often the engine is right for the right reason.",
        ),
    ] = None,
    confidence: Annotated[
        bool,
        typer.Option(
            "--confidence",
            help="Also measure the confidence: a reliability table, its AUC against correctness and the accuracy "
            "of the most confident 60%, 80% and 100% of items, from cross-validated confidences.",
        ),
    ] = False,
) -> None:
    """Score the engine against real reviewers' decisions (accuracy, kappa, by category; with --reasons, right
    for the right reason; with --confidence, how well the confidence ranks and calibrates)."""
    from openimr.eval.reasons import AnnotationError
    from openimr.guidelines.loader import GuidelineError

    try:
        result, errors = api.evaluate(files, reasons, confidence)
    except GuidelineError as exc:
        raise guideline_failure(exc) from exc
    except (AnnotationError, OSError) as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    for err in errors:
        report_error(err)
    if fmt is EvalFormat.json:
        print(json.dumps(dataclasses.asdict(result), indent=2))
    else:
        print(_agreement_text(result))
    raise typer.Exit(1 if errors and not result.items else 0)


def _short(text: str, width: int = 70) -> str:
    """A request title on one line, cut at a word near ``width`` characters."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= width else one_line[:width].rsplit(" ", 1)[0] + "..."


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
    if result.disagreements:
        lines += ["", f"disagreements ({len(result.disagreements)}):"]
        lines += [
            f"  {d['id'] or '-'}: {_short(d['request'])} - reviewer {d['expected']}, engine {d['got']}"
            for d in result.disagreements
        ]
    if result.confidence:
        c = result.confidence
        lines += ["", "confidence (cross-validated by case)     items  predicted  observed"]
        lines += [
            f"  {row['bin']:<38} {row['items']:>5}  {row['predicted']:>9.3f}  {row['observed']:>8.3f}"
            for row in c["reliability"]
        ]
        at = ", ".join(f"{k} {v:.3f}" for k, v in c["accuracy_at"].items())
        lines.append(f"AUC of confidence against correctness {pct(c['auc'])}; accuracy of the most confident {at}")
    if result.reasons:
        r = result.reasons
        lines += [
            f"right for the right reason {r['right_for_the_right_reason']} of {r['annotated']} annotated items "
            f"= {pct(r['rate'])} (right {r['right']}; right for another reason {len(r['right_for_another_reason'])})",
        ]
        lines += [
            f"  {w['id']} item {w['item']}: reviewer {', '.join(w['reviewer'])}; engine {', '.join(w['engine']) or '-'}"
            for w in r["right_for_another_reason"]
        ]
    return "\n".join(lines)
