"""Beheer actions as pages: block an account (with confirmation), revoke one token, check the
letter templates; errors by the field, plain forms that work without JavaScript."""

from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.adviezen.sjablonen import SJABLONEN
from commissie.app import create_app
from commissie.config import Settings
from commissie.procedure.opstart import bouw_omgeving
from tests.conftest import PROJECT_ROOT, Gebruikers, Klok
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina

Client = TestClient[Any]


def _beheerder(client: Client, gebruikers: Gebruikers) -> str:
    gebruikers.maak("beheer", Rol.BEHEERDER, commissie=None)
    assert log_in_via_pagina(client, "beheer", follow_redirects=False).status_code == 303
    return formulier_token(client, "/beheer")


def test_blokkeren_vraagt_bevestiging_en_beeindigt_toegang(
    client: Client, gebruikers: Gebruikers
) -> None:
    csrf = _beheerder(client, gebruikers)
    bearer = gebruikers.maak("sec.ti", Rol.SECRETARIS)
    assert client.get("/api/ik", headers=bearer).status_code == 200

    zonder = client.post(
        "/beheer/blokkeren", data={"_csrf_token": csrf, "gebruikersnaam": "sec.ti"}
    )
    assert zonder.status_code == 400
    assert fout_bij(zonder.text, "blokkeer-sec.ti-bevestig") == (
        "Fout: Veld 'bevestig': vink aan dat u het account sec.ti wilt blokkeren."
    )
    assert client.get("/api/ik", headers=bearer).status_code == 200  # nothing changed

    r = client.post(
        "/beheer/blokkeren",
        data={"_csrf_token": csrf, "gebruikersnaam": "sec.ti", "bevestig": "ja"},
    )
    assert r.status_code == 200
    assert "Account sec.ti is geblokkeerd; sessies en tokens zijn beëindigd." in r.text
    assert client.get("/api/ik", headers=bearer).status_code == 401
    rij = re.search(r'<td data-label="Gebruikersnaam">sec.ti</td>.*?</tr>', r.text, re.S)
    assert rij
    assert '<td data-label="Actief">nee</td>' in rij.group(0)
    assert 'aria-label="Account sec.ti blokkeren"' not in r.text


def test_eigen_account_blokkeren_kan_niet(client: Client, gebruikers: Gebruikers) -> None:
    csrf = _beheerder(client, gebruikers)
    r = client.post(
        "/beheer/blokkeren",
        data={"_csrf_token": csrf, "gebruikersnaam": "beheer", "bevestig": "ja"},
    )
    assert r.status_code == 400
    assert fout_bij(r.text, "blokkeer-beheer-bevestig") == (
        "Fout: Veld 'bevestig': u kunt uw eigen account niet blokkeren."
    )
    assert client.get("/beheer", headers=HTML).status_code == 200  # still logged in


def test_een_token_intrekken(client: Client, gebruikers: Gebruikers) -> None:
    csrf = _beheerder(client, gebruikers)
    eerste = gebruikers.maak("sec.ti", Rol.SECRETARIS)
    tweede = client.post("/beheer/token", data={"_csrf_token": csrf, "gebruikersnaam": "sec.ti"})
    assert tweede.status_code == 201
    m = re.search(r'<code class="geheim">([^<]+)</code>', tweede.text)
    assert m
    tweede_header = {"Authorization": f"Bearer {m.group(1)}"}
    ids = [
        int(i)
        for i in re.findall(
            r'aria-label="Token (\d+) van sec.ti intrekken"',
            client.get("/beheer", headers=HTML).text,
        )
    ]
    assert len(ids) == 2
    laatste = max(ids)

    r = client.post(
        "/beheer/tokens/intrekken",
        data={"_csrf_token": csrf, "gebruikersnaam": "sec.ti", "token": str(laatste)},
    )
    assert r.status_code == 200
    assert f"Token {laatste} van sec.ti is ingetrokken." in r.text
    assert f"Token {laatste}, verloopt" in r.text
    assert f'aria-label="Token {laatste} van sec.ti intrekken"' not in r.text
    assert client.get("/api/ik", headers=tweede_header).status_code == 401
    assert client.get("/api/ik", headers=eerste).status_code == 200  # the other one still works

    vreemd = client.post(
        "/beheer/tokens/intrekken",
        data={"_csrf_token": csrf, "gebruikersnaam": "beheer", "token": str(laatste)},
    )
    assert vreemd.status_code == 400
    assert fout_bij(vreemd.text, "intrekken-token") == (
        f"Fout: Veld 'token': beheer heeft geen token {laatste}."
    )
    onzin = client.post(
        "/beheer/tokens/intrekken",
        data={"_csrf_token": csrf, "gebruikersnaam": "sec.ti", "token": "x"},
    )
    assert onzin.status_code == 400
    assert fout_bij(onzin.text, "intrekken-token") == (
        "Fout: Veld 'token': verwacht het nummer van een token."
    )


