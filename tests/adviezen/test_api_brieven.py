"""Letters on demand: each at its step, addressed, dated, with the legal basis."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.adviezen import opslag
from commissie.adviezen.brieven import maak_uitnodiging
from commissie.api.adviezen import documentomgeving
from commissie.app import create_app
from commissie.cli.hulp import cli_actor
from commissie.config import Settings
from commissie.eenheid import werkeenheid
from commissie.panel.toegang import haal_zaak
from commissie.procedure.opstart import bouw_omgeving
from tests.adviezen.conftest import Zaak, op, tekst
from tests.conftest import zaak_body

Hdr = dict[str, str]


def _brief(c: TestClient[Any], hdr: Hdr, nummer: str, soort: str, aan: str) -> Any:
    return c.post(f"/api/zaken/{nummer}/brieven", json={"soort": soort, "aan": aan}, headers=hdr)


def _inhoud(c: TestClient[Any], hdr: Hdr, nummer: str, doc: dict[str, Any]) -> str:
    r = c.get(f"/api/zaken/{nummer}/documenten/{doc['id']}", headers=hdr)
    assert r.status_code == 200
    return tekst(r.content)


def test_brieven_bij_ontvangst_en_ontvankelijkheid(
    client: TestClient[Any], secretaris: Hdr, klok: Any
) -> None:
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    z = r.json()
    n, bid = z["nummer"], z["beklaagden"][0]["id"]
    op(klok, 2026, 11, 28)
    r = _brief(client, secretaris, n, "ontvangstbevestiging", "klager")
    assert r.status_code == 201, r.text
    assert (r.json()["soort"], r.json()["aan"], r.json()["versie"]) == (
        "ontvangstbevestiging",
        "klager",
        1,
    )
    t = _inhoud(client, secretaris, n, r.json())
    assert "Geachte K. Lager," in t and f"Zaaknummer: {n}" in t and "Datum: 28 november 2026" in t
    assert (
        "20 februari 2026" in t
        and "9:6" in t
        and "advies uit aan de korpsleiding (artikel 9:15" in t
    )
    assert "Klachtencommissie ongewenste omgangsvormen Twente en IJsselland" in t
    # A second one is a new version, the first stays.
    assert _brief(client, secretaris, n, "ontvangstbevestiging", "klager").json()["versie"] == 2

    # Not yet at the step: 409; wrong addressee or kind: 400 naming the field.
    r = _brief(client, secretaris, n, "afschrift_klacht", f"beklaagde:{bid}")
    assert r.status_code == 409 and "9:9" in r.json()["detail"]
    assert _brief(client, secretaris, n, "ontvankelijkheid", "klager").status_code == 409
    assert _brief(client, secretaris, n, "verdaging", "klager").status_code == 409
    assert _brief(client, secretaris, n, "advies", "korps:IJ").status_code == 409
    assert _brief(client, secretaris, n, "uitnodiging_zitting", "klager").status_code == 409
    r = _brief(client, secretaris, n, "ontvangstbevestiging", "beklaagde:999999")
    assert r.status_code == 400 and "'aan'" in r.json()["detail"]
    r = _brief(client, secretaris, n, "afschrift_klacht", "klager")
    assert r.status_code == 400 and "'aan'" in r.json()["detail"]
    r = _brief(client, secretaris, n, "kerstkaart", "klager")
    assert r.status_code == 400 and "'soort'" in r.json()["detail"]

    r = client.post(
        f"/api/zaken/{n}/ontvankelijkheid",
        json={"ontvankelijk": True, "toelichting": "Tijdig & volledig <ingediend>."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    r = _brief(client, secretaris, n, "ontvankelijkheid", "klager")
    assert r.status_code == 201, r.text
    t = _inhoud(client, secretaris, n, r.json())
    assert "besloten dat uw klacht ontvankelijk is" in t and "Tijdig & volledig <ingediend>." in t
    r = _brief(client, secretaris, n, "afschrift_klacht", f"beklaagde:{bid}")
    assert r.status_code == 201, r.text
    t = _inhoud(client, secretaris, n, r.json())
    # The complaint's text, with its <, > and & as typed; answer within two weeks (Atw).
    assert "Geachte B. Klaagde," in t and "District Zwolle" in t
    assert "Schreeuwde <herhaaldelijk> & kleineerde in de briefing." in t
    assert "uiterlijk 14 december 2026" in t and "9:9" in t


def test_verdaging_aan_beide_partijen(client: TestClient[Any], secretaris: Hdr) -> None:
    z = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    n, bid = z["nummer"], z["beklaagden"][0]["id"]
    r = client.post(
        f"/api/zaken/{n}/verdaging",
        json={"weken": 4, "reden": "Getuige <ziek>.", "mededeling_op": "2026-03-02"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    for aan in ("klager", f"beklaagde:{bid}"):
        r = _brief(client, secretaris, n, "verdaging", aan)
        assert r.status_code == 201, r.text
        t = _inhoud(client, secretaris, n, r.json())
        assert "met 4 weken verdaagd (artikel 9:11 lid 2" in t and "Getuige <ziek>." in t
        assert "uiterlijk 29 mei 2026" in t


def test_brieven_alleen_door_het_secretariaat(zaak: Zaak) -> None:
    r = _brief(zaak.client, zaak.voorzitter, zaak.nummer, "ontvangstbevestiging", "klager")
    assert r.status_code == 403
    zaak.vastgesteld()
    r = _brief(zaak.client, zaak.korpsleiding["GM"], zaak.nummer, "advies", "korps:GM")
    assert r.status_code == 403
    r = _brief(zaak.client, zaak.secretaris, zaak.nummer, "advies", "korps:NOG")
    assert r.status_code == 400 and "NOG" in r.json()["detail"]
    r = _brief(zaak.client, zaak.secretaris, zaak.nummer, "advies", "korps:GZ")
    assert r.status_code == 201 and (r.json()["korps"], r.json()["versie"]) == ("GZ", 1)


def test_pdf_naast_het_worddocument(
    settings: Settings, klok: Any, secretaris: Hdr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With COMMISSIE_PDF on, LibreOffice's PDF is kept next to the .docx. A stand-in `soffice`
    on PATH checks the call (headless, convert-to pdf, own profile) where LibreOffice is absent."""
    if opslag.soffice() is None:
        bin_ = tmp_path / "bin"
        bin_.mkdir()
        nep = bin_ / "soffice"
        nep.write_text(
            "#!/bin/sh\n"
            'case "$*" in *-env:UserInstallation=file://*--headless*"--convert-to pdf"*) ;;'
            " *) exit 3;; esac\n"
            'while [ $# -gt 0 ]; do [ "$1" = --outdir ] && dir="$2"; shift; done\n'
            "printf '%%PDF-1.4 nep' > \"$dir/document.pdf\"\n"
        )
        nep.chmod(0o755)
        monkeypatch.setenv("PATH", f"{bin_}:{os.environ['PATH']}")
    app = create_app(omgeving=bouw_omgeving(replace(settings, pdf=True), klok))
    with TestClient(app) as c:
        n = c.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
        r = _brief(c, secretaris, n, "ontvangstbevestiging", "klager")
        assert r.status_code == 201, r.text
        docs = c.get(f"/api/zaken/{n}/documenten", headers=secretaris).json()
        assert [(d["soort"], d["formaat"]) for d in docs] == [
            ("ontvangstbevestiging", "docx"),
            ("ontvangstbevestiging", "pdf"),
        ]
        pdf = c.get(f"/api/zaken/{n}/documenten/{docs[1]['id']}", headers=secretaris)
        assert pdf.headers["content-type"] == "application/pdf"
        assert (
            pdf.content.startswith(b"%PDF")
            and f"{n}-ontvangstbevestiging" in pdf.headers["content-disposition"]
        )


