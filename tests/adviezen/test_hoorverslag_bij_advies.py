"""The hoorverslag goes with the advice (Awb 9:15), inside each corps' own document."""

from __future__ import annotations

from datetime import datetime

from commissie.tijd import AMSTERDAM, datum_nl
from tests.adviezen.conftest import Zaak, tekst


def test_hoorverslag_als_bijlage_bij_elk_advies(zaak: Zaak) -> None:
    [zitting] = zaak.client.get(zaak.url("zittingen"), headers=zaak.secretaris).json()
    dag = datum_nl(datetime.fromisoformat(zitting["begin"]).astimezone(AMSTERDAM).date())
    verzonden = datum_nl(datetime.fromisoformat(zitting["naar_partijen_op"]).date())
    for d in zaak.vastgesteld():
        eigen, ander = d["korps"], ({"GM", "GZ"} - {d["korps"]}).pop()
        r = zaak.download(d["id"], zaak.korpsleiding[eigen])
        assert r.status_code == 200, r.text
        t = tekst(r.content)
        assert f"- hoorverslag van de zitting van {dag} (artikel 9:10 Awb)" in t
        assert f"Bijlage: hoorverslag van de zitting van {dag}" in t
        assert f"Gehoord: klager, {zaak.namen[eigen]}, een beklaagde van een ander korps." in t
        assert "Beide partijen gehoord." in t
        assert f"Het hoorverslag is op {verzonden} aan de partijen gezonden." in t
        assert zaak.namen[ander] not in t
