"""Budget (issue 3): assigning one panel takes under 10 ms with 100,000 past cases stored.

Run: `make bench` (SQLite; set COMMISSIE_TEST_DATABASE_URL for PostgreSQL as well).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert, select, text
from sqlalchemy.orm import selectinload

from commissie.config import PROJECT_ROOT, normaliseer_database_url
from commissie.db import maak_engine, maak_sessionmaker
from commissie.leden.models import Lid
from commissie.migraties import upgrade
from commissie.panel import service
from commissie.panel.grootboek import vergrendel
from commissie.panel.models import Grootboek, Panelzetel
from commissie.procedure.opstart import abonnementen, importeer_modellen
from commissie.regios import laad_regios
from commissie.zaken.models import Partij, Zaak

importeer_modellen()
VERLEDEN = 100_000
BUDGET_S = 0.010
NU = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _backends() -> list[str]:
    uit = ["sqlite"]
    if os.environ.get("COMMISSIE_TEST_DATABASE_URL"):
        uit.append("postgres")
    return uit


async def _vul(url: str) -> int:
    engine = maak_engine(url)
    if url.startswith("postgresql"):
        async with engine.begin() as c:
            await c.execute(text("DROP SCHEMA public CASCADE"))
            await c.execute(text("CREATE SCHEMA public"))
    await upgrade(engine)
    async with engine.begin() as c:
        leden = [
            {
                "commissie_code": "TI",
                "naam": f"Lid {i}",
                "korps_code": "TW" if i % 2 else "IJ",
                "eenheid": f"Eenheid {i % 5}",
                "kan_voorzitten": i % 3 != 0,
                "actief": True,
                "volgorde": i,
                "aangemaakt_op": NU,
            }
            for i in range(1, 13)
        ]
        await c.execute(insert(Lid), leden)
        lid_ids = list((await c.execute(select(Lid.id).order_by(Lid.id))).scalars())
        await c.execute(
            insert(Grootboek),
            [{"lid_id": i, "zetels": "1/7", "voorzitter": "-1/3"} for i in lid_ids],
        )
        start = date(2000, 1, 3)
        for blok in range(0, VERLEDEN, 10_000):
            zaken = [
                {
                    "nummer": f"TI-{2000 + n // 5000}-{n % 5000:05d}",
                    "commissie_code": "TI",
                    "jaar": 2000 + n // 5000,
                    "volgnummer": n % 5000 + 1,
                    "status": "afgesloten",
                    "ontvangen_op": start + timedelta(days=n // 15),
                    "geregistreerd_op": NU,
                    "korps_code": "TW" if n % 3 else "IJ",
                    "omschrijving": "x",
                    "verdaagd_weken": 0,
                    "strafonderzoek_lopend": False,
                    "gewijzigd_op": NU,
                }
                for n in range(blok, blok + 10_000)
            ]
            await c.execute(insert(Zaak), zaken)
        ids = list((await c.execute(select(Zaak.id).order_by(Zaak.id))).scalars())
        for blok in range(0, len(ids), 10_000):
            zetels = [
                {
                    "zaak_id": zid,
                    "lid_id": lid_ids[(zid + k) % len(lid_ids)],
                    "rol": "voorzitter" if k == 0 else "lid",
                    "actief": True,
                    "aangewezen_op": NU,
                    "uitleg": {},
                }
                for zid in ids[blok : blok + 10_000]
                for k in range(3)
            ]
            await c.execute(insert(Panelzetel), zetels)
        # The case whose panel is measured.
        await c.execute(
            insert(Zaak),
            [
                {
                    "nummer": "TI-2026-9999",
                    "commissie_code": "TI",
                    "jaar": 2026,
                    "volgnummer": 9999,
                    "status": "ontvangen",
                    "ontvangen_op": date(2026, 11, 2),
                    "geregistreerd_op": NU,
                    "korps_code": "IJ",
                    "omschrijving": "x",
                    "verdaagd_weken": 0,
                    "strafonderzoek_lopend": False,
                    "gewijzigd_op": NU,
                }
            ],
        )
        zid = (await c.execute(select(Zaak.id).where(Zaak.nummer == "TI-2026-9999"))).scalar_one()
        await c.execute(
            insert(Partij),
            [
                {
                    "zaak_id": zid,
                    "rol": "klager",
                    "naam": "K",
                    "naam_sleutel": "k",
                    "korps_code": "IJ",
                },
                {
                    "zaak_id": zid,
                    "rol": "beklaagde",
                    "naam": "B",
                    "naam_sleutel": "b",
                    "korps_code": "IJ",
                    "eenheid": "Eenheid 2",
                },
            ],
        )
    await engine.dispose()
    return zid


@pytest.fixture(scope="module", params=_backends())
def database(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, int]]:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{Path(tmp_path_factory.mktemp('bench')) / 'bench.db'}"
    else:
        url = normaliseer_database_url(os.environ["COMMISSIE_TEST_DATABASE_URL"])
    zid = asyncio.run(_vul(url))
    yield url, zid


def test_panel_toewijzen_met_100000_zaken(benchmark, database: tuple[str, int]) -> None:  # type: ignore[no-untyped-def]
    url, zid = database
    commissie = laad_regios(PROJECT_ROOT / "regios").commissies["TI"]
    loop = asyncio.new_event_loop()
    engine = maak_engine(url)
    maker = maak_sessionmaker(engine, abonnementen())

    async def een_keer() -> int:
        async with maker() as s:
            zaak = await s.scalar(
                select(Zaak)
                .where(Zaak.id == zid)
                .options(selectinload(Zaak.partijen), selectinload(Zaak.gebeurtenissen))
            )
            assert zaak is not None
            await vergrendel(s, commissie.code)
            nieuw = await service._samenstellen(
                session=s,
                zaak=zaak,
                commissie=commissie,
                actor=None,
                nu=NU,
                actief=await service.actieve_zetels(s, zaak.id),
            )
            await s.rollback()  # measure the same assignment every round
            return len(nieuw)

    try:
        assert loop.run_until_complete(een_keer()) == 3
        benchmark.pedantic(
            lambda: loop.run_until_complete(een_keer()), rounds=200, warmup_rounds=10
        )
        assert benchmark.stats.stats.median < BUDGET_S, (
            f"mediaan {benchmark.stats.stats.median * 1000:.1f} ms"
        )
    finally:
        loop.run_until_complete(engine.dispose())
        loop.close()
