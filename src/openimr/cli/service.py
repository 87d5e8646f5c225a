"""openimr users / serve: the IMR service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from openimr.cli import app, err_console

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

T = TypeVar("T")
users_app = typer.Typer(help="Users of the service and their bearer tokens.", no_args_is_help=True)
app.add_typer(users_app, name="users")


def _in_database(action: Callable[[Session], T]) -> T:
    """Run ``action`` in a session of the configured database (migrated first); a refused action or a
    database that is down is one line on stderr and exit code 1."""
    from openimr import service
    from openimr.config import settings
    from openimr.store.db import DatabaseUnavailable, migrate, session_scope

    try:
        migrate(settings().database_url)
        with session_scope(settings().database_url) as session:
            return action(session)
    except service.ServiceError as exc:
        err_console.print(f"error: {exc.message}", markup=False)
        raise typer.Exit(1) from exc
    except DatabaseUnavailable as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc


UserName = Annotated[str, typer.Argument(help="The user's name.", show_default=False, metavar="NAME")]


@users_app.command("create", epilog="Example: openimr users create kim --role reviewer --reviewer-id 3")
def users_create(
    name: Annotated[str, typer.Argument(help="A unique user name.", metavar="NAME")],
    role: Annotated[str, typer.Option("--role", help="admin, intake, reviewer or auditor.")],
    reviewer_id: Annotated[int | None, typer.Option("--reviewer-id", help="For a reviewer: the panel member.")] = None,
) -> None:
    """Create a user; its bearer token is printed on the last line (and stored only as a digest)."""
    from openimr import service

    token = _in_database(lambda session: service.create_user(session, name, role, reviewer_id))
    print(f"created {role} {name}")
    print(token)


@users_app.command("list", epilog="Example: openimr users list")
def users_list() -> None:
    """List the users: name, role, reviewer, created, and whether their access is revoked."""
    from rich.console import Console
    from rich.table import Table

    from openimr import service

    def rows(session: Session) -> list[tuple[str, ...]]:
        return [
            (
                u.name,
                u.role,
                str(u.reviewer_id or ""),
                u.created_at.strftime("%Y-%m-%d %H:%M"),
                f"revoked {u.revoked_at:%Y-%m-%d}" if u.revoked_at else "active",
            )
            for u in service.list_users(session)
        ]

    table = Table("name", "role", "reviewer", "created (UTC)", "access")
    for row in _in_database(rows):
        table.add_row(*row)
    Console(highlight=False).print(table)


@users_app.command("rotate", epilog="Example: openimr users rotate kim")
def users_rotate(name: UserName) -> None:
    """Give a user a new token (the old one stops working; a revoked user gets access back). The token is
    printed on the last line, once."""
    from openimr import service

    token = _in_database(lambda session: service.rotate_token(session, name))
    print(f"new token for {name}")
    print(token)


@users_app.command("revoke", epilog="Example: openimr users revoke kim")
def users_revoke(name: UserName) -> None:
    """Revoke a user's access: its token signs in no more; what it did stays on record."""
    from openimr import service

    _in_database(lambda session: service.revoke_user(session, name))
    print(f"revoked {name}")


def _check_port_free(host: str, port: int) -> None:
    """A port another process holds is a one-line error before anything says the service is up."""
    import socket

    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            err_console.print(f"error: cannot listen on {host}:{port}: {exc.strerror or exc}", markup=False)
            raise typer.Exit(1) from exc


@app.command(epilog="Example: openimr serve --demo --port 8000")
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    demo: Annotated[bool, typer.Option("--demo", help="Load demo reviewers, users and the sample cases.")] = False,
    log_format: Annotated[
        str | None,
        typer.Option(
            "--log-format",
            metavar="text|json|off",
            help="Access log on standard error: a line of text per request (the default, OPENIMR_LOG_FORMAT), "
            "a JSON object per line, or off. It holds method, path, status, time and user id, never case text.",
        ),
    ] = None,
) -> None:
    """Run the IMR service (API at /v1, OpenAPI at /docs, workbench at /ui) on the configured database."""
    import uvicorn

    from openimr.config import settings
    from openimr.store.db import DatabaseUnavailable, migrate, redacted_url
    from openimr.web.app import create_app

    chosen = settings()
    if log_format is not None:
        from openimr.web.access_log import LOG_FORMATS

        if log_format not in LOG_FORMATS:
            err_console.print(f"error: --log-format must be one of {', '.join(LOG_FORMATS)}, not {log_format!r}")
            raise typer.Exit(2)
        chosen = chosen.model_copy(update={"log_format": log_format})
    _check_port_free(host, port)
    try:
        migrate(chosen.database_url)
        if demo:
            from openimr.demo import load_demo, sample_cases

            for line in load_demo(chosen, sample_cases()):
                print(line)
    except DatabaseUnavailable as exc:
        err_console.print(f"error: {exc}", markup=False)
        raise typer.Exit(1) from exc
    print(f"OpenIMR on http://{host}:{port}/ui/ (API /v1, OpenAPI /docs), database {redacted_url(chosen.database_url)}")
    uvicorn.run(create_app(chosen), host=host, port=port, log_level="warning")
