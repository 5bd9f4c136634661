"""timeline date and free text, looks by the command line, case-number counter

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 05:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("gebeurtenis", schema=None) as batch_op:
        batch_op.add_column(sa.Column("datum", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("toelichting", sa.Text(), nullable=True))

    with op.batch_alter_table("inzage", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("door_naam", sa.String(length=80), nullable=False, server_default="")
        )
        batch_op.alter_column("gebruiker_id", existing_type=sa.Integer(), nullable=True)
    # Earlier looks were all by accounts: name them.
    op.execute(
        "UPDATE inzage SET door_naam = (SELECT gebruikersnaam FROM gebruiker "
        "WHERE gebruiker.id = inzage.gebruiker_id)"
    )
    with op.batch_alter_table("inzage", schema=None) as batch_op:
        batch_op.alter_column("door_naam", server_default=None)

    op.create_table(
        "zaak_teller",
        sa.Column("commissie_code", sa.String(length=8), nullable=False),
        sa.Column("jaar", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("laatste", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("commissie_code", "jaar", name=op.f("pk_zaak_teller")),
    )
    # The counters continue where the existing numbers stop.
    op.execute(
        "INSERT INTO zaak_teller (commissie_code, jaar, laatste) "
        "SELECT commissie_code, jaar, MAX(volgnummer) FROM zaak GROUP BY commissie_code, jaar"
    )


def downgrade() -> None:
    op.drop_table("zaak_teller")
    op.execute("DELETE FROM inzage WHERE gebruiker_id IS NULL")
    with op.batch_alter_table("inzage", schema=None) as batch_op:
        batch_op.alter_column("gebruiker_id", existing_type=sa.Integer(), nullable=False)
        batch_op.drop_column("door_naam")
    with op.batch_alter_table("gebeurtenis", schema=None) as batch_op:
        batch_op.drop_column("toelichting")
        batch_op.drop_column("datum")
