"""procedure corrections: written notice of postponement, late recording, surname key for
Awb 9:8 matching, Atw warning per deadline, vacant chair with its warning

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import commissie.db
from commissie.zaken.signalen import achternaam_sleutel

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partij", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "achternaam_sleutel", sa.String(length=200), nullable=False, server_default=""
            )
        )
    verbinding = op.get_bind()
    partij = sa.table(
        "partij",
        sa.column("id", sa.Integer),
        sa.column("naam", sa.String),
        sa.column("achternaam_sleutel", sa.String),
    )
    for pid, naam in verbinding.execute(sa.select(partij.c.id, partij.c.naam)).all():
        verbinding.execute(
            partij.update()
            .where(partij.c.id == pid)
            .values(achternaam_sleutel=achternaam_sleutel(naam))
        )
    with op.batch_alter_table("partij", schema=None) as batch_op:
        batch_op.alter_column("achternaam_sleutel", server_default=None)
        batch_op.drop_index("ix_partij_rol_korps_sleutel")
        batch_op.create_index(
            "ix_partij_rol_korps_achternaam", ["rol", "korps_code", "achternaam_sleutel"]
        )

    with op.batch_alter_table("termijn", schema=None) as batch_op:
        batch_op.add_column(sa.Column("waarschuwing", sa.String(length=200), nullable=True))

    with op.batch_alter_table("verdaging", schema=None) as batch_op:
        batch_op.add_column(sa.Column("mededeling_op", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("te_laat_vastgelegd", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("verdaging", schema=None) as batch_op:
        batch_op.alter_column("te_laat_vastgelegd", server_default=None)

    op.create_table(
        "voorzittersvacature",
        sa.Column("zaak_id", sa.Integer(), nullable=False),
        sa.Column("waarschuwing", sa.Text(), nullable=False),
        sa.Column("sinds", commissie.db.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["zaak_id"],
            ["zaak.id"],
            name=op.f("fk_voorzittersvacature_zaak_id_zaak"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("zaak_id", name=op.f("pk_voorzittersvacature")),
    )


def downgrade() -> None:
    op.drop_table("voorzittersvacature")
    with op.batch_alter_table("verdaging", schema=None) as batch_op:
        batch_op.drop_column("te_laat_vastgelegd")
        batch_op.drop_column("mededeling_op")
    with op.batch_alter_table("termijn", schema=None) as batch_op:
        batch_op.drop_column("waarschuwing")
    with op.batch_alter_table("partij", schema=None) as batch_op:
        batch_op.drop_index("ix_partij_rol_korps_achternaam")
        batch_op.create_index("ix_partij_rol_korps_sleutel", ["rol", "korps_code", "naam_sleutel"])
        batch_op.drop_column("achternaam_sleutel")
