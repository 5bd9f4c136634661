"""The members' agenda lines equal a recount (every hearing once per active seat on its case)
after any sequence of seat changes, hearings planned and moved, rollbacks, and commits in any
grouping (Hypothesis, both databases)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.db import maak_engine, maak_sessionmaker
from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel
from commissie.zaken.models import Zaak
from commissie.zittingen.models import Agendaregel, Zitting
from tests.conftest import _leeg

BEGIN = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)

stap = st.one_of(
    st.tuples(st.just("zetel"), st.integers(0, 1), st.integers(0, 3)),
    st.tuples(st.just("weg"), st.integers(0, 30)),
    st.tuples(st.just("terug"), st.integers(0, 30)),
    st.tuples(st.just("lid"), st.integers(0, 30), st.integers(0, 3)),
    st.tuples(st.just("schrap"), st.integers(0, 30)),
    st.tuples(st.just("zitting"), st.integers(0, 1), st.integers(-2000, 2000)),
    st.tuples(st.just("verplaats"), st.integers(0, 30), st.integers(-2000, 2000)),
    st.tuples(st.just("commit")),
    st.tuples(st.just("rollback")),
)  # fmt: skip


def _zaak(n: int) -> Zaak:
    return Zaak(
        nummer=f"TI-2026-{n:04d}", commissie_code="TI", jaar=2026, volgnummer=n,
        status="ontvangen", ontvangen_op=date(2026, 3, 1), geregistreerd_op=BEGIN,
        korps_code="TW", omschrijving="x", gewijzigd_op=BEGIN,
    )  # fmt: skip


def _zitting(zaak_id: int, n: int, uren: int) -> Zitting:
    begin = BEGIN + timedelta(hours=uren)
    return Zitting(
        zaak_id=zaak_id, uid=f"z{n}@test", begin=begin, einde=begin + timedelta(hours=2),
        locatie="Zaal", locatie_adres="Straat 1", partijen=["klager"], aangemaakt_op=BEGIN,
    )  # fmt: skip


async def _vergelijk(s: AsyncSession) -> int:
    """Recount by hand from the rows and compare with the stored lines."""
    zetels = (
        await s.execute(select(Panelzetel.zaak_id, Panelzetel.lid_id, Panelzetel.actief))
    ).all()
    zittingen = (await s.execute(select(Zitting.id, Zitting.zaak_id, Zitting.begin))).all()
    verwacht = {
        (lid_id, zid, zaak_id, begin)
        for zid, zaak_id, begin in zittingen
        for z_zaak, lid_id, actief in zetels
        if actief and z_zaak == zaak_id
    }
    regels = (await s.scalars(select(Agendaregel))).all()
    opgeslagen = [(a.lid_id, a.zitting_id, a.zaak_id, a.begin) for a in regels]
    assert len(opgeslagen) == len(set(opgeslagen))
    assert set(opgeslagen) == verwacht
    return len(verwacht)


async def _speel(url: str, stappen: list[tuple[Any, ...]]) -> None:
    engine = maak_engine(url)
    sm = maak_sessionmaker(engine)
    try:
        async with sm() as s:
            await _leeg(s)
            await s.commit()
        async with sm() as s:
            leden = [
                Lid(commissie_code="TI", naam=f"L{i}", korps_code="TW", aangemaakt_op=BEGIN)
                for i in range(4)
            ]
            zaken = [_zaak(i + 1) for i in range(2)]
            s.add_all([*leden, *zaken])
            await s.flush()
            lid_ids = [x.id for x in leden]
            zaak_ids = [x.id for x in zaken]
            # A start with lines to change: two seats and a hearing on the first case.
            s.add_all(
                [
                    Panelzetel(zaak_id=zaak_ids[0], lid_id=lid_ids[i], rol="lid", actief=True,
                               aangewezen_op=BEGIN, uitleg={})
                    for i in range(2)
                ]
                + [_zitting(zaak_ids[0], 0, 0)]
            )  # fmt: skip
            await s.commit()
            await _vergelijk(s)

            async def stand() -> tuple[list[Panelzetel], list[Zitting]]:
                return (
                    list(await s.scalars(select(Panelzetel).order_by(Panelzetel.id))),
                    list(await s.scalars(select(Zitting).order_by(Zitting.id))),
                )

            zetels, zittingen = await stand()
            n = 0

            def vrij(z: Panelzetel) -> bool:
                """The database allows one active seat per member and case."""
                return not any(
                    x is not z and x.actief and x.zaak_id == z.zaak_id and x.lid_id == z.lid_id
                    for x in zetels
                )

            for st_ in stappen:
                soort = st_[0]
                if soort == "zetel":
                    z = Panelzetel(
                        zaak_id=zaak_ids[st_[1]], lid_id=lid_ids[st_[2]], rol="lid",
                        actief=True, aangewezen_op=BEGIN, uitleg={},
                    )  # fmt: skip
                    if vrij(z):
                        s.add(z)
                        zetels.append(z)
                elif soort in ("weg", "terug", "lid", "schrap") and zetels:
                    z = zetels[st_[1] % len(zetels)]
                    if soort == "weg":
                        z.actief = False
                    elif soort == "terug":
                        z.actief = True
                        if not vrij(z):
                            z.actief = False
                    elif soort == "lid":
                        oud = z.lid_id
                        z.lid_id = lid_ids[st_[2]]
                        if z.actief and not vrij(z):
                            z.lid_id = oud
                    else:
                        await s.delete(z)
                        zetels.remove(z)
                elif soort == "zitting":
                    n += 1
                    zi = _zitting(zaak_ids[st_[1]], n, st_[2])
                    s.add(zi)
                    zittingen.append(zi)
                elif soort == "verplaats" and zittingen:
                    zi = zittingen[st_[1] % len(zittingen)]
                    zi.begin = BEGIN + timedelta(hours=st_[2])
                    zi.einde = zi.begin + timedelta(hours=2)
                elif soort == "commit":
                    await s.commit()
                    await _vergelijk(s)
                elif soort == "rollback":
                    await s.rollback()
                    zetels, zittingen = await stand()
                    await _vergelijk(s)
                await s.flush()
            await s.commit()
        async with sm() as s:
            await _vergelijk(s)
    finally:
        await engine.dispose()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(stappen=st.lists(stap, max_size=40))
def test_agendaregels_gelijk_aan_hertelling(db: str, stappen: list[tuple[Any, ...]]) -> None:
    asyncio.run(_speel(db, stappen))
