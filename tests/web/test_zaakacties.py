"""The case page's step forms: shown only when status and role allow, the same steps as the
API, an error next to its field with nothing half-written, and the panel's why for the
secretary only."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, zaak_body
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina

Client = TestClient[Any]
ROOSTER = [
    ("Tessa Twente", "TW", True),
    ("Tim Twente", "TW", True),
    ("Tara Twente", "TW", True),
    ("Ivo IJssel", "IJ", True),
    ("Ilse IJssel", "IJ", False),
]


@pytest.fixture
def leden(gebruikers: Gebruikers) -> dict[str, int]:
    return {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(ROOSTER)
    }


@pytest.fixture
def zaak(client: Client, secretaris: dict[str, str], leden: dict[str, int]) -> dict[str, Any]:
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r.status_code == 201
    assert log_in_via_pagina(client, "secretaris", follow_redirects=False).status_code == 303
    return r.json()


def _post(client: Client, nummer: str, pad: str, **velden: str) -> Any:
    data = {"_csrf_token": formulier_token(client, f"/zaken/{nummer}"), **velden}
    return client.post(f"/zaken/{nummer}/{pad}", data=data, follow_redirects=False)


def _api(client: Client, headers: dict[str, str], nummer: str) -> dict[str, Any]:
    return client.get(f"/api/zaken/{nummer}", headers=headers).json()


def _formulieren(html: str) -> list[str]:
    return re.findall(r'<form method="post" action="/zaken/[^/]+/([^"]+)"', html)


def test_acties_naar_status(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer = zaak["nummer"]
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    assert _formulieren(html) == [
        "ontvangstbevestiging",
        "ontvankelijkheid",
        "verdaging",
        "status",
        "panel/verschoning",
        "panel/ziektevervanging",
        "panel/wraking",
        "panel/handmatig",
        "brieven",
    ]
    r = _post(client, nummer, "ontvankelijkheid", **{"ontvankelijkheid-ontvankelijk": "ja"})
    assert (
        r.status_code == 303 and r.headers["location"] == f"/zaken/{nummer}?gedaan=ontvankelijkheid"
    )
    assert _api(client, secretaris, nummer)["status"] == "ontvankelijk"
    html = client.get(r.headers["location"], headers=HTML).text
    assert "Het besluit over de ontvankelijkheid is vastgelegd." in html
    assert "ontvankelijkheid" not in _formulieren(html)  # decided once
    assert "ontvangstbevestiging" in _formulieren(html)


def test_niet_ontvankelijk_met_grond_en_fout_bij_het_veld(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer = zaak["nummer"]
    r = _post(client, nummer, "ontvankelijkheid", **{"ontvankelijkheid-ontvankelijk": "nee"})
    assert r.status_code == 400
    assert fout_bij(r.text, "ontvankelijkheid-toelichting").startswith(
        "Fout: Veld 'toelichting': zeg op welke grond"
    )
    assert '<a href="#ontvankelijkheid-toelichting">' in r.text  # summarised on top too
    assert _api(client, secretaris, nummer)["status"] == "ontvangen"
    te_vroeg = _post(
        client,
        nummer,
        "ontvankelijkheid",
        **{"ontvankelijkheid-ontvankelijk": "ja", "ontvankelijkheid-besloten_op": "2026-01-01"},
    )
    assert te_vroeg.status_code == 400
    assert "ligt vóór de datum van ontvangst" in fout_bij(
        te_vroeg.text, "ontvankelijkheid-besloten_op"
    )
    r = _post(
        client,
        nummer,
        "ontvankelijkheid",
        **{
            "ontvankelijkheid-ontvankelijk": "nee",
            "ontvankelijkheid-grond": "Awb 9:8 lid 1 sub b",
            "ontvankelijkheid-toelichting": "De gedraging ligt te ver terug.",
        },
    )
    assert r.status_code == 303
    uit = _api(client, secretaris, nummer)
    assert uit["status"] == "niet_ontvankelijk"
    besluit = [
        g
        for g in uit["tijdlijn"]
        if "Awb 9:8 lid 1 sub b: De gedraging" in (g["toelichting"] or "")
    ]
    assert len(besluit) == 1


def test_verdaging_met_mededeling(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer = zaak["nummer"]
    zonder = _post(
        client, nummer, "verdaging", **{"verdaging-weken": "4", "verdaging-reden": "Drukte"}
    )
    assert zonder.status_code == 400
    assert fout_bij(zonder.text, "verdaging-mededeling_op") == (
        "Fout: Veld 'mededeling_op': is verplicht maar ontbreekt."
    )
    assert 'value="Drukte"' not in zonder.text and ">Drukte</textarea>" in zonder.text  # kept
    assert _api(client, secretaris, nummer)["verdagingen"] == []
    r = _post(
        client,
        nummer,
        "verdaging",
        **{
            "verdaging-weken": "4",
            "verdaging-reden": "Drukte",
            "verdaging-mededeling_op": "2026-03-02",
        },
    )
    assert r.status_code == 303
    uit = _api(client, secretaris, nummer)
    assert [(v["weken"], v["mededeling_op"]) for v in uit["verdagingen"]] == [(4, "2026-03-02")]
    assert uit["termijnen"]["besluit"] > zaak["termijnen"]["besluit"]


def test_ziek_lid_vervangen_en_waarom_alleen_voor_het_secretariaat(
    client: Client,
    secretaris: dict[str, str],
    zaak: dict[str, Any],
    gebruikers: Gebruikers,
    leden: dict[str, int],
) -> None:
    nummer = zaak["nummer"]
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    assert '<th scope="col">Waarom</th>' in html
    ziek = next(z for z in zaak["panel"] if z["rol"] == "lid")
    leeg = _post(
        client,
        nummer,
        "panel/ziektevervanging",
        **{"ziektevervanging-lid": str(leden[ziek["naam"]])},
    )
    assert leeg.status_code == 400
    assert fout_bij(leeg.text, "ziektevervanging-reden").startswith("Fout: Veld 'reden'")
    r = _post(
        client,
        nummer,
        "panel/ziektevervanging",
        **{"ziektevervanging-lid": str(leden[ziek["naam"]]), "ziektevervanging-reden": "Ziek"},
    )
    assert r.status_code == 303
    panel = _api(client, secretaris, nummer)["panel"]
    assert ziek["naam"] not in {z["naam"] for z in panel} and len(panel) == 3

    # A member of the panel sees the case without the why and without any step form.
    lid = next(z for z in panel if z["rol"] == "lid")
    gebruikers.maak("paneellid", Rol.LID, lid_id=leden[lid["naam"]])
    log_in_via_pagina(client, "paneellid")
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    assert f"<h1>Zaak {nummer}</h1>" in html
    assert _formulieren(html) == [] and '<th scope="col">Waarom</th>' not in html
    token = formulier_token(client, f"/zaken/{nummer}")
    geweigerd = client.post(
        f"/zaken/{nummer}/verdaging",
        data={"_csrf_token": token, "verdaging-weken": "2"},
        follow_redirects=False,
    )
    assert geweigerd.status_code == 403
    mijn = client.get("/mijn/zaken", headers=HTML).text
    assert f">{nummer}</a>" in mijn and "Open termijnen" not in client.get("/", headers=HTML).text


def test_lid_van_een_ander_panel_krijgt_404(
    client: Client, zaak: dict[str, Any], gebruikers: Gebruikers, leden: dict[str, int]
) -> None:
    buiten = next(n for n in leden if n not in {z["naam"] for z in zaak["panel"]})
    gebruikers.maak("buitenstaander", Rol.LID, lid_id=leden[buiten])
    log_in_via_pagina(client, "buitenstaander")
    assert client.get(f"/zaken/{zaak['nummer']}", headers=HTML).status_code == 404
    assert f">{zaak['nummer']}</a>" not in client.get("/mijn/zaken", headers=HTML).text


def test_termijnen_gefilterd_met_tellingen(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    tweede = client.post(
        "/api/zaken",
        json=zaak_body(
            klager={"naam": "T. Klager", "korps": "TW"}, beklaagden=[{"naam": "X", "korps": "TW"}]
        ),
        headers=secretaris,
    ).json()
    alle = client.get("/termijnen", headers=HTML).text
    assert alle.count('<td class="nummer"') == len(
        client.get("/api/termijnen", headers=secretaris).json()
    )
    ij = client.get("/termijnen?korps=IJ&soort=advies", headers=HTML).text
    assert ij.count('<td class="nummer"') == 1
    assert f">{zaak['nummer']}</a>" in ij and f">{tweede['nummer']}</a>" not in ij
    tellingen = dict(re.findall(r'data-stand="([a-z-]+)">(\d+)<', ij))
    assert tellingen == {"te-laat": "0", "binnenkort": "0", "op-schema": "1"}


def test_status_wijzigen_alleen_naar_wat_nu_mag(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer = zaak["nummer"]
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    keuze = re.search(r'<select id="status-status".*?</select>', html, re.S)
    assert keuze is not None
    # Admissibility has its own step with date and grounds: not offered here.
    assert re.findall(r'<option value="([a-z_]+)"', keuze.group(0)) == ["ingetrokken", "opgelost"]
    zonder = _post(client, nummer, "status", **{"status-status": "ingetrokken"})
    assert zonder.status_code == 400
    assert fout_bij(zonder.text, "status-toelichting").startswith("Fout: Veld 'toelichting'")
    assert _api(client, secretaris, nummer)["status"] == "ontvangen"
    eigen = _post(client, nummer, "status", **{"status-status": "ontvankelijk"})
    assert eigen.status_code == 409  # its own step, as the API says
    assert (
        _post(
            client, nummer, "ontvankelijkheid", **{"ontvankelijkheid-ontvankelijk": "ja"}
        ).status_code
        == 303
    )
    # The copy to the accused (verweer) and a hearing (zitting) have steps of their own now.
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    keuze = re.search(r'<select id="status-status".*?</select>', html, re.S)
    assert keuze is not None
    assert re.findall(r'<option value="([a-z_]+)"', keuze.group(0)) == ["ingetrokken", "opgelost"]
    assert _post(client, nummer, "status", **{"status-status": "verweer"}).status_code == 409
    r = _post(
        client,
        nummer,
        "status",
        **{"status-status": "ingetrokken", "status-toelichting": "Klager trekt in."},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/zaken/{nummer}?gedaan=status"
    assert _api(client, secretaris, nummer)["status"] == "ingetrokken"


def test_wraking_verschoning_en_handmatig(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any], leden: dict[str, int]
) -> None:
    nummer = zaak["nummer"]
    zetels = {z["naam"]: z["rol"] for z in zaak["panel"]}
    gewraakt, verschoond = [n for n, rol in zetels.items() if rol == "lid"][:2]
    wraking = {
        "wraking-lid": str(leden[gewraakt]),
        "wraking-ingediend_door": "klager",
        "wraking-reden": "Kent de beklaagde.",
        "wraking-ingediend_op": "2026-02-25",
        "wraking-beslissing": "toegewezen",
    }
    zonder = _post(client, nummer, "panel/wraking", **wraking)
    assert zonder.status_code == 400  # the decision needs its explanation
    assert fout_bij(zonder.text, "wraking-toelichting").startswith("Fout: Veld 'toelichting'")
    te_vroeg = _post(
        client,
        nummer,
        "panel/wraking",
        **{
            **wraking,
            "wraking-toelichting": "Schijn van partijdigheid.",
            "wraking-ingediend_op": "2026-01-01",
        },
    )
    assert te_vroeg.status_code == 400
    assert "vóór de ontvangst" in fout_bij(te_vroeg.text, "wraking-ingediend_op")
    assert {z["naam"] for z in _api(client, secretaris, nummer)["panel"]} == set(zetels)
    r = _post(
        client,
        nummer,
        "panel/wraking",
        **{**wraking, "wraking-toelichting": "Schijn van partijdigheid."},
    )
    assert r.status_code == 303
    assert gewraakt not in {z["naam"] for z in _api(client, secretaris, nummer)["panel"]}

    r = _post(
        client,
        nummer,
        "panel/verschoning",
        **{
            "verschoning-lid": str(leden[verschoond]),
            "verschoning-reden": "Familie van de klager.",
        },
    )
    assert r.status_code == 303
    panel = {z["naam"] for z in _api(client, secretaris, nummer)["panel"]}
    assert verschoond not in panel

    zittend = sorted(panel)[0]
    onbekend = _post(
        client,
        nummer,
        "panel/handmatig",
        **{"handmatig-nieuw_lid": "999999", "handmatig-reden": "Deskundigheid."},
    )
    assert onbekend.status_code == 400
    assert "geen lid van commissie TI" in fout_bij(onbekend.text, "handmatig-nieuw_lid")
    al = _post(
        client,
        nummer,
        "panel/handmatig",
        **{
            "handmatig-lid": str(leden[sorted(panel)[1]]),
            "handmatig-nieuw_lid": str(leden[zittend]),
            "handmatig-reden": "Deskundigheid.",
        },
    )
    assert al.status_code == 409
    assert f"{zittend} zit al in het panel van {nummer}." in al.text
