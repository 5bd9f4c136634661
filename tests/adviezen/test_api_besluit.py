"""The leadership's decision per corps, the decision letter, evaluation and closure."""

from __future__ import annotations

from tests.adviezen.conftest import Zaak, op, tekst


def _zaak(z: Zaak) -> dict:
    return dict(z.client.get(f"/api/zaken/{z.nummer}", headers=z.secretaris).json())


def test_besluit_per_korps_en_daarna_besluit_genomen(zaak: Zaak) -> None:
    c = zaak.client
    gm, gz = zaak.korpsleiding["GM"], zaak.korpsleiding["GZ"]
    r = c.post(zaak.url("besluit"), json={"volgt_advies": True}, headers=gm)
    assert r.status_code == 404  # before the advice the leadership does not see the case
    zaak.vastgesteld()

    # Deviating without reasons: 400, and nothing recorded.
    r = c.post(zaak.url("besluit"), json={"volgt_advies": False}, headers=gm)
    assert r.status_code == 400 and "motivering" in r.json()["detail"]
    r = c.post(zaak.url("besluit"), json={"volgt_advies": False, "motivering": "  "}, headers=gm)
    assert r.status_code == 400
    # A measure for the other corps' accused is not this leadership's to take.
    ander = {"voor": f"beklaagde:{zaak.beklaagden['GZ']}", "soort": "waarschuwing"}
    r = c.post(zaak.url("besluit"), json={"volgt_advies": True, "maatregelen": [ander]}, headers=gm)
    assert r.status_code == 403 and "ander korps" in r.json()["detail"]
    assert c.get(zaak.url("besluit"), headers=zaak.secretaris).json()["besluiten"] == []
    assert (
        c.post(
            zaak.url("besluit"), json={"volgt_advies": True}, headers=zaak.secretaris
        ).status_code
        == 403
    )

    body = {
        "volgt_advies": False,
        "motivering": "Het gedrag was <ernstiger> & verwijtbaar.",
        "maatregelen": [
            {"voor": f"beklaagde:{zaak.beklaagden['GM']}", "soort": "disciplinaire_maatregel"},
            {"voor": "klager", "soort": "geen", "toelichting": "Gesprek aangeboden."},
        ],
    }
    r = c.post(zaak.url("besluit"), json=body, headers=gm)
    assert r.status_code == 201, r.text
    assert (r.json()["korps"], r.json()["te_laat"]) == ("GM", False)
    assert c.post(zaak.url("besluit"), json={"volgt_advies": True}, headers=gm).status_code == 409
    assert _zaak(zaak)["status"] == "advies_uitgebracht"  # GZ has not decided yet
    assert c.get(zaak.url("besluit"), headers=zaak.secretaris).json()["nog_te_besluiten"] == ["GZ"]

    # The decision term (10 weeks from 20 February 2026) ends on 1 May 2026: GZ is 4 days late.
    op(zaak.klok, 2026, 5, 5)
    r = c.post(zaak.url("besluit"), json={"volgt_advies": True}, headers=gz)
    assert r.status_code == 201, r.text
    assert (r.json()["te_laat"], r.json()["dagen_te_laat"]) == (True, 4)
    z = _zaak(zaak)
    assert z["status"] == "besluit_genomen"
    besluit = next(t for t in z["termijnoverzicht"] if t["soort"] == "besluit")
    assert (besluit["voldaan_op"], besluit["dagen_te_laat"]) == ("2026-05-05", 4)

    # The decision letters go to the complainant; each leadership sees only its own.
    brieven = [
        d
        for d in c.get(zaak.url("documenten"), headers=zaak.secretaris).json()
        if d["soort"] == "besluit"
    ]
    assert sorted((d["korps"], d["aan"]) for d in brieven) == [("GM", "klager"), ("GZ", "klager")]
    eigen = c.get(zaak.url("documenten"), headers=gm).json()
    assert sorted((d["soort"], d["korps"]) for d in eigen) == [("advies", "GM"), ("besluit", "GM")]
    [gm_brief] = [d for d in brieven if d["korps"] == "GM"]
    t = tekst(zaak.download(gm_brief["id"], gm).content)
    assert "Geachte K. Lager," in t and "Kerkstraat 1, 6800 AB Arnhem" in t
    assert "Ik wijk af van het advies" in t and "Het gedrag was <ernstiger> & verwijtbaar." in t
    assert (
        f"{zaak.namen['GM']}: disciplinaire maatregel" in t
        and "klager: geen maatregel (Gesprek aangeboden.)" in t
    )
    assert "Bijlage: het advies van de klachtencommissie." in t
    assert "De korpschef van politie Gelderland-Midden, mr. R.A. de Vries" in t
    [gz_brief] = [d for d in brieven if d["korps"] == "GZ"]
    t = tekst(zaak.download(gz_brief["id"], zaak.secretaris).content)
    assert "Ik neem het advies van de commissie over." in t and "Bijlage" not in t
    assert zaak.download(gz_brief["id"], gm).status_code == 404


def test_evaluatie_en_afsluiten(zaak: Zaak) -> None:
    c = zaak.client
    body = {
        "afhandeling": "Advies overgenomen; gesprek met beklaagde.",
        "ervaring_uitkomst": "Tevreden.",
        "ervaring_procedure": "Duurde lang.",
        "vervolg_nodig": True,
        "vervolg": "",
    }
    assert c.post(zaak.url("evaluatie"), json=body, headers=zaak.secretaris).status_code == 409
    zaak.vastgesteld()
    for k in ("GM", "GZ"):
        r = c.post(zaak.url("besluit"), json={"volgt_advies": True}, headers=zaak.korpsleiding[k])
        assert r.status_code == 201, r.text
    r = c.post(zaak.url("evaluatie"), json=body, headers=zaak.secretaris)
    assert r.status_code == 400 and "vervolg" in r.json()["detail"]
    body["vervolg"] = "Na een half jaar navragen."
    assert (
        c.post(zaak.url("evaluatie"), json=body, headers=zaak.korpsleiding["GM"]).status_code == 403
    )
    op(zaak.klok, 2026, 3, 12)
    r = c.post(zaak.url("evaluatie"), json=body, headers=zaak.secretaris)
    assert r.status_code == 201, r.text
    e = r.json()
    assert (e["advies_gevolgd"], e["doorlooptijd_dagen"], e["vervolg"]) == (
        True,
        20,
        "Na een half jaar navragen.",
    )
    assert c.post(zaak.url("evaluatie"), json=body, headers=zaak.secretaris).status_code == 409
    assert (
        c.get(zaak.url("besluit"), headers=zaak.secretaris).json()["evaluatie"]["afhandeling"]
        == body["afhandeling"]
    )
    r = c.post(
        f"/api/zaken/{zaak.nummer}/status",
        json={"status": "afgesloten", "toelichting": ""},
        headers=zaak.secretaris,
    )
    assert r.status_code == 200 and r.json()["status"] == "afgesloten"
