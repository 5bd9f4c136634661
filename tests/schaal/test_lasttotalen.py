"""The load overview's running totals equal a recount after any sequence of seat changes,
hearing dates and registrations, committed in any grouping (Hypothesis, both databases)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from commissie.db import maak_engine, maak_sessionmaker
from commissie.leden.models import Lid
from commissie.panel.models import Lastdag, Panelzetel, Zakendag
from commissie.zaken.models import Zaak
from tests.conftest import _leeg

AMS = ZoneInfo("Europe/Amsterdam")
BEGIN = datetime(2026, 3, 28, 20, 0, tzinfo=UTC)  # around the switch to summer time

stap = st.one_of(
    st.tuples(st.just("zetel"), st.integers(0, 3), st.integers(0, 3), st.booleans(),
              st.integers(0, 72)),
    st.tuples(st.just("weg"), st.integers(0, 30)),
    st.tuples(st.just("terug"), st.integers(0, 30)),
    st.tuples(st.just("lid"), st.integers(0, 30), st.integers(0, 3)),
    st.tuples(st.just("zitting"), st.integers(0, 3), st.one_of(st.none(), st.integers(0, 5))),
    st.tuples(st.just("zaak"), st.sampled_from(["TW", "IJ"]), st.integers(0, 5)),
    st.tuples(st.just("commit")),
)  # fmt: skip


def _zaak(n: int, korps: str, dag: date) -> Zaak:
    return Zaak(
        nummer=f"TI-2026-{n:04d}", commissie_code="TI", jaar=2026, volgnummer=n,
        status="ontvangen", ontvangen_op=dag, geregistreerd_op=BEGIN, korps_code=korps,
        omschrijving="x", gewijzigd_op=BEGIN,
    )  # fmt: skip


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
            zaken = [_zaak(i + 1, "IJ", date(2026, 3, 1 + i)) for i in range(4)]
            s.add_all([*leden, *zaken])
            await s.flush()
            zetels: list[Panelzetel] = []

            def vrij(z: Panelzetel) -> bool:
                """The database allows one active seat per member and one chair per case."""
                return not any(
                    x is not z and x.actief and x.zaak_id == z.zaak_id
                    and (x.lid_id == z.lid_id or (x.rol == z.rol == "voorzitter"))
                    for x in zetels
                )  # fmt: skip

            for st_ in stappen:
                soort = st_[0]
                if soort == "zetel":
                    _, zi, li, vz, uren = st_
                    z = Panelzetel(
                        zaak_id=zaken[zi].id, lid_id=leden[li].id,
                        rol="voorzitter" if vz else "lid", actief=True,
                        aangewezen_op=BEGIN + timedelta(hours=uren), uitleg={},
                    )  # fmt: skip
                    if vrij(z):
                        s.add(z)
                        zetels.append(z)
                elif soort in ("weg", "terug") and zetels:
                    z = zetels[st_[1] % len(zetels)]
                    if soort == "weg":
                        z.actief = False
                    else:
                        z.actief = True
                        if not vrij(z):
                            z.actief = False
                elif soort == "lid" and zetels:
                    z = zetels[st_[1] % len(zetels)]
                    oud = z.lid_id
                    z.lid_id = leden[st_[2]].id
                    if z.actief and not vrij(z):
                        z.lid_id = oud
                elif soort == "zitting":
                    _, zi, dag = st_
                    zaken[zi].zitting_op = None if dag is None else date(2026, 4, 1 + dag)
                elif soort == "zaak":
                    z = _zaak(len(zaken) + 1, st_[1], date(2026, 3, 1 + st_[2]))
                    s.add(z)
                    zaken.append(z)
                elif soort == "commit":
                    await s.commit()
                await s.flush()
            await s.commit()
        async with sm() as s:
            await _vergelijk(s)
    finally:
        await engine.dispose()


async def _vergelijk(s: Any) -> None:
    """Recount by hand from the rows and compare with the stored totals."""
    zitting = dict((await s.execute(select(Zaak.id, Zaak.zitting_op))).all())
    verwacht: Counter[tuple[int, date, str]] = Counter()
    for z in await s.scalars(select(Panelzetel).where(Panelzetel.actief)):
        dag = z.aangewezen_op.astimezone(AMS).date()
        verwacht[(z.lid_id, dag, "zetels")] += 1
        if z.rol == "voorzitter":
            verwacht[(z.lid_id, dag, "voorzitter")] += 1
        if zitting[z.zaak_id] is not None:
            verwacht[(z.lid_id, zitting[z.zaak_id], "zittingen")] += 1
    opgeslagen: Counter[tuple[int, date, str]] = Counter()
    for r in await s.scalars(select(Lastdag)):
        for veld in ("zetels", "voorzitter", "zittingen"):
            if getattr(r, veld):
                opgeslagen[(r.lid_id, r.dag, veld)] += getattr(r, veld)
    assert opgeslagen == verwacht
    zaken = Counter(
        (c, k, d)
        for c, k, d in (
            await s.execute(select(Zaak.commissie_code, Zaak.korps_code, Zaak.ontvangen_op))
        ).all()
    )
    dagen = {
        (r.commissie_code, r.korps_code, r.dag): r.zaken for r in await s.scalars(select(Zakendag))
    }
    assert {k: v for k, v in dagen.items() if v} == dict(zaken)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(stappen=st.lists(stap, max_size=40))
def test_lopende_totalen_gelijk_aan_hertelling(db: str, stappen: list[tuple[Any, ...]]) -> None:
    asyncio.run(_speel(db, stappen))
