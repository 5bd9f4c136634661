"""Guessing passwords: five failures for a name pause it for fifteen minutes."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from litestar.testing import TestClient

from tests.conftest import WACHTWOORD, Klok
from tests.web.hulp import log_in_via_pagina


def test_te_veel_mislukte_pogingen(
    client: TestClient[Any], secretaris: dict[str, str], klok: Klok
) -> None:
    for _ in range(5):
        r = client.post("/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": "fout"})
        assert r.status_code == 401
    r = client.post("/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD})
    assert r.status_code == 429 and "15 minuten" in r.json()["detail"]
    assert "commissie_sessie" not in r.cookies
    pagina = log_in_via_pagina(client, "secretaris", WACHTWOORD)
    assert pagina.status_code == 429 and "Te veel mislukte pogingen" in pagina.text
    # An unknown name is paused the same way: the answer does not tell which names exist.
    for _ in range(5):
        client.post("/api/login", json={"gebruikersnaam": "niemand", "wachtwoord": "x"})
    assert (
        client.post("/api/login", json={"gebruikersnaam": "niemand", "wachtwoord": "x"}).status_code
        == 429
    )
    klok.moment += timedelta(minutes=16)
    r = client.post("/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD})
    assert r.status_code == 200, r.text
    # A success clears the count.
    for _ in range(4):
        client.post("/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": "fout"})
    assert (
        client.post(
            "/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
        ).status_code
        == 200
    )
