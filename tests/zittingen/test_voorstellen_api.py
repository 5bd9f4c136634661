"""GET /api/zaken/{nummer}/zitting-voorstellen: free slots from the case's own facts."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.procedure_hulp import naar_verweer, plan, registreer, wederhoor

Hdr = dict[str, str]


def _voorstellen(client: TestClient[Any], hdr: Hdr, nummer: str, **q: Any) -> dict[str, Any]:
    r = client.get(f"/api/zaken/{nummer}/zitting-voorstellen", params=q, headers=hdr)
    assert r.status_code == 200, r.text
    return dict(r.json())


def _begins(uit: dict[str, Any]) -> list[str]:
    return [v["begin"] for v in uit["voorstellen"]]


def test_niet_voor_de_verweertermijn_en_met_opsteltijd(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)  # answer due Monday 16 March 2026
    uit = _voorstellen(client, secretaris, nummer, aantal=5, duur_minuten=120)
    # Advice due 7 April; 10 working days before it (Good Friday and Easter Monday are Atw
    # days) leaves Friday 20 March as the last hearing day: only four days fit.
    assert _begins(uit) == [f"2026-03-{d}T08:00:00Z" for d in (17, 18, 19, 20)]
    assert {v["locatie"] for v in uit["voorstellen"]} == {"Hoofdbureau Zwolle, zaal De IJssel"}
    assert all(v["einde"][11:16] == "10:00" for v in uit["voorstellen"])
    assert uit["waarschuwingen"][0].startswith(
        "Slechts 4 van de 5 gevraagde tijdsloten passen vóór 20 maart 2026"
    )


def test_andere_zitting_van_een_panellid_schuift_het_voorstel(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    andere = registreer(client, secretaris)
    naar_verweer(client, secretaris, andere)
    wederhoor(client, secretaris, andere, "verweer_ontvangen")
    plan(client, secretaris, andere, "2026-03-03T09:00")
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)
    wederhoor(client, secretaris, nummer, "verweer_ontvangen")  # no wait for the deadline
    uit = _voorstellen(client, secretaris, nummer, aantal=2, duur_minuten=60)
    # Tomorrow 09:00-11:00 is taken by the same panel: 11:00 Amsterdam is 10:00 UTC.
    assert _begins(uit) == ["2026-03-03T10:00:00Z", "2026-03-04T08:00:00Z"]
    assert uit["waarschuwingen"] == []


def test_zonder_afschrift_rekent_met_afschrift_vandaag(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = registreer(client, secretaris)
    client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid", json={"ontvankelijk": True}, headers=secretaris
    )
    uit = _voorstellen(client, secretaris, nummer, aantal=1)
    assert _begins(uit) == ["2026-03-17T08:00:00Z"]
    assert uit["waarschuwingen"] == [
        "De beklaagde heeft nog geen afschrift van de klacht; de voorstellen gaan uit van een "
        "afschrift vandaag en een verweertermijn tot en met 16 maart 2026."
    ]


def test_parameters_begrensd(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = registreer(client, secretaris)
    for q in ({"aantal": 0}, {"aantal": 21}, {"duur_minuten": 5}):
        r = client.get(f"/api/zaken/{nummer}/zitting-voorstellen", params=q, headers=secretaris)
        assert r.status_code == 400, r.text
