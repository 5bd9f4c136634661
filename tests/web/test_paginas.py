"""Server-rendered pages: login, overview, case page; the same access rules as the API."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import WACHTWOORD, Gebruikers, zaak_body

HTML = {"Accept": "text/html"}


def test_zonder_login_naar_de_loginpagina(client: TestClient[Any]) -> None:
    r = client.get("/", headers=HTML, follow_redirects=False)
    assert r.status_code in (302, 303, 307)
    assert r.headers["location"] == "/login"
    assert "Inloggen" in client.get("/login").text


def test_inloggen_overzicht_en_zaak(client: TestClient[Any], secretaris: dict[str, str]) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    fout = client.post("/login", data={"gebruikersnaam": "secretaris", "wachtwoord": "fout"})
    assert fout.status_code == 401 and "klopt niet" in fout.text
    r = client.post(
        "/login",
        data={"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD},
        follow_redirects=False,
    )
    assert r.status_code in (302, 303) and r.headers["location"] == "/"
    overzicht = client.get("/", headers=HTML)
    assert overzicht.status_code == 200
    assert z["nummer"] in overzicht.text and "Open termijnen" in overzicht.text
    pagina = client.get(f"/zaken/{z['nummer']}", headers=HTML)
    assert pagina.status_code == 200
    assert "&lt;herhaaldelijk&gt; &amp; kleineerde" in pagina.text  # escaped, never raw HTML
    assert "<herhaaldelijk>" not in pagina.text
    assert client.post("/uitloggen", follow_redirects=False).status_code == 303
    assert client.get("/", headers=HTML, follow_redirects=False).headers["location"] == "/login"


def test_korpsleiding_ziet_geen_lopende_zaak(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    gebruikers.maak("kc.ij", Rol.KORPSLEIDING, korps="IJ")
    client.post("/login", data={"gebruikersnaam": "kc.ij", "wachtwoord": WACHTWOORD})
    assert z["nummer"] not in client.get("/", headers=HTML).text
    assert client.get(f"/zaken/{z['nummer']}", headers=HTML).status_code == 404
