"""agenda lines: a member's hearings by index

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29 13:30:00

The agenda feed started from the member's seats (every case of their career) or from every
committee's hearings in the window; both grow with the years. One row per active seat and
hearing, kept in the flush that changes either, indexed on (member, start).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from commissie.db import UTCDateTime

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agendaregel",
        sa.Column("lid_id", sa.Integer(), sa.ForeignKey("lid.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("zitting_id", sa.Integer(), sa.ForeignKey("zitting.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("zaak_id", sa.Integer(), sa.ForeignKey("zaak.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("begin", UTCDateTime(), nullable=False),
    )  # fmt: skip
    op.execute(
        'INSERT INTO agendaregel (lid_id, zitting_id, zaak_id, "begin") '
        'SELECT p.lid_id, z.id, z.zaak_id, z."begin" FROM zitting z '
        "JOIN panelzetel p ON p.zaak_id = z.zaak_id WHERE p.actief"
    )
    op.create_index("ix_agendaregel_lid_begin", "agendaregel", ["lid_id", "begin"])
    op.create_index("ix_agendaregel_zaak_id", "agendaregel", ["zaak_id"])


def downgrade() -> None:
    op.drop_table("agendaregel")
