"""openimr users / serve: the IMR service."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from openimr.cli import app, err_console

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