def test_commissie_pdf_uit_te_zetten() -> None:
    assert Settings.from_env({"COMMISSIE_PDF": "0"}).pdf is False
    assert Settings.from_env({}).pdf is True


def test_uitnodiging_zitting_per_partij(settings: Settings, klok: Any, secretaris: Hdr) -> None:
    """The render function the hearings domain calls: each party reads its own support only."""
    omgeving = bouw_omgeving(settings, klok)
    app = create_app(omgeving=omgeving)
    with TestClient(app) as c:
        z = c.post("/api/zaken", json=zaak_body(), headers=secretaris).json()
    actor = cli_actor("TI")

    async def werk() -> list[int]:
        try:
            async with werkeenheid(omgeving.sessionmaker) as s:
                zaak = await haal_zaak(session=s, actor=actor, nummer=z["nummer"], nu=klok())
                ids = []
                for aan, bijstand in [
                    ("klager", ["V. Trouwen (vertrouwenspersoon)"]),
                    (f"beklaagde:{z['beklaagden'][0]['id']}", ["mr. A. Dvocaat"]),
                ]:
                    doc = await maak_uitnodiging(
                        session=s, omg=documentomgeving(omgeving), regios=omgeving.regios,
                        zaak=zaak, aan=aan, zitting_op=date(2026, 3, 27), tijd="10:00",
                        locatie="Vergaderzaal 3", locatie_adres="Hengelosestraat 75, Enschede",
                        bijstand=bijstand, getuigen=[], actor=actor, nu=klok(),
                    )  # fmt: skip
                    ids.append(doc.id)
                return ids
        finally:
            await omgeving.engine.dispose()

    klager_id, beklaagde_id = asyncio.run(werk())
    with TestClient(create_app(omgeving=bouw_omgeving(settings, klok))) as c:
        url = f"/api/zaken/{z['nummer']}/documenten"
        k = tekst(c.get(f"{url}/{klager_id}", headers=secretaris).content)
        b = tekst(c.get(f"{url}/{beklaagde_id}", headers=secretaris).content)
    assert (
        "Geachte K. Lager," in k and "als klager uitgenodigd" in k and "27 maart 2026 om 10:00" in k
    )
    assert "V. Trouwen" in k and "A. Dvocaat" not in k
    assert "Geachte B. Klaagde," in b and "als beklaagde" in b
    assert "A. Dvocaat" in b and "V. Trouwen" not in b
