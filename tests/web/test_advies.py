"""Advies opstellen in the browser's forms: a draft per accused, comments, fixing with the
refusal's reasons shown, the Word documents; a refused form writes nothing."""

from __future__ import annotations

import re
from typing import Any

from tests.adviezen.conftest import Zaak
from tests.adviezen.conftest import zaak as zaak
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina


def _als(zaak: Zaak, naam: str) -> None:
    zaak.client.cookies.clear()
    assert log_in_via_pagina(zaak.client, naam, follow_redirects=False).status_code == 303


def _post(zaak: Zaak, pad: str, velden: dict[str, Any]) -> Any:
    token = formulier_token(zaak.client, f"/zaken/{zaak.nummer}/advies")
    return zaak.client.post(
        f"/zaken/{zaak.nummer}/{pad}", data={"_csrf_token": token, **velden}, follow_redirects=False
    )


def _versies(zaak: Zaak) -> Any:
    return zaak.client.get(zaak.url("advies"), headers=zaak.voorzitter).json()


def _concept(zaak: Zaak, **over: str) -> dict[str, str]:
    gm, gz = zaak.beklaagden["GM"], zaak.beklaagden["GZ"]
    velden = {
        "advies-feiten": "Op 10 februari schreeuwde B.",
        "advies-standpunten": "Klager: kleinerend.",
        "advies-overwegingen": "Aannemelijk.",
        f"advies-oordeel-{gm}": "gegrond",
        f"advies-motivering-{gm}": "Gehoord.",
        f"advies-oordeel-{gz}": "ongegrond",
        f"advies-motivering-{gz}": "Niet aangetoond.",
        "advies-aanbevelingen": "",
    }
    velden.update(over)
    return velden


def test_voorzitter_stelt_op_en_stelt_vast(zaak: Zaak) -> None:
    _als(zaak, "vz")
    html = zaak.client.get(f"/zaken/{zaak.nummer}/advies", headers=HTML).text
    assert "Er is nog geen concept-advies." in html and "Advies vaststellen" not in html
    r = _post(zaak, "advies", _concept(zaak))
    assert r.status_code == 303 and r.headers["location"].endswith("/advies?gedaan=concept")
    huidig = _versies(zaak)["huidig"]
    assert (huidig["versie"], huidig["status"]) == (1, "concept")
    assert [o["oordeel"] for o in huidig["onderdelen"]] == ["gegrond", "ongegrond"]
    html = zaak.client.get(r.headers["location"], headers=HTML).text
    assert "De conceptversie is bewaard." in html and "Advies vaststellen" in html
    r = _post(zaak, "advies/vaststellen", {})
    assert r.status_code == 303 and r.headers["location"].endswith("?gedaan=vastgesteld")
    html = zaak.client.get(r.headers["location"], headers=HTML).text
    links = re.findall(rf'href="(/api/zaken/{zaak.nummer}/documenten/\d+)">[^<]*\(Word\)', html)
    assert len(links) == 2  # one advice per corps of the accused
    word = zaak.client.get(links[0])
    assert word.status_code == 200
    assert word.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert zaak.client.get(zaak.url(""), headers=zaak.secretaris).json()["status"] == (
        "advies_uitgebracht"
    )


def test_vaststellen_geweigerd_toont_redenen(zaak: Zaak) -> None:
    _als(zaak, "vz")
    gz = zaak.beklaagden["GZ"]
    # A draft may leave an accused open; fixing then names what is missing.
    velden = _concept(zaak, **{f"advies-oordeel-{gz}": "", f"advies-motivering-{gz}": ""})
    assert _post(zaak, "advies", velden).status_code == 303
    r = _post(zaak, "advies/vaststellen", {})
    assert r.status_code == 409
    m = re.search(r'<p class="foutmelding" id="vastgesteld"[^>]*>([^<]*)</p>', r.text)
    assert m and m[1].startswith("Het advies kan niet worden vastgesteld:")
    assert f"Er is geen oordeel over beklaagde {zaak.namen['GZ']} (id {gz})." in m[1]
    assert _versies(zaak)["huidig"]["status"] == "concept"


def test_oordeel_ontbreekt_bij_motivering(zaak: Zaak) -> None:
    _als(zaak, "vz")
    gm = zaak.beklaagden["GM"]
    r = _post(zaak, "advies", _concept(zaak, **{f"advies-oordeel-{gm}": ""}))
    assert r.status_code == 400
    assert "kies een oordeel bij de motivering" in fout_bij(r.text, f"advies-oordeel-{gm}")
    assert f'href="#advies-oordeel-{gm}"' in r.text
    assert "Gehoord." in r.text  # what was typed is kept
    assert _versies(zaak)["huidig"] is None


def test_lid_plaatst_opmerking_maar_stelt_niet_op(zaak: Zaak) -> None:
    _als(zaak, "panellid")
    html = zaak.client.get(f"/zaken/{zaak.nummer}/advies", headers=HTML).text
    assert "Conceptversie bewaren" not in html and "Opmerking toevoegen" in html
    r = _post(zaak, "advies/opmerkingen", {"advies-tekst": "  "})
    assert r.status_code == 400
    assert "Fout: Veld 'tekst'" in fout_bij(r.text, "advies-tekst")
    r = _post(zaak, "advies/opmerkingen", {"advies-tekst": "Motivering B aanscherpen."})
    assert r.status_code == 303
    [o] = _versies(zaak)["opmerkingen"]
    assert (o["door"], o["tekst"]) == ("panellid", "Motivering B aanscherpen.")
    # The member's draft is refused by the service and writes nothing.
    r = _post(zaak, "advies", _concept(zaak))
    assert r.status_code == 403
    assert _versies(zaak)["huidig"] is None


def test_secretaris_stelt_op_maar_stelt_niet_vast(zaak: Zaak) -> None:
    _als(zaak, "secretaris")
    assert _post(zaak, "advies", _concept(zaak)).status_code == 303
    huidig = _versies(zaak)["huidig"]
    assert (huidig["versie"], huidig["door"]) == (1, "secretaris")
    html = zaak.client.get(f"/zaken/{zaak.nummer}/advies", headers=HTML).text
    assert "Advies vaststellen" not in html  # fixing is the chair's
    assert _post(zaak, "advies/vaststellen", {}).status_code == 403
    assert _versies(zaak)["huidig"]["status"] == "concept"


def test_na_vaststellen_is_bewaren_een_verbetering(zaak: Zaak) -> None:
    zaak.vastgesteld()
    _als(zaak, "vz")
    html = zaak.client.get(f"/zaken/{zaak.nummer}/advies", headers=HTML).text
    assert "Verbetering bewaren" in html and "Conceptversie bewaren" not in html
    r = _post(zaak, "advies", _concept(zaak, **{"advies-overwegingen": "Verbeterd."}))
    assert r.status_code == 303
    huidig = _versies(zaak)["huidig"]
    assert (huidig["versie"], huidig["status"], huidig["corrigeert_versie"]) == (2, "concept", 1)
    assert huidig["overwegingen"] == "Verbeterd."
