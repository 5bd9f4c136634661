"""Pooled PostgreSQL connections: instead of pool_pre_ping's round trip on every checkout,
only a connection idle longer than STILTE_S is pinged, and a dead one is replaced unseen."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import text

from commissie import db
from commissie.config import normaliseer_database_url
from tests.conftest import PG_URL, werker_url

pytestmark = pytest.mark.skipif(not PG_URL, reason="alleen met PostgreSQL")


def _url() -> str:
    assert PG_URL
    return werker_url(normaliseer_database_url(PG_URL))


async def _pid(engine: Any) -> int:
    async with engine.connect() as conn:
        return int(await conn.scalar(text("SELECT pg_backend_pid()")))


async def _beeindig(url: str, pid: int) -> None:
    hulp = db.maak_engine(url)
    try:
        async with hulp.connect() as conn:
            await conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
    finally:
        await hulp.dispose()


def test_dode_verbinding_na_stilte_wordt_vervangen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "STILTE_S", 0.0)  # every returned connection counts as idle
    url = _url()  # outside the event loop: it may create the worker's database

    async def main() -> tuple[int, int]:
        engine = db.maak_engine(url)
        try:
            eerste = await _pid(engine)
            await _beeindig(url, eerste)
            await asyncio.sleep(0.2)
            return eerste, await _pid(engine)  # no error: pinged, found dead, replaced
        finally:
            await engine.dispose()

    eerste, tweede = asyncio.run(main())
    assert tweede != eerste


@pytest.mark.parametrize(("stilte", "pings"), [(10.0, 0), (0.0, 4)])
def test_alleen_stille_verbindingen_worden_gepingd(
    monkeypatch: pytest.MonkeyPatch, stilte: float, pings: int
) -> None:
    monkeypatch.setattr(db, "STILTE_S", stilte)
    url = _url()

    async def main() -> int:
        engine = db.maak_engine(url)
        dialect = engine.sync_engine.dialect
        geteld = 0
        echt = dialect.do_ping

        def tel(conn: Any) -> bool:
            nonlocal geteld
            geteld += 1
            return echt(conn)

        monkeypatch.setattr(dialect, "do_ping", tel)
        try:
            for _ in range(5):  # the same pooled connection, returned and taken again
                await _pid(engine)
            return geteld
        finally:
            await engine.dispose()

    assert asyncio.run(main()) == pings


def test_sessie_zonder_jit_en_zonder_parallelle_workers() -> None:
    """The app's PostgreSQL sessions run without JIT and without parallel workers (short
    indexed queries; the server's defaults would add a compile or a worker start-up)."""
    url = _url()

    async def main() -> tuple[str, str]:
        engine = db.maak_engine(url)
        try:
            async with engine.connect() as conn:
                jit = await conn.scalar(text("SHOW jit"))
                parallel = await conn.scalar(text("SHOW max_parallel_workers_per_gather"))
                return str(jit), str(parallel)
        finally:
            await engine.dispose()

    assert asyncio.run(main()) == ("off", "0")
