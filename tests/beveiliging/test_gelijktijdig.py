"""Registrations at the same moment all succeed, with gap-free case numbers."""

from __future__ import annotations

import asyncio

import httpx

from commissie.accounts.rollen import Rol
from commissie.app import create_app
from commissie.config import Settings
from commissie.procedure.opstart import bouw_omgeving
from tests.conftest import Gebruikers, Klok, zaak_body

CLIENTS = 20
PER_CLIENT = 10


async def _registreer_parallel(app: object, kop: dict[str, str]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]

    async def client() -> list[httpx.Response]:
        async with httpx.AsyncClient(
            transport=transport, base_url="http://test", headers=kop, timeout=120
        ) as c:
            return [await c.post("/api/zaken/", json=zaak_body()) for _ in range(PER_CLIENT)]

    try:
        rondes = await asyncio.gather(*(client() for _ in range(CLIENTS)))
    finally:
        await app.state.omgeving.engine.dispose()  # type: ignore[attr-defined]
    return [r for ronde in rondes for r in ronde]


def test_200_registraties_van_20_clients_tegelijk(
    settings: Settings, klok: Klok, gebruikers: Gebruikers
) -> None:
    kop = gebruikers.maak("secretaris", Rol.SECRETARIS)
    app = create_app(omgeving=bouw_omgeving(settings, klok))
    antwoorden = asyncio.run(_registreer_parallel(app, kop))
    statussen = [r.status_code for r in antwoorden]
    assert statussen.count(201) == CLIENTS * PER_CLIENT, {
        s: statussen.count(s) for s in set(statussen)
    }
    nummers = sorted(r.json()["nummer"] for r in antwoorden)
    assert nummers == [f"TI-2026-{i:04d}" for i in range(1, CLIENTS * PER_CLIENT + 1)]
