"""The load page: chart as server-rendered SVG (values as text, no other host), the numbers in
a table, the simulation next to it; Dutch decimal commas."""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.web.grafiek import Reeks, staafgrafiek
from commissie.web.opmaak import getal
from tests.conftest import Gebruikers, zaak_body
from tests.web.hulp import HTML, log_in_via_pagina


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_getal_met_komma(x: float) -> None:
    tekst = getal(x)
    assert "." not in tekst and re.fullmatch(r"-?\d+,\d", tekst)
    assert abs(float(tekst.replace(",", ".")) - x) <= 0.05 + 1e-9 * abs(x)
    teken = getal(x, teken=True)
    assert teken == "0,0" or teken[0] in "+-"


@given(
    st.lists(
        st.tuples(st.text(min_size=1, max_size=40), st.floats(min_value=0, max_value=100)),
        min_size=1,
        max_size=12,
    )
)
def test_staafgrafiek_elke_waarde_als_tekst(rijen: list[tuple[str, float]]) -> None:
    svg = str(
        staafgrafiek("Titel <x>", [(naam, [v]) for naam, v in rijen], [Reeks("werkelijk", "w")])
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert "<title>Titel &lt;x&gt;</title>" in svg
    assert len(re.findall(r'<rect class="reeks-w" x="200"', svg)) == len(rijen)
    for _, v in rijen:
        assert f">{getal(v)}%</text>" in svg
    breedtes = [float(b) for b in re.findall(r'x="200" y="\d+" width="([\d.]+)"', svg)]
    assert max(breedtes) <= 640 - 200 - 60 + 0.05  # never past the drawing


def test_belastingpagina(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    for i, (naam, korps) in enumerate(
        [("Tessa", "TW"), ("Tim", "TW"), ("Ivo", "IJ"), ("Ilse", "IJ")]
    ):
        gebruikers.lid(naam, korps, voorzitter=True, volgorde=i + 1)
    assert client.post("/api/zaken", json=zaak_body(), headers=secretaris).status_code == 201
    log_in_via_pagina(client, "secretaris")
    html = client.get("/belasting", headers=HTML).text
    api = client.get("/api/belasting", headers=secretaris).json()
    assert '<svg class="grafiek"' in html and not re.search(r'(src|href)="https?://', html)
    for k in api["korpsen"]:
        assert f'<td data-label="Werkelijk">{getal(k["aandeel_pct"])}%</td>' in html
    assert html.count('<td data-label="Lid">') == len(api["leden"]) == 4
    assert 'id="kop-simulatie"' in html and "gesimuleerde klachten" in html
    gebruikers.maak("lid1", Rol.LID)
    log_in_via_pagina(client, "lid1")
    assert client.get("/belasting", headers=HTML).status_code == 403
