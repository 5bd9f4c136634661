"""Drafting and fixing the advice; one document per corps, each for its own leadership."""

from __future__ import annotations

import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

from litestar.testing import TestClient

from commissie.app import create_app
from commissie.config import PROJECT_ROOT, Settings
from commissie.procedure.opstart import bouw_omgeving
from commissie.tijd import AMSTERDAM, datum_nl
from tests.adviezen.conftest import Zaak, op, tekst
from tests.conftest import Klok


def test_concepten_opmerkingen_en_weergave(zaak: Zaak) -> None:
    c = zaak.client
    r = c.put(zaak.url("advies"), json=zaak.advies_body(feiten="Eerste."), headers=zaak.secretaris)
    assert r.status_code == 200, r.text
    r = c.put(zaak.url("advies"), json=zaak.advies_body(), headers=zaak.voorzitter)
    assert r.status_code == 200, r.text
    r = c.post(
        zaak.url("advies/opmerkingen"), json={"tekst": "Punt 2 aanscherpen."}, headers=zaak.lid
    )
    assert r.status_code == 201, r.text
    a = c.get(zaak.url("advies"), headers=zaak.lid).json()
    assert (a["huidig"]["versie"], a["huidig"]["status"], a["huidig"]["door"]) == (
        2,
        "concept",
        "vz",
    )
    assert [v["versie"] for v in a["eerdere"]] == [1]
    assert a["eerdere"][0]["feiten"] == "Eerste." and a["eerdere"][0]["door"] == "secretaris"
    assert [(o["versie"], o["tekst"], o["door"]) for o in a["opmerkingen"]] == [
        (2, "Punt 2 aanscherpen.", "panellid")
    ]
    oordelen = {o["korps"]: o["oordeel"] for o in a["huidig"]["onderdelen"]}
    assert oordelen == {"GM": "gegrond", "GZ": "ongegrond"}
    # A plain panel member comments but does not draft; the leadership sees no drafts.
    assert c.put(zaak.url("advies"), json=zaak.advies_body(), headers=zaak.lid).status_code == 403
    assert c.get(zaak.url("advies"), headers=zaak.korpsleiding["GM"]).status_code == 404


def test_foute_invoer_concept(zaak: Zaak) -> None:
    c = zaak.client
    body = zaak.advies_body(onderdelen=[{"beklaagde": 999999, "oordeel": "gegrond"}])
    r = c.put(zaak.url("advies"), json=body, headers=zaak.voorzitter)
    assert r.status_code == 400 and "onderdelen" in r.json()["detail"]
    body = zaak.advies_body(
        onderdelen=[{"beklaagde": zaak.beklaagden["GM"], "oordeel": "schuldig"}]
    )
    r = c.put(zaak.url("advies"), json=body, headers=zaak.voorzitter)
    assert r.status_code == 400 and "oordeel" in r.json()["detail"]
    assert c.get(zaak.url("advies"), headers=zaak.voorzitter).json()["huidig"] is None


def test_vaststellen_vraagt_een_oordeel_per_beklaagde_en_de_voorzitter(zaak: Zaak) -> None:
    c = zaak.client
    gm = zaak.beklaagden["GM"]
    alleen_gm = zaak.advies_body(onderdelen=[{"beklaagde": gm, "oordeel": "gegrond"}])
    assert c.put(zaak.url("advies"), json=alleen_gm, headers=zaak.voorzitter).status_code == 200
    r = c.post(zaak.url("advies/vaststellen"), headers=zaak.voorzitter)
    assert r.status_code == 409
    assert zaak.namen["GZ"] in r.json()["detail"] and zaak.namen["GM"] not in r.json()["detail"]
    assert c.get(f"/api/zaken/{zaak.nummer}", headers=zaak.secretaris).json()["status"] == "zitting"
    assert (
        c.put(zaak.url("advies"), json=zaak.advies_body(), headers=zaak.voorzitter).status_code
        == 200
    )
    for niet in (zaak.secretaris, zaak.lid):
        assert c.post(zaak.url("advies/vaststellen"), headers=niet).status_code == 403
    r = c.post(zaak.url("advies/vaststellen"), headers=zaak.voorzitter)
    assert r.status_code == 200, r.text
    z = c.get(f"/api/zaken/{zaak.nummer}", headers=zaak.secretaris).json()
    assert z["status"] == "advies_uitgebracht"
    advies = next(t for t in z["termijnoverzicht"] if t["soort"] == "advies")
    # Fixed on the day the clock shows: the advice deadline is met that day.
    assert advies["voldaan_op"] == zaak.klok.moment.astimezone(AMSTERDAM).date().isoformat()
    assert any(g["soort"] == "advies" for g in z["tijdlijn"])


def test_vastgesteld_advies_verandert_niet_en_verbetering_is_nieuwe_versie(zaak: Zaak) -> None:
    c = zaak.client
    eerste = zaak.vastgesteld()
    r = c.put(zaak.url("advies"), json=zaak.advies_body(feiten="Anders."), headers=zaak.voorzitter)
    assert r.status_code == 409 and "correctie" in r.json()["detail"]
    assert c.post(zaak.url("advies/vaststellen"), headers=zaak.voorzitter).status_code == 409

    body = zaak.advies_body(feiten="Verbeterde feiten.")
    r = c.post(zaak.url("advies/correctie"), json=body, headers=zaak.voorzitter)
    assert r.status_code == 201, r.text
    a = r.json()
    assert (a["huidig"]["versie"], a["huidig"]["corrigeert_versie"]) == (2, 1)
    assert (
        a["eerdere"][0]["status"] == "vastgesteld"
        and a["eerdere"][0]["feiten"] != "Verbeterde feiten."
    )
    r = c.post(zaak.url("advies/vaststellen"), headers=zaak.voorzitter)
    assert r.status_code == 200, r.text
    tweede = r.json()
    assert {d["versie"] for d in eerste} == {1} and {d["versie"] for d in tweede} == {2}
    for d in eerste + tweede:
        assert zaak.download(d["id"], zaak.secretaris).status_code == 200
    [gm2] = [d for d in tweede if d["korps"] == "GM"]
    inhoud = tekst(zaak.download(gm2["id"], zaak.secretaris).content)
    vastgesteld_op = datum_nl(zaak.klok.moment.astimezone(AMSTERDAM).date())
    assert "Verbeterde feiten." in inhoud
    assert f"verbetert het advies dat op {vastgesteld_op}" in inhoud


