"""agenda feed keys of members (agendasleutel)

Revision ID: 0015
Revises: 0011
Create Date: 2026-11-29 08:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import commissie.db

revision = "0015"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "agendasleutel",
        sa.Column("lid_id", sa.Integer(), nullable=False),
        sa.Column("nonce", sa.String(length=64), nullable=False),
        sa.Column("sleutel_hash", sa.String(length=64), nullable=False),
        sa.Column("aangemaakt_op", commissie.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["lid_id"], ["lid.id"], name=op.f("fk_agendasleutel_lid_id_lid"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("lid_id", name=op.f("pk_agendasleutel")),
        sa.UniqueConstraint("sleutel_hash", name=op.f("uq_agendasleutel_sleutel_hash")),
    )


def downgrade() -> None:
    op.drop_table("agendasleutel")
