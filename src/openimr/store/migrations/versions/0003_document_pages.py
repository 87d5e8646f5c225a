"""the documents of an application as the engine reads them: their kind, date and where each page begins

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("kind", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("document_date", sa.Date(), nullable=True))
        batch.add_column(sa.Column("page_starts", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        for column in ("page_starts", "document_date", "kind"):
            batch.drop_column(column)
