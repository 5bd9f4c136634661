"""The corps leadership's inbox and decision form: only its own accused and documents, the
decision through the same service as the API, a refused form writes nothing."""

from __future__ import annotations

import re
from typing import Any

from tests.adviezen.conftest import Zaak
from tests.adviezen.conftest import zaak as zaak
from tests.web.hulp import HTML, formulier_token, fout_bij, log_in_via_pagina


def _als(zaak: Zaak, naam: str) -> Any:
    zaak.client.cookies.clear()
    r = log_in_via_pagina(zaak.client, naam, follow_redirects=False)
    assert r.status_code == 303
    return r


def _besluit(zaak: Zaak, velden: dict[str, str]) -> Any:
    pad = f"/korpsleiding/{zaak.nummer}"
    data = {"_csrf_token": formulier_token(zaak.client, pad), **velden}
    return zaak.client.post(f"{pad}/besluit", data=data, follow_redirects=False)


def _besluiten(zaak: Zaak) -> list[dict[str, Any]]:
    return list(zaak.client.get(zaak.url("besluit"), headers=zaak.secretaris).json()["besluiten"])


def test_inbox_toont_eigen_oordeel_en_document(zaak: Zaak) -> None:
    zaak.vastgesteld()
    r = _als(zaak, "kl-GM")
    assert r.headers["location"] == "/korpsleiding"  # its start page
    html = zaak.client.get("/korpsleiding", headers=HTML).text
    assert f'href="/korpsleiding/{zaak.nummer}"' in html
    assert f"{zaak.namen['GM']}: <strong>gegrond</strong>" in html
    # The other corps' accused and its outcome are not this leadership's business.
    assert zaak.namen["GZ"] not in html and "ongegrond" not in html
    [link] = re.findall(rf'href="(/api/zaken/{zaak.nummer}/documenten/\d+)"', html)
    doc = zaak.client.get(link)
    assert doc.status_code == 200 and doc.headers["content-type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "<strong>1</strong> wacht op uw besluit" in html
    # From the case page, too, the leadership finds its decision form.
    dossier = zaak.client.get(f"/zaken/{zaak.nummer}", headers=HTML).text
    assert f'href="/korpsleiding/{zaak.nummer}"' in dossier


def test_afwijken_zonder_motivering_geweigerd(zaak: Zaak) -> None:
    zaak.vastgesteld()
    _als(zaak, "kl-GM")
    r = _besluit(zaak, {"besluit-volgt_advies": "nee"})
    assert r.status_code == 400
    assert "wie afwijkt van het advies moet zeggen waarom" in fout_bij(r.text, "besluit-motivering")
    assert 'href="#besluit-motivering"' in r.text
    assert _besluiten(zaak) == []
    r = _besluit(zaak, {})
    assert r.status_code == 400
    assert "kies of u het advies volgt" in fout_bij(r.text, "besluit-volgt_advies")
    assert _besluiten(zaak) == []


def test_besluit_met_maatregel(zaak: Zaak) -> None:
    zaak.vastgesteld()
    _als(zaak, "kl-GM")
    b = zaak.beklaagden["GM"]
    r = _besluit(
        zaak,
        {
            "besluit-volgt_advies": "ja",
            f"besluit-maatregel-{b}": "waarschuwing",
            f"besluit-toelichting-{b}": "Gesprek gevoerd.",
        },
    )
    assert r.status_code == 303 and r.headers["location"].endswith("?gedaan=besluit")
    [besluit] = _besluiten(zaak)
    assert (besluit["korps"], besluit["volgt_advies"]) == ("GM", True)
    assert besluit["maatregelen"] == [
        {"voor": f"beklaagde:{b}", "soort": "waarschuwing", "toelichting": "Gesprek gevoerd."}
    ]
    html = zaak.client.get(r.headers["location"], headers=HTML).text
    assert "Het besluit is vastgelegd." in html and "U volgt het advies" in html
    assert 'action="/korpsleiding/' not in html  # decided once
    inbox = zaak.client.get("/korpsleiding", headers=HTML).text
    assert "<strong>0</strong> wachten op uw besluit" in inbox


def test_lid_kan_niet_bij_de_inbox(zaak: Zaak) -> None:
    zaak.vastgesteld()
    r = _als(zaak, "panellid")
    assert r.headers["location"] == "/mijn/zaken"
    assert zaak.client.get("/korpsleiding", headers=HTML).status_code == 403
