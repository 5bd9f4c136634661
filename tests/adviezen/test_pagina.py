"""The case page shows the advice with its versions, the documents and the decision."""

from __future__ import annotations

from tests.adviezen.conftest import Zaak
from tests.web.hulp import HTML


def test_zaakpagina_met_advies_documenten_en_besluit(zaak: Zaak) -> None:
    c = zaak.client
    body = zaak.advies_body(aanbevelingen="Training <b>nu</b> & later.")
    assert c.put(zaak.url("advies"), json=body, headers=zaak.voorzitter).status_code == 200
    c.post(zaak.url("advies/opmerkingen"), json={"tekst": "Eens <graag>."}, headers=zaak.lid)
    docs = zaak.vastgesteld()
    r = c.post(zaak.url("besluit"), json={"volgt_advies": True}, headers=zaak.korpsleiding["GM"])
    assert r.status_code == 201

    pagina = c.get(f"/zaken/{zaak.nummer}", headers={**HTML, **zaak.secretaris}).text
    assert "Versie 2 (vastgesteld" in pagina and "Versie 1 (concept)" in pagina
    assert "Eens &lt;graag&gt;." in pagina and "<graag>" not in pagina
    assert f"{zaak.namen['GM']} (Politie Gelderland-Midden): gegrond" in pagina
    for d in docs:
        assert f'href="/api/zaken/{zaak.nummer}/documenten/{d["id"]}"' in pagina
    assert "Politie Gelderland-Midden: volgt het advies" in pagina
    assert "Politie Gelderland-Zuid: nog geen besluit" in pagina

    # The corps leadership: no drafts or comments, only its own documents.
    eigen = c.get(f"/zaken/{zaak.nummer}", headers={**HTML, **zaak.korpsleiding["GZ"]}).text
    assert "Eerdere versies" not in eigen and "Eens &lt;graag&gt;" not in eigen
    [gz] = [d for d in docs if d["korps"] == "GZ"]
    [gm] = [d for d in docs if d["korps"] == "GM"]
    assert f"/documenten/{gz['id']}" in eigen and f"/documenten/{gm['id']}" not in eigen
