"""Klacht registreren as a page: the intake form, its errors per field, rows added without
JavaScript, and a saved complaint that shows its number, panel and deadlines."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.regios import laad_regios
from tests.conftest import PROJECT_ROOT, Gebruikers
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina

REGIOS = laad_regios(PROJECT_ROOT / "regios")
ROOSTER = [
    ("Tessa Twente", "TW", True),
    ("Tim Twente", "TW", True),
    ("Iris IJssel", "IJ", True),
    ("Ivo IJssel", "IJ", False),
]


@pytest.fixture
def ingelogd(client: TestClient[Any], secretaris: dict[str, str]) -> TestClient[Any]:
    assert log_in_via_pagina(client, "secretaris", follow_redirects=False).status_code == 303
    return client


@pytest.fixture
def leden(gebruikers: Gebruikers) -> dict[str, int]:
    return {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(ROOSTER)
    }


def formulier(client: TestClient[Any], **over: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "_csrf_token": formulier_token(client, "/zaken/nieuw"),
        "ontvangen_op": "2026-02-20",
        "klager-naam": "K. Lager",
        "klager-korps": "IJ",
        "klager-functie": "Agent",
        "beklaagden-0-naam": "B. Klaagde",
        "beklaagden-0-korps": "IJ",
        "beklaagden-0-eenheid": "District Zwolle",
        "categorieen": ["verbale_agressie", "discriminatie"],
        "omschrijving": "Kleineerde in de briefing.",
        "gedraging_op": ["2026-02-10", ""],
    }
    data.update(over)
    return data


def aantal_zaken(client: TestClient[Any], headers: dict[str, str]) -> int:
    return len(client.get("/api/zaken", headers=headers).json()["zaken"])


def test_formulier_heeft_een_label_bij_elk_veld(ingelogd: TestClient[Any]) -> None:
    html = ingelogd.get("/zaken/nieuw", headers=HTML).text
    ids = re.findall(r'<(?:input|select|textarea)[^>]*? id="([^"]+)"', html)
    assert "klager-naam" in ids and "beklaagden-0-korps" in ids and "categorieen-1" in ids
    for i in ids:
        assert f'<label for="{i}">' in html, i
    korps = REGIOS.korps("IJ")
    assert korps is not None and f'<option value="IJ">{korps.naam}</option>' in html


def test_registratie_via_pagina_geeft_panel_en_termijnen(
    ingelogd: TestClient[Any], secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    r = ingelogd.post("/zaken/nieuw", data=formulier(ingelogd), follow_redirects=False)
    assert r.status_code == 303
    m = re.fullmatch(r"/zaken/([^?]+)\?gedaan=geregistreerd", r.headers["location"])
    assert m
    nummer = m.group(1)
    zaak = ingelogd.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    assert len(zaak["panel"]) == 3  # composed by the one registration flow
    assert sorted(zaak["categorieen"]) == ["discriminatie", "verbale_agressie"]
    assert zaak["gedraging_op"] == ["2026-02-10"]  # the empty extra date row is no date
    pagina = ingelogd.get(r.headers["location"], headers=HTML).text
    assert f"<h1>Zaak {nummer}</h1>" in pagina
    assert "De klacht is geregistreerd." in pagina
    for zetel in zaak["panel"]:
        assert f'<td data-label="Naam">{zetel["naam"]}</td>' in pagina
    assert 'id="kop-termijnen"' in pagina and "Advies uitbrengen" in pagina


def test_lege_velden_bij_het_veld_en_bovenaan(
    ingelogd: TestClient[Any], secretaris: dict[str, str]
) -> None:
    data = formulier(
        ingelogd,
        **{"klager-naam": " ", "beklaagden-0-korps": "", "categorieen": [], "omschrijving": ""},
    )
    r = ingelogd.post("/zaken/nieuw", data=data)
    assert r.status_code == 400
    assert (
        fout_bij(r.text, "klager-naam") == "Fout: Veld 'klager.naam': is verplicht maar ontbreekt."
    )
    assert (
        fout_bij(r.text, "beklaagden-0-korps") == "Fout: Veld 'beklaagden[0].korps': is verplicht."
    )
    assert (
        fout_bij(r.text, "categorieen") == "Fout: Veld 'categorieen': kies minstens één categorie."
    )
    overzicht = re.search(r'<div class="foutoverzicht".*?</div>', r.text, re.S)
    assert overzicht is not None
    assert overzicht.group(0).count("<li>") == 4
    assert '<a href="#klager-naam">' in overzicht.group(0)
    # What was typed stays; nothing was saved.
    assert 'value="B. Klaagde"' in r.text
    assert aantal_zaken(ingelogd, secretaris) == 0


def test_fout_van_de_registratie_zelf_bij_het_veld(
    ingelogd: TestClient[Any], secretaris: dict[str, str]
) -> None:
    # The conduct after the receipt: the same refusal as the API, next to the date field.
    r = ingelogd.post("/zaken/nieuw", data=formulier(ingelogd, gedraging_op=["2026-02-25"]))
    assert r.status_code == 400
    assert fout_bij(r.text, "gedraging_op").startswith("Fout: Veld 'gedraging_op'")
    te_lang = formulier(ingelogd, **{"klager-naam": "x" * 201})
    r = ingelogd.post("/zaken/nieuw", data=te_lang)
    assert r.status_code == 400
    assert fout_bij(r.text, "klager-naam") == (
        "Fout: Veld 'klager.naam': is te lang (hoogstens 200 tekens)."
    )
    assert aantal_zaken(ingelogd, secretaris) == 0


def test_beklaagde_toevoegen_zonder_javascript(
    ingelogd: TestClient[Any], secretaris: dict[str, str], leden: dict[str, int]
) -> None:
    data = formulier(ingelogd, actie="beklaagde")
    r = ingelogd.post("/zaken/nieuw", data=data)
    assert r.status_code == 200
    assert 'id="beklaagden-1-naam"' in r.text and 'id="beklaagden-2-naam"' not in r.text
    assert 'value="B. Klaagde"' in r.text
    assert aantal_zaken(ingelogd, secretaris) == 0  # adding a row saves nothing
    datum = ingelogd.post("/zaken/nieuw", data=formulier(ingelogd, actie="datum"))
    assert datum.status_code == 200
    assert 'id="gedraging_op-2"' in datum.text and 'id="gedraging_op-3"' in datum.text
    assert 'id="gedraging_op-4"' not in datum.text  # two posted (one empty), one added
    tweede = formulier(ingelogd, **{"beklaagden-1-naam": "C. Collega", "beklaagden-1-korps": "TW"})
    r = ingelogd.post("/zaken/nieuw", data=tweede, follow_redirects=False)
    assert r.status_code == 303
    nummer = r.headers["location"].split("/")[2].split("?")[0]
    zaak = ingelogd.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    assert [(b["naam"], b["korps"]) for b in zaak["beklaagden"]] == [
        ("B. Klaagde", "IJ"),
        ("C. Collega", "TW"),
    ]


def test_alleen_het_secretariaat_registreert(
    client: TestClient[Any], gebruikers: Gebruikers
) -> None:
    lid_id = gebruikers.lid("Tessa Twente", "TW")
    gebruikers.maak("tessa", Rol.LID, lid_id=lid_id)
    log_in_via_pagina(client, "tessa")
    assert client.get("/zaken/nieuw", headers=HTML).status_code == 403
    assert "Klacht registreren" not in client.get("/", headers=HTML).text
