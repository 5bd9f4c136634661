"""README promises under "Wie ziet wat": a member sees a 9:8 signal without the case behind it;
reasons of verschoning and wraking stay off every timeline."""

from __future__ import annotations

import json
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.beloften.conftest import registreer
from tests.conftest import Gebruikers

Client = TestClient[Any]
Hdr = dict[str, str]
HTML = {"Accept": "text/html"}


def test_lid_ziet_signaal_maar_niet_welke_zaak_erachter_zit(
    client: Client, secretaris: Hdr, gebruikers: Gebruikers, leden: dict[str, int]
) -> None:
    eerste = registreer(client, secretaris)["nummer"]
    tweede = registreer(client, secretaris, ontvangen_op="2026-02-25")
    n = tweede["nummer"]
    zetel = next(s for s in tweede["panel"] if s["rol"] == "lid")
    lid = gebruikers.maak("panellid", Rol.LID, lid_id=leden[zetel["naam"]])

    # The secretary sees which case lies behind the signal.
    sec = client.get(f"/api/zaken/{n}", headers=secretaris).json()
    [s] = sec["signalen"]
    assert s["code"] == "lopende_klacht"
    assert s["feiten"]["zaak"] == eerste
    assert eerste in client.get(f"/zaken/{n}", headers={**HTML, **secretaris}).text

    r = client.get(f"/api/zaken/{n}", headers=lid)
    assert r.status_code == 200, r.text
    [s] = r.json()["signalen"]
    assert s["code"] == "lopende_klacht"
    assert s["grondslag"] == "geen grond in Awb 9:8; samenloop met een lopende klacht"
    assert s["feiten"] == {}
    assert eerste not in r.text
    pagina = client.get(f"/zaken/{n}", headers={**HTML, **lid})
    assert pagina.status_code == 200
    assert "Over dezelfde gedraging is al eerder geklaagd" in pagina.text
    assert eerste not in pagina.text


def _tijdlijn_tekst(client: Client, n: str, hdr: Hdr) -> str:
    r = client.get(f"/api/zaken/{n}", headers=hdr)
    assert r.status_code == 200, r.text
    return json.dumps(r.json()["tijdlijn"], ensure_ascii=False)


def test_redenen_van_verschoning_en_wraking_alleen_bij_het_panel(
    client: Client, secretaris: Hdr, gebruikers: Gebruikers, leden: dict[str, int]
) -> None:
    z = registreer(client, secretaris)
    n = z["nummer"]
    gewoon = [s for s in z["panel"] if s["rol"] == "lid"]
    vz = next(s for s in z["panel"] if s["rol"] == "voorzitter")
    reden_v = "Verschoningsreden-QX7 kent de klager"
    reden_w = "Wrakingsreden-ZK4 vooringenomen"
    r = client.post(
        f"/api/zaken/{n}/panel/verschoning",
        json={"lid": leden[gewoon[0]["naam"]], "reden": reden_v},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    r = client.post(
        f"/api/zaken/{n}/panel/wraking",
        json={
            "lid": leden[vz["naam"]],
            "ingediend_door": "beklaagde",
            "reden": reden_w,
            "ingediend_op": "2026-02-26",
            "beslissing": "toegewezen",
            "toelichting": "Toelichting-PL9 besproken.",
        },
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    reden_a = "Afgewezen-wraking-MM3 te streng"
    r = client.post(
        f"/api/zaken/{n}/panel/wraking",
        json={
            "lid": leden[gewoon[1]["naam"]],
            "ingediend_door": "klager",
            "reden": reden_a,
            "ingediend_op": "2026-02-27",
            "beslissing": "afgewezen",
            "toelichting": "Geen grond.",
        },
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    lid = gebruikers.maak("panellid", Rol.LID, lid_id=leden[gewoon[1]["naam"]])

    geheim = (reden_v, reden_w, reden_a, "Toelichting-PL9")
    for hdr in (secretaris, lid):
        tijdlijn = _tijdlijn_tekst(client, n, hdr)
        assert "verschoning" in tijdlijn or "gewijzigd" in tijdlijn  # the step itself shows
        for tekst in geheim:
            assert tekst not in tijdlijn
        pagina = client.get(f"/zaken/{n}", headers={**HTML, **hdr})
        assert pagina.status_code == 200
        for tekst in geheim[:3]:
            assert tekst not in pagina.text
    # The member sees nothing of the reasons anywhere in the case.
    alles = client.get(f"/api/zaken/{n}", headers=lid).text
    panel_lid = client.get(f"/api/zaken/{n}/panel", headers=lid)
    for tekst in geheim[:3]:
        assert tekst not in alles and tekst not in panel_lid.text
    # The secretary finds them at the panel: on the seat that ended, and every verschoning and
    # wraking (granted or not) with its grounds under `conflicten`.
    panel = client.get(f"/api/zaken/{n}/panel", headers=secretaris)
    assert panel.status_code == 200, panel.text
    assert panel_lid.status_code == 403
    geeindigd = {z["einde_reden"]: z["einde_toelichting"] for z in panel.json()["zetels"]}
    assert geeindigd["verschoning"] == reden_v
    assert geeindigd["wraking"] == "Toelichting-PL9 besproken."
    conflicten = [
        (c["soort"], c["naam"], c["reden"], c["beslissing"]) for c in panel.json()["conflicten"]
    ]
    assert conflicten == [
        ("verschoning", gewoon[0]["naam"], reden_v, None),
        ("wraking", vz["naam"], reden_w, "toegewezen"),
        ("wraking", gewoon[1]["naam"], reden_a, "afgewezen"),
    ]
