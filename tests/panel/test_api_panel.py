"""The panel through the API: composition at registration, replacements, override, load."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import func, select

from commissie.accounts.rollen import Rol
from commissie.panel.models import Panelzetel
from tests.conftest import Gebruikers, Klok, run_db, zaak_body
from tests.procedure_hulp import naar_status

Client = TestClient[Any]


@pytest.fixture
def leden(gebruikers: Gebruikers) -> dict[str, int]:
    """Three members per corps; all of Twente and two of IJsselland can chair."""
    rooster = [
        ("Tessa Twente", "TW", "District Enschede", True),
        ("Tim Twente", "TW", "District Hengelo", True),
        ("Tara Twente", "TW", "Recherche", True),
        ("Iris IJssel", "IJ", "District Zwolle", True),
        ("Ivo IJssel", "IJ", "District Deventer", True),
        ("Ilse IJssel", "IJ", "Meldkamer", False),
    ]
    return {
        naam: gebruikers.lid(naam, korps, eenheid=eenheid, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, eenheid, vz) in enumerate(rooster)
    }


def registreer(client: Client, headers: dict[str, str], **over: Any) -> dict[str, Any]:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=headers)
    assert r.status_code == 201, r.text
    return r.json()


def actief(panel: list[dict[str, Any]]) -> dict[str, str]:
    return {z["naam"]: z["rol"] for z in panel}


def test_panel_bij_registratie(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)  # complaint from IJ about someone in IJ
    panel = z["panel"]
    assert len(panel) == 3
    [vz] = [s for s in panel if s["rol"] == "voorzitter"]
    assert vz["korps"] == "TW"  # the chair comes from the other corps
    assert {s["korps"] for s in panel} == {"TW", "IJ"}  # spread over the corps
    for s in panel:
        assert set(s) >= {"rol", "naam", "korps", "uitleg"}
        assert s["uitleg"]["waarom"]
        assert s["uitleg"]["overwogen"]
    # The accused's unit is District Zwolle: Iris works there and is excluded, with the reason.
    assert "Iris IJssel" not in actief(panel)
    uitgesloten = {u["naam"]: u["reden"] for s in panel for u in s["uitleg"]["uitgesloten"]}
    assert "dezelfde eenheid" in uitgesloten["Iris IJssel"]
    assert [g for g in z["tijdlijn"] if g["soort"] == "panel"]


def test_terugval_als_alle_korpsen_betrokken_zijn(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(
        client,
        secretaris,
        klager={"naam": "K. Lager", "korps": "TW"},
        beklaagden=[{"naam": "B. Klaagde", "korps": "IJ"}],
    )
    [vz] = [s for s in z["panel"] if s["rol"] == "voorzitter"]
    assert vz["korps"] == "TW"  # default fallback: not from the accused's corps
    assert "terugvalregel" in vz["uitleg"]["waarom"]
    assert any("terugvalregel" in w for w in vz["uitleg"]["waarschuwingen"])


def test_zonder_leden_wordt_de_zaak_toch_geregistreerd(
    client: Client, secretaris: dict[str, str]
) -> None:
    z = registreer(client, secretaris)
    assert z["panel"] == []
    assert z["waarschuwingen"] and "voorzitter" in z["waarschuwingen"][0]
    assert any("Panel nog niet samengesteld" in g["omschrijving"] for g in z["tijdlijn"])


def test_partij_en_afwezig_lid_worden_niet_aangewezen(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    r = client.post(
        f"/api/leden/{leden['Tessa Twente']}/afwezigheden",
        json={"van": "2026-02-20", "tot": "2026-03-20", "soort": "vakantie"},
        headers=secretaris,
    )
    assert r.status_code == 201, r.text
    z = registreer(client, secretaris, klager={"naam": "ivo  ijssel", "korps": "IJ"})
    namen = actief(z["panel"])
    assert "Tessa Twente" not in namen and "Ivo IJssel" not in namen
    redenen = {u["naam"]: u["reden"] for s in z["panel"] for u in s["uitleg"]["uitgesloten"]}
    assert "afwezig" in redenen["Tessa Twente"]
    assert "partij" in redenen["Ivo IJssel"]


def test_verschoning_vervangt_en_houdt_geschiedenis(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    lid = next(s for s in z["panel"] if s["rol"] == "lid")
    lid_id = leden[lid["naam"]]
    r = client.post(
        f"/api/zaken/{z['nummer']}/panel/verschoning",
        json={"lid": lid_id, "reden": "Kent de klager privé."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    zetels = r.json()["zetels"]
    oud = [s for s in zetels if s["lid_id"] == lid_id]
    assert len(oud) == 1 and oud[0]["actief"] is False and oud[0]["einde_reden"] == "verschoning"
    assert sum(s["actief"] for s in zetels) == 3
    detail = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()
    assert any(g["soort"] == "verschoning" for g in detail["tijdlijn"])
    # Recomposing the whole panel never brings the member back: the conflict is recorded.
    r = client.post(
        f"/api/zaken/{z['nummer']}/panel",
        json={"opnieuw": True, "reden": "nieuwe samenstelling"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    assert lid_id not in {s["lid_id"] for s in r.json()["zetels"] if s["actief"]}
    # A second declaration for the same member is refused.
    r = client.post(
        f"/api/zaken/{z['nummer']}/panel/verschoning",
        json={"lid": lid_id, "reden": "nogmaals"},
        headers=secretaris,
    )
    assert r.status_code == 409


@pytest.mark.parametrize("beslissing", ["toegewezen", "afgewezen"])
def test_wraking(
    client: Client, secretaris: dict[str, str], leden: dict[str, int], beslissing: str
) -> None:
    z = registreer(client, secretaris)
    vz = next(s for s in z["panel"] if s["rol"] == "voorzitter")
    body = {
        "lid": leden[vz["naam"]],
        "ingediend_door": "beklaagde",
        "reden": "Vooringenomen.",
        "ingediend_op": "2026-02-26",
        "beslissing": beslissing,
        "toelichting": "Besproken in de commissie.",
    }
    r = client.post(f"/api/zaken/{z['nummer']}/panel/wraking", json=body, headers=secretaris)
    assert r.status_code == 200, r.text
    zetels = r.json()["zetels"]
    nog_actief = any(s["lid_id"] == leden[vz["naam"]] and s["actief"] for s in zetels)
    assert nog_actief is (beslissing == "afgewezen")
    nieuwe_vz = [s for s in zetels if s["actief"] and s["rol"] == "voorzitter"]
    assert len(nieuwe_vz) == 1
    if beslissing == "toegewezen":
        assert nieuwe_vz[0]["korps"] == "TW" and nieuwe_vz[0]["uitleg"]["grond"] == "wraking"
    detail = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()
    assert any(
        g["soort"] == "wraking" and beslissing in g["omschrijving"] for g in detail["tijdlijn"]
    )


def test_ziekte_vervangt_in_open_zaken(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    lid = next(s for s in z["panel"] if s["rol"] == "lid")
    r = client.post(
        f"/api/leden/{leden[lid['naam']]}/afwezigheden",
        json={"van": "2026-03-01", "tot": "2026-04-01", "soort": "ziekte"},
        headers=secretaris,
    )
    assert r.status_code == 201, r.text
    assert r.json()["vervangen_in"] == [z["nummer"]]
    detail = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()
    assert lid["naam"] not in actief(detail["panel"])
    assert len(detail["panel"]) == 3
    assert any(g["soort"] == "ziektevervanging" for g in detail["tijdlijn"])


def test_handmatige_aanwijzing(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    zittend = actief(z["panel"])
    lid = next(s for s in z["panel"] if s["rol"] == "lid")
    vrij = next(
        n for n in ("Tara Twente", "Tim Twente", "Ivo IJssel", "Ilse IJssel") if n not in zittend
    )
    url = f"/api/zaken/{z['nummer']}/panel/handmatig"
    r = client.post(
        url,
        json={"lid": leden[lid["naam"]], "nieuw_lid": leden[vrij], "reden": ""},
        headers=secretaris,
    )
    assert r.status_code == 400 and "reden" in r.json()["detail"]
    # Iris works in the accused's unit: an override does not overrule a conflict of interest.
    r = client.post(
        url,
        json={"lid": leden[lid["naam"]], "nieuw_lid": leden["Iris IJssel"], "reden": "expertise"},
        headers=secretaris,
    )
    assert r.status_code == 409 and "eenheid" in r.json()["detail"]
    r = client.post(
        url,
        json={
            "lid": leden[lid["naam"]],
            "nieuw_lid": leden[vrij],
            "reden": "Ervaring met meldkamerzaken.",
        },
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    nieuw = next(s for s in r.json()["zetels"] if s["lid_id"] == leden[vrij] and s["actief"])
    assert nieuw["uitleg"]["grond"] == "handmatig"
    assert nieuw["uitleg"]["toelichting"] == "Ervaring met meldkamerzaken."
    detail = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()
    assert any(
        g["soort"] == "handmatig" and g["toelichting"] == "Ervaring met meldkamerzaken."
        for g in detail["tijdlijn"]
    )


def test_panel_ligt_vast_na_het_advies(
    client: Client,
    secretaris: dict[str, str],
    leden: dict[str, int],
    klok: Klok,
    gebruikers: Gebruikers,
) -> None:
    z = registreer(client, secretaris)
    n = z["nummer"]
    assert (
        client.post(
            f"/api/zaken/{n}/ontvankelijkheid", json={"ontvankelijk": True}, headers=secretaris
        ).status_code
        == 200
    )
    for status in ("verweer", "zitting", "advies_uitgebracht"):
        naar_status(client, secretaris, n, status, klok=klok, gebruikers=gebruikers)
    lid = next(s for s in z["panel"] if s["rol"] == "lid")
    r = client.post(
        f"/api/zaken/{n}/panel/verschoning",
        json={"lid": leden[lid["naam"]], "reden": "x"},
        headers=secretaris,
    )
    assert r.status_code == 409 and "ligt vast" in r.json()["detail"]


def test_lid_ziet_alleen_zaken_van_het_eigen_panel(
    client: Client, secretaris: dict[str, str], leden: dict[str, int], gebruikers: Gebruikers
) -> None:
    z = registreer(client, secretaris)
    registreer(
        client,
        secretaris,
        klager={"naam": "Ander", "korps": "TW"},
        beklaagden=[{"naam": "X", "korps": "TW"}],
    )
    zittend = next(s["naam"] for s in z["panel"])
    niet = next(n for n in leden if n not in actief(z["panel"]) and n != zittend)
    h_in = gebruikers.maak("lid-in", Rol.LID, lid_id=leden[zittend])
    h_uit = gebruikers.maak("lid-uit", Rol.LID, lid_id=leden[niet])
    assert z["nummer"] in [
        x["nummer"] for x in client.get("/api/zaken", headers=h_in).json()["zaken"]
    ]
    assert client.get(f"/api/zaken/{z['nummer']}", headers=h_in).status_code == 200
    zichtbaar_uit = [x["nummer"] for x in client.get("/api/zaken", headers=h_uit).json()["zaken"]]
    assert z["nummer"] not in zichtbaar_uit
    assert client.get(f"/api/zaken/{z['nummer']}", headers=h_uit).status_code == 404
    # Panel management is the secretary's.
    assert client.get(f"/api/zaken/{z['nummer']}/panel", headers=h_in).status_code == 403


def test_belasting_telt_op(
    client: Client, secretaris: dict[str, str], leden: dict[str, int], db: str
) -> None:
    for i in range(4):
        registreer(
            client,
            secretaris,
            klager={"naam": f"K{i}", "korps": "IJ" if i % 2 else "TW"},
            beklaagden=[{"naam": f"B{i}", "korps": "IJ" if i % 2 else "TW"}],
        )
    r = client.get(
        "/api/belasting", params={"van": "2026-01-01", "tot": "2026-12-31"}, headers=secretaris
    )
    assert r.status_code == 200, r.text
    b = r.json()
    assert sum(k["zetels"] for k in b["korpsen"]) == 12
    assert sum(k["voorzitterschappen"] for k in b["korpsen"]) == 4
    assert {k["korps"]: k["zaken"] for k in b["korpsen"]} == {"TW": 2, "IJ": 2}
    assert sum(x["zetels"] for x in b["leden"]) == 12
    assert abs(sum(x["eerlijk_aandeel"] for x in b["leden"]) - 12) < 0.05
    aantal = run_db(
        db,
        lambda s: s.scalar(select(func.count()).select_from(Panelzetel).where(Panelzetel.actief)),
    )
    assert aantal == 12
    r = client.get(
        "/api/belasting", params={"van": "2026-12-31", "tot": "2026-01-01"}, headers=secretaris
    )
    assert r.status_code == 400 and "van" in r.json()["detail"]


def test_leden_beheren(client: Client, secretaris: dict[str, str], gebruikers: Gebruikers) -> None:
    r = client.post(
        "/api/leden",
        json={"naam": "Nieuw Lid", "commissie": "TI", "korps": "FR"},
        headers=secretaris,
    )
    assert r.status_code == 400 and "korps" in r.json()["detail"]
    r = client.post(
        "/api/leden",
        json={"naam": "Nieuw Lid", "commissie": "TI", "korps": "TW", "voorzitter": True},
        headers=secretaris,
    )
    assert r.status_code == 201, r.text
    lid = r.json()
    assert lid["voorzitter"] is True and lid["volgorde"] == 1
    r = client.patch(f"/api/leden/{lid['id']}", json={"actief": False}, headers=secretaris)
    assert r.status_code == 200 and r.json()["actief"] is False
    assert [x["naam"] for x in client.get("/api/leden", headers=secretaris).json()] == ["Nieuw Lid"]
    korpschef = gebruikers.maak("kc", Rol.KORPSLEIDING, korps="TW")
    assert (
        client.post(
            "/api/leden", json={"naam": "X", "commissie": "TI", "korps": "TW"}, headers=korpschef
        ).status_code
        == 403
    )
    andere = gebruikers.maak("sec-nn", Rol.SECRETARIS, commissie="NN")
    assert (
        client.post(
            "/api/leden", json={"naam": "X", "commissie": "TI", "korps": "TW"}, headers=andere
        ).status_code
        == 403
    )
    r = client.post(
        f"/api/leden/{lid['id']}/afwezigheden",
        json={"van": "2026-03-10", "tot": "2026-03-01", "soort": "vakantie"},
        headers=secretaris,
    )
    assert r.status_code == 400 and "tot" in r.json()["detail"]


@pytest.mark.parametrize(
    ("pad", "body", "veld"),
    [
        ("verschoning", {"reden": "x"}, "lid"),
        ("verschoning", {"lid": 99999, "reden": "x"}, "lid"),
        ("verschoning", {"lid": "een", "reden": "x"}, "lid"),
        (
            "wraking",
            {
                "lid": 1,
                "ingediend_door": "buurman",
                "reden": "x",
                "ingediend_op": "2026-02-26",
                "beslissing": "toegewezen",
                "toelichting": "x",
            },
            "ingediend_door",
        ),
        (
            "wraking",
            {
                "lid": 1,
                "ingediend_door": "klager",
                "reden": "x",
                "ingediend_op": "2026-02-26",
                "beslissing": "misschien",
                "toelichting": "x",
            },
            "beslissing",
        ),
        ("ziektevervanging", {"lid": 1}, "reden"),
        ("handmatig", {"lid": 1, "reden": "x"}, "nieuw_lid"),
        ("", {"opnieuw": "ja"}, "opnieuw"),
    ],
)
def test_foute_invoer_panel(
    client: Client,
    secretaris: dict[str, str],
    leden: dict[str, int],
    db: str,
    pad: str,
    body: dict[str, Any],
    veld: str,
) -> None:
    z = registreer(client, secretaris)
    voor = client.get(f"/api/zaken/{z['nummer']}/panel", headers=secretaris).json()
    url = f"/api/zaken/{z['nummer']}/panel" + (f"/{pad}" if pad else "")
    r = client.post(url, json=body, headers=secretaris)
    assert r.status_code == 400, r.text
    assert veld in r.json()["detail"]
    assert client.get(f"/api/zaken/{z['nummer']}/panel", headers=secretaris).json() == voor


def test_wraking_met_datum_in_de_toekomst(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    vz = next(s for s in z["panel"] if s["rol"] == "voorzitter")
    body = {
        "lid": leden[vz["naam"]],
        "ingediend_door": "klager",
        "reden": "x",
        "ingediend_op": "2026-03-20",
        "beslissing": "toegewezen",
        "toelichting": "x",
    }
    r = client.post(f"/api/zaken/{z['nummer']}/panel/wraking", json=body, headers=secretaris)
    assert r.status_code == 400 and "ingediend_op" in r.json()["detail"]
    nog = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()
    assert not [g for g in nog["tijdlijn"] if g["soort"] == "wraking"]


def test_panel_opnieuw_zonder_reden_of_vlag(
    client: Client, secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    r = client.post(f"/api/zaken/{z['nummer']}/panel", json={}, headers=secretaris)
    assert r.status_code == 409 and "opnieuw" in r.json()["detail"]
    r = client.post(f"/api/zaken/{z['nummer']}/panel", json={"opnieuw": True}, headers=secretaris)
    assert r.status_code == 400 and "reden" in r.json()["detail"]
