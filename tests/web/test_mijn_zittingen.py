"""Mijn zittingen and the start page per role: a member's upcoming hearings with the dossier
link and the invite; nobody else's; each role lands on its own daily work after logging in."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok
from tests.procedure_hulp import naar_zitting_gepland, registreer
from tests.web.hulp import HTML, log_in_via_pagina
from tests.web.test_zaakacties import ROOSTER

Client = TestClient[Any]


@pytest.fixture
def zitting(
    client: Client, secretaris: dict[str, str], gebruikers: Gebruikers, klok: Klok
) -> dict[str, Any]:
    leden = {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(ROOSTER)
    }
    nummer = registreer(client, secretaris)
    z = naar_zitting_gepland(client, secretaris, nummer, klok)
    panel = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["panel"]
    in_panel = {s["naam"] for s in panel}
    gebruikers.maak("zittend", Rol.LID, lid_id=leden[panel[0]["naam"]])
    buiten = next(n for n in leden if n not in in_panel)
    gebruikers.maak("buiten", Rol.LID, lid_id=leden[buiten])
    return z


def test_lid_ziet_eigen_zitting_met_dossier(client: Client, zitting: dict[str, Any]) -> None:
    r = log_in_via_pagina(client, "zittend", follow_redirects=False)
    assert r.headers["location"] == "/mijn/zaken"
    html = client.get("/mijn/zittingen", headers=HTML).text
    assert f'<a href="/zaken/{zitting["zaak"]}">{zitting["zaak"]}</a>' in html
    assert zitting["locatie"] in html
    assert "Open termijnen" not in html and "Acties" not in html  # no secretariat tasks
    ics = f'href="/api/zittingen/{zitting["id"]}/uitnodiging.ics"'
    assert ics in html
    # The personal feed address, the same one the API gives, and it serves this hearing.
    feed = client.get("/api/agenda").json()["url"]
    assert f'href="{feed}"' in html
    pad = feed.removeprefix("http://127.0.0.1:8000")
    assert pad.startswith("/agenda/")
    inhoud = client.get(pad).text
    assert zitting["uid"] in inhoud and "METHOD:REQUEST" not in inhoud


def test_lid_van_ander_panel_ziet_de_zitting_niet(client: Client, zitting: dict[str, Any]) -> None:
    log_in_via_pagina(client, "buiten")
    html = client.get("/mijn/zittingen", headers=HTML).text
    assert zitting["zaak"] not in html and "U heeft geen komende zittingen." in html


@pytest.mark.parametrize(
    ("rol", "start"),
    [
        (Rol.SECRETARIS, "/termijnen"),
        (Rol.LID, "/mijn/zaken"),
        (Rol.KORPSLEIDING, "/korpsleiding"),
        (Rol.BEHEERDER, "/beheer"),
    ],
)
def test_startpagina_per_rol(client: Client, gebruikers: Gebruikers, rol: Rol, start: str) -> None:
    gebruikers.maak("iemand", rol, korps="TW" if rol is Rol.KORPSLEIDING else None)
    r = log_in_via_pagina(client, "iemand", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == start
    assert client.get(start, headers=HTML).status_code == 200
