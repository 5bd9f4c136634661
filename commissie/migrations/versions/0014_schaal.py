"""scale: indexes that follow the list, detail, deadline, 9:8 and load-overview queries

Revision ID: 0014
Revises: 0006
Create Date: 2026-11-29 07:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXEN: list[tuple[str, str, list[str]]] = [
    ("ix_zaak_commissie_id", "zaak", ["commissie_code", "id"]),
    ("ix_zaak_commissie_status_id", "zaak", ["commissie_code", "status", "id"]),
    ("ix_zaak_commissie_ontvangen", "zaak", ["commissie_code", "ontvangen_op", "korps_code"]),
    (
        "ix_partij_rol_korps_achternaam_zaak",
        "partij",
        ["rol", "korps_code", "achternaam_sleutel", "zaak_id"],
    ),
    ("ix_gedraging_datum_zaak", "gedraging", ["datum", "zaak_id"]),
    ("ix_termijn_zaak_status_einddatum", "termijn", ["zaak_id", "status", "einddatum"]),
    ("ix_panelzetel_lid_actief_aangewezen", "panelzetel", ["lid_id", "actief", "aangewezen_op"]),
]


def upgrade() -> None:
    for naam, tabel, kolommen in INDEXEN:
        op.create_index(naam, tabel, kolommen)


def downgrade() -> None:
    for naam, tabel, _ in reversed(INDEXEN):
        op.drop_index(naam, table_name=tabel)
