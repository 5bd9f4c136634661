"""Members leaving, vacant seats, the override and the chair rule, and what others may see."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok, zaak_body
from tests.procedure_hulp import naar_status

Client = TestClient[Any]


@pytest.fixture
def klein(gebruikers: Gebruikers) -> dict[str, int]:
    """Just enough for one panel of three, and one spare in IJ."""
    rooster = [
        ("Eva Twente", "TW", "Noord", True),
        ("Fred Twente", "TW", "Zuid", False),
        ("Gert IJssel", "IJ", "Stad", True),
        ("Hans IJssel", "IJ", "Land", False),
    ]
    return {
        n: gebruikers.lid(n, k, eenheid=e, voorzitter=v, volgorde=i + 1)
        for i, (n, k, e, v) in enumerate(rooster)
    }


def registreer(client: Client, h: dict[str, str], **over: Any) -> dict[str, Any]:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=h)
    assert r.status_code == 201, r.text
    return r.json()


def actieve(client: Client, h: dict[str, str], nummer: str) -> dict[str, str]:
    zetels = client.get(f"/api/zaken/{nummer}/panel", headers=h).json()["zetels"]
    return {z["naam"]: z["rol"] for z in zetels if z["actief"]}


def test_toegewezen_wraking_zonder_opvolger_laat_de_zetel_vacant(
    client: Client, secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    # Eva is the only member who can chair at all.
    klein = {
        n: gebruikers.lid(n, k, voorzitter=v, volgorde=i)
        for i, (n, k, v) in enumerate(
            [
                ("Eva Twente", "TW", True),
                ("Fred Twente", "TW", False),
                ("Gert IJssel", "IJ", False),
                ("Hans IJssel", "IJ", False),
            ]
        )
    }
    z = registreer(client, secretaris)
    assert actieve(client, secretaris, z["nummer"])["Eva Twente"] == "voorzitter"
    body = {
        "lid": klein["Eva Twente"],
        "ingediend_door": "klager",
        "reden": "Kent de beklaagde.",
        "ingediend_op": "2026-02-27",
        "beslissing": "toegewezen",
        "toelichting": "Terecht.",
    }
    r = client.post(f"/api/zaken/{z['nummer']}/panel/wraking", json=body, headers=secretaris)
    assert r.status_code == 200, r.text
    # Nobody else can chair: the decision stands and the chair stays vacant.
    assert "Eva Twente" not in actieve(client, secretaris, z["nummer"])
    assert "voorzitter" not in actieve(client, secretaris, z["nummer"]).values()
    tijdlijn = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()["tijdlijn"]
    assert any(g["soort"] == "wraking" and "toegewezen" in g["omschrijving"] for g in tijdlijn)
    assert any(g["omschrijving"].startswith("Voorzitterszetel vacant") for g in tijdlijn)
    # Filling up later keeps the others and never brings Eva back.
    r = client.post(f"/api/zaken/{z['nummer']}/panel", json={}, headers=secretaris)
    # Eva was the only member who can chair, and she is excluded for good: the chair stays
    # vacant, and the answer says why and what to do.
    assert r.status_code == 200, r.text
    assert r.json()["waarschuwing"].startswith("Voorzitterszetel vacant: geen beschikbare")
    assert "handmatig" in r.json()["waarschuwing"]
    assert "Eva Twente" not in actieve(client, secretaris, z["nummer"])
    assert "voorzitter" not in actieve(client, secretaris, z["nummer"]).values()


def test_vertrekkend_lid_verlaat_panels_en_verliest_toegang(
    client: Client, secretaris: dict[str, str], klein: dict[str, int], gebruikers: Gebruikers
) -> None:
    z = registreer(client, secretaris)
    zittend = actieve(client, secretaris, z["nummer"])
    lid = next(n for n, rol in zittend.items() if rol == "lid" and n != "Gert IJssel")
    h = gebruikers.maak("vertrekker", Rol.LID, lid_id=klein[lid])
    assert client.get(f"/api/zaken/{z['nummer']}", headers=h).status_code == 200
    r = client.patch(f"/api/leden/{klein[lid]}", json={"actief": False}, headers=secretaris)
    assert r.status_code == 200, r.text
    assert lid not in actieve(client, secretaris, z["nummer"])
    assert client.get(f"/api/zaken/{z['nummer']}", headers=h).status_code == 404
    tijdlijn = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()["tijdlijn"]
    assert any(g["soort"] == "vertrek" for g in tijdlijn)
    # The panel can still be changed after someone left (the ledger keeps their line).
    r = client.post(
        f"/api/zaken/{z['nummer']}/panel",
        json={"opnieuw": True, "reden": "opnieuw"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    # Fred left; the other three make the panel, Eva (the one TW chair) in the chair.
    assert actieve(client, secretaris, z["nummer"]) == {
        "Eva Twente": "voorzitter",
        "Gert IJssel": "lid",
        "Hans IJssel": "lid",
    }


def test_handmatige_voorzitter_houdt_zich_aan_de_voorzittersregel(
    client: Client, secretaris: dict[str, str], klein: dict[str, int], gebruikers: Gebruikers
) -> None:
    z = registreer(client, secretaris)
    # Added after the panel was made, so both are free: an IJ chair and a TW chair.
    klein["Jan IJssel"] = gebruikers.lid(
        "Jan IJssel", "IJ", eenheid="Oost", voorzitter=True, volgorde=8
    )
    klein["Ida Twente"] = gebruikers.lid(
        "Ida Twente", "TW", eenheid="Oost", voorzitter=True, volgorde=9
    )
    url = f"/api/zaken/{z['nummer']}/panel/handmatig"
    body = {"lid": klein["Eva Twente"], "nieuw_lid": klein["Jan IJssel"], "reden": "expertise"}
    r = client.post(url, json=body, headers=secretaris)
    assert r.status_code == 409
    assert "TW" in r.json()["detail"] and "Jan IJssel" in r.json()["detail"]
    assert actieve(client, secretaris, z["nummer"])["Eva Twente"] == "voorzitter"
    body = {"lid": klein["Eva Twente"], "nieuw_lid": klein["Fred Twente"], "reden": "expertise"}
    r = client.post(url, json=body, headers=secretaris)
    assert r.status_code == 409
    body = {"lid": klein["Eva Twente"], "nieuw_lid": klein["Ida Twente"], "reden": "ervaring"}
    r = client.post(url, json=body, headers=secretaris)
    assert r.status_code == 200, r.text
    assert actieve(client, secretaris, z["nummer"])["Ida Twente"] == "voorzitter"


def test_ziekte_en_vakantie_op_de_tijdlijn_zonder_gezondheidsgegevens(
    client: Client, secretaris: dict[str, str], klein: dict[str, int], gebruikers: Gebruikers
) -> None:
    z = registreer(client, secretaris)
    zittend = actieve(client, secretaris, z["nummer"])
    lid = next(n for n, rol in zittend.items() if rol == "lid")
    r = client.post(
        f"/api/leden/{klein[lid]}/afwezigheden",
        json={"van": "2026-04-01", "tot": "2026-04-10", "soort": "vakantie"},
        headers=secretaris,
    )
    assert r.status_code == 201
    tijdlijn = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()["tijdlijn"]
    [afw] = [g for g in tijdlijn if g["soort"] == "afwezigheid"]
    assert "1 april 2026" in afw["omschrijving"] and "vakantie" not in afw["omschrijving"]
    r = client.post(
        f"/api/leden/{klein[lid]}/afwezigheden",
        json={"van": "2026-03-01", "tot": "2026-03-31", "soort": "ziekte"},
        headers=secretaris,
    )
    assert r.status_code == 201
    ander = next(n for n, rol in actieve(client, secretaris, z["nummer"]).items() if n != lid)
    h = gebruikers.maak("panellid", Rol.LID, lid_id=klein[ander])
    zicht = client.get(f"/api/zaken/{z['nummer']}", headers=h).json()
    tekst = " ".join(g["omschrijving"] for g in zicht["tijdlijn"])
    assert "ziek van" not in tekst and "2026-03-31" not in tekst
    assert all("uitleg" not in s for s in zicht["panel"])


def test_korpsleiding_ziet_alleen_wat_ze_nodig_heeft(
    client: Client,
    secretaris: dict[str, str],
    klein: dict[str, int],
    gebruikers: Gebruikers,
    klok: Klok,
) -> None:
    z = registreer(
        client,
        secretaris,
        beklaagden=[
            {"naam": "B. IJssel", "korps": "IJ", "eenheid": "Stad"},
            {"naam": "C. Twente", "korps": "TW", "eenheid": "Noord"},
        ],
        vertrouwenspersoon={"naam": "V. Persoon"},
    )
    n = z["nummer"]
    assert (
        client.post(
            f"/api/zaken/{n}/ontvankelijkheid", json={"ontvankelijk": True}, headers=secretaris
        ).status_code
        == 200
    )
    for status in ("verweer", "zitting", "advies_uitgebracht"):
        naar_status(client, secretaris, n, status, klok=klok, gebruikers=gebruikers)
    h = gebruikers.maak("kc.tw", Rol.KORPSLEIDING, korps="TW")
    zicht = client.get(f"/api/zaken/{n}", headers=h).json()
    assert [b["naam"] for b in zicht["beklaagden"]] == ["C. Twente"]
    assert zicht["omschrijving"] == ""
    assert zicht["vertrouwenspersoon"] is None
    assert zicht["klager"]["contact"] is None
    assert {g["soort"] for g in zicht["tijdlijn"]} <= {"ontvangen", "status", "verdaging"}
    assert all("uitleg" not in s for s in zicht["panel"])
