"""the committee on each deadline: a secretary's deadline list by index

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-29 14:30:00

The deadline list walked the open deadlines of every committee in date order and kept those of
the secretary's committee (about half, for the largest). The case's committee, copied onto its
deadlines, lets a partial index give the committee's own open deadlines in date order. Nullable:
adding a NOT NULL column rebuilds the table; the application always fills it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.add_column("termijn", sa.Column("commissie_code", sa.String(8), nullable=True))
    op.execute(
        "UPDATE termijn SET commissie_code = "
        "(SELECT zaak.commissie_code FROM zaak WHERE zaak.id = termijn.zaak_id)"
    )
    op.create_index(
        "ix_termijn_open_commissie_einddatum",
        "termijn",
        ["commissie_code", "einddatum", "zaak_id"],
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )


def downgrade() -> None:
    op.drop_index("ix_termijn_open_commissie_einddatum", table_name="termijn")
    with op.batch_alter_table("termijn") as batch:
        batch.drop_column("commissie_code")
