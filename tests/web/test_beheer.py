"""Beheer as a page: committees and corps from regios/, accounts, a new account with a
generated password that works, a token that works; errors by the field; administrator only."""

from __future__ import annotations

import re
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.regios import laad_regios
from tests.conftest import PROJECT_ROOT, Gebruikers
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina

REGIOS = laad_regios(PROJECT_ROOT / "regios")
Client = TestClient[Any]


def _beheerder(client: Client, gebruikers: Gebruikers) -> None:
    gebruikers.maak("beheer", Rol.BEHEERDER, commissie=None)
    assert log_in_via_pagina(client, "beheer", follow_redirects=False).status_code == 303


def test_commissies_en_korpsen_uit_regios(client: Client, gebruikers: Gebruikers) -> None:
    _beheerder(client, gebruikers)
    html = client.get("/beheer", headers=HTML).text
    for c in REGIOS.commissies.values():
        for k in c.korpsen.values():
            assert f'<td data-label="Korps">{k.naam} ({k.code})</td>' in html
    assert '<td data-label="Gebruikersnaam">beheer</td>' in html
    gebruikers.maak("sec.ti", Rol.SECRETARIS)
    ti = REGIOS.commissie("TI")
    assert ti is not None
    html = client.get("/beheer", headers=HTML).text
    assert f'<td data-label="Commissie">{ti.naam}</td>' in html  # by name, not code


def test_account_aanmaken_en_token(client: Client, gebruikers: Gebruikers) -> None:
    _beheerder(client, gebruikers)
    token = formulier_token(client, "/beheer")
    fout = client.post(
        "/beheer/gebruikers",
        data={"_csrf_token": token, "account-gebruikersnaam": "nieuw", "account-rol": "secretaris"},
    )
    assert fout.status_code == 400
    assert fout_bij(fout.text, "account-commissie") == (
        "Fout: Veld 'commissie': een secretaris hoort bij een commissie."
    )
    assert '<td data-label="Gebruikersnaam">nieuw</td>' not in fout.text  # nothing saved
    r = client.post(
        "/beheer/gebruikers",
        data={
            "_csrf_token": token,
            "account-gebruikersnaam": "nieuw",
            "account-rol": "secretaris",
            "account-commissie": "TI",
        },
    )
    assert r.status_code == 201 and r.headers["cache-control"] == "no-store"
    wachtwoord = re.search(r'<code class="geheim">([^<]+)</code>', r.text)
    assert wachtwoord
    dubbel = client.post(
        "/beheer/gebruikers",
        data={"_csrf_token": token, "account-gebruikersnaam": "nieuw", "account-rol": "beheerder"},
    )
    assert dubbel.status_code == 409
    assert (
        fout_bij(dubbel.text, "account-gebruikersnaam")
        == "Fout: Gebruikersnaam 'nieuw' bestaat al."
    )

    t = client.post("/beheer/token", data={"_csrf_token": token, "gebruikersnaam": "nieuw"})
    assert t.status_code == 201
    bearer = re.search(r'<code class="geheim">([^<]+)</code>', t.text)
    assert bearer
    ik = client.get("/api/ik", headers={"Authorization": f"Bearer {bearer.group(1)}"})
    assert ik.status_code == 200 and ik.json()["gebruikersnaam"] == "nieuw"

    # The generated password logs the new account in.
    uit = client.post("/uitloggen", data={"_csrf_token": formulier_token(client, "/beheer")})
    assert uit.status_code == 200
    assert (
        log_in_via_pagina(client, "nieuw", wachtwoord.group(1), follow_redirects=False).status_code
        == 303
    )


def test_beheer_alleen_voor_de_beheerder(client: Client, secretaris: dict[str, str]) -> None:
    log_in_via_pagina(client, "secretaris")
    assert client.get("/beheer", headers=HTML).status_code == 403
    token = formulier_token(client, "/")
    r = client.post("/beheer/token", data={"_csrf_token": token, "gebruikersnaam": "secretaris"})
    assert r.status_code == 403
