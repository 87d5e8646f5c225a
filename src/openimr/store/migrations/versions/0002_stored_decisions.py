"""one stored decision behind every letter: the case reviewed, the engine's result, the letter rendered at
issue; one item per position; the assignment date; the digest of an idempotent request's body

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applications") as batch:
        batch.add_column(sa.Column("idempotency_digest", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("assigned_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("reviewed_case", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("engine_result", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("letter_text", sa.Text(), nullable=True))
        batch.add_column(sa.Column("letter_html", sa.Text(), nullable=True))
        batch.add_column(sa.Column("letter_pdf", sa.LargeBinary(), nullable=True))
    with op.batch_alter_table("item_reviews") as batch:
        batch.add_column(sa.Column("decided_at", sa.DateTime(), nullable=True))
    # Two simultaneous "start review" calls could store the items twice; keep the first of each position,
    # then let the database refuse a second one.
    op.execute(
        "DELETE FROM item_reviews WHERE id NOT IN "
        "(SELECT keep FROM (SELECT MIN(id) AS keep FROM item_reviews GROUP BY application_id, position) AS firsts)"
    )
    op.create_index("uq_item_reviews_position", "item_reviews", ["application_id", "position"], unique=True)


def downgrade() -> None:
    op.drop_index("uq_item_reviews_position", table_name="item_reviews")
    with op.batch_alter_table("item_reviews") as batch:
        batch.drop_column("decided_at")
    with op.batch_alter_table("applications") as batch:
        for column in (
            "letter_pdf",
            "letter_html",
            "letter_text",
            "engine_result",
            "reviewed_case",
            "assigned_at",
            "idempotency_digest",
        ):
            batch.drop_column(column)
