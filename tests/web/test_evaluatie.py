"""The evaluation form on the case page (seed 3.3): offered to the secretariat once every corps
decided, refused field by field with nothing written, and closing the case only after it."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok
from tests.procedure_hulp import naar_status, registreer
from tests.web.hulp import HTML, fout_bij, log_in_via_pagina
from tests.web.test_zaakacties import ROOSTER, _formulieren, _post

Client = TestClient[Any]


def _besloten(
    client: Client, secretaris: dict[str, str], gebruikers: Gebruikers, klok: Klok
) -> str:
    for i, (naam, korps, vz) in enumerate(ROOSTER):
        gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
    nummer = registreer(client, secretaris)
    for status in ("ontvankelijk", "verweer", "zitting", "advies_uitgebracht", "besluit_genomen"):
        naar_status(client, secretaris, nummer, status, klok=klok, gebruikers=gebruikers)
    return nummer


def test_evaluatie_na_besluit_dan_afsluiten(
    client: Client, secretaris: dict[str, str], gebruikers: Gebruikers, klok: Klok
) -> None:
    nummer = _besloten(client, secretaris, gebruikers, klok)
    assert log_in_via_pagina(client, "secretaris", follow_redirects=False).status_code == 303
    assert "evaluatie" in _formulieren(client.get(f"/zaken/{nummer}", headers=HTML).text)

    leeg = _post(client, nummer, "evaluatie", **{"evaluatie-afhandeling": "Advies gevolgd."})
    assert leeg.status_code == 400
    assert "ervaring_uitkomst" in fout_bij(leeg.text, "evaluatie-ervaring_uitkomst")
    besluit = client.get(f"/api/zaken/{nummer}/besluit", headers=secretaris).json()
    assert besluit["evaluatie"] is None  # nothing written

    r = _post(
        client,
        nummer,
        "evaluatie",
        **{
            "evaluatie-afhandeling": "Advies gevolgd; gesprek met de beklaagde.",
            "evaluatie-ervaring_uitkomst": "Tevreden.",
            "evaluatie-ervaring_procedure": "Duurde lang.",
            "evaluatie-vervolg_nodig": "ja",
            "evaluatie-vervolg": "Nagesprek over drie maanden.",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == f"/zaken/{nummer}?gedaan=evaluatie"
    e = client.get(f"/api/zaken/{nummer}/besluit", headers=secretaris).json()["evaluatie"]
    assert (e["ervaring_procedure"], e["vervolg_nodig"]) == ("Duurde lang.", True)
    html = client.get(r.headers["location"], headers=HTML).text
    assert "De evaluatie is vastgelegd" in html and "evaluatie" not in _formulieren(html)
    dicht = _post(
        client,
        nummer,
        "status",
        **{"status-status": "afgesloten", "status-toelichting": "Evaluatie gedaan."},
    )
    assert dicht.status_code == 303
    assert client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["status"] == "afgesloten"


def test_evaluatie_alleen_voor_het_secretariaat(
    client: Client, secretaris: dict[str, str], gebruikers: Gebruikers, klok: Klok
) -> None:
    nummer = _besloten(client, secretaris, gebruikers, klok)
    gebruikers.maak("kc", Rol.KORPSLEIDING, korps="IJ")
    log_in_via_pagina(client, "kc")
    assert "evaluatie" not in _formulieren(client.get(f"/zaken/{nummer}", headers=HTML).text)
    r = _post(client, nummer, "evaluatie", **{"evaluatie-afhandeling": "x"})
    assert r.status_code == 403
    besluit = client.get(f"/api/zaken/{nummer}/besluit", headers=secretaris).json()
    assert besluit["evaluatie"] is None
