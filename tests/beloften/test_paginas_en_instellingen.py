"""README promises: secure cookies behind HTTPS, the deadline list's page size, a member's role
on /mijn/zaken, and secrets on /beheer shown once."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.app import create_app
from commissie.config import Settings
from commissie.procedure.opstart import bouw_omgeving
from tests.beloften.conftest import registreer
from tests.conftest import Gebruikers, Klok
from tests.web.hulp import HTML, formulier_token, log_in_via_pagina

Client = TestClient[Any]
Hdr = dict[str, str]


def _set_cookies(r: Any) -> dict[str, str]:
    """Cookie name -> its full Set-Cookie line."""
    return {h.split("=", 1)[0]: h for h in r.headers.get_list("set-cookie")}


def test_secure_cookies_uit_de_omgeving() -> None:
    assert Settings.from_env({}).secure_cookies is False
    assert Settings.from_env({"COMMISSIE_SECURE_COOKIES": "1"}).secure_cookies is True
    assert Settings.from_env({"COMMISSIE_SECURE_COOKIES": "0"}).secure_cookies is False


@pytest.mark.parametrize("secure", [False, True])
def test_sessie_en_csrf_cookie_secure(
    settings: Settings, klok: Klok, gebruikers: Gebruikers, secure: bool
) -> None:
    app = create_app(
        omgeving=bouw_omgeving(dataclasses.replace(settings, secure_cookies=secure), klok)
    )
    gebruikers.maak("sec", Rol.SECRETARIS)
    with TestClient(app, base_url="https://testserver.local") as c:
        login = c.get("/login", headers=HTML)
        csrf = _set_cookies(login)["commissie_csrf"]
        r = log_in_via_pagina(c, "sec", follow_redirects=False)
        assert r.status_code == 303
        cookies = _set_cookies(r)
        [sessie] = [v for k, v in cookies.items() if k != "commissie_csrf"]
        assert "httponly" in sessie.lower()
        for regel in (csrf, sessie):
            assert ("secure" in regel.lower().split("; ")) is secure, regel


@pytest.mark.parametrize("limiet", ["0", "501", "-1", "veel"])
def test_termijnen_limiet_buiten_bereik(client: Client, secretaris: Hdr, limiet: str) -> None:
    r = client.get("/api/termijnen", params={"limiet": limiet}, headers=secretaris)
    assert r.status_code == 400, r.text
    assert "limiet" in r.json()["detail"]


def test_termijnen_limiet_grenzen_werken(client: Client, secretaris: Hdr) -> None:
    for limiet in ("1", "500"):
        r = client.get("/api/termijnen", params={"limiet": limiet}, headers=secretaris)
        assert r.status_code == 200, r.text


def test_mijn_zaken_toont_de_rol(
    client: Client, secretaris: Hdr, gebruikers: Gebruikers, leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    for i, zetel in enumerate(z["panel"]):
        hdr = gebruikers.maak(f"lid{i}", Rol.LID, lid_id=leden[zetel["naam"]])
        html = client.get("/mijn/zaken", headers={**HTML, **hdr}).text
        rij = re.search(rf"<tr>(?:(?!</tr>).)*{z['nummer']}(?:(?!</tr>).)*</tr>", html, re.S)
        assert rij, html
        assert f'<td data-label="Uw rol">{zetel["rol"]}</td>' in rij.group(0)


def test_beheer_toont_wachtwoord_en_token_een_keer(client: Client, gebruikers: Gebruikers) -> None:
    gebruikers.maak("beheer", Rol.BEHEERDER, commissie=None)
    assert log_in_via_pagina(client, "beheer", follow_redirects=False).status_code == 303
    token = formulier_token(client, "/beheer")
    r = client.post(
        "/beheer/gebruikers",
        data={
            "_csrf_token": token,
            "account-gebruikersnaam": "nieuw",
            "account-rol": "secretaris",
            "account-commissie": "TI",
        },
    )
    assert r.status_code == 201
    m = re.search(r'<code class="geheim">([^<]+)</code>', r.text)
    assert m
    wachtwoord = m.group(1)
    t = client.post("/beheer/token", data={"_csrf_token": token, "gebruikersnaam": "nieuw"})
    assert t.status_code == 201
    m = re.search(r'<code class="geheim">([^<]+)</code>', t.text)
    assert m
    bearer = m.group(1)
    opnieuw = client.get("/beheer", headers=HTML)
    assert opnieuw.status_code == 200
    assert '<td data-label="Gebruikersnaam">nieuw</td>' in opnieuw.text
    assert wachtwoord not in opnieuw.text and bearer not in opnieuw.text
    assert 'class="geheim"' not in opnieuw.text
