"""Database plumbing: declarative base, UTC datetimes, engine and session factory."""

from __future__ import annotations

import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Integer, MetaData, Subquery, event, literal_column, select
from sqlalchemy import union_all as _union_all
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from commissie.eenheid import BUS

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in, aware UTC out, on every backend (SQLite keeps no zone itself)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: instants must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


def maak_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite"):
        engine = create_async_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    # hide_parameters: an error message must never carry a complaint's text or a name.
    engine = create_async_engine(
        url,
        pool_size=10,
        max_overflow=10,
        pool_recycle=3600,
        hide_parameters=True,
        connect_args={"server_settings": PG_SESSIE},
    )
    _ping_na_stilte(engine)
    return engine


# Short indexed queries, many at once: a JIT compile (a second on a large scan) or a parallel
# worker's start-up (milliseconds, on a machine whose cores the other requests need) costs
# more than it saves. Per session, so the server's defaults stay for everyone else.
PG_SESSIE = {"jit": "off", "max_parallel_workers_per_gather": "0"}

# A connection idle this long is pinged before use; one used a moment ago is not.
STILTE_S = 10.0


def _ping_na_stilte(engine: AsyncEngine) -> None:
    """pool_pre_ping without its round trip on every checkout. What kills a pooled PostgreSQL
    connection (a server restart, an idle timeout, a firewall) strikes connections lying idle,
    so those are pinged and replaced when dead; a busy connection skips the ping. Should one die
    between two requests anyway, SQLAlchemy sees the disconnect, drops the whole pool, and only
    that one request fails. pool_recycle bounds a connection's age besides."""
    dialect = engine.sync_engine.dialect

    @event.listens_for(engine.sync_engine, "checkin")
    def _terug(_dbapi_conn: Any, record: Any) -> None:
        record.info["vrij_sinds"] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def _uit(dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        sinds = record.info.get("vrij_sinds")
        if sinds is None or time.monotonic() - sinds < STILTE_S:
            return  # new, or used a moment ago
        try:
            dialect.do_ping(dbapi_conn)
        except Exception as e:
            # The pool discards this connection and checks out another (up to three tries).
            raise DisconnectionError("verbinding verbroken tijdens stilte") from e


def soorten(aantal: int) -> Subquery:
    """Rows k = 1..aantal, to load several child tables in one statement: each child joins only
    on its own k, so the rows add up (one per child record) instead of multiplying."""
    return _union_all(
        *(select(literal_column(str(k), Integer).label("k")) for k in range(1, aantal + 1))
    ).subquery("soort")


def maak_sessionmaker(
    engine: AsyncEngine, bus: object | None = None
) -> async_sessionmaker[AsyncSession]:
    """Sessions for units of work; `bus` rides along in Session.info for `publiceer`."""
    return async_sessionmaker(
        engine, expire_on_commit=False, autoflush=False, info={BUS: bus} if bus else {}
    )