def test_acties_alleen_voor_de_beheerder(client: Client, secretaris: dict[str, str]) -> None:
    log_in_via_pagina(client, "secretaris")
    csrf = formulier_token(client, "/")
    for pad, data in [
        ("/beheer/blokkeren", {"gebruikersnaam": "secretaris", "bevestig": "ja"}),
        ("/beheer/tokens/intrekken", {"gebruikersnaam": "secretaris", "token": "1"}),
    ]:
        assert client.post(pad, data={"_csrf_token": csrf, **data}).status_code == 403
    assert client.get("/beheer/sjablonen", headers=HTML).status_code == 403
    assert client.get("/api/ik", headers=secretaris).status_code == 200


def _uitslagen(html: str) -> dict[str, str]:
    uit = re.search(r'<div id="sjabloon-uitslag">(.*?)</section>', html, re.S)
    assert uit
    return {
        bestand: re.sub(r"<[^>]+>", " ", cel).strip()
        for bestand, cel in re.findall(
            r'<td data-label="Bestand">([^<]+)</td>\s*<td data-label="Uitslag">(.*?)</td>',
            uit.group(1),
            re.S,
        )
    }


def test_sjablonen_controleren_geleverd(client: Client, gebruikers: Gebruikers) -> None:
    _beheerder(client, gebruikers)
    pagina = client.get("/beheer", headers=HTML).text
    assert _uitslagen(pagina) == {}  # no check before the button
    # The button is a plain GET form; with HTMX it shows "Bezig…" while the check runs.
    assert '<form method="get" action="/beheer/sjablonen" hx-get="/beheer/sjablonen"' in pagina
    assert 'hx-indicator="#sjabloon-bezig"' in pagina
    assert '<span id="sjabloon-bezig" class="htmx-indicator" role="status">Bezig…</span>' in pagina
    r = client.get("/beheer/sjablonen", headers=HTML)
    assert r.status_code == 200
    assert _uitslagen(r.text) == {s.bestand: "OK" for s in SJABLONEN.values()}


def test_sjablonen_controleren_meldt_bestand_en_probleem(
    settings: Settings, klok: Klok, gebruikers: Gebruikers, tmp_path: Path
) -> None:
    templates = tmp_path / "tpl"
    shutil.copytree(PROJECT_ROOT / "templates", templates)
    (templates / "brieven" / "afschrift_klacht.docx").unlink()
    (templates / "brieven" / "besluit.docx").write_bytes(b"geen docx")
    eigen = dataclasses.replace(settings, templates_dir=templates)
    with TestClient(create_app(omgeving=bouw_omgeving(eigen, klok))) as client:
        _beheerder(client, gebruikers)
        uitslagen = _uitslagen(client.get("/beheer/sjablonen", headers=HTML).text)
    brieven = templates / "brieven"
    assert uitslagen["afschrift_klacht.docx"] == (
        f"{brieven / 'afschrift_klacht.docx'}: het sjabloon ontbreekt."
    )
    assert uitslagen["besluit.docx"] == (
        f"{brieven / 'besluit.docx'}: geen leesbaar Word-bestand (PackageNotFoundError)."
    )
    assert uitslagen["advies.docx"] == "OK"
