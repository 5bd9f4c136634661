"""The case page's "Brief maken" form: the same letter service as the API, the letter listed
with the documents, errors by the field, a "Bezig…" indicator for HTMX, secretary only."""

from __future__ import annotations

import re
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, zaak_body
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina

Client = TestClient[Any]


@pytest.fixture
def zaak(client: Client, secretaris: dict[str, str]) -> dict[str, Any]:
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r.status_code == 201
    assert log_in_via_pagina(client, "secretaris", follow_redirects=False).status_code == 303
    return r.json()


def _brief(client: Client, nummer: str, **velden: str) -> Any:
    data = {"_csrf_token": formulier_token(client, f"/zaken/{nummer}"), **velden}
    return client.post(f"/zaken/{nummer}/brieven", data=data, follow_redirects=False)


def _documenten(client: Client, secretaris: dict[str, str], nummer: str) -> list[Any]:
    r = client.get(f"/api/zaken/{nummer}/documenten", headers=secretaris)
    assert r.status_code == 200
    return r.json()


def test_brief_maken_vanaf_de_zaakpagina(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer, bid = zaak["nummer"], zaak["beklaagden"][0]["id"]
    html = client.get(f"/zaken/{nummer}", headers=HTML).text
    formulier = re.search(
        r'<form method="post" action="/zaken/[^/]+/brieven".*?</form>', html, re.S
    )
    assert formulier
    # Without JS a plain post; with HTMX the page says "Bezig…" while the letter is made.
    assert 'hx-boost="true"' in formulier.group(0)
    assert 'hx-indicator="#brief-bezig"' in formulier.group(0)
    assert (
        '<span id="brief-bezig" class="htmx-indicator" role="status">Bezig…</span>'
        in formulier.group(0)
    )
    assert f'<option value="beklaagde:{bid}"' in formulier.group(0)

    r = _brief(client, nummer, **{"brief-soort": "ontvangstbevestiging", "brief-aan": "klager"})
    assert r.status_code == 303
    assert r.headers["location"] == f"/zaken/{nummer}?gedaan=brief"
    docs = _documenten(client, secretaris, nummer)
    assert [(d["soort"], d["aan"], d["versie"]) for d in docs] == [
        ("ontvangstbevestiging", "klager", 1)
    ]
    pagina = client.get(r.headers["location"], headers=HTML).text
    assert "De brief is gemaakt; hij staat bij de documenten." in pagina
    assert f'href="/api/zaken/{nummer}/documenten/{docs[0]["id"]}"' in pagina


def test_brief_fouten_bij_het_veld(
    client: Client, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer = zaak["nummer"]
    leeg = _brief(client, nummer, **{"brief-aan": "klager"})
    assert leeg.status_code == 400
    assert fout_bij(leeg.text, "brief-soort") == "Fout: Veld 'soort': is verplicht maar ontbreekt."
    onbekend = _brief(client, nummer, **{"brief-soort": "ontvangstbevestiging", "brief-aan": "x"})
    assert onbekend.status_code == 400
    assert fout_bij(onbekend.text, "brief-aan") == (
        "Fout: Veld 'aan': verwacht 'klager', 'beklaagde:ID' of 'korps:CODE'."
    )
    assert _documenten(client, secretaris, nummer) == []  # nothing half-written


def test_brief_alleen_voor_het_secretariaat(
    client: Client, gebruikers: Gebruikers, secretaris: dict[str, str], zaak: dict[str, Any]
) -> None:
    nummer = zaak["nummer"]
    gebruikers.maak(
        "korps", Rol.KORPSLEIDING, commissie=None, korps=zaak_body()["beklaagden"][0]["korps"]
    )
    client.cookies.clear()
    assert log_in_via_pagina(client, "korps", follow_redirects=False).status_code == 303
    data = {
        "_csrf_token": formulier_token(client, "/"),
        "brief-soort": "ontvangstbevestiging",
        "brief-aan": "klager",
    }
    r = client.post(f"/zaken/{nummer}/brieven", data=data, follow_redirects=False)
    assert r.status_code == 403
    assert _documenten(client, secretaris, nummer) == []
