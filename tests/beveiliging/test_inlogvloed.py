"""A login flood: no server errors, /health stays fast, and each name gets only its allowed
number of password checks; lock-outs are per (name, address) before they are per name."""

from __future__ import annotations

import asyncio
import dataclasses
import secrets
import threading
import time
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest
from litestar import Litestar
from litestar.testing import TestClient

from commissie.accounts import service
from commissie.accounts.rollen import Rol
from commissie.app import create_app
from commissie.config import Settings
from commissie.procedure.opstart import bouw_omgeving
from tests.conftest import WACHTWOORD, Gebruikers, Klok
from tests.web.hulp import log_in_via_pagina


@pytest.fixture
def controles(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts real password checks per hash verified (the dummy hash stands for unknown names);
    "tegelijk" holds the most that ran at once."""
    teller: Counter[str] = Counter()
    slot = threading.Lock()
    echt = service._klopt
    bezig = [0]

    def tellend(hash_: str, wachtwoord: str) -> bool:
        with slot:
            teller[hash_] += 1
            bezig[0] += 1
            teller["tegelijk"] = max(teller["tegelijk"], bezig[0])
        try:
            return echt(hash_, wachtwoord)
        finally:
            with slot:
                bezig[0] -= 1

    monkeypatch.setattr(service, "_klopt", tellend)
    return teller


@pytest.fixture
def app(settings: Settings, klok: Klok) -> Iterator[Litestar]:
    a = create_app(omgeving=bouw_omgeving(settings, klok))
    yield a


def _client(app: Litestar, adres: str) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(adres, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://test", timeout=60)


async def _vloed(app: Litestar, pogingen: list[tuple[str, str, str]]) -> tuple[list[int], float]:
    """Fire all (address, name, password) logins at once; also time /health in the middle."""
    clients = {adres: _client(app, adres) for adres, _, _ in pogingen}

    async def een(adres: str, naam: str, wachtwoord: str) -> int:
        r = await clients[adres].post(
            "/api/login", json={"gebruikersnaam": naam, "wachtwoord": wachtwoord}
        )
        return r.status_code

    async def gezondheid() -> float:
        await asyncio.sleep(0.2)
        begin = time.perf_counter()
        r = await clients[pogingen[0][0]].get("/health")
        assert r.status_code == 200 and r.json() == {"status": "ok"}
        return time.perf_counter() - begin

    try:
        *statussen, duur = await asyncio.gather(*(een(*p) for p in pogingen), gezondheid())
    finally:
        for c in clients.values():
            await c.aclose()
        await app.state.omgeving.engine.dispose()
    return statussen, duur


def test_200_anonieme_inlogpogingen_tegelijk(app: Litestar, controles: Counter[str]) -> None:
    pogingen = [
        (f"10.0.0.{i % 20}", f"onbekend-{secrets.token_hex(4)}", "raden") for i in range(200)
    ]
    statussen, duur = asyncio.run(_vloed(app, pogingen))
    assert not [s for s in statussen if s >= 500]
    assert set(statussen) <= {401, 429}
    assert duur < 1.0
    # 20 addresses, at most 30 failures each before the address pauses.
    tegelijk = controles.pop("tegelijk")
    assert 1 <= tegelijk <= 4
    assert sum(controles.values()) <= 20 * service.Drempels().adres


def test_parallel_op_een_naam_hoogstens_het_toegestane_aantal_controles(
    app: Litestar, gebruikers: Gebruikers, controles: Counter[str], wachtwoord_hash: str
) -> None:
    gebruikers.maak("secretaris", Rol.SECRETARIS)
    statussen, _ = asyncio.run(_vloed(app, [("10.1.1.1", "secretaris", "fout-wachtwoord")] * 200))
    assert not [s for s in statussen if s >= 500]
    assert controles[wachtwoord_hash] <= service.Drempels().paar
    assert statussen.count(401) == controles[wachtwoord_hash]
    assert statussen.count(429) == 200 - statussen.count(401)


def test_een_adres_blokkeert_de_naam_niet_voor_anderen(
    app: Litestar, secretaris: dict[str, str]
) -> None:
    aanvaller = {"gebruikersnaam": "secretaris", "wachtwoord": "fout"}

    async def werk() -> tuple[list[int], httpx.Response, int]:
        async with _client(app, "203.0.113.9") as c:
            eerst = [(await c.post("/api/login", json=aanvaller)).status_code for _ in range(5)]
            dan = await c.post("/api/login", json=aanvaller)
        # The real secretary, from another address, still gets in.
        async with _client(app, "192.0.2.7") as c:
            r = await c.post(
                "/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
            )
        await app.state.omgeving.engine.dispose()
        return eerst, dan, r.status_code

    eerst, dan, eigen = asyncio.run(werk())
    assert eerst == [401] * 5
    assert dan.status_code == 429 and dan.headers["retry-after"] == "900"
    assert "vanaf dit adres" in dan.json()["detail"]
    assert eigen == 200


def test_naam_pas_geblokkeerd_na_veel_adressen_en_de_pagina_zegt_het(
    settings: Settings, klok: Klok, secretaris: dict[str, str]
) -> None:
    app = create_app(omgeving=bouw_omgeving(settings, klok))

    async def aanval() -> list[int]:
        uit = []
        # 4 addresses x 5: each pair stays within its limit; the name reaches its own.
        for n in range(4):
            async with _client(app, f"198.51.100.{n}") as c:
                for _ in range(5):
                    r = await c.post(
                        "/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": "x"}
                    )
                    uit.append(r.status_code)
        await app.state.omgeving.engine.dispose()
        return uit

    assert asyncio.run(aanval()) == [401] * 20
    with TestClient(app) as c:
        pagina = log_in_via_pagina(c, "secretaris", WACHTWOORD)
        assert pagina.status_code == 429
        assert "verschillende adressen" in pagina.text
        assert "tijdelijk geblokkeerd" in pagina.text
        assert "commissie_sessie" not in pagina.cookies


def test_geen_vrije_controle_geeft_429_met_retry_after(
    settings: Settings, klok: Klok, secretaris: dict[str, str]
) -> None:
    omgeving = bouw_omgeving(settings, klok)
    # No check ever free: the attempt waits its short while, then is told to come back.
    vol = create_app(omgeving=dataclasses.replace(omgeving, controles=asyncio.Semaphore(0)))
    goed = {"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
    with TestClient(vol) as c:
        r = c.post("/api/login", json=goed)
        assert r.status_code == 429
        assert r.headers["retry-after"] == "5"
        assert "druk" in r.json()["detail"]
    # The waiting attempts did not count as failures.
    with TestClient(create_app(omgeving=bouw_omgeving(settings, klok))) as c:
        for _ in range(5):
            c.post("/api/login", json=goed | {"wachtwoord": "fout"})
        assert c.post("/api/login", json=goed).status_code == 429
