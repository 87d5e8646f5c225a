"""Alembic environment: runs on the connection handed over by ``openimr.store.db.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from openimr.store.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:
    connection = create_engine(context.config.get_main_option("sqlalchemy.url")).connect()
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
