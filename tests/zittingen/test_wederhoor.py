"""POST /api/zaken/{nummer}/wederhoor: the copy to the accused, the answer, shared documents."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.conftest import Klok
from tests.procedure_hulp import naar_ontvankelijk, registreer

Hdr = dict[str, str]


def _post(client: TestClient[Any], hdr: Hdr, nummer: str, body: dict[str, Any]) -> Any:
    return client.post(f"/api/zaken/{nummer}/wederhoor", json=body, headers=hdr)


def _stand(client: TestClient[Any], hdr: Hdr, nummer: str) -> tuple[Any, ...]:
    z = client.get(f"/api/zaken/{nummer}", headers=hdr).json()
    return z["status"], z["wederhoor"], z["termijnoverzicht"], len(z["tijdlijn"])


def test_afschrift_zet_verweertermijn_en_status(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    r = _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde", "op": "2026-03-02"})
    assert r.status_code == 200, r.text
    z = r.json()
    assert z["status"] == "verweer"
    # Two weeks from Monday 2 March: Monday 16 March (no Atw day in between).
    assert z["termijnen"]["verweer"] == "2026-03-16"
    assert z["wederhoor"] == {
        "afschrift_beklaagde": "2026-03-02",
        "verweer_ontvangen": None,
        "stukken_gedeeld": None,
        "verweertermijn": "2026-03-16",
    }
    [t] = [t for t in z["termijnoverzicht"] if t["soort"] == "verweer"]
    assert t["status"] == "open" and "Awb 9:9" in t["grondslag"]
    soorten = [g["soort"] for g in z["tijdlijn"]]
    assert soorten[-2:] == ["status", "wederhoor"]
    assert "Verweer uiterlijk 16 maart 2026" in z["tijdlijn"][-1]["omschrijving"]
    open_ = client.get("/api/termijnen", headers=secretaris).json()
    assert ("verweer", "2026-03-16") in [(o["soort"], o["einddatum"]) for o in open_]


def test_verweertermijn_schuift_over_atw_dag(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    # Copy on 21 April 2026 + 2 weeks = 5 May, an Atw day every year: moves to 6 May.
    klok.moment = klok.moment.replace(month=4, day=30)
    nummer = registreer(client, secretaris, ontvangen_op="2026-04-20")
    naar_ontvankelijk(client, secretaris, nummer)
    z = _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde", "op": "2026-04-21"})
    assert z.json()["termijnen"]["verweer"] == "2026-05-06"


def test_verweer_ontvangen_voldoet_de_termijn(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde", "op": "2026-02-25"})
    r = _post(
        client,
        secretaris,
        nummer,
        {"stap": "verweer_ontvangen", "op": "2026-03-02", "toelichting": "Per post."},
    )
    assert r.status_code == 200, r.text
    z = r.json()
    [t] = [t for t in z["termijnoverzicht"] if t["soort"] == "verweer"]
    assert (t["status"], t["voldaan_op"]) == ("voldaan", "2026-03-02")
    assert z["wederhoor"]["verweer_ontvangen"] == "2026-03-02"
    assert z["tijdlijn"][-1]["toelichting"] == "Per post."
    r = _post(client, secretaris, nummer, {"stap": "stukken_gedeeld"})  # default: today
    assert r.json()["wederhoor"]["stukken_gedeeld"] == "2026-03-02"
    assert r.json()["status"] == "verweer"


def test_stap_voor_ontvankelijkheid_is_409_met_de_ontbrekende_stap(
    client: TestClient[Any], secretaris: Hdr
) -> None:
    nummer = registreer(client, secretaris)
    voor = _stand(client, secretaris, nummer)
    for stap in ("afschrift_beklaagde", "verweer_ontvangen", "stukken_gedeeld"):
        r = _post(client, secretaris, nummer, {"stap": stap})
        assert r.status_code == 409
        assert r.json()["detail"] == (
            f"De wederhoorstap '{stap}' kan pas als de klacht ontvankelijk is verklaard; die "
            f"stap ontbreekt nog: POST /api/zaken/{nummer}/ontvankelijkheid."
        )
    assert _stand(client, secretaris, nummer) == voor


def test_stap_na_niet_ontvankelijk_is_409(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = registreer(client, secretaris)
    client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid",
        json={"ontvankelijk": False, "toelichting": "Awb 9:8."},
        headers=secretaris,
    )
    r = _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde"})
    assert r.status_code == 409
    assert r.json()["detail"] == (
        "De wederhoorstap 'afschrift_beklaagde' kan niet meer: de zaak is niet-ontvankelijk."
    )


def test_verweer_voor_afschrift_is_409_met_de_ontbrekende_stap(
    client: TestClient[Any], secretaris: Hdr
) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    voor = _stand(client, secretaris, nummer)
    for stap in ("verweer_ontvangen", "stukken_gedeeld"):
        r = _post(client, secretaris, nummer, {"stap": stap})
        assert r.status_code == 409
        assert r.json()["detail"] == (
            f"De stap '{stap}' kan pas na de stap 'afschrift_beklaagde' (Awb 9:9); die "
            "ontbreekt nog."
        )
    assert _stand(client, secretaris, nummer) == voor


def test_datum_in_de_toekomst_of_voor_ontvangst_is_400(
    client: TestClient[Any], secretaris: Hdr
) -> None:
    nummer = registreer(client, secretaris)  # received 20 February 2026; today 2 March
    naar_ontvankelijk(client, secretaris, nummer)
    voor = _stand(client, secretaris, nummer)
    r = _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde", "op": "2026-03-03"})
    assert r.status_code == 400
    assert r.json()["detail"] == (
        "Veld 'op': 3 maart 2026 ligt in de toekomst (vandaag is 2 maart 2026)."
    )
    r = _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde", "op": "2026-02-19"})
    assert r.status_code == 400
    assert r.json()["detail"] == (
        "Veld 'op': 19 februari 2026 ligt vóór de ontvangst van de klacht (20 februari 2026)."
    )
    assert _stand(client, secretaris, nummer) == voor


def test_verweer_voor_het_afschrift_is_400_en_dubbel_is_409(
    client: TestClient[Any], secretaris: Hdr
) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde", "op": "2026-02-26"})
    voor = _stand(client, secretaris, nummer)
    r = _post(client, secretaris, nummer, {"stap": "verweer_ontvangen", "op": "2026-02-25"})
    assert r.status_code == 400
    assert r.json()["detail"] == (
        "Veld 'op': 25 februari 2026 ligt vóór het afschrift aan de beklaagde (26 februari 2026)."
    )
    r = _post(client, secretaris, nummer, {"stap": "afschrift_beklaagde"})
    assert r.status_code == 409
    assert r.json()["detail"] == (
        "De stap 'afschrift_beklaagde' is al vastgelegd op 26 februari 2026."
    )
    assert _stand(client, secretaris, nummer) == voor
    assert _post(client, secretaris, nummer, {"stap": "verweer_ontvangen"}).status_code == 200
    r = _post(client, secretaris, nummer, {"stap": "verweer_ontvangen"})
    assert r.status_code == 409
    assert r.json()["detail"] == "De stap 'verweer_ontvangen' is al vastgelegd op 2 maart 2026."


def test_onbekende_stap_is_400(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    r = _post(client, secretaris, nummer, {"stap": "verweer"})
    assert r.status_code == 400
    assert "stap" in r.json()["detail"]


def test_status_verweer_alleen_via_wederhoor(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = registreer(client, secretaris)
    naar_ontvankelijk(client, secretaris, nummer)
    r = client.post(f"/api/zaken/{nummer}/status", json={"status": "verweer"}, headers=secretaris)
    assert r.status_code == 409
    assert r.json()["detail"] == (
        "De status 'verweer' heeft een eigen stap met datum en gronden: gebruik "
        f"POST /api/zaken/{nummer}/wederhoor (stap 'afschrift_beklaagde')."
    )
