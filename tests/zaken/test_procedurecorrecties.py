"""Issue 7, named cases through the API: each defect a committee lawyer found, now refused or
shown as the law has it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok, zaak_body
from tests.procedure_hulp import naar_status

Hdr = dict[str, str]


def _om(dag: str) -> datetime:
    return datetime.fromisoformat(f"{dag}T09:00:00").replace(tzinfo=UTC)  # 10:00 or 11:00 NL


def _registreer(client: TestClient[Any], h: Hdr, **over: Any) -> dict[str, Any]:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=h)
    assert r.status_code == 201, r.text
    return dict(r.json())


def _termijn(z: dict[str, Any], soort: str) -> dict[str, Any]:
    return next(t for t in z["termijnoverzicht"] if t["soort"] == soort)


# ---- 1. postponement ----------------------------------------------------------------------


def test_verdaging_na_verlopen_termijn_kan_niet_teruggedateerd_voorbij_de_termijn(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    klok.moment = _om("2026-03-02")
    # Received 6 October 2025: the decision was due 15 December 2025, months ago.
    z = _registreer(client, secretaris, ontvangen_op="2025-10-06", gedraging_op="2025-10-01")
    nummer = z["nummer"]
    assert _termijn(z, "besluit")["einddatum"] == "2025-12-15"
    url = f"/api/zaken/{nummer}/verdaging"
    basis = {"weken": 4, "reden": "Getuige ziek."}

    # Decided after the deadline: too late, whatever is typed now.
    r = client.post(
        url,
        json={**basis, "besloten_op": "2026-01-10", "mededeling_op": "2026-01-10"},
        headers=secretaris,
    )
    assert r.status_code == 409, r.text
    assert r.json()["veld"] == "besloten_op" and "15 december 2025" in r.json()["detail"]
    # The written notice to both parties is required (Awb 9:11 lid 2).
    r = client.post(url, json={**basis, "besloten_op": "2025-12-10"}, headers=secretaris)
    assert r.status_code == 400 and "mededeling_op" in r.json()["detail"], r.text
    # A notice sent after the deadline does not count either.
    r = client.post(
        url,
        json={**basis, "besloten_op": "2025-12-10", "mededeling_op": "2025-12-20"},
        headers=secretaris,
    )
    assert r.status_code == 409 and r.json()["veld"] == "mededeling_op", r.text
    assert (
        _termijn(client.get(f"/api/zaken/{nummer}", headers=secretaris).json(), "besluit")[
            "einddatum"
        ]
        == "2025-12-15"
    )

    # Both before the deadline, typed in now: accepted, and marked as recorded late.
    r = client.post(
        url,
        json={**basis, "besloten_op": "2025-12-10", "mededeling_op": "2025-12-12"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    z = r.json()
    [v] = z["verdagingen"]
    assert (v["besloten_op"], v["mededeling_op"], v["te_laat_vastgelegd"]) == (
        "2025-12-10",
        "2025-12-12",
        True,
    )
    assert v["vastgelegd_door"] == "secretaris"
    assert v["vastgelegd_op"].startswith("2026-03-02")
    assert _termijn(z, "besluit")["einddatum"] == "2026-01-12"
    tekst = z["tijdlijn"][-1]["omschrijving"]
    assert "ingelicht op 12 december 2025" in tekst and "na afloop" in tekst
    assert z["tijdlijn"][-1]["datum"] == "2025-12-10"


def test_verdaging_na_afloop_van_de_adviestermijn_maakt_een_te_laat_advies_niet_tijdig(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    klok.moment = _om("2026-03-05")
    z = _registreer(client, secretaris, ontvangen_op="2026-01-05", gedraging_op="2026-01-02")
    assert (_termijn(z, "advies")["einddatum"], _termijn(z, "advies")["dagen_te_laat"]) == (
        "2026-02-16",
        17,
    )
    r = client.post(
        f"/api/zaken/{z['nummer']}/verdaging",
        json={"weken": 4, "reden": "r", "besloten_op": "2026-03-04", "mededeling_op": "2026-03-04"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    z = r.json()
    # The decision deadline moves; the advice was already late and stays 17 days late.
    assert _termijn(z, "besluit")["einddatum"] == "2026-04-13"
    assert (_termijn(z, "advies")["einddatum"], _termijn(z, "advies")["dagen_te_laat"]) == (
        "2026-02-16",
        17,
    )
    assert z["verdagingen"][0]["te_laat_vastgelegd"] is False


def test_instemming_na_de_termijn_en_verdaging_voor_de_vorige(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    klok.moment = _om("2026-03-10")
    nummer = _registreer(client, secretaris, ontvangen_op="2026-01-05", gedraging_op="2026-01-02")[
        "nummer"
    ]
    url = f"/api/zaken/{nummer}/verdaging"

    def verdaag(weken: int, dag: str, **extra: Any) -> Any:
        body = {"weken": weken, "reden": "r", "besloten_op": dag, "mededeling_op": dag, **extra}
        return client.post(url, json=body, headers=secretaris)

    assert verdaag(1, "2026-03-02").status_code == 200
    assert verdaag(1, "2026-03-05").status_code == 200
    # A third, dated before the earlier ones: refused, naming the field and the deadline.
    r = verdaag(1, "2026-03-01")
    assert r.status_code == 409, r.text
    assert r.json()["veld"] == "besloten_op" and "vorige verdaging" in r.json()["detail"]
    assert "30 maart 2026" in r.json()["detail"]  # the decision deadline it would move

    # Beyond four weeks: consent, dated by the deadline it extends (now 30 March 2026).
    klok.moment = _om("2026-04-02")
    r = verdaag(
        3,
        "2026-03-27",
        instemming_klager={"datum": "2026-03-31", "kenmerk": "Brief klager 31-3"},
    )
    assert r.status_code == 409, r.text
    assert r.json()["veld"] == "instemming_klager.datum" and "30 maart 2026" in r.json()["detail"]
    r = verdaag(
        3, "2026-03-27", instemming_klager={"datum": "2026-03-26", "kenmerk": "Brief klager"}
    )
    assert r.status_code == 200, r.text
    assert r.json()["verdaagd_weken"] == 5


# ---- 2. Awb 9:8 -------------------------------------------------------------------------


def test_strafrechtelijk_onderzoek_is_sub_f(client: TestClient[Any], secretaris: Hdr) -> None:
    z = _registreer(client, secretaris, strafrechtelijk_onderzoek={"lopend": True})
    [s] = [s for s in z["signalen"] if s["code"] == "strafrechtelijk_onderzoek"]
    assert s["grondslag"] == "Awb 9:8 lid 1 sub f"


def test_lopende_klacht_is_een_eigen_signaal_en_initialen_kunnen_dezelfde_zijn(
    client: TestClient[Any], secretaris: Hdr
) -> None:
    eerste = _registreer(
        client, secretaris, beklaagden=[{"naam": "Test Beklaagde", "korps": "IJ"}]
    )["nummer"]
    z = _registreer(client, secretaris, beklaagden=[{"naam": "T.  Beklaagde", "korps": "IJ"}])
    [s] = [s for s in z["signalen"] if s["feiten"].get("zaak") == eerste]
    assert s["code"] == "lopende_klacht"
    assert "sub a" not in s["grondslag"]
    assert f"loopt al een klacht ({eerste})" in s["omschrijving"]
    assert "mogelijk dezelfde beklaagde" in s["omschrijving"]
    # Other initials: another person, no signal.
    z = _registreer(client, secretaris, beklaagden=[{"naam": "K. Beklaagde", "korps": "IJ"}])
    assert not [s for s in z["signalen"] if s["feiten"].get("zaak") == eerste]
    # The same person in another corps is not the same accused either.
    z = _registreer(client, secretaris, beklaagden=[{"naam": "Test Beklaagde", "korps": "TW"}])
    assert not [s for s in z["signalen"] if s["feiten"].get("zaak") == eerste]


# ---- 3. the chair when the other corps is away ---------------------------------------------


def test_twentse_zaak_terwijl_elke_ijsselse_voorzitter_weg_is(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, klok: Klok
) -> None:
    klok.moment = _om("2026-03-02")
    leden = {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i, eenheid=f"E{i}")
        for i, (naam, korps, vz) in enumerate(
            [
                ("Anna Twente", "TW", True),
                ("Bert Twente", "TW", False),
                ("Carla IJssel", "IJ", True),
                ("Dirk IJssel", "IJ", True),
                ("Eef IJssel", "IJ", False),
            ]
        )
    }
    for naam, tot in (("Carla IJssel", "2026-03-15"), ("Dirk IJssel", "2026-03-20")):
        r = client.post(
            f"/api/leden/{leden[naam]}/afwezigheden",
            json={"van": "2026-03-01", "tot": tot, "soort": "vakantie"},
            headers=secretaris,
        )
        assert r.status_code == 201, r.text
    body = {
        "klager": {"naam": "K. Lager", "korps": "TW"},
        "beklaagden": [{"naam": "B. Klaagde", "korps": "TW"}],
    }
    z = _registreer(client, secretaris, **body)
    nummer = z["nummer"]
    [w] = z["waarschuwingen"]
    assert w.startswith(
        "Voorzitterszetel vacant: geen beschikbare voorzitter in de niet-betrokken korpsen (IJ)."
    )
    assert "Carla IJssel (IJ) is weer beschikbaar vanaf 16 maart 2026" in w
    assert "Dirk IJssel (IJ) is weer beschikbaar vanaf 21 maart 2026" in w
    assert "voorzitter" not in {p["rol"] for p in z["panel"]}
    assert len(z["panel"]) == 2  # the member seats are filled
    # Nobody silently took the chair from Twente, and the timeline does not call it fallback.
    tekst = " ".join(g["omschrijving"] for g in z["tijdlijn"])
    assert "terugvalregel" not in tekst and "Voorzitterszetel vacant" in tekst
    # The deadline overview shows it next to the case's deadlines.
    rijen = [
        t for t in client.get("/api/termijnen", headers=secretaris).json() if t["nummer"] == nummer
    ]
    assert rijen and all(w in t["waarschuwingen"] for t in rijen)

    # The secretary decides, with a reason, to take the chair from Twente.
    url = f"/api/zaken/{nummer}/panel/handmatig"
    r = client.post(url, json={"nieuw_lid": leden["Anna Twente"]}, headers=secretaris)
    assert r.status_code == 400 and "reden" in r.json()["detail"]
    r = client.post(
        url,
        json={"nieuw_lid": leden["Anna Twente"], "reden": "Zitting moet voor de vakantie."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    [vz] = [s for s in r.json()["zetels"] if s["actief"] and s["rol"] == "voorzitter"]
    assert vz["naam"] == "Anna Twente" and vz["uitleg"]["grond"] == "handmatig"
    assert "wees met een reden een voorzitter uit TW aan" in vz["uitleg"]["waarom"]
    assert r.json()["waarschuwing"] is None
    rijen = [
        t for t in client.get("/api/termijnen", headers=secretaris).json() if t["nummer"] == nummer
    ]
    assert all(not t["waarschuwingen"] for t in rijen)

    # Another Twente case, two weeks later: Carla is back and takes the chair by the rule.
    klok.moment = _om("2026-03-16")
    z = _registreer(client, secretaris, **body)
    assert z["waarschuwingen"] == []
    [vz] = [p for p in z["panel"] if p["rol"] == "voorzitter"]
    assert (vz["naam"], vz["korps"]) == ("Carla IJssel", "IJ")


# ---- 4, 5, 6. lateness, acknowledgement, Atw coverage --------------------------------------


def test_te_late_ontvankelijkheid_blijft_te_laat(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    klok.moment = _om("2026-03-02")
    nummer = _registreer(client, secretaris, ontvangen_op="2026-02-20")["nummer"]
    r = client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid",
        json={"ontvankelijk": True, "besloten_op": "2026-03-02"},
        headers=secretaris,
    )
    t = _termijn(r.json(), "ontvankelijkheid")
    assert (t["einddatum"], t["status"], t["dagen_te_laat"]) == (
        "2026-02-27",
        "voldaan_te_laat",
        3,
    )
    op_tijd = _registreer(client, secretaris, ontvangen_op="2026-02-27")["nummer"]
    r = client.post(
        f"/api/zaken/{op_tijd}/ontvankelijkheid",
        json={"ontvankelijk": True, "besloten_op": "2026-03-02"},
        headers=secretaris,
    )
    t = _termijn(r.json(), "ontvankelijkheid")
    assert (t["status"], t["dagen_te_laat"]) == ("voldaan", 0)


def test_vrijdag_ontvangen_is_zondag_niet_te_laat(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    klok.moment = _om("2026-03-01")  # Sunday
    z = _registreer(client, secretaris, ontvangen_op="2026-02-27", gedraging_op="2026-02-20")
    t = _termijn(z, "ontvangstbevestiging")
    assert (t["einddatum"], t["status"], t["dagen_te_laat"]) == ("2026-03-06", "open", 0)
    assert "binnen 1 week" in t["grondslag"]
    [rij] = [
        t
        for t in client.get("/api/termijnen", headers=secretaris).json()
        if t["soort"] == "ontvangstbevestiging"
    ]
    assert (rij["te_laat"], rij["dagen_resterend"]) == (False, 5)


def test_termijn_in_een_jaar_zonder_atw_gegevens_waarschuwt(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    klok.moment = _om("2028-12-22")
    z = _registreer(client, secretaris, ontvangen_op="2028-12-20", gedraging_op="2028-12-01")
    advies = _termijn(z, "advies")
    assert advies["einddatum"].startswith("2029-")
    assert advies["waarschuwing"] == "controleer de gelijkgestelde dagen voor 2029"
    assert _termijn(z, "ontvankelijkheid")["waarschuwing"] is None  # ends in 2028
    [rij] = [
        t for t in client.get("/api/termijnen", headers=secretaris).json() if t["soort"] == "advies"
    ]
    assert "controleer de gelijkgestelde dagen voor 2029" in rij["waarschuwingen"]


# ---- 7. timeline dates, and no free text for the corps leadership -------------------------


def test_tijdlijn_toont_de_wettelijke_datum_en_korpsleiding_geen_vrije_tekst(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, klok: Klok
) -> None:
    klok.moment = _om("2026-03-10")
    nummer = _registreer(client, secretaris)["nummer"]
    stappen = [
        ("ontvangstbevestiging", {"verzonden_op": "2026-02-23"}),
        (
            "ontvankelijkheid",
            {"ontvankelijk": True, "toelichting": "INTERN: let op.", "besloten_op": "2026-02-25"},
        ),
        (
            "verdaging",
            {
                "weken": 2,
                "reden": "INTERN: getuige.",
                "besloten_op": "2026-03-04",
                "mededeling_op": "2026-03-05",
            },
        ),
    ]
    for stap, body in stappen:
        assert client.post(f"/api/zaken/{nummer}/{stap}", json=body, headers=secretaris).is_success
    for status in ("verweer", "zitting"):
        naar_status(client, secretaris, nummer, status)
    naar_status(client, secretaris, nummer, "advies_uitgebracht", klok=klok, gebruikers=gebruikers)
    tijdlijn = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["tijdlijn"]
    datums = {g["soort"]: g["datum"] for g in tijdlijn if g["soort"] != "status"}
    assert datums["ontvangstbevestiging"] == "2026-02-23"
    assert datums["verdaging"] == "2026-03-04"
    assert any(g["toelichting"] == "INTERN: getuige." for g in tijdlijn)

    kc = gebruikers.maak("kc.ij", Rol.KORPSLEIDING, korps="IJ")
    zicht = client.get(f"/api/zaken/{nummer}", headers=kc).json()
    assert zicht["tijdlijn"], "the procedure is there"
    assert all(g["toelichting"] is None for g in zicht["tijdlijn"])
    assert "INTERN" not in str(zicht)
