"""What leaks to whom (issue 8, item 4): the corps leadership, a panel member and the
administrator see what they may and nothing more; ids and cursors reveal nothing."""

from __future__ import annotations

import base64
import json
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok, zaak_body
from tests.panel.test_api_panel import leden  # noqa: F401 - fixture
from tests.procedure_hulp import naar_status
from tests.web.hulp import HTML

Hdr = dict[str, str]
GEHEIM = "INTERN: de klager belde huilend op"
KENMERK = "BRIEF-GEHEIM-2026-17"


def _stap(client: TestClient[Any], hdr: Hdr, nummer: str, pad: str, body: dict[str, Any]) -> None:
    r = client.post(f"/api/zaken/{nummer}/{pad}", json=body, headers=hdr)
    assert r.status_code == 200, r.text


def _naar_advies_met_vrije_tekst(
    client: TestClient[Any], hdr: Hdr, nummer: str, klok: Klok, gebruikers: Gebruikers
) -> None:
    _stap(client, hdr, nummer, "ontvankelijkheid", {"ontvankelijk": True, "toelichting": GEHEIM})
    _stap(
        client,
        hdr,
        nummer,
        "verdaging",
        {
            "weken": 6,
            "reden": GEHEIM,
            "mededeling_op": "2026-03-02",
            "instemming_klager": {"datum": "2026-03-01", "kenmerk": KENMERK},
        },
    )
    for status in ("verweer", "zitting", "advies_uitgebracht"):
        naar_status(client, hdr, nummer, status, klok=klok, gebruikers=gebruikers)


def test_korpsleiding_leest_geen_vrije_tekst(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, klok: Klok
) -> None:
    nummer = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    _naar_advies_met_vrije_tekst(client, secretaris, nummer, klok, gebruikers)
    # The secretary does see it: the test's text is really there to leak.
    volledig = client.get(f"/api/zaken/{nummer}", headers=secretaris).text
    assert GEHEIM in volledig and KENMERK in volledig
    korps = gebruikers.maak("korpschef", Rol.KORPSLEIDING, korps="IJ")
    r = client.get(f"/api/zaken/{nummer}", headers=korps)
    assert r.status_code == 200
    assert "INTERN" not in r.text and KENMERK not in r.text
    z = r.json()
    assert z["tijdlijn"] and all(g["toelichting"] is None for g in z["tijdlijn"])
    assert z["verdagingen"] == [] and z["omschrijving"] == ""
    pagina = client.get(f"/zaken/{nummer}", headers={**korps, **HTML})
    assert pagina.status_code == 200
    assert "INTERN" not in pagina.text and KENMERK not in pagina.text


def test_panellid_leest_alleen_dat_een_zetel_wijzigde(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    leden: dict[str, int],  # noqa: F811
) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    zetels = [s for s in z["panel"] if s["rol"] == "lid"]
    ziek, blijft = zetels[0], next(s for s in z["panel"] if s["naam"] != zetels[0]["naam"])
    r = client.post(
        f"/api/leden/{leden[ziek['naam']]}/afwezigheden",
        json={"van": "2026-03-01", "tot": "2026-04-01", "soort": "ziekte", "toelichting": GEHEIM},
        headers=secretaris,
    )
    assert r.status_code == 201, r.text
    lid = gebruikers.maak("lid", Rol.LID, lid_id=leden[blijft["naam"]])
    r = client.get(f"/api/zaken/{z['nummer']}", headers=lid)
    assert r.status_code == 200, r.text
    tijdlijn = r.json()["tijdlijn"]
    wijzigingen = [g for g in tijdlijn if g["soort"] == "ziektevervanging"]
    assert wijzigingen
    for g in wijzigingen:
        assert g["omschrijving"] == "Een zetel in het panel is gewijzigd."
        assert g["toelichting"] is None
    tekst = json.dumps(tijdlijn).lower()
    assert "ziek" not in tekst.replace("ziektevervanging", "") and "intern" not in tekst
    assert ziek["naam"].lower() not in tekst
    # The secretary reads what happened.
    eigen = client.get(f"/api/zaken/{z['nummer']}", headers=secretaris).json()["tijdlijn"]
    assert any(
        g["soort"] == "ziektevervanging"
        and g["omschrijving"] != "Een zetel in het panel is gewijzigd."
        for g in eigen
    )


