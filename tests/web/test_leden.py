"""Leden as pages: add a member (errors by the field, nothing saved on a refusal), edit,
report an absence; an ill member leaves its open panels through the same flow as the API."""

from __future__ import annotations

import re
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, zaak_body
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina

Client = TestClient[Any]


def _leden(client: Client, headers: dict[str, str]) -> dict[str, dict[str, Any]]:
    return {lid["naam"]: lid for lid in client.get("/api/leden", headers=headers).json()}


def test_lid_toevoegen_met_fouten_bij_het_veld(client: Client, secretaris: dict[str, str]) -> None:
    log_in_via_pagina(client, "secretaris")
    data = {"_csrf_token": formulier_token(client, "/leden"), "nieuw-naam": "", "nieuw-korps": "TW"}
    r = client.post("/leden", data=data)
    assert r.status_code == 400
    assert fout_bij(r.text, "nieuw-naam") == "Fout: Veld 'naam': mag niet leeg zijn."
    assert _leden(client, secretaris) == {}
    fout_korps = client.post("/leden", data={**data, "nieuw-naam": "Nina", "nieuw-korps": "XX"})
    assert fout_korps.status_code == 400
    assert "hoort niet bij commissie TI" in fout_bij(fout_korps.text, "nieuw-korps")
    ok = client.post(
        "/leden",
        data={
            **data,
            "nieuw-naam": "Nina Nieuw",
            "nieuw-eenheid": "Recherche",
            "nieuw-voorzitter": "1",
        },
        follow_redirects=False,
    )
    assert (
        ok.status_code == 303 and ok.headers["location"] == "/leden?commissie=TI&gedaan=toegevoegd"
    )
    nina = _leden(client, secretaris)["Nina Nieuw"]
    assert (nina["korps"], nina["eenheid"], nina["voorzitter"]) == ("TW", "Recherche", True)
    lijst = client.get(ok.headers["location"], headers=HTML).text
    assert (
        "Het lid is toegevoegd." in lijst
        and f'<a href="/leden/{nina["id"]}">Nina Nieuw</a>' in lijst
    )


def test_wijzigen_en_ziekte_vervangt_in_lopende_panels(
    client: Client, secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    for i, (naam, korps) in enumerate(
        [("Tessa", "TW"), ("Tim", "TW"), ("Tara", "TW"), ("Ivo", "IJ"), ("Ilse", "IJ")]
    ):
        gebruikers.lid(naam, korps, voorzitter=True, volgorde=i + 1)
    zaak = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    zittend = next(z["naam"] for z in zaak["panel"] if z["rol"] == "lid")
    lid = _leden(client, secretaris)[zittend]
    log_in_via_pagina(client, "secretaris")
    pad = f"/leden/{lid['id']}"
    token = formulier_token(client, pad)
    r = client.post(
        pad,
        data={"_csrf_token": token, "wijzig-eenheid": "Meldkamer", "wijzig-actief": "1"},
        follow_redirects=False,
    )
    assert r.status_code == 303
    na = _leden(client, secretaris)[zittend]
    assert (na["eenheid"], na["voorzitter"], na["actief"]) == ("Meldkamer", False, True)

    afwezig = f"{pad}/afwezigheid"
    verkeerd = client.post(
        afwezig,
        data={
            "_csrf_token": token,
            "afwezig-van": "2026-03-05",
            "afwezig-tot": "2026-03-01",
            "afwezig-soort": "ziekte",
        },
    )
    assert verkeerd.status_code == 400
    assert fout_bij(verkeerd.text, "afwezig-tot") == "Fout: Veld 'tot': ligt vóór 'van'."
    assert zittend in {
        z["naam"]
        for z in client.get(f"/api/zaken/{zaak['nummer']}", headers=secretaris).json()["panel"]
    }
    ziek = client.post(
        afwezig,
        data={
            "_csrf_token": token,
            "afwezig-van": "2026-03-02",
            "afwezig-tot": "2026-04-01",
            "afwezig-soort": "ziekte",
        },
        follow_redirects=False,
    )
    assert ziek.status_code == 303
    panel = client.get(f"/api/zaken/{zaak['nummer']}", headers=secretaris).json()["panel"]
    assert zittend not in {z["naam"] for z in panel} and len(panel) == 3


def test_leden_alleen_voor_beheer(client: Client, gebruikers: Gebruikers) -> None:
    gebruikers.maak("kc", Rol.KORPSLEIDING, korps="IJ")
    log_in_via_pagina(client, "kc")
    assert client.get("/leden", headers=HTML).status_code == 403
    gebruikers.maak("beheer", Rol.BEHEERDER, commissie=None)
    log_in_via_pagina(client, "beheer")
    pagina = client.get("/leden?commissie=TI", headers=HTML)
    assert pagina.status_code == 200
    assert re.search(r"<h1>Leden van [^<]+</h1>", pagina.text)
