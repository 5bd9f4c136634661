"""panelzetel: one active seat per member per case, one active chair per case

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "uq_panelzetel_zaak_lid_actief",
        "panelzetel",
        ["zaak_id", "lid_id"],
        unique=True,
        sqlite_where=sa.text("actief"),
        postgresql_where=sa.text("actief"),
    )
    op.create_index(
        "uq_panelzetel_zaak_voorzitter_actief",
        "panelzetel",
        ["zaak_id"],
        unique=True,
        sqlite_where=sa.text("actief AND rol = 'voorzitter'"),
        postgresql_where=sa.text("actief AND rol = 'voorzitter'"),
    )


def downgrade() -> None:
    op.drop_index("uq_panelzetel_zaak_voorzitter_actief", table_name="panelzetel")
    op.drop_index("uq_panelzetel_zaak_lid_actief", table_name="panelzetel")
