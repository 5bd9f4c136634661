"""The case page and the overview show the verweer deadline and the hearings."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.procedure_hulp import naar_verweer, plan, registreer
from tests.web.hulp import HTML, log_in_via_pagina

Hdr = dict[str, str]


def test_zaakpagina_en_overzicht(
    client: TestClient[Any], secretaris: Hdr, drie: dict[str, int]
) -> None:
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)  # copy 2 March: answer due 16 March 2026
    plan(client, secretaris, nummer, "2026-03-17T10:00")
    log_in_via_pagina(client, "secretaris")
    pagina = client.get(f"/zaken/{nummer}", headers=HTML).text
    assert "Hoor en wederhoor" in pagina
    assert "<dt>Verweer uiterlijk</dt><dd>16 maart 2026</dd>" in pagina
    assert "Verweerschrift van de beklaagde" in pagina  # in the deadline table too
    assert "di 17 mrt 2026 10:00" in pagina and "Hoofdbureau Zwolle, zaal De IJssel" in pagina
    assert "nog niet gehoord" in pagina
    overzicht = client.get("/", headers=HTML).text
    assert "Komende zittingen" in overzicht
    rij = overzicht[overzicht.index("Komende zittingen") :]
    assert nummer in rij and "di 17 mrt 2026 10:00" in rij
    assert "Verweerschrift van de beklaagde" in overzicht  # the open verweer deadline
    assert "B. Klaagde" not in rij and "K. Lager" not in rij
