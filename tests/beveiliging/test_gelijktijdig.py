"""Registrations at the same moment all succeed, with gap-free case numbers: 20 clients
against a real running server (`commissie serve`, over TCP), on each database.
(tests/test_eenheid.py does the same in-process against the ASGI app.)"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import pytest

from commissie.accounts.rollen import Rol
from commissie.config import Settings
from tests.conftest import Gebruikers, zaak_body

CLIENTS = 20
PER_CLIENT = 10


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(settings: Settings) -> Iterator[str]:
    poort = _vrije_poort()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env |= {
        "COMMISSIE_DATABASE_URL": settings.database_url,
        "COMMISSIE_DATA_DIR": str(settings.data_dir),
    }
    proces = subprocess.Popen(
        [sys.executable, "-m", "commissie", "serve", "--port", str(poort)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    basis = f"http://127.0.0.1:{poort}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{basis}/health", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("de server startte niet")
        yield basis
    finally:
        proces.terminate()
        proces.wait(timeout=30)


async def _registreer_parallel(basis: str, kop: dict[str, str]) -> list[httpx.Response]:
    async def client() -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=basis, headers=kop, timeout=300) as c:
            return [await c.post("/api/zaken", json=zaak_body()) for _ in range(PER_CLIENT)]

    rondes = await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return [r for ronde in rondes for r in ronde]


def test_200_registraties_van_20_clients_tegelijk(server: str, gebruikers: Gebruikers) -> None:
    kop = gebruikers.maak("secretaris", Rol.SECRETARIS)
    antwoorden = asyncio.run(_registreer_parallel(server, kop))
    statussen = [r.status_code for r in antwoorden]
    assert statussen == [201] * (CLIENTS * PER_CLIENT), {
        s: statussen.count(s) for s in set(statussen)
    }
    nummers = sorted(r.json()["nummer"] for r in antwoorden)
    assert nummers == [f"TI-2026-{i:04d}" for i in range(1, CLIENTS * PER_CLIENT + 1)]
