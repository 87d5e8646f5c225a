"""openimr guidelines list / show / validate."""

from __future__ import annotations

from typing import Annotated

import typer

from openimr.cli import app, err_console

guidelines_app = typer.Typer(help="List, show and validate the guideline files.", no_args_is_help=True)
app.add_typer(guidelines_app, name="guidelines")


@guidelines_app.command("list", epilog="Example: openimr guidelines list")
def guidelines_list() -> None:
    """List every guideline file: id, source, topics, dates in force."""
    from openimr.guidelines.loader import all_guidelines

    for g in all_guidelines():
        end = g.spec.in_force.end or ""
        flag = f"  (unverified: {', '.join(g.spec.unverified_params)})" if g.spec.unverified_params else ""
        print(
            f"{g.id:<52} {g.spec.citation.source:<5} {g.spec.in_force.start}..{end}  {', '.join(g.spec.topics)}{flag}"
        )


@guidelines_app.command("show", epilog="Example: openimr guidelines show mtus-acupuncture-2007")
def guidelines_show(
    guideline_id: Annotated[str, typer.Argument(help="A guideline id from 'guidelines list'.", metavar="GUIDELINE_ID")],
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


@guidelines_app.command("validate", epilog="Example: openimr guidelines validate")
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
        gave = f"{r.got} {r.got_criteria}" if r.expected_criteria else r.got
        wanted = f"{r.expected} {r.expected_criteria}" if r.expected_criteria else r.expected
        err_console.print(f"error: {r.guideline}: '{r.case}' gave {gave}, expected {wanted}", markup=False)
    print(f"{count} guideline files valid; {len(results) - len(bad)} passed, {len(bad)} failed")
    raise typer.Exit(1 if bad else 0)