def test_twee_korpsen_twee_documenten_elk_alleen_het_eigen(zaak: Zaak) -> None:
    c = zaak.client
    op(zaak.klok, 2026, 11, 28)
    docs = zaak.vastgesteld()
    assert sorted((d["korps"], d["aan"], d["soort"], d["formaat"]) for d in docs) == [
        ("GM", "korps:GM", "advies", "docx"),
        ("GZ", "korps:GZ", "advies", "docx"),
    ]
    adres = {
        "GM": "De korpschef van politie Gelderland-Midden",
        "GZ": "De korpschef van politie Gelderland-Zuid",
    }
    naam = {"GM": "mr. R.A. de Vries", "GZ": "drs. P.W. Smits"}
    oordeel = {"GM": "is gegrond", "GZ": "is ongegrond"}
    for d in docs:
        eigen, ander = d["korps"], ({"GM", "GZ"} - {d["korps"]}).pop()
        r = zaak.download(d["id"], zaak.korpsleiding[eigen])
        assert r.status_code == 200
        assert r.headers["content-type"].startswith(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        )
        assert f"{zaak.nummer}-advies-{eigen}-v1.docx" in r.headers["content-disposition"]
        t = tekst(r.content)
        assert adres[eigen] in t and f"Geachte {naam[eigen]}," in t
        assert f"Zaaknummer: {zaak.nummer}" in t and "Datum: 28 november 2026" in t
        assert f"De klacht over {zaak.namen[eigen]}" in t and oordeel[eigen] in t
        assert zaak.namen[ander] not in t and adres[ander] not in t
        assert "Op 10 februari <in de briefing> schreeuwde B & C." in t
        assert "Training <omgangsvormen> & gesprek." in t
        assert ("Gehoord > gelezen." in t) == (eigen == "GM")
        # The other corps' leadership neither lists nor downloads it.
        assert zaak.download(d["id"], zaak.korpsleiding[ander]).status_code == 404
        lijst = c.get(zaak.url("documenten"), headers=zaak.korpsleiding[ander]).json()
        assert d["id"] not in [x["id"] for x in lijst]
    lijst = c.get(zaak.url("documenten"), headers=zaak.korpsleiding["GM"]).json()
    assert [(x["soort"], x["korps"]) for x in lijst] == [("advies", "GM")]


def test_document_opgeslagen_met_hash_en_grootte(zaak: Zaak) -> None:
    import hashlib

    docs = zaak.vastgesteld()
    lijst = zaak.client.get(zaak.url("documenten"), headers=zaak.secretaris).json()
    assert {d["id"] for d in lijst} == {d["id"] for d in docs}
    for d in lijst:
        assert set(d) == {"id", "soort", "titel", "versie", "korps", "aan", "sha256", "grootte",
                          "aangemaakt_op", "aangemaakt_door", "formaat"}  # fmt: skip
        inhoud = zaak.download(d["id"], zaak.secretaris).content
        assert hashlib.sha256(inhoud).hexdigest() == d["sha256"] and len(inhoud) == d["grootte"]
        assert d["aangemaakt_door"] == "vz"
    assert zaak.download(999999, zaak.secretaris).status_code == 404


def test_kapot_sjabloon_laat_niets_half_achter(
    zaak: Zaak, settings: Settings, klok: Klok, tmp_path: Path
) -> None:
    """A template edited into a typo: fixing fails whole, with the file named; the advice stays
    a draft, the case at its step, no document stored."""
    templates = tmp_path / "eigen"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    pad = templates / "brieven" / "advies.docx"
    with zipfile.ZipFile(pad) as z:
        delen = {n: z.read(n) for n in z.namelist()}
    delen["word/document.xml"] = delen["word/document.xml"].replace(
        b"{{ o.oordeel }}", b"{{ o.oordel }}"
    )
    with zipfile.ZipFile(pad, "w") as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    app = create_app(omgeving=bouw_omgeving(replace(settings, templates_dir=templates), klok))
    with TestClient(app) as c:
        assert (
            c.put(zaak.url("advies"), json=zaak.advies_body(), headers=zaak.voorzitter).status_code
            == 200
        )
        r = c.post(zaak.url("advies/vaststellen"), headers=zaak.voorzitter)
        assert (
            r.status_code == 500
            and str(pad) in r.json()["detail"]
            and "oordel" in r.json()["detail"]
        )
        assert (
            c.get(zaak.url("advies"), headers=zaak.voorzitter).json()["huidig"]["status"]
            == "concept"
        )
        assert (
            c.get(f"/api/zaken/{zaak.nummer}", headers=zaak.secretaris).json()["status"]
            == "zitting"
        )
        assert c.get(zaak.url("documenten"), headers=zaak.secretaris).json() == []
