"""Alembic, driven from code: `commissie db upgrade`, the demo and the tests use this."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncEngine

MAP = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MAP))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


async def upgrade(engine: AsyncEngine, revisie: str = "head") -> None:
    async with engine.begin() as conn:
        await conn.run_sync(lambda c: command.upgrade(alembic_config(c), revisie))
    await statistieken(engine)


async def statistieken(engine: AsyncEngine) -> None:
    """SQLite plans without statistics pick the wrong index on large tables (the case list
    went quadratic): gather them. PostgreSQL's autovacuum keeps its own; ANALYZE there too,
    so a bulk load is planned right at once."""
    async with engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            await conn.execute(text("ANALYZE"))
            await conn.execute(text("PRAGMA optimize"))
        else:
            await conn.execute(text("ANALYZE"))
