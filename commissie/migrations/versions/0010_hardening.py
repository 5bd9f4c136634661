"""hardening: login attempts per address, token expiry

Revision ID: 0010
Revises: 0006
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from alembic import op

import commissie.db

revision = "0010"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mislukte_poging", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("adres", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.create_index("ix_mislukte_poging_adres_op", ["adres", "op"], unique=False)
    with op.batch_alter_table("mislukte_poging", schema=None) as batch_op:
        batch_op.alter_column("adres", server_default=None)
    with op.batch_alter_table("token", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("verloopt_op", commissie.db.UTCDateTime(timezone=True), nullable=True)
        )
    # Tokens made before expiry existed get the default lifetime from their creation.
    token = sa.table(
        "token",
        sa.column("id", sa.Integer()),
        sa.column("aangemaakt_op", commissie.db.UTCDateTime(timezone=True)),
        sa.column("verloopt_op", commissie.db.UTCDateTime(timezone=True)),
    )
    conn = op.get_bind()
    for rij in conn.execute(sa.select(token.c.id, token.c.aangemaakt_op)).all():
        conn.execute(
            token.update()
            .where(token.c.id == rij.id)
            .values(verloopt_op=rij.aangemaakt_op + timedelta(days=90))
        )
    with op.batch_alter_table("token", schema=None) as batch_op:
        batch_op.alter_column(
            "verloopt_op",
            existing_type=commissie.db.UTCDateTime(timezone=True),
            nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("token", schema=None) as batch_op:
        batch_op.drop_column("verloopt_op")
    with op.batch_alter_table("mislukte_poging", schema=None) as batch_op:
        batch_op.drop_index("ix_mislukte_poging_adres_op")
        batch_op.drop_column("adres")
