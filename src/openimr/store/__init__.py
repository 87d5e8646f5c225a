"""Storage: SQLAlchemy models, Alembic migrations, sessions. SQLite by default, PostgreSQL by URL."""
