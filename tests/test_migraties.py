"""The Alembic migrations build exactly the schema the models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.db import Base
from tests.conftest import run_db


def test_migraties_en_modellen_komen_overeen(db: str) -> None:
    async def verschil(s: AsyncSession) -> list[object]:
        conn = await s.connection()
        return await conn.run_sync(
            lambda c: compare_metadata(
                MigrationContext.configure(c, opts={"compare_type": True}), Base.metadata
            )
        )

    assert run_db(db, verschil) == []
