"""mail outbox (post) and optional e-mail addresses of the parties

Revision ID: 0012
Revises: 0006
Create Date: 2026-11-29 07:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import commissie.db

revision = "0012"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partij", schema=None) as batch_op:
        batch_op.add_column(sa.Column("email", sa.String(length=254), nullable=True))

    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commissie_code", sa.String(length=8), nullable=False),
        sa.Column("zaak_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.String(length=200), nullable=False),
        sa.Column("afzender", sa.String(length=254), nullable=False),
        sa.Column("aan", sa.String(length=254), nullable=False),
        sa.Column("onderwerp", sa.String(length=200), nullable=False),
        sa.Column("tekst", sa.Text(), nullable=False),
        sa.Column("ics", sa.Text(), nullable=True),
        sa.Column("methode", sa.String(length=10), nullable=True),
        sa.Column("uid", sa.String(length=200), nullable=True),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("pogingen", sa.Integer(), nullable=False),
        sa.Column("laatste_fout", sa.String(length=500), nullable=True),
        sa.Column("volgende_poging", commissie.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("claim", sa.String(length=40), nullable=True),
        sa.Column("claim_tot", commissie.db.UTCDateTime(timezone=True), nullable=True),
        sa.Column("aangemaakt_op", commissie.db.UTCDateTime(timezone=True), nullable=False),
        sa.Column("verzonden_op", commissie.db.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["zaak_id"], ["zaak.id"], name=op.f("fk_post_zaak_id_zaak"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
        sa.UniqueConstraint("message_id", name=op.f("uq_post_message_id")),
    )
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.create_index(
            "ix_post_status_volgende_poging", ["status", "volgende_poging"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_post_zaak_id"), ["zaak_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("post", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_post_zaak_id"))
        batch_op.drop_index("ix_post_status_volgende_poging")
    op.drop_table("post")
    with op.batch_alter_table("partij", schema=None) as batch_op:
        batch_op.drop_column("email")
