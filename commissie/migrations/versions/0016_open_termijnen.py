"""partial index on open deadlines (the deadline list at a million cases)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-29 11:00:00

SQLite keeps no value statistics: to its planner `status = 'open'` matches a third of all
deadlines, so with many committees it starts from the committee's cases and sorts. A partial
index holds only the open deadlines; its row count is what ANALYZE records. It replaces the
index on (status, einddatum), which nothing else reads and which every deadline paid for.
Also an index on the hearings' start: a member's agenda feed reads only recent and coming ones.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    op.drop_index("ix_termijn_status_einddatum", table_name="termijn")
    op.create_index(
        "ix_termijn_open_einddatum",
        "termijn",
        ["einddatum", "zaak_id"],
        sqlite_where=OPEN,
        postgresql_where=OPEN,
    )
    op.create_index("ix_zitting_begin_zaak", "zitting", ["begin", "zaak_id"])


def downgrade() -> None:
    op.drop_index("ix_zitting_begin_zaak", table_name="zitting")
    op.drop_index("ix_termijn_open_einddatum", table_name="termijn")
    op.create_index("ix_termijn_status_einddatum", "termijn", ["status", "einddatum"])
