"""Hearing forms on the case page: planning from a proposed slot, wederhoor steps, moving,
cancelling, the hoorverslag and not hearing a party; a refusal writes nothing."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.tijd import AMSTERDAM
from tests.conftest import Gebruikers, Klok
from tests.procedure_hulp import naar_verweer, registreer, wederhoor
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina
from tests.web.test_zaakacties import ROOSTER

Client = TestClient[Any]


@pytest.fixture
def leden(gebruikers: Gebruikers) -> dict[str, int]:
    return {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(ROOSTER)
    }


@pytest.fixture
def nummer(client: Client, secretaris: dict[str, str], leden: dict[str, int]) -> str:
    n = registreer(client, secretaris)
    assert log_in_via_pagina(client, "secretaris", follow_redirects=False).status_code == 303
    return n


def _post(client: Client, nummer: str, pad: str, velden: dict[str, Any]) -> Any:
    data = {"_csrf_token": formulier_token(client, f"/zaken/{nummer}"), **velden}
    return client.post(f"/zaken/{nummer}/{pad}", data=data, follow_redirects=False)


def _voorstellen(html: str) -> list[str]:
    return re.findall(r'name="zitting-voorstel" value="([^"]+)"', html)


def _zittingen(client: Client, hdr: dict[str, str], nummer: str) -> list[dict[str, Any]]:
    return list(client.get(f"/api/zaken/{nummer}/zittingen", headers=hdr).json())


def test_wederhoorstap_via_formulier(
    client: Client, secretaris: dict[str, str], nummer: str
) -> None:
    naar_verweer(client, secretaris, nummer)
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    assert 'value="verweer_ontvangen"' in html and 'value="afschrift_beklaagde"' not in html
    r = _post(client, nummer, "wederhoor", {"wederhoor-stap": "verweer_ontvangen"})
    assert r.status_code == 303 and r.headers["location"] == f"/zaken/{nummer}?gedaan=wederhoor"
    zaak = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    assert zaak["wederhoor"]["verweer_ontvangen"] is not None
    # A date before the copy to the accused is refused at its field.
    r = _post(
        client,
        nummer,
        "wederhoor",
        {"wederhoor-stap": "stukken_gedeeld", "wederhoor-op": "2000-01-01"},
    )
    assert r.status_code == 400
    assert "ligt vóór de ontvangst van de klacht" in fout_bij(r.text, "wederhoor-op")
    zaak = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    assert zaak["wederhoor"]["stukken_gedeeld"] is None


def test_zitting_plannen_uit_voorstel(
    client: Client, secretaris: dict[str, str], nummer: str
) -> None:
    naar_verweer(client, secretaris, nummer)
    wederhoor(client, secretaris, nummer, "verweer_ontvangen")
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    voorstellen = _voorstellen(html)
    assert voorstellen, "geen voorgestelde tijdstippen op de zaakpagina"
    # No slot chosen: refused at the field, nothing planned.
    r = _post(client, nummer, "zitting", {"zitting-partijen": ["klager", "beklaagde:1"]})
    assert r.status_code == 400
    assert fout_bij(r.text, "zitting-voorstel") == (
        "Fout: Veld 'voorstel': kies een van de voorgestelde tijdstippen."
    )
    assert 'href="#zitting-voorstel"' in r.text  # summarised on top, linked to the field
    assert _zittingen(client, secretaris, nummer) == []
    zaak = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    partijen = ["klager", *(f"beklaagde:{b['id']}" for b in zaak["beklaagden"])]
    r = _post(
        client,
        nummer,
        "zitting",
        {"zitting-voorstel": voorstellen[0], "zitting-partijen": partijen},
    )
    assert r.status_code == 303, r.text
    [z] = _zittingen(client, secretaris, nummer)
    begin, duur, locatie = voorstellen[0].split("|", 2)
    assert (
        datetime.fromisoformat(z["begin"]).astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M") == begin
    )
    assert datetime.fromisoformat(z["einde"]) - datetime.fromisoformat(z["begin"]) == timedelta(
        minutes=int(duur)
    )
    assert z["locatie"] == locatie and z["partijen"] == partijen
    html = client.get(r.headers["location"], headers=HTML).text
    assert "De zitting is gepland." in html
    assert f"/zaken/{nummer}/zittingen/{z['id']}/verslag" in html


def test_verslag_en_annuleren(
    client: Client, secretaris: dict[str, str], nummer: str, klok: Klok
) -> None:
    naar_verweer(client, secretaris, nummer)
    wederhoor(client, secretaris, nummer, "verweer_ontvangen")
    voorstel = _voorstellen(client.get(f"/zaken/{nummer}", headers=HTML).text)[0]
    assert (
        _post(
            client, nummer, "zitting", {"zitting-voorstel": voorstel, "zitting-partijen": "klager"}
        ).status_code
        == 303
    )
    [z] = _zittingen(client, secretaris, nummer)
    pad = f"zittingen/{z['id']}"
    # Before the hearing began there is no report to record.
    r = _post(client, nummer, f"{pad}/verslag", {f"verslag-{z['id']}-verslag": "Gehoord."})
    assert r.status_code == 409 and "een hoorverslag kan pas daarna" in r.text
    klok.moment = datetime.fromisoformat(z["einde"]) + timedelta(hours=1)
    log_in_via_pagina(client, "secretaris")  # the page session ended with the clock's jump
    r = _post(client, nummer, f"{pad}/verslag", {f"verslag-{z['id']}-gehoord": "klager"})
    assert r.status_code == 400
    assert "Fout: Veld 'verslag'" in fout_bij(r.text, f"verslag-{z['id']}-verslag")
    assert _zittingen(client, secretaris, nummer)[0]["status"] == "gepland"
    r = _post(
        client,
        nummer,
        f"{pad}/verslag",
        {
            f"verslag-{z['id']}-gehoord": "klager",
            f"verslag-{z['id']}-verslag": "Klager gehoord.",
            f"verslag-{z['id']}-getuigen": "G. Tuige\n\nH. Tweede",
        },
    )
    assert r.status_code == 303 and r.headers["location"].endswith("?gedaan=verslag")
    [z] = _zittingen(client, secretaris, nummer)
    assert (z["status"], z["gehoord"], z["getuigen"]) == (
        "gehouden",
        ["klager"],
        ["G. Tuige", "H. Tweede"],
    )
    # A held hearing cannot be cancelled; the reason stays unwritten.
    r = _post(client, nummer, f"{pad}/annuleren", {f"annuleren-{z['id']}-reden": "Ziek."})
    assert r.status_code == 409
    assert _zittingen(client, secretaris, nummer)[0]["annuleer_reden"] is None


def test_afzien_van_horen_vraagt_grond(
    client: Client, secretaris: dict[str, str], nummer: str
) -> None:
    naar_verweer(client, secretaris, nummer)
    r = _post(client, nummer, "afzien-horen", {"afzien-partij": "klager"})
    assert r.status_code == 400
    assert "Fout: Veld 'grond'" in fout_bij(r.text, "afzien-grond")
    r = _post(
        client,
        nummer,
        "afzien-horen",
        {"afzien-partij": "klager", "afzien-grond": "Kennelijk ongegrond."},
    )
    assert r.status_code == 303
    horen = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["horen"]
    assert [h["partij"] for h in horen if h["afgezien"]] == ["klager"]


def test_lid_ziet_geen_hoorformulieren(
    client: Client,
    secretaris: dict[str, str],
    nummer: str,
    leden: dict[str, int],
    gebruikers: Gebruikers,
) -> None:
    naar_verweer(client, secretaris, nummer)
    zaak = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    gebruikers.maak("panellid", Rol.LID, lid_id=leden[zaak["panel"][0]["naam"]])
    client.cookies.clear()
    assert log_in_via_pagina(client, "panellid", follow_redirects=False).status_code == 303
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    assert f"Zaak {nummer}" in html and "/wederhoor" not in html and "zitting-voorstel" not in html
    r = client.post(
        f"/zaken/{nummer}/wederhoor",
        data={
            "_csrf_token": formulier_token(client, f"/zaken/{nummer}"),
            "wederhoor-stap": "verweer_ontvangen",
        },
        follow_redirects=False,
    )
    assert r.status_code == 403
    assert (
        client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["wederhoor"][
            "verweer_ontvangen"
        ]
        is None
    )


def test_zitting_verplaatsen(client: Client, secretaris: dict[str, str], nummer: str) -> None:
    naar_verweer(client, secretaris, nummer)
    wederhoor(client, secretaris, nummer, "verweer_ontvangen")
    voorstellen = _voorstellen(client.get(f"/zaken/{nummer}", headers=HTML).text)
    assert len(voorstellen) >= 2
    r = _post(
        client,
        nummer,
        "zitting",
        {"zitting-voorstel": voorstellen[0], "zitting-partijen": "klager"},
    )
    assert r.status_code == 303
    [z] = _zittingen(client, secretaris, nummer)
    a = f"verplaatsen-{z['id']}"
    # Nothing to move to: refused at the begin field, the hearing unchanged.
    r = _post(client, nummer, f"zittingen/{z['id']}/verplaatsen", {})
    assert r.status_code == 400
    assert "Fout: Veld 'begin'" in fout_bij(r.text, f"{a}-begin")
    assert _zittingen(client, secretaris, nummer)[0]["begin"] == z["begin"]
    nieuw = voorstellen[1].split("|")[0]
    r = _post(client, nummer, f"zittingen/{z['id']}/verplaatsen", {f"{a}-begin": nieuw})
    assert r.status_code == 303 and r.headers["location"].endswith("?gedaan=verplaatsen")
    [z] = _zittingen(client, secretaris, nummer)
    begin = datetime.fromisoformat(z["begin"]).astimezone(AMSTERDAM)
    assert (begin.strftime("%Y-%m-%dT%H:%M"), z["volgnummer"]) == (nieuw, 1)


def test_geweigerde_stap_houdt_de_hoorformulieren(
    client: Client, secretaris: dict[str, str], nummer: str
) -> None:
    naar_verweer(client, secretaris, nummer)
    r = _post(client, nummer, "status", {"status-status": "ingetrokken"})
    assert r.status_code == 400  # withdrawing needs an explanation (Awb 9:5)
    assert f'action="/zaken/{nummer}/wederhoor"' in r.text
    assert _voorstellen(r.text) == _voorstellen(client.get(f"/zaken/{nummer}", headers=HTML).text)