def test_beheerder_krijgt_alleen_aantallen(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    leden: dict[str, int],  # noqa: F811
) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    ziek = next(s for s in z["panel"] if s["rol"] == "lid")
    beheerder = gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None)
    r = client.post(
        f"/api/leden/{leden[ziek['naam']]}/afwezigheden",
        json={"van": "2026-03-01", "tot": "2026-04-01", "soort": "ziekte"},
        headers=beheerder,
    )
    assert r.status_code == 201, r.text
    uit = r.json()
    assert uit["vervangen_in"] == [] and uit["niet_vervangen"] == []
    assert uit["aantal_vervangen"] + uit["aantal_niet_vervangen"] == 1
    assert z["nummer"] not in r.text


def test_secretaris_krijgt_de_zaaknummers_en_aantallen(
    client: TestClient[Any],
    secretaris: Hdr,
    leden: dict[str, int],  # noqa: F811
) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    ziek = next(s for s in z["panel"] if s["rol"] == "lid")
    r = client.post(
        f"/api/leden/{leden[ziek['naam']]}/afwezigheden",
        json={"van": "2026-03-01", "tot": "2026-04-01", "soort": "ziekte"},
        headers=secretaris,
    )
    assert r.json()["vervangen_in"] == [z["nummer"]] and r.json()["aantal_vervangen"] == 1


def test_lijstcursor_is_ondoorzichtig(client: TestClient[Any], secretaris: Hdr) -> None:
    for _ in range(3):
        assert client.post("/api/zaken", json=zaak_body(), headers=secretaris).status_code == 201
    volgende = client.get("/api/zaken?limiet=2", headers=secretaris).json()["volgende"]
    assert volgende.startswith("c1.") and not volgende.isdigit()
    # Inside: year, sequence number and committee of the last case shown (TI-2026-0002),
    # values the caller already saw; no row id.
    inhoud = json.loads(base64.urlsafe_b64decode(volgende[3:] + "=" * (-len(volgende[3:]) % 4)))
    assert inhoud == [2026, 2, "TI"]


def test_lid_ids_van_andere_commissie_geven_404(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers
) -> None:
    eigen = gebruikers.lid("Tessa Twente", "TW")
    ander = gebruikers.lid("Fenna Fries", "FR", commissie="NN")
    for pad, doe in (
        ("", lambda p, b: client.patch(p, json=b, headers=secretaris)),
        ("/afwezigheden", lambda p, b: client.post(p, json=b, headers=secretaris)),
    ):
        body = (
            {"eenheid": "X"}
            if not pad
            else {"van": "2026-03-01", "tot": "2026-03-02", "soort": "vakantie"}
        )
        r = doe(f"/api/leden/{ander}{pad}", body)
        niet = doe(f"/api/leden/2000000000{pad}", body)
        assert r.status_code == niet.status_code == 404, r.text
        assert r.json()["detail"] == niet.json()["detail"].replace("2000000000", str(ander))
        # Editing a member answers 200, reporting an absence creates one: 201.
        assert doe(f"/api/leden/{eigen}{pad}", body).status_code == (201 if pad else 200)
    # A member of another committee reporting someone's absence: the same 404.
    lid_nn = gebruikers.maak("lid-nn", Rol.LID, commissie="NN", lid_id=ander)
    body = {"van": "2026-03-01", "tot": "2026-03-02", "soort": "vakantie"}
    r = client.post(f"/api/leden/{eigen}/afwezigheden", json=body, headers=lid_nn)
    assert r.status_code == 404


def test_dossiers_worden_niet_bewaard(client: TestClient[Any], secretaris: Hdr) -> None:
    nummer = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    for pad, kop in (
        (f"/api/zaken/{nummer}", secretaris),
        (f"/zaken/{nummer}", {**secretaris, **HTML}),
        ("/api/zaken", secretaris),
        ("/", {**secretaris, **HTML}),
    ):
        r = client.get(pad, headers=kop)
        assert r.status_code == 200, pad
        assert r.headers["cache-control"] == "no-store", pad
    css = client.get("/static/app.css")
    assert "no-store" not in css.headers["cache-control"]
