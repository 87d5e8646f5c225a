"""Engines, sessions and migrations. A database that cannot be reached gives a clear error naming it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker


class DatabaseUnavailable(RuntimeError):
    """The database named by the URL cannot be reached or opened."""


def redacted_url(url: str) -> str:
    """The URL with its password hidden, for messages and banners."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


class UnsupportedDatabaseURL(DatabaseUnavailable):
    """The database URL is not one OpenIMR can use: not a URL, or a database other than SQLite and PostgreSQL."""


_SUPPORTED = "sqlite:///FILE or postgresql://USER:PASSWORD@HOST:PORT/DATABASE"


def supported_url(url: str) -> str:
    """The URL to connect with, or a one-line error naming what OpenIMR supports: SQLite, or PostgreSQL through
    psycopg 3, the driver installed (SQLAlchemy's default for a plain ``postgresql://``). Without this check a
    MySQL URL ended in a traceback about a missing module."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        shown = re.sub(r"://([^:/@]*):[^@]*@", r"://\1:***@", url)
        raise UnsupportedDatabaseURL(f"the database URL {shown!r} is not a URL: use {_SUPPORTED}") from None
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if backend == "sqlite":
        return url
    if backend == "postgresql" and driver == "psycopg":
        return url
    shown = parsed.render_as_string(hide_password=True)
    raise UnsupportedDatabaseURL(
        f"the database URL {shown} names {parsed.drivername}, which OpenIMR does not support: use {_SUPPORTED}"
    )


@cache
def engine_for(url: str) -> Engine:
    url = supported_url(url)
    # hide_parameters: a database error's message never carries the values it was writing (a record's text)
    kwargs: dict = {"future": True, "pool_pre_ping": True, "hide_parameters": True}
    if url.startswith("sqlite"):
        kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
    engine = create_engine(url, **kwargs)
    if url.startswith("sqlite"):

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

    return engine


def migrate(url: str) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("openimr.store").joinpath("migrations")))
    config.set_main_option("sqlalchemy.url", supported_url(url).replace("%", "%%"))
    try:
        with engine_for(url).begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise DatabaseUnavailable(f"cannot reach the database {redacted_url(url)}: {exc.orig}") from exc


@cache
def session_factory(url: str) -> sessionmaker[Session]:
    return sessionmaker(bind=engine_for(url), expire_on_commit=False)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    session = session_factory(url)()
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        session.rollback()
        raise DatabaseUnavailable(f"cannot reach the database {redacted_url(url)}: {exc.orig}") from exc
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
