"""scale: indexes that follow the list, detail, deadline, 9:8 and load-overview queries;
running totals for the load overview (lastdag, zakendag), filled from the seats and cases

Revision ID: 0014
Revises: 0006
Create Date: 2026-11-29 07:30:00
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
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
    lastdag = op.create_table(
        "lastdag",
        sa.Column("lid_id", sa.Integer(), nullable=False),
        sa.Column("dag", sa.Date(), nullable=False),
        sa.Column("zetels", sa.Integer(), nullable=False),
        sa.Column("voorzitter", sa.Integer(), nullable=False),
        sa.Column("zittingen", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["lid_id"], ["lid.id"], name=op.f("fk_lastdag_lid_id_lid"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("lid_id", "dag", name=op.f("pk_lastdag")),
    )
    zakendag = op.create_table(
        "zakendag",
        sa.Column("commissie_code", sa.String(length=8), nullable=False),
        sa.Column("korps_code", sa.String(length=8), nullable=False),
        sa.Column("dag", sa.Date(), nullable=False),
        sa.Column("zaken", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("commissie_code", "korps_code", "dag", name=op.f("pk_zakendag")),
    )
    _vul(lastdag, zakendag)


def _vul(lastdag: sa.Table, zakendag: sa.Table) -> None:
    """The totals of the data already there (the app keeps them from here on)."""
    ams = ZoneInfo("Europe/Amsterdam")
    conn = op.get_bind()
    zaak = sa.table(
        "zaak",
        sa.column("id", sa.Integer),
        sa.column("commissie_code", sa.String),
        sa.column("korps_code", sa.String),
        sa.column("ontvangen_op", sa.Date),
        sa.column("zitting_op", sa.Date),
    )
    zetel = sa.table(
        "panelzetel",
        sa.column("zaak_id", sa.Integer),
        sa.column("lid_id", sa.Integer),
        sa.column("rol", sa.String),
        sa.column("actief", sa.Boolean),
        sa.column("aangewezen_op", sa.DateTime),
    )
    per_lid: dict[tuple[int, object], list[int]] = {}
    rijen = conn.execute(
        sa.select(zetel.c.lid_id, zetel.c.rol, zetel.c.aangewezen_op, zaak.c.zitting_op)
        .join(zaak, zaak.c.id == zetel.c.zaak_id)
        .where(zetel.c.actief == sa.true())
    )
    for lid_id, rol, op_, zitting in rijen:
        moment = op_ if op_.tzinfo else op_.replace(tzinfo=UTC)
        rij = per_lid.setdefault((lid_id, moment.astimezone(ams).date()), [0, 0, 0])
        rij[0] += 1
        rij[1] += rol == "voorzitter"
        if zitting is not None:
            per_lid.setdefault((lid_id, zitting), [0, 0, 0])[2] += 1
    if per_lid:
        op.bulk_insert(
            lastdag,
            [
                {"lid_id": k[0], "dag": k[1], "zetels": v[0], "voorzitter": v[1], "zittingen": v[2]}
                for k, v in per_lid.items()
            ],
        )
    zaken = Counter(
        tuple(r)
        for r in conn.execute(
            sa.select(zaak.c.commissie_code, zaak.c.korps_code, zaak.c.ontvangen_op)
        )
    )
    if zaken:
        op.bulk_insert(
            zakendag,
            [
                {"commissie_code": c, "korps_code": k, "dag": d, "zaken": n}
                for (c, k, d), n in zaken.items()
            ],
        )


def downgrade() -> None:
    op.drop_table("zakendag")
    op.drop_table("lastdag")
    for naam, tabel, _ in reversed(INDEXEN):
        op.drop_index(naam, table_name=tabel)
