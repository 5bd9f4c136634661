"""Letters made from the hearing work: the invitation per party from the planned hearing, the
copy of the complaint with the answer deadline the wederhoor step recorded."""

from __future__ import annotations

from datetime import date
from typing import Any

from litestar.testing import TestClient

from tests.adviezen.conftest import tekst
from tests.conftest import Klok
from tests.procedure_hulp import (
    LOCATIE,
    lokaal_begin,
    naar_ontvankelijk,
    naar_verweer,
    naar_zitting_gepland,
    plan,
    registreer,
    volgende_werkdag,
    wederhoor,
)

Hdr = dict[str, str]


def _brief(c: TestClient[Any], hdr: Hdr, nummer: str, soort: str, aan: str) -> Any:
    return c.post(f"/api/zaken/{nummer}/brieven", json={"soort": soort, "aan": aan}, headers=hdr)


def _tekst(c: TestClient[Any], hdr: Hdr, nummer: str, r: Any) -> str:
    assert r.status_code == 201, r.text
    d = c.get(f"/api/zaken/{nummer}/documenten/{r.json()['id']}", headers=hdr)
    assert d.status_code == 200, d.text
    return tekst(d.content)


def test_uitnodiging_per_partij_uit_de_geplande_zitting(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    vp = {"naam": "V. <Trouw> & Zn", "contact": "vp@example.invalid"}
    nummer = registreer(client, secretaris, vertrouwenspersoon=vp)
    bid = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["beklaagden"][0]["id"]
    naar_verweer(client, secretaris, nummer)
    # No hearing planned yet: 409 naming the step that plans one, and no document.
    r = _brief(client, secretaris, nummer, "uitnodiging_zitting", "klager")
    assert r.status_code == 409 and f"/api/zaken/{nummer}/zittingen" in r.json()["detail"]
    assert client.get(f"/api/zaken/{nummer}/documenten", headers=secretaris).json() == []

    # Clock: Monday 2 March 2026; the helper plans the hearing a week on, 9 March at 10:00.
    wederhoor(client, secretaris, nummer, "verweer_ontvangen")
    begin = lokaal_begin(volgende_werkdag(klok))
    plan(client, secretaris, nummer, begin, reden_afwijking="Testopzet: panel niet het onderwerp.")
    klager = _tekst(client, secretaris, nummer,
                    _brief(client, secretaris, nummer, "uitnodiging_zitting", "klager"))  # fmt: skip
    beklaagde = _tekst(
        client, secretaris, nummer,
        _brief(client, secretaris, nummer, "uitnodiging_zitting", f"beklaagde:{bid}"),
    )  # fmt: skip
    for t, naam, rol in ((klager, "K. Lager", "klager"), (beklaagde, "B. Klaagde", "beklaagde")):
        assert f"Geachte {naam}," in t and f"Zaaknummer: {nummer}" in t
        assert "Datum: 2 maart 2026" in t
        assert f"U wordt als {rol} uitgenodigd" in t and "9:10" in t
        assert f"op 9 maart 2026 om 10:00 uur, in {LOCATIE}," in t
    # Each party reads its own support only: the complainant's vertrouwenspersoon, literally.
    assert "- V. <Trouw> & Zn (vertrouwenspersoon)" in klager
    assert "Trouw" not in beklaagde and "bijgestaan" not in beklaagde
    docs = client.get(f"/api/zaken/{nummer}/documenten", headers=secretaris).json()
    assert sorted((d["soort"], d["aan"]) for d in docs) == [
        ("uitnodiging_zitting", f"beklaagde:{bid}"),
        ("uitnodiging_zitting", "klager"),
    ]


def test_uitnodiging_alleen_voor_een_partij_van_de_zitting(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    naar_zitting_gepland(client, secretaris, nummer, klok)
    r = _brief(client, secretaris, nummer, "uitnodiging_zitting", "korps:IJ")
    assert r.status_code == 400 and "'aan'" in r.json()["detail"]
    r = _brief(client, secretaris, nummer, "uitnodiging_zitting", "beklaagde:999999")
    assert r.status_code == 400 and "'aan'" in r.json()["detail"]


def test_afschrift_klacht_met_de_vastgelegde_verweertermijn(
    client: TestClient[Any], secretaris: Hdr, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    bid = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["beklaagden"][0]["id"]
    naar_ontvankelijk(client, secretaris, nummer)
    # Sent on Wednesday 25 February: the answer is due two weeks later, 11 March, although
    # the letter is made on 2 March (from today it would say 16 March).
    z = wederhoor(client, secretaris, nummer, "afschrift_beklaagde", op=date(2026, 2, 25))
    [verweer] = [t for t in z["termijnoverzicht"] if t["soort"] == "verweer"]
    assert verweer["einddatum"] == "2026-03-11"
    t = _tekst(client, secretaris, nummer,
               _brief(client, secretaris, nummer, "afschrift_klacht", f"beklaagde:{bid}"))  # fmt: skip
    assert "U kunt uiterlijk 11 maart 2026 schriftelijk op de klacht reageren" in t
    assert "Schreeuwde <herhaaldelijk> & kleineerde in de briefing." in t
    assert "Geachte B. Klaagde," in t and f"Zaaknummer: {nummer}" in t and "9:9" in t
