"""The workflow through the API: steps, deadlines, postponement, the deadline list, 9:8 flags."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from litestar.testing import TestClient

from commissie.tijd import vandaag as vandaag_in
from tests.conftest import WACHTWOORD, Gebruikers, Klok, zaak_body
from tests.procedure_hulp import evalueer, naar_advies, naar_besluit, naar_status

Hdr = dict[str, str]
SOORTEN = ("ontvangstbevestiging", "ontvankelijkheid", "advies", "besluit")
OPEN_STAAT = ["ontvangen", "ontvankelijk", "verweer", "zitting", "advies_uitgebracht"]
# The workflow as the issue describes it, written out independently of the code.
TOEGESTAAN: dict[str, set[str]] = {
    "ontvangen": {"ontvankelijk", "niet_ontvankelijk", "ingetrokken", "opgelost"},
    "ontvankelijk": {"verweer", "zitting", "ingetrokken", "opgelost"},
    "niet_ontvankelijk": {"afgesloten"},
    "verweer": {"zitting", "ingetrokken", "opgelost"},
    "zitting": {"advies_uitgebracht", "ingetrokken", "opgelost"},
    "advies_uitgebracht": {"besluit_genomen", "ingetrokken", "opgelost"},
    "besluit_genomen": {"afgesloten"},
    "afgesloten": set(),
    "ingetrokken": set(),
    "opgelost": set(),
}
# Steps with an endpoint of their own: the generic status change refuses them.
EIGEN_STAP = {
    "verweer": "/wederhoor",
    "zitting": "/zittingen",
    "advies_uitgebracht": "/advies/vaststellen",
    "besluit_genomen": "/besluit",
}
WEG: dict[str, list[str]] = {
    "ontvangen": [],
    "niet_ontvankelijk": ["niet_ontvankelijk"],
    "ingetrokken": ["ingetrokken"],
    "opgelost": ["opgelost"],
    **{s: OPEN_STAAT[1 : i + 1] for i, s in enumerate(OPEN_STAAT) if i},
    "besluit_genomen": [*OPEN_STAAT[1:], "besluit_genomen"],
    "afgesloten": [*OPEN_STAAT[1:], "besluit_genomen", "afgesloten"],
}


@dataclass
class Api:
    """The secretary at work: thin wrappers around the endpoints."""

    client: TestClient[Any]
    hdr: Hdr
    klok: Klok
    gebruikers: Gebruikers

    def registreer(self, **over: Any) -> str:
        r = self.client.post("/api/zaken", json=zaak_body(**over), headers=self.hdr)
        assert r.status_code == 201, r.text
        return str(r.json()["nummer"])

    def post(self, nummer: str, stap: str, body: Any) -> Any:
        return self.client.post(f"/api/zaken/{nummer}/{stap}", json=body, headers=self.hdr)

    def zaak(self, nummer: str) -> dict[str, Any]:
        return dict(self.client.get(f"/api/zaken/{nummer}", headers=self.hdr).json())

    def open(self) -> list[dict[str, Any]]:
        return list(self.client.get("/api/termijnen", headers=self.hdr).json())

    def zet(self, nummer: str, naar: str, **extra: Any) -> Any:
        """Ask for the step to `naar` through the endpoint meant for it."""
        if naar in ("ontvankelijk", "niet_ontvankelijk"):
            body = {"ontvankelijk": naar == "ontvankelijk", "toelichting": "Grond.", **extra}
            return self.post(nummer, "ontvankelijkheid", body)
        return self.post(nummer, "status", {"status": naar, "toelichting": "Uitgepraat.", **extra})

    def breng(self, nummer: str, staat: str) -> dict[str, Any]:
        z = self.zaak(nummer)
        for s in WEG[staat]:
            z = naar_status(
                self.client, self.hdr, nummer, s, klok=self.klok, gebruikers=self.gebruikers
            )
        assert z["status"] == staat
        return z

    def stand(self, nummer: str) -> tuple[Any, ...]:
        z = self.zaak(nummer)
        return z["status"], z["termijnoverzicht"], len(z["tijdlijn"]), z["verdagingen"]

    def verdaag(self, nummer: str, weken: int, **extra: Any) -> Any:
        """Postpone; the written notice goes out the day it is decided unless told otherwise."""
        vandaag = vandaag_in(self.klok()).isoformat()
        body = {
            "weken": weken,
            "reden": "Getuigen niet eerder beschikbaar.",
            "mededeling_op": extra.get("besloten_op", vandaag),
            **extra,
        }
        return self.post(nummer, "verdaging", body)

    def signalen(self, nummer: str) -> list[dict[str, Any]]:
        return list(self.zaak(nummer)["signalen"])


@pytest.fixture
def api(client: TestClient[Any], secretaris: Hdr, klok: Klok, gebruikers: Gebruikers) -> Api:
    return Api(client, secretaris, klok, gebruikers)


def _ok(r: Any) -> Any:
    assert r.status_code == 200, r.text
    return r.json()


def _op(dag: str) -> datetime:
    return datetime.fromisoformat(f"2026-{dag}T09:00:00+00:00")  # 10:00 in Amsterdam (CET)


def _data(datums: str) -> dict[str, str]:
    return dict(zip(SOORTEN, datums.split(), strict=True))


def _termijnen(z: dict[str, Any]) -> dict[str, tuple[str, str, str | None]]:
    return {
        t["soort"]: (t["einddatum"], t["status"], t["voldaan_op"]) for t in z["termijnoverzicht"]
    }


# ---- the main path ----------------------------------------------------------------------


def test_volledige_behandeling(api: Api, klok: Klok) -> None:
    # Received Monday 2 March 2026: +1 week 9 March, +6 weeks 13 April, +10 weeks 11 May.
    nummer = api.registreer(ontvangen_op="2026-03-02", gedraging_op="2026-02-27")
    ontvankelijk = {"ontvankelijk": True, "besloten_op": "2026-03-04"}
    zitting = {
        "begin": "2026-03-31T10:00",
        "duur_minuten": 120,
        "locatie": "Hoofdbureau Zwolle, zaal De IJssel",
        "reden_afwijking": "Panel nog niet compleet; voorzitter volgt.",
    }
    stappen = [
        ("03-02", "ontvangstbevestiging", {}, "ontvangen"),
        ("03-05", "ontvankelijkheid", ontvankelijk, "ontvankelijk"),
        ("03-06", "wederhoor", {"stap": "afschrift_beklaagde"}, "verweer"),
        ("03-27", "zittingen", zitting, "zitting"),
    ]
    # The advice, the decision and closing through their own steps (tests.procedure_hulp).
    verder = {
        "advies_uitgebracht": lambda: naar_advies(
            api.client, api.hdr, nummer, klok, api.gebruikers
        ),
        "besluit_genomen": lambda: naar_besluit(api.client, api.hdr, nummer, api.gebruikers),
        "afgesloten": lambda: (
            evalueer(api.client, api.hdr, nummer),
            _ok(api.post(nummer, "status", {"status": "afgesloten"})),
        ),
    }
    for dag, s in [("04-08", "advies_uitgebracht"), ("05-06", "besluit_genomen"),
                   ("05-07", "afgesloten")]:  # fmt: skip
        stappen.append((dag, "", {}, s))
    for dag, stap, body, status in stappen:
        klok.moment = _op(dag)
        if stap:
            r = api.post(nummer, stap, body)
            assert r.status_code == (201 if stap == "zittingen" else 200), r.text
        else:
            verder[status]()
        z = api.zaak(nummer)
        assert (z["status"], set(z["volgende_stappen"])) == (status, TOEGESTAAN[status])
        vier = {k: v for k, v in z["termijnen"].items() if k in SOORTEN}
        assert vier == _data("2026-03-09 2026-03-09 2026-04-13 2026-05-11")
        if status == "advies_uitgebracht":
            open_ = [(t["nummer"], t["soort"]) for t in api.open()]
            assert open_ == [(nummer, "besluit")]
    assert z["ontvangstbevestiging_op"] == "2026-03-02"
    assert _termijnen(z) == {
        "ontvangstbevestiging": ("2026-03-09", "voldaan", "2026-03-02"),
        "ontvankelijkheid": ("2026-03-09", "voldaan", "2026-03-04"),
        "advies": ("2026-04-13", "voldaan", "2026-04-08"),
        "besluit": ("2026-05-11", "voldaan", "2026-05-06"),
        # Two weeks from the copy (6 March); no answer came, moot once the advice is out.
        "verweer": ("2026-03-20", "vervallen", None),
    }
    tijdlijn = [g for g in z["tijdlijn"] if g["soort"] != "panel"]
    assert [g["soort"] for g in tijdlijn] == [
        "ontvangen", "ontvangstbevestiging", "status", "status", "wederhoor", "status",
        "zitting", "afwijking",
        # 8 April: the hearing's report, the chair appointed, the advice fixed and sent.
        "hoorverslag", "handmatig", "status", "advies", "document",
        "besluit", "status", "document",  # 6 May: the decision and its letter
        "evaluatie", "status",  # 7 May
    ]  # fmt: skip
    door = [g["door"] for g in tijdlijn]
    assert set(door[:10] + door[-2:]) == {"secretaris"}
    assert set(door[10:13]) == {f"vz-{nummer}"} and set(door[13:16]) == {f"kl-IJ-{nummer}"}
    assert [g["op"][5:10] for g in tijdlijn] == [
        "03-02", "03-02", "03-05", "03-06", "03-06", "03-27", "03-27", "03-27",
        *["04-08"] * 5, *["05-06"] * 3, "05-07", "05-07",
    ]  # fmt: skip
    assert "ontvankelijk → in behandeling: verweer" in tijdlijn[3]["omschrijving"]
    assert "verweer → in behandeling: zitting" in tijdlijn[5]["omschrijving"]
    assert api.open() == []


def test_niet_ontvankelijk(api: Api) -> None:
    nummer = api.registreer()
    voor = api.stand(nummer)
    r = api.post(nummer, "ontvankelijkheid", {"ontvankelijk": False})
    assert r.status_code == 400 and "toelichting" in r.json()["detail"]
    assert api.stand(nummer) == voor
    grond = "Gedraging valt buiten de regeling."
    r = api.zet(nummer, "niet_ontvankelijk", toelichting=grond)
    assert r.status_code == 200, r.text
    z = r.json()
    assert (z["status"], z["volgende_stappen"]) == ("niet_ontvankelijk", ["afgesloten"])
    assert _termijnen(z) == {
        "ontvangstbevestiging": ("2026-02-27", "open", None),
        "ontvankelijkheid": ("2026-02-27", "voldaan_te_laat", "2026-03-02"),
        "advies": ("2026-04-07", "vervallen", None),
        "besluit": ("2026-05-01", "vervallen", None),
    }
    # The grounds are free text: with the entry, apart from its facts (secretariat only).
    laatste = z["tijdlijn"][-1]
    assert laatste["omschrijving"] == "Status: ontvangen → niet-ontvankelijk."
    assert grond in laatste["toelichting"] and "vertrouwenspersoon" in laatste["toelichting"]
    assert laatste["datum"] == "2026-03-02"
    assert [t["soort"] for t in api.open()] == ["ontvangstbevestiging"]
    assert api.verdaag(nummer, 2).status_code == 409
    assert api.zet(nummer, "afgesloten").status_code == 200


# ---- every transition, allowed or refused -----------------------------------------------


@pytest.mark.parametrize("van", list(TOEGESTAAN))
def test_elke_overgang_via_de_api(api: Api, van: str) -> None:
    for naar in TOEGESTAAN:
        nummer = api.registreer()
        voor = api.stand(api.breng(nummer, van)["nummer"])
        if (van, naar) == ("besluit_genomen", "afgesloten"):
            evalueer(api.client, api.hdr, nummer)  # closing waits for it (own test below)
            voor = api.stand(nummer)
        r = api.zet(nummer, naar)
        if naar in TOEGESTAAN[van] and naar in EIGEN_STAP:
            assert r.status_code == 409, (van, naar, r.text)
            assert "heeft een eigen stap" in r.json()["detail"]
            assert f"/api/zaken/{nummer}{EIGEN_STAP[naar]}" in r.json()["detail"]
            assert api.stand(nummer) == voor
            continue
        if naar in TOEGESTAAN[van]:
            assert r.status_code == 200, (van, naar, r.text)
            assert r.json()["status"] == naar
            continue
        assert r.status_code == 409, (van, naar, r.text)
        detail = r.json()["detail"]
        assert f"van '{van}' naar '{naar}' is niet toegestaan" in detail, detail
        assert all(f"'{m}'" in detail for m in TOEGESTAAN[van]), detail
        assert TOEGESTAAN[van] or "geen volgende stap" in detail, detail
        assert api.stand(nummer) == voor


def test_van_ontvangen_naar_zitting_zegt_wat_nu_kan(api: Api) -> None:
    nummer = api.registreer()
    r = api.post(nummer, "status", {"status": "zitting"})
    assert r.status_code == 409
    assert r.json()["detail"] == (
        "De stap van 'ontvangen' naar 'zitting' is niet toegestaan. Vanuit 'ontvangen' kan de zaak "
        "nu alleen naar: 'ontvankelijk' (ontvankelijk), 'niet_ontvankelijk' (niet-ontvankelijk), "
        "'ingetrokken' (ingetrokken), 'opgelost' (opgelost (Awb 9:5))."
    )
    # Admissibility is decided by its own step, which takes a reason and a date.
    r = api.post(nummer, "status", {"status": "ontvankelijk"})
    assert r.status_code == 409 and "/ontvankelijkheid" in r.json()["detail"]


@pytest.mark.parametrize("naar", ["ingetrokken", "opgelost"])
@pytest.mark.parametrize("van", OPEN_STAAT)
def test_intrekken_of_oplossen_vraagt_toelichting(api: Api, van: str, naar: str) -> None:
    nummer = api.registreer()
    voor = _termijnen(api.breng(nummer, van))
    for leeg in ("", "   "):
        r = api.zet(nummer, naar, toelichting=leeg)
        assert r.status_code == 400 and "toelichting" in r.json()["detail"], r.text
    assert api.zaak(nummer)["status"] == van
    r = api.zet(nummer, naar, toelichting="Het is uitgepraat.")
    assert r.status_code == 200, r.text
    z = r.json()
    assert (z["status"], z["volgende_stappen"]) == (naar, [])
    assert z["tijdlijn"][-1]["toelichting"] == "Het is uitgepraat."
    for soort, (datum, status, voldaan_op) in _termijnen(z).items():
        # What was met stays met; everything still open lapses.
        voldaan = voor[soort][1] in ("voldaan", "voldaan_te_laat")
        verwacht = voor[soort] if voldaan else (datum, "vervallen", None)
        assert (datum, status, voldaan_op) == verwacht, soort
    assert [t for t in api.open() if t["nummer"] == nummer] == []


def test_na_afsluiten_kan_niets_meer(api: Api) -> None:
    nummer = api.registreer()
    api.breng(nummer, "afgesloten")
    voor = api.stand(nummer)
    assert api.verdaag(nummer, 1).status_code == 409
    for naar in TOEGESTAAN:
        r = api.zet(nummer, naar)
        assert r.status_code == 409, (naar, r.text)
    assert api.stand(nummer) == voor


def test_afsluiten_na_besluit_wacht_op_evaluatie(api: Api) -> None:
    nummer = api.registreer()
    api.breng(nummer, "besluit_genomen")
    voor = api.stand(nummer)
    r = api.zet(nummer, "afgesloten")
    assert r.status_code == 409, r.text
    assert f"POST /api/zaken/{nummer}/evaluatie" in r.json()["detail"]
    assert api.stand(nummer) == voor
    evalueer(api.client, api.hdr, nummer)
    r = api.zet(nummer, "afgesloten")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "afgesloten"


# ---- verdaging --------------------------------------------------------------------------


def test_verdaging_tot_vier_weken_en_verder_met_instemming(api: Api) -> None:
    # Received Thursday 5 February 2026: advice 19 March, decision 16 April.
    nummer = api.registreer(ontvangen_op="2026-02-05", gedraging_op="2026-02-02")
    r = api.verdaag(nummer, 4)
    assert r.status_code == 200, r.text
    z = r.json()
    # +14 weeks = Thursday 14 May: Ascension Day; 15 May is a decreed day; then the weekend.
    assert z["termijnen"] == _data("2026-02-12 2026-02-12 2026-04-16 2026-05-18")
    besluit = next(t for t in z["termijnoverzicht"] if t["soort"] == "besluit")
    assert (besluit["wettelijke_einddatum"], besluit["verdaagd_weken"]) == ("2026-05-14", 4)
    assert "Hemelvaartsdag" in besluit["toelichting"] and "2026-05-18" in besluit["toelichting"]
    assert z["verdaagd_weken"] == 4
    [v] = z["verdagingen"]
    assert (v["weken"], v["besloten_op"], v["instemming_klager"]) == (4, "2026-03-02", None)
    assert v["reden"] == "Getuigen niet eerder beschikbaar."
    laatste = z["tijdlijn"][-1]
    assert laatste["soort"] == "verdaging" and "18 mei 2026" in laatste["omschrijving"]
    assert laatste["toelichting"] == "Getuigen niet eerder beschikbaar."

    voor = api.stand(nummer)
    r = api.verdaag(nummer, 1)
    assert r.status_code == 400 and "instemming_klager" in r.json()["detail"], r.text
    assert api.stand(nummer) == voor

    instemming = {"datum": "2026-02-27", "kenmerk": "Brief klager 27-02-2026"}
    r = api.verdaag(nummer, 1, instemming_klager=instemming)
    assert r.status_code == 200, r.text
    z = r.json()
    assert z["verdaagd_weken"] == 5
    assert (z["termijnen"]["advies"], z["termijnen"]["besluit"]) == ("2026-04-23", "2026-05-21")
    assert z["verdagingen"][1]["instemming_klager"] == instemming
    # The consent's reference is free text: the secretariat reads it, nobody else.
    assert "Brief klager 27-02-2026" in z["tijdlijn"][-1]["toelichting"]
    assert "Brief klager" not in z["tijdlijn"][-1]["omschrijving"]


def test_verdaging_schuift_advies_door_atw(api: Api) -> None:
    # Received Friday 20 February 2026; +6+2 weeks = Friday 17 April; +10+2 = Friday 15 May,
    # a decreed day (regios/atw.toml), then the weekend: Monday 18 May.
    nummer = api.registreer()
    z = api.verdaag(nummer, 2).json()
    assert (z["termijnen"]["advies"], z["termijnen"]["besluit"]) == ("2026-04-17", "2026-05-18")


def test_verdaging_na_afloop_besluittermijn(api: Api, klok: Klok) -> None:
    op_tijd, te_laat = api.registreer(), api.registreer()
    klok.moment = _op("05-01")  # the decision deadline itself: still possible
    assert api.verdaag(op_tijd, 2).status_code == 200
    klok.moment = _op("05-04")
    voor = api.stand(te_laat)
    r = api.verdaag(te_laat, 2)
    assert r.status_code == 409, r.text
    assert r.json()["veld"] == "besloten_op" and "1 mei 2026" in r.json()["detail"]
    assert api.stand(te_laat) == voor
    # Once the decision is taken there is nothing left to postpone.
    api.breng(op_tijd, "besluit_genomen")
    r = api.verdaag(op_tijd, 1)
    assert r.status_code == 409 and "besluit genomen" in r.json()["detail"]


def test_verdaging_verschuift_geen_voldane_termijn(api: Api, klok: Klok) -> None:
    nummer = api.registreer()  # advice due 7 April 2026
    api.breng(nummer, "zitting")
    klok.moment = _op("04-14")
    naar_advies(api.client, api.hdr, nummer, klok, api.gebruikers)  # a week late
    z = api.verdaag(nummer, 2).json()
    assert z["termijnen"]["besluit"] == "2026-05-18"
    assert _termijnen(z)["advies"] == ("2026-04-07", "voldaan_te_laat", "2026-04-14")


# ---- the deadline list ------------------------------------------------------------------


def test_open_termijnen_verlopen_eerst(api: Api) -> None:
    nieuw = api.registreer(ontvangen_op="2026-03-02")  # registered first
    oud = api.registreer(ontvangen_op="2026-02-20")
    lijst = api.open()
    velden = ("nummer", "soort", "einddatum", "te_laat", "dagen_resterend", "dagen_te_laat")
    assert [tuple(t[v] for v in velden) for t in lijst] == [
        (oud, "ontvangstbevestiging", "2026-02-27", True, -3, 3),
        (oud, "ontvankelijkheid", "2026-02-27", True, -3, 3),
        (nieuw, "ontvangstbevestiging", "2026-03-09", False, 7, 0),
        (nieuw, "ontvankelijkheid", "2026-03-09", False, 7, 0),
        (oud, "advies", "2026-04-07", False, 36, 0),
        (nieuw, "advies", "2026-04-13", False, 42, 0),
        (oud, "besluit", "2026-05-01", False, 60, 0),
        (nieuw, "besluit", "2026-05-11", False, 70, 0),
    ]
    assert "Awb 9:11" in lijst[6]["grondslag"]
    r = api.post(oud, "ontvangstbevestiging", {"verzonden_op": "2026-02-23"})
    assert r.status_code == 200
    assert _termijnen(r.json())["ontvangstbevestiging"] == ("2026-02-27", "voldaan", "2026-02-23")
    r = api.post(oud, "ontvangstbevestiging", {})
    assert r.status_code == 409 and "2026-02-23" in r.json()["detail"]
    api.zet(oud, "ontvankelijk")
    lijst = api.open()
    assert [t["te_laat"] for t in lijst] == [False] * 6
    assert (lijst[0]["nummer"], lijst[0]["soort"]) == (nieuw, "ontvangstbevestiging")


# ---- Awb 9:8 flags ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gedraging_op", "voor_grens", "alle"),
    [("2025-02-19", ["2025-02-19"], True), (["2025-01-15", "2026-02-10"], ["2025-01-15"], False)],
)
def test_gedraging_ouder_dan_een_jaar(
    api: Api, gedraging_op: Any, voor_grens: list[str], alle: bool
) -> None:
    nummer = api.registreer(gedraging_op=gedraging_op)
    [s] = api.signalen(nummer)
    assert (s["code"], s["grondslag"]) == ("gedraging_ouder_dan_jaar", "Awb 9:8 lid 1 sub b")
    assert s["feiten"] == {
        "ontvangen_op": "2026-02-20",
        "grens": "2025-02-20",
        "gedragingen_voor_grens": voor_grens,
        "alle_gedragingen": alle,
    }


@pytest.mark.parametrize(
    ("eerste_staat", "code", "grondslag"),
    [
        ("advies_uitgebracht", "eerder_behandeld", "Awb 9:8 lid 1 sub a"),
        ("ontvangen", "lopende_klacht", "geen grond in Awb 9:8; samenloop met een lopende klacht"),
    ],
)
def test_zelfde_gedraging_als_eerdere_klacht(
    api: Api, eerste_staat: str, code: str, grondslag: str
) -> None:
    eerste = api.registreer()  # B. Klaagde (IJ), conduct on 10 February
    api.breng(eerste, eerste_staat)
    dezelfde = [{"naam": "  b.   KLAAGDE ", "korps": "IJ"}]
    data = ["2026-02-10", "2026-02-12"]
    tweede = api.registreer(ontvangen_op="2026-02-25", gedraging_op=data, beklaagden=dezelfde)
    [s] = api.signalen(tweede)
    assert (s["code"], s["grondslag"]) == (code, grondslag)
    assert s["feiten"] == {
        "zaak": eerste,
        "ontvangen_op": "2026-02-20",
        "gedeelde_gedragingsdata": ["2026-02-10"],
    }
    assert eerste in s["omschrijving"]
    # Same name in another corps, or the same person on another day: not the same conduct.
    elders = [{"naam": "B. Klaagde", "korps": "TW"}]
    ander_korps = api.registreer(beklaagden=elders)
    andere_dag = api.registreer(gedraging_op="2026-02-11")
    assert api.signalen(ander_korps) == []
    assert api.signalen(andere_dag) == []


def test_latere_klacht_is_geen_eerdere_klacht(api: Api) -> None:
    eerste = api.registreer()
    tweede = api.registreer(ontvangen_op="2026-02-25")
    assert [s["code"] for s in api.signalen(tweede)] == ["lopende_klacht"]
    assert api.signalen(eerste) == []


def test_lopend_strafrechtelijk_onderzoek_en_een_gewone_zaak(api: Api) -> None:
    so = {"lopend": True, "sinds": "2026-02-15", "kenmerk": "PL0600-2026-123"}
    nummer = api.registreer(strafrechtelijk_onderzoek=so)
    [s] = api.signalen(nummer)
    assert (s["code"], s["grondslag"]) == ("strafrechtelijk_onderzoek", "Awb 9:8 lid 1 sub f")
    assert s["feiten"] == {"sinds": "2026-02-15", "kenmerk": "PL0600-2026-123"}
    # Exactly one year old, an investigation no longer running, another accused: no flags.
    gewoon = api.registreer(
        gedraging_op="2025-02-20",
        strafrechtelijk_onderzoek={**so, "lopend": False},
        beklaagden=[{"naam": "C. Ollega", "korps": "TW"}],
    )
    assert api.signalen(gewoon) == []


# ---- content in JSON and HTML -----------------------------------------------------------


def test_klachttekst_ongewijzigd_in_json_en_ontsnapt_in_html(api: Api) -> None:
    tekst = 'Zei <script>alert("x")</script> & "meer" tegen 3 < 4 collega\'s.'
    nummer = api.registreer(omschrijving=tekst, klager={"naam": "K. <b>Lager</b>", "korps": "IJ"})
    z = api.zaak(nummer)
    assert (z["omschrijving"], z["klager"]["naam"]) == (tekst, "K. <b>Lager</b>")
    login = {"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
    assert api.client.post("/api/login", json=login).status_code == 200
    r = api.client.get(f"/zaken/{nummer}")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert nummer in html
    assert "&lt;script&gt;alert(" in html and "&amp;" in html and "3 &lt; 4" in html
    assert "<script>alert" not in html and "<b>Lager</b>" not in html
    assert "K. &lt;b&gt;Lager&lt;/b&gt;" in html
