"""The unit of work: a request or command commits everything or nothing, and a step's events
are handled inside it. Also: concurrent registrations each get their own number."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from litestar import Litestar, post
from litestar.di import Provide
from litestar.params import FromPath
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.api.deps import DbSession, provide_db_session
from commissie.app import create_app
from commissie.config import PROJECT_ROOT, Settings
from commissie.db import Base, maak_engine, maak_sessionmaker
from commissie.eenheid import Bus, publiceer, werkeenheid
from commissie.leden.models import Lid
from commissie.procedure.opstart import bouw_omgeving
from commissie.procedure.registratie import registreer
from commissie.zaken.models import Zaak, ZaakTeller
from commissie.zaken.schemas import ZaakIn
from tests.conftest import Gebruikers, Klok, run_db, zaak_body

SECRETARIS = Actor(
    id=0,
    gebruikersnaam="cli:test",
    rol=Rol.SECRETARIS,
    commissie_code="TI",
    korps_code=None,
    lid_id=None,
)


def tellingen(url: str) -> dict[str, int]:
    """Rows per table: what a refused or failed write must leave exactly as it was."""

    async def werk(s: AsyncSession) -> dict[str, int]:
        return {
            t.name: int((await s.execute(text(f"SELECT COUNT(*) FROM {t.name}"))).scalar_one())
            for t in Base.metadata.sorted_tables
        }

    return run_db(url, werk)


class Fout(Exception):
    pass


def test_fout_na_schrijven_rolt_alles_terug_in_een_werkeenheid(
    settings: Settings, klok: Klok, gebruikers: Gebruikers
) -> None:
    """A real registration (case, deadlines, panel, timeline, counter) then an error: nothing."""
    for i, (naam, korps, vz) in enumerate(
        [("Eva", "TW", True), ("Fred", "TW", False), ("Gert", "IJ", True), ("Hans", "IJ", False)]
    ):
        gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i)
    voor = tellingen(settings.database_url)
    omgeving = bouw_omgeving(settings, klok)

    async def werk() -> None:
        try:
            with pytest.raises(Fout):
                async with werkeenheid(omgeving.sessionmaker) as s:
                    zaak, _ = await registreer(
                        session=s,
                        actor=SECRETARIS,
                        invoer=_zaak_in(),
                        regios=omgeving.regios,
                        kalender=omgeving.kalender,
                        nu=klok(),
                    )
                    await s.flush()
                    assert zaak.nummer == "TI-2026-0001"  # it was all there, then:
                    raise Fout
            # And the same registration, completed, takes the number the failed one gave back.
            async with werkeenheid(omgeving.sessionmaker) as s:
                zaak, _ = await registreer(
                    session=s,
                    actor=SECRETARIS,
                    invoer=_zaak_in(),
                    regios=omgeving.regios,
                    kalender=omgeving.kalender,
                    nu=klok(),
                )
                assert zaak.nummer == "TI-2026-0001"
        finally:
            await omgeving.engine.dispose()

    asyncio.run(werk())
    na = tellingen(settings.database_url)
    assert na["zaak"] == voor["zaak"] + 1
    assert na["panelzetel"] == voor["panelzetel"] + 3
    assert na["zaak_teller"] == 1


def _zaak_in() -> ZaakIn:
    import msgspec

    return msgspec.convert(zaak_body(), ZaakIn)


def test_verzoek_is_de_werkeenheid(db: str) -> None:
    """The request's session dependency: committed when the handler returns, rolled back
    when it raises after having written."""

    @post("/schrijf/{fout:int}", status_code=200)
    async def schrijf(fout: FromPath[int], db_session: DbSession) -> dict[str, int]:
        db_session.add(
            Lid(
                commissie_code="TI",
                naam=f"Lid {fout}",
                korps_code="TW",
                aangemaakt_op=datetime.now(UTC),
            )
        )
        await db_session.flush()
        if fout:
            raise Fout
        return {"ok": 1}

    omgeving = bouw_omgeving(
        Settings(
            data_dir=PROJECT_ROOT / "data",
            database_url=db,
            regios_dir=PROJECT_ROOT / "regios",
            templates_dir=PROJECT_ROOT / "templates",
        )
    )
    from litestar.datastructures import State

    app = Litestar(
        route_handlers=[schrijf],
        dependencies={"db_session": Provide(provide_db_session)},
        state=State({"omgeving": omgeving}),
    )

    async def werk() -> tuple[int, int]:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            goed = await c.post("/schrijf/0")
            fout = await c.post("/schrijf/1")
        await omgeving.engine.dispose()
        return goed.status_code, fout.status_code

    assert asyncio.run(werk()) == (200, 500)

    async def namen(s: AsyncSession) -> list[str]:
        return list(await s.scalars(select(Lid.naam)))

    assert run_db(db, namen) == ["Lid 0"]


def test_bus_bereikt_abonnees_van_de_klasse_en_haar_basis(db: str) -> None:
    @dataclass(frozen=True)
    class Basis:
        n: int

    @dataclass(frozen=True)
    class Afgeleid(Basis):
        pass

    gehoord: list[tuple[str, int]] = []

    def abonnee(naam: str) -> Callable[[AsyncSession, Any], Any]:
        async def hoor(_: AsyncSession, e: Basis) -> None:
            gehoord.append((naam, e.n))

        return hoor

    bus = Bus({Basis: [abonnee("basis")], Afgeleid: [abonnee("afgeleid")]})

    async def werk() -> None:
        engine = maak_engine(db)
        try:
            async with werkeenheid(maak_sessionmaker(engine, bus)) as s:
                await publiceer(s, Afgeleid(1))
                await publiceer(s, Basis(2))
            # A session without a bus refuses: a step must never lose its consequences.
            async with maak_sessionmaker(engine)() as s:
                with pytest.raises(RuntimeError, match="event bus"):
                    await publiceer(s, Basis(3))
        finally:
            await engine.dispose()

    asyncio.run(werk())
    assert gehoord == [("afgeleid", 1), ("basis", 1), ("basis", 2)]


def test_weigering_laat_niets_achter(
    client: Any, secretaris: dict[str, str], gebruikers: Gebruikers, db: str
) -> None:
    """A battery of refused writes, each after real work could have started: no table changes."""
    eva = gebruikers.lid("Eva", "TW", voorzitter=True)
    gebruikers.lid("Gert", "IJ", voorzitter=True)
    nummer = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    voor = tellingen(db)
    weigeringen = [
        ("post", "/api/zaken", zaak_body(klager={"naam": "K", "korps": "GR"}), 400),
        ("post", "/api/zaken", zaak_body(ontvangen_op="2030-01-01"), 400),
        ("post", f"/api/zaken/{nummer}/verdaging", {"weken": 6, "reden": "r"}, 400),
        ("post", f"/api/zaken/{nummer}/status", {"status": "ontvankelijk"}, 409),
        ("post", f"/api/zaken/{nummer}/status", {"status": "afgesloten"}, 409),
        ("post", f"/api/zaken/{nummer}/panel", {}, 409),
        ("post", f"/api/zaken/{nummer}/panel/wraking", _wraking(eva, "2026-01-01"), 400),
        ("post", f"/api/zaken/{nummer}/panel/handmatig", _handmatig(eva, eva), 409),
        ("patch", f"/api/leden/{eva}", {"email": "geen-adres"}, 400),
        (
            "post",
            f"/api/leden/{eva}/afwezigheden",
            {"van": "2026-03-05", "tot": "2026-03-01", "soort": "vakantie"},
            400,
        ),
    ]
    for methode, pad, body, status in weigeringen:
        r = getattr(client, methode)(pad, json=body, headers=secretaris)
        assert r.status_code == status, (pad, r.text)
        assert tellingen(db) == voor, pad


def _wraking(lid: int, ingediend_op: str) -> dict[str, Any]:
    return {
        "lid": lid,
        "ingediend_door": "klager",
        "reden": "r",
        "ingediend_op": ingediend_op,
        "beslissing": "toegewezen",
        "toelichting": "t",
    }


def _handmatig(lid: int, nieuw: int) -> dict[str, Any]:
    return {"lid": lid, "nieuw_lid": nieuw, "reden": "r"}


@pytest.mark.parametrize("klanten", [20])
def test_gelijktijdige_registraties_krijgen_elk_een_nummer(
    settings: Settings, klok: Klok, secretaris: dict[str, str], klanten: int
) -> None:
    """200 registrations from 20 concurrent clients: every one 201, numbers 1..200, no gaps."""
    app = create_app(omgeving=bouw_omgeving(settings, klok))
    per_klant = 10

    async def werk() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        statussen: list[int] = []
        async with (
            app.lifespan(),
            httpx.AsyncClient(
                transport=transport, base_url="http://t", headers=secretaris, timeout=120
            ) as c,
        ):

            async def klant() -> None:
                for _ in range(per_klant):
                    r = await c.post("/api/zaken", json=zaak_body())
                    statussen.append(r.status_code)

            await asyncio.gather(*(klant() for _ in range(klanten)))
        return statussen

    statussen = asyncio.run(werk())
    assert statussen == [201] * (klanten * per_klant)

    async def nummers(s: AsyncSession) -> tuple[list[int], int | None]:
        volg = list(await s.scalars(select(Zaak.volgnummer).order_by(Zaak.volgnummer)))
        teller = await s.scalar(select(func.max(ZaakTeller.laatste)))
        return volg, teller

    volg, teller = run_db(settings.database_url, nummers)
    assert volg == list(range(1, klanten * per_klant + 1))
    assert teller == klanten * per_klant
    assert date(2026, 2, 20).year == 2026  # all in the year of receipt: one counter row
