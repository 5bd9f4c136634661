"""Hearings through the API: planning and every refusal, moving, cancelling, the report."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok
from tests.procedure_hulp import (
    LOCATIE,
    naar_advies,
    naar_ontvankelijk,
    naar_verweer,
    naar_zitting_gehouden,
    registreer,
    wederhoor,
)

Hdr = dict[str, str]
BEGIN = "2026-03-10T10:00"  # Tuesday; 09:00 UTC in winter time


def _plan(client: TestClient[Any], hdr: Hdr, nummer: str, **over: Any) -> Any:
    body = {"begin": BEGIN, "duur_minuten": 120, "locatie": LOCATIE, **over}
    return client.post(f"/api/zaken/{nummer}/zittingen", json=body, headers=hdr)


def _zaak(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    return dict(client.get(f"/api/zaken/{nummer}", headers=hdr).json())


def _stand(client: TestClient[Any], hdr: Hdr, nummer: str) -> tuple[Any, ...]:
    z = _zaak(client, hdr, nummer)
    return z["status"], z["zittingen"], len(z["tijdlijn"])


def _klaar(client: TestClient[Any], hdr: Hdr) -> str:
    """A case ready for its hearing: admissible, copy sent, answer in."""
    nummer = registreer(client, hdr)
    naar_verweer(client, hdr, nummer)
    wederhoor(client, hdr, nummer, "verweer_ontvangen")
    return nummer


def _weigering(client: TestClient[Any], hdr: Hdr, nummer: str, **over: Any) -> str:
    voor = _stand(client, hdr, nummer)
    r = _plan(client, hdr, nummer, **over)
    assert r.status_code == 409, r.text
    assert _stand(client, hdr, nummer) == voor  # nothing half-written
    detail = str(r.json()["detail"])
    assert detail.startswith("De zitting kan zo niet worden gepland: ")
    assert detail.endswith("Geef een reden_afwijking om dit toch te doen; die komt op de tijdlijn.")
    return detail


def test_zitting_plannen(client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]) -> None:
    nummer = _klaar(client, secretaris)
    z = _zaak(client, secretaris, nummer)
    [beklaagde] = z["beklaagden"]
    assert isinstance(beklaagde["id"], int)
    r = _plan(client, secretaris, nummer)
    assert r.status_code == 201, r.text
    zit = r.json()
    assert zit["zaak"] == nummer
    assert datetime.fromisoformat(zit["begin"]) == datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    assert datetime.fromisoformat(zit["einde"]) == datetime(2026, 3, 10, 11, 0, tzinfo=UTC)
    assert zit["locatie"] == LOCATIE and zit["locatie_adres"] == "Eekwal 5, 8011 LB Zwolle"
    assert zit["partijen"] == ["klager", f"beklaagde:{beklaagde['id']}"]
    assert zit["samen"] is True
    assert (zit["status"], zit["volgnummer"]) == ("gepland", 0)
    assert zit["uid"].startswith("zitting-") and zit["uid"].endswith(
        "@klachtencommissie-ti.example"
    )
    z = _zaak(client, secretaris, nummer)
    assert z["status"] == "zitting"
    assert [x["id"] for x in z["zittingen"]] == [zit["id"]]
    soorten = [g["soort"] for g in z["tijdlijn"]]
    assert soorten[-2:] == ["status", "zitting"] and "afwijking" not in soorten
    assert "di 10 mrt 2026 10:00" in z["tijdlijn"][-1]["omschrijving"]
    lijst = client.get(f"/api/zaken/{nummer}/zittingen", headers=secretaris).json()
    assert [x["uid"] for x in lijst] == [zit["uid"]]
    # A second session only for the complainant: recorded as heard separately.
    r = _plan(client, secretaris, nummer, begin="2026-03-12T14:00", partijen=["klager"])
    assert r.status_code == 201, r.text
    assert (r.json()["partijen"], r.json()["samen"]) == (["klager"], False)
    assert r.json()["uid"] != zit["uid"]


def test_begin_met_offset_wordt_omgerekend(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = _klaar(client, secretaris)
    r = _plan(client, secretaris, nummer, begin="2026-03-10T10:00:00+00:00")
    assert r.status_code == 201, r.text
    assert datetime.fromisoformat(r.json()["begin"]) == datetime(2026, 3, 10, 10, 0, tzinfo=UTC)


def test_ongeldige_invoer_is_400(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = _klaar(client, secretaris)
    voor = _stand(client, secretaris, nummer)
    gevallen = [
        ({"locatie": "Kantine"}, "locatie", "Veld 'locatie': onbekende zittingslocatie 'Kantine'"),
        ({"begin": "morgen"}, "begin", "Veld 'begin': 'morgen' is geen tijdstip"),
        ({"partijen": ["getuige"]}, "partijen[0]", "Veld 'partijen[0]': onbekende partij"),
        ({"partijen": ["beklaagde:999999"]}, "partijen[0]", "onbekende partij 'beklaagde:999999'"),
    ]
    for over, veld, tekst in gevallen:
        r = _plan(client, secretaris, nummer, **over)
        assert r.status_code == 400, r.text
        assert r.json()["veld"] == veld and tekst in r.json()["detail"], r.json()
    assert _stand(client, secretaris, nummer) == voor


def test_plannen_voor_ontvankelijkheid_is_409(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = registreer(client, secretaris)
    voor = _stand(client, secretaris, nummer)
    r = _plan(client, secretaris, nummer, reden_afwijking="Haast.")
    assert r.status_code == 409
    assert r.json()["detail"] == (
        "Een zitting plannen kan pas als de klacht ontvankelijk is verklaard; die stap ontbreekt "
        f"nog: POST /api/zaken/{nummer}/ontvankelijkheid."
    )
    assert _stand(client, secretaris, nummer) == voor


def test_voor_het_afschrift_alleen_met_reden(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    detail = _weigering(client, secretaris, nummer)
    assert "De beklaagde heeft nog geen afschrift van de klacht gehad (Awb 9:9)" in detail
    r = _plan(client, secretaris, nummer, reden_afwijking="Beklaagde kreeg het afschrift ter hand.")
    assert r.status_code == 201, r.text
    z = _zaak(client, secretaris, nummer)
    assert z["status"] == "zitting"  # straight from ontvankelijk
    [afw] = [g for g in z["tijdlijn"] if g["soort"] == "afwijking"]
    assert "nog geen afschrift" in afw["omschrijving"]
    assert afw["toelichting"] == "Beklaagde kreeg het afschrift ter hand."


def test_voor_einde_verweertermijn_409(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)  # copy today, 2 March: answer due 16 March
    detail = _weigering(client, secretaris, nummer)
    assert (
        "De verweertermijn loopt tot en met 16 maart 2026 en het verweer is nog niet binnen"
        in detail
    )
    # After the deadline it is fine without the answer.
    assert _plan(client, secretaris, nummer, begin="2026-03-17T10:00").status_code == 201


def test_na_de_adviestermijn_409(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = _klaar(client, secretaris)  # advice due 7 April 2026
    detail = _weigering(client, secretaris, nummer, begin="2026-04-08T10:00")
    assert "De zitting op 8 april 2026 ligt na de adviestermijn (7 april 2026)." in detail


def test_afwezig_panellid_409(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = _klaar(client, secretaris)
    r = client.post(
        f"/api/leden/{drie['Ilse IJssel']}/afwezigheden",
        json={"van": "2026-03-09", "tot": "2026-03-11", "soort": "vakantie"},
        headers=secretaris,
    )
    assert r.status_code == 201, r.text
    assert "Ilse IJssel" in [s["naam"] for s in _zaak(client, secretaris, nummer)["panel"]]
    detail = _weigering(client, secretaris, nummer)
    assert "Panellid Ilse IJssel is afwezig op 10 maart 2026." in detail
    assert _plan(client, secretaris, nummer, begin="2026-03-12T10:00").status_code == 201


def test_dubbel_geboekt_panellid_409(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    eerste, tweede = _klaar(client, secretaris), _klaar(client, secretaris)
    assert _plan(client, secretaris, eerste).status_code == 201
    detail = _weigering(client, secretaris, tweede, begin="2026-03-10T11:30")
    assert f"heeft dan al een zitting (zaak {eerste}, di 10 mrt 2026 10:00)." in detail
    # Right after it is free.
    assert _plan(client, secretaris, tweede, begin="2026-03-10T12:00").status_code == 201


def test_vacante_voorzitter_409(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = _klaar(client, secretaris)  # no members: no chair
    detail = _weigering(client, secretaris, nummer)
    assert "De voorzittersstoel van het panel is vacant." in detail


def test_achteraf_invoeren_alleen_met_reden(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int], klok: Klok
) -> None:
    nummer = _klaar(client, secretaris)
    klok.moment = datetime(2026, 3, 5, 9, 0, tzinfo=UTC)
    detail = _weigering(client, secretaris, nummer, begin="2026-03-04T10:00")
    assert "De zitting begint in het verleden (wo 4 mrt 2026 10:00)" in detail
    r = _plan(client, secretaris, nummer, begin="2026-03-04T10:00", reden_afwijking="Vergeten.")
    assert r.status_code == 201, r.text


def test_verplaatsen_en_annuleren(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = _klaar(client, secretaris)
    zit = _plan(client, secretaris, nummer).json()
    r = client.patch(f"/api/zittingen/{zit['id']}", json={}, headers=secretaris)
    assert r.status_code == 400 and r.json()["veld"] == "begin"
    r = client.patch(
        f"/api/zittingen/{zit['id']}",
        json={"begin": "2026-03-11T13:00", "locatie": "Districtsbureau Enschede, vergaderzaal 3"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    v = r.json()
    assert (v["uid"], v["volgnummer"]) == (zit["uid"], 1)
    assert datetime.fromisoformat(v["begin"]) == datetime(2026, 3, 11, 12, 0, tzinfo=UTC)
    assert v["locatie_adres"] == "Hengelosestraat 75, 7514 AE Enschede"
    assert [(g["volgnummer"], g["soort"]) for g in v["geschiedenis"]] == [
        (0, "gepland"),
        (1, "verplaatst"),
    ]
    assert v["geschiedenis"][0]["locatie"] == LOCATIE
    # Moving onto a day after the advice deadline is refused like planning.
    r = client.patch(
        f"/api/zittingen/{zit['id']}", json={"begin": "2026-04-08T10:00"}, headers=secretaris
    )
    assert r.status_code == 409 and "na de adviestermijn" in r.json()["detail"]
    r = client.post(
        f"/api/zittingen/{zit['id']}/annuleren", json={"reden": " "}, headers=secretaris
    )
    assert r.status_code == 400 and r.json()["veld"] == "reden"
    r = client.post(
        f"/api/zittingen/{zit['id']}/annuleren", json={"reden": "Ziekte."}, headers=secretaris
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["volgnummer"]) == ("geannuleerd", 2)
    for pad, body in [("annuleren", {"reden": "x"}), ("", {"begin": "2026-03-12T10:00"})]:
        url = f"/api/zittingen/{zit['id']}" + (f"/{pad}" if pad else "")
        r = (
            client.post(url, json=body, headers=secretaris)
            if pad
            else client.patch(url, json=body, headers=secretaris)
        )
        assert r.status_code == 409
        assert r.json()["detail"].startswith("De zitting is geannuleerd;")
    r = client.post(
        f"/api/zittingen/{zit['id']}/verslag",
        json={"gehoord": [], "verslag": "x"},
        headers=secretaris,
    )
    assert r.status_code == 409
    assert r.json()["detail"] == "De zitting is geannuleerd; er is geen hoorverslag van te maken."


def test_verslag(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int], klok: Klok
) -> None:
    nummer = _klaar(client, secretaris)
    zit = _plan(client, secretaris, nummer).json()
    [klager, beklaagde] = zit["partijen"]
    url = f"/api/zittingen/{zit['id']}/verslag"
    body = {"gehoord": [klager, beklaagde], "verslag": "Partijen gehoord.", "bijstand": "Advocaat"}
    r = client.post(url, json=body, headers=secretaris)
    assert r.status_code == 409
    assert r.json()["detail"] == (
        "De zitting begint pas op di 10 mrt 2026 10:00; een hoorverslag kan pas daarna worden "
        "vastgelegd."
    )
    klok.moment = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    r = client.post(
        url, json={**body, "gehoord": ["klager", "vertrouwenspersoon"]}, headers=secretaris
    )
    assert r.status_code == 400 and r.json()["veld"] == "gehoord[1]"
    r = client.post(url, json={**body, "naar_partijen_op": "2026-03-11"}, headers=secretaris)
    assert r.status_code == 400 and r.json()["veld"] == "naar_partijen_op"
    assert _zaak(client, secretaris, nummer)["zittingen"][0]["status"] == "gepland"
    r = client.post(url, json={**body, "getuigen": ["Getuige A"]}, headers=secretaris)
    assert r.status_code == 200, r.text
    v = r.json()
    assert (v["status"], v["gehoord"], v["getuigen"], v["bijstand"]) == (
        "gehouden",
        [klager, beklaagde],
        ["Getuige A"],
        "Advocaat",
    )
    assert v["naar_partijen_op"] is None
    z = _zaak(client, secretaris, nummer)
    assert [(h["partij"], h["gehoord"], h["zitting"]) for h in z["horen"]] == [
        (klager, True, zit["id"]),
        (beklaagde, True, zit["id"]),
    ]
    # When the report went to the parties can follow later.
    r = client.post(url, json={**body, "naar_partijen_op": "2026-03-10"}, headers=secretaris)
    assert r.status_code == 200 and r.json()["naar_partijen_op"] == "2026-03-10"
    assert r.json()["getuigen"] == []


def test_afzien_horen(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int], klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    url = f"/api/zaken/{nummer}/afzien-horen"
    r = client.post(
        url, json={"partij": "klager", "grond": "Kennelijk ongegrond."}, headers=secretaris
    )
    assert r.status_code == 409 and "ontvankelijkheid" in r.json()["detail"]
    naar_verweer(client, secretaris, nummer)
    r = client.post(url, json={"partij": "getuige", "grond": "x"}, headers=secretaris)
    assert r.status_code == 400 and r.json()["veld"] == "partij"
    r = client.post(url, json={"partij": "klager", "grond": "  "}, headers=secretaris)
    assert r.status_code == 400 and r.json()["veld"] == "grond"
    grond = "Klager heeft verklaard geen gebruik te maken van het recht te worden gehoord."
    r = client.post(url, json={"partij": "klager", "grond": grond}, headers=secretaris)
    assert r.status_code == 200, r.text
    [kl, bk] = r.json()["horen"]
    assert (kl["partij"], kl["gehoord"], kl["afgezien"], kl["grond"]) == (
        "klager",
        False,
        True,
        grond,
    )
    assert (bk["gehoord"], bk["afgezien"]) == (False, False)
    assert r.json()["tijdlijn"][-1]["soort"] == "horen"
    r = client.post(url, json={"partij": "klager", "grond": grond}, headers=secretaris)
    assert r.status_code == 409
    assert r.json()["detail"] == "Voor klager is al vastgelegd dat van horen is afgezien."
    # A party already heard cannot be 'not heard'.
    zit = _plan(client, secretaris, nummer, begin="2026-03-17T10:00").json()
    klok.moment = datetime(2026, 3, 17, 12, 0, tzinfo=UTC)
    client.post(
        f"/api/zittingen/{zit['id']}/verslag",
        json={"gehoord": [bk["partij"]], "verslag": "Gehoord."},
        headers=secretaris,
    )
    r = client.post(url, json={"partij": bk["partij"], "grond": "x"}, headers=secretaris)
    assert r.status_code == 409
    assert (
        r.json()["detail"]
        == f"{bk['partij']} is al gehoord op de zitting van di 17 mrt 2026 10:00."
    )


def test_toegang(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int], gebruikers: Gebruikers
) -> None:
    nummer = _klaar(client, secretaris)
    zit = _plan(client, secretaris, nummer, reden_afwijking="Intern.").json()
    lid = gebruikers.maak("ilse", Rol.LID, lid_id=drie["Ilse IJssel"])
    r = client.get(f"/api/zaken/{nummer}/zittingen", headers=lid)
    assert r.status_code == 200
    [gezien] = r.json()
    assert gezien["uid"] == zit["uid"] and gezien["reden_afwijking"] is None
    assert (
        client.post(
            f"/api/zittingen/{zit['id']}/annuleren", json={"reden": "x"}, headers=lid
        ).status_code
        == 403
    )
    buiten = gebruikers.maak("andere", Rol.SECRETARIS, commissie="GL")
    r = client.patch(f"/api/zittingen/{zit['id']}", json={"duur_minuten": 60}, headers=buiten)
    assert r.status_code == 404
    assert r.json()["detail"] == f"Zitting {zit['id']} bestaat niet of u heeft er geen toegang toe."
    r = client.patch("/api/zittingen/999999", json={"duur_minuten": 60}, headers=secretaris)
    assert r.status_code == 404


def test_korpsleiding_ziet_zitting_zonder_verslag(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    naar_zitting_gehouden(client, secretaris, nummer, klok)
    assert naar_advies(client, secretaris, nummer, klok, gebruikers)["status"] == (
        "advies_uitgebracht"
    )
    kc = gebruikers.maak("kc.ij", Rol.KORPSLEIDING, korps="IJ")
    z = client.get(f"/api/zaken/{nummer}", headers=kc).json()
    [zit] = z["zittingen"]
    assert zit["status"] == "gehouden" and zit["gehoord"]
    assert (zit["verslag"], zit["bijstand"], zit["reden_afwijking"]) == (None, None, None)
    assert all(h["gehoord"] for h in z["horen"])
    assert not any(g["soort"] in ("zitting", "hoorverslag", "wederhoor") for g in z["tijdlijn"])
    eigen = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    assert eigen["zittingen"][0]["verslag"] == "Beide partijen gehoord."
