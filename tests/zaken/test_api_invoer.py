"""Bad input for every endpoint: a 4xx whose `detail` names the field, and nothing stored."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import Klok, run_db, zaak_body

TABELLEN = (
    "zaak",
    "partij",
    "termijn",
    "gebeurtenis",
    "zaak_categorie",
    "gedraging",
    "verdaging",
    "panelzetel",
)
JSON = {"content-type": "application/json"}
Hdr = dict[str, str]


def _tellingen(db: str) -> dict[str, int]:
    async def werk(s: AsyncSession) -> dict[str, int]:
        return {t: int(await s.scalar(text(f"SELECT count(*) FROM {t}")) or 0) for t in TABELLEN}

    return run_db(db, werk)


def _assert_geweigerd(r: Any, veld: str, status: int = 400) -> str:
    """The response is `status`, its detail names `veld`, and so does its field marker."""
    assert r.status_code == status, r.text
    body = r.json()
    detail = body["detail"]
    assert veld in detail, detail
    if "veld" in body:
        assert body["veld"] == veld, body
    if "velden" in body:
        assert veld in [v["veld"] for v in body["velden"]], body
    return detail


def _stand(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    z = client.get(f"/api/zaken/{nummer}", headers=hdr).json()
    return {
        k: z[k]
        for k in (
            "status",
            "termijnoverzicht",
            "tijdlijn",
            "verdagingen",
            "verdaagd_weken",
            "ontvangstbevestiging_op",
        )
    }


def _zonder(veld: str) -> dict[str, Any]:
    body = zaak_body()
    del body[veld]
    return body


def _klager(**over: Any) -> dict[str, Any]:
    return {**zaak_body()["klager"], **over}


def _beklaagde(**over: Any) -> dict[str, Any]:
    return {**zaak_body()["beklaagden"][0], **over}


@pytest.fixture
def nummer(client: TestClient[Any], secretaris: Hdr) -> str:
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r.status_code == 201, r.text
    return str(r.json()["nummer"])


# ---- POST /api/zaken -------------------------------------------------------------------

SO = "strafrechtelijk_onderzoek"
WEG = object()  # leave the field out
ONGELDIG: dict[str, tuple[str, dict[str, Any]]] = {
    "onbekende-commissie": ("commissie", {"commissie": "XX"}),
    "klager-onbekend-korps": ("klager.korps", {"klager": _klager(korps="ZZ")}),
    "klager-korps-andere-commissie": ("klager.korps", {"klager": _klager(korps="FR")}),
    "beklaagde-onbekend-korps": ("beklaagden[0].korps", {"beklaagden": [_beklaagde(korps="ZZ")]}),
    "beklaagde-korps-gelderland": (
        "beklaagden[1].korps",
        {"beklaagden": [_beklaagde(), _beklaagde(korps="GM")]},
    ),
    "ontvangst-in-toekomst": ("ontvangen_op", {"ontvangen_op": "2026-03-03"}),
    "omschrijving-leeg": ("omschrijving", {"omschrijving": ""}),
    "omschrijving-witruimte": ("omschrijving", {"omschrijving": "  \n\t "}),
    "omschrijving-te-lang": ("omschrijving", {"omschrijving": "x" * 20001}),
    "klager-naam-witruimte": ("klager.naam", {"klager": _klager(naam="   ")}),
    "beklaagde-naam-witruimte": ("beklaagden[0].naam", {"beklaagden": [_beklaagde(naam=" ")]}),
    "vp-naam-witruimte": ("vertrouwenspersoon.naam", {"vertrouwenspersoon": {"naam": "  "}}),
    "zonder-ontvangen_op": ("ontvangen_op", {"ontvangen_op": WEG}),
    "zonder-klager": ("klager", {"klager": WEG}),
    "zonder-beklaagden": ("beklaagden", {"beklaagden": WEG}),
    "zonder-omschrijving": ("omschrijving", {"omschrijving": WEG}),
    "datum-als-getal": ("ontvangen_op", {"ontvangen_op": 20260220}),
    "niet-bestaande-datum": ("ontvangen_op", {"ontvangen_op": "2026-02-30"}),
    "commissie-als-getal": ("commissie", {"commissie": 5}),
    "beklaagden-als-object": ("beklaagden", {"beklaagden": {"naam": "B"}}),
    "klager-naam-als-getal": ("klager.naam", {"klager": _klager(naam=5)}),
    "so-lopend-als-tekst": (f"{SO}.lopend", {SO: {"lopend": "ja"}}),
    "so-sinds-in-toekomst": (f"{SO}.sinds", {SO: {"sinds": "2026-03-09"}}),
    "onbekende-categorie": ("categorieen[0]", {"categorieen": ["grof_taalgebruik"]}),
    "dubbele-categorie": ("categorieen", {"categorieen": ["discriminatie", "discriminatie"]}),
    "geen-categorie": ("categorieen", {"categorieen": []}),
    "gedraging-na-ontvangst": ("gedraging_op", {"gedraging_op": "2026-02-21"}),
    "een-gedraging-na-ontvangst": ("gedraging_op", {"gedraging_op": ["2026-02-01", "2026-02-25"]}),
    "geen-gedragingsdatum": ("gedraging_op", {"gedraging_op": []}),
    "geen-beklaagden": ("beklaagden", {"beklaagden": []}),
    "te-veel-beklaagden": ("beklaagden", {"beklaagden": [_beklaagde()] * 21}),
    "onbekend-extra-veld": ("prioriteit", {"prioriteit": "hoog"}),
}


@pytest.mark.parametrize(("veld", "over"), list(ONGELDIG.values()), ids=list(ONGELDIG))
def test_ongeldige_registratie_noemt_veld_en_slaat_niets_op(
    client: TestClient[Any], secretaris: Hdr, db: str, veld: str, over: dict[str, Any]
) -> None:
    body = {k: v for k, v in zaak_body(**over).items() if v is not WEG}
    _assert_geweigerd(client.post("/api/zaken", json=body, headers=secretaris), veld)
    assert set(_tellingen(db).values()) == {0}
    assert client.get("/api/zaken", headers=secretaris).json()["zaken"] == []
    # A refused registration does not use up a case number.
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r.json()["nummer"] == "TI-2026-0001"


@pytest.mark.parametrize("body", [b"{niet json", b'{"commissie": "TI",', b""])
def test_kapotte_json_bij_registratie_slaat_niets_op(
    client: TestClient[Any], secretaris: Hdr, db: str, body: bytes
) -> None:
    r = client.post("/api/zaken", content=body, headers={**secretaris, **JSON})
    assert r.status_code == 400, r.text
    assert set(_tellingen(db).values()) == {0}


@pytest.mark.parametrize("body", [b"null", b"[]", b'"zaak"'])
def test_body_die_geen_object_is_wordt_geweigerd(
    client: TestClient[Any], secretaris: Hdr, db: str, body: bytes
) -> None:
    r = client.post("/api/zaken", content=body, headers={**secretaris, **JSON})
    assert r.status_code == 400, r.text
    assert "verwacht een object" in r.json()["detail"]
    assert set(_tellingen(db).values()) == {0}


ENDPOINTS_MET_BODY = [
    "/api/zaken",
    "/api/zaken/{n}/ontvankelijkheid",
    "/api/zaken/{n}/verdaging",
    "/api/zaken/{n}/status",
    "/api/zaken/{n}/ontvangstbevestiging",
    "/api/login",
]


@pytest.mark.parametrize("pad", ENDPOINTS_MET_BODY)
def test_kapotte_json_geeft_nederlandse_zin_over_de_body(
    client: TestClient[Any], secretaris: Hdr, nummer: str, pad: str
) -> None:
    voor = _stand(client, secretaris, nummer)
    r = client.post(pad.format(n=nummer), content=b"{kapot", headers={**secretaris, **JSON})
    assert client.get("/api/ik").status_code == 401  # no session was opened
    assert _stand(client, secretaris, nummer) == voor
    _assert_geweigerd(r, "body")
    assert "geen geldige JSON" in r.json()["detail"]


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        (zaak_body(klager={"naam": "K. Lager"}), "klager.korps"),
        (zaak_body(beklaagden=[_beklaagde(telefoon="0612345678")]), "beklaagden[0].telefoon"),
        (zaak_body(vertrouwenspersoon={"contact": "v@example.invalid"}), "vertrouwenspersoon.naam"),
    ],
)
def test_ontbrekend_of_onbekend_genest_veld_noemt_het_volledige_pad(
    client: TestClient[Any], secretaris: Hdr, db: str, body: dict[str, Any], veld: str
) -> None:
    r = client.post("/api/zaken", json=body, headers=secretaris)
    assert r.status_code == 400 and set(_tellingen(db).values()) == {0}
    _assert_geweigerd(r, veld)


@pytest.mark.parametrize(
    ("moment", "verwacht"),
    [
        (datetime(2026, 3, 2, 22, 30, tzinfo=UTC), 400),  # 23:30 on 2 March in Amsterdam
        (datetime(2026, 3, 2, 23, 30, tzinfo=UTC), 201),  # 00:30 on 3 March in Amsterdam
    ],
)
def test_toekomst_wordt_bepaald_naar_de_nederlandse_kalenderdag(
    client: TestClient[Any],
    secretaris: Hdr,
    klok: Klok,
    db: str,
    moment: datetime,
    verwacht: int,
) -> None:
    klok.moment = moment
    r = client.post("/api/zaken", json=zaak_body(ontvangen_op="2026-03-03"), headers=secretaris)
    if verwacht == 400:
        _assert_geweigerd(r, "ontvangen_op")
        assert "toekomst" in r.json()["detail"]
    else:
        assert r.status_code == 201, r.text
    assert _tellingen(db)["zaak"] == (1 if verwacht == 201 else 0)


# ---- GET /api/zaken and GET /api/zaken/{nummer} ---------------------------------------------


@pytest.mark.parametrize(
    ("query", "veld"),
    [
        ("status=open", "status"),
        ("status=", "status"),
        ("na=abc", "na"),
        ("na=-1", "na"),
        ("na=1.5", "na"),
        ("limiet=0", "limiet"),
        ("limiet=201", "limiet"),
        ("limiet=tien", "limiet"),
    ],
)
def test_lijst_met_ongeldige_parameter(
    client: TestClient[Any], secretaris: Hdr, nummer: str, query: str, veld: str
) -> None:
    _assert_geweigerd(client.get(f"/api/zaken?{query}", headers=secretaris), veld)


def test_lijst_cursor_uit_volgende_werkt(client: TestClient[Any], secretaris: Hdr) -> None:
    for _ in range(3):
        assert client.post("/api/zaken", json=zaak_body(), headers=secretaris).status_code == 201
    eerste = client.get("/api/zaken?limiet=2", headers=secretaris).json()
    assert [z["nummer"] for z in eerste["zaken"]] == ["TI-2026-0003", "TI-2026-0002"]
    tweede = client.get(f"/api/zaken?limiet=2&na={eerste['volgende']}", headers=secretaris).json()
    assert [z["nummer"] for z in tweede["zaken"]] == ["TI-2026-0001"]
    assert tweede["volgende"] is None
    gefilterd = client.get("/api/zaken?status=ontvankelijk", headers=secretaris).json()
    assert gefilterd["zaken"] == []


@pytest.mark.parametrize("onbekend", ["TI-2026-0099", "TI-2025-0001", "GL-2026-0001", "onzin"])
def test_onbekende_zaak_geeft_404_met_nummer(
    client: TestClient[Any], secretaris: Hdr, nummer: str, onbekend: str
) -> None:
    r = client.get(f"/api/zaken/{onbekend}", headers=secretaris)
    assert r.status_code == 404, r.text
    assert onbekend in r.json()["detail"]


# ---- procedural steps --------------------------------------------------------------------
# The case was received on Friday 20 February 2026; the clock says Monday 2 March 2026.

M = "mededeling_op"
IK = "instemming_klager"
ONGELDIGE_STAPPEN = [
    ("ontvankelijkheid", {}, "ontvankelijk"),
    ("ontvankelijkheid", {"ontvankelijk": "ja"}, "ontvankelijk"),
    ("ontvankelijkheid", {"ontvankelijk": False}, "toelichting"),
    ("ontvankelijkheid", {"ontvankelijk": False, "toelichting": "  "}, "toelichting"),
    ("ontvankelijkheid", {"ontvankelijk": True, "besloten_op": "2026-03-03"}, "besloten_op"),
    ("ontvankelijkheid", {"ontvankelijk": True, "besloten_op": "2026-02-19"}, "besloten_op"),
    ("ontvankelijkheid", {"ontvankelijk": True, "besloten_op": "morgen"}, "besloten_op"),
    ("ontvankelijkheid", {"ontvankelijk": True, "grond": "x"}, "grond"),
    ("verdaging", {"mededeling_op": "2026-03-02", "weken": 0, "reden": "Drukte"}, "weken"),
    ("verdaging", {"mededeling_op": "2026-03-02", "weken": 53, "reden": "Drukte"}, "weken"),
    ("verdaging", {"mededeling_op": "2026-03-02", "weken": "vier", "reden": "Drukte"}, "weken"),
    ("verdaging", {"mededeling_op": "2026-03-02", "weken": 2}, "reden"),
    ("verdaging", {"mededeling_op": "2026-03-02", "weken": 2, "reden": ""}, "reden"),
    ("verdaging", {"mededeling_op": "2026-03-02", "weken": 2, "reden": " \n "}, "reden"),
    (
        "verdaging",
        {"mededeling_op": "2026-03-02", "weken": 2, "reden": "Drukte", "besloten_op": "2026-03-03"},
        "besloten_op",
    ),
    (
        "verdaging",
        {"mededeling_op": "2026-03-02", "weken": 5, "reden": "Drukte"},
        "instemming_klager",
    ),
    (
        "verdaging",
        {
            "mededeling_op": "2026-03-02",
            "weken": 5,
            "reden": "Drukte",
            IK: {"datum": "2026-03-01", "kenmerk": " "},
        },
        IK,
    ),
    (
        "verdaging",
        {
            M: "2026-03-02",
            "weken": 5,
            "reden": "Drukte",
            IK: {"datum": "2026-03-04", "kenmerk": "B"},
        },
        f"{IK}.datum",
    ),
    (
        "verdaging",
        {"mededeling_op": "2026-03-02", "weken": 2, "reden": "Drukte", "langer": True},
        "langer",
    ),
    ("verdaging", {"weken": 2, "reden": "Drukte"}, "mededeling_op"),
    ("verdaging", {M: "2026-03-03", "weken": 2, "reden": "Drukte"}, "mededeling_op"),
    ("verdaging", {M: "2026-02-19", "weken": 2, "reden": "Drukte"}, "mededeling_op"),
    ("status", {}, "status"),
    ("status", {"status": "gesloten"}, "status"),
    ("status", {"status": 3}, "status"),
    ("status", {"status": "ingetrokken"}, "toelichting"),
    ("status", {"status": "opgelost", "toelichting": "  "}, "toelichting"),
    ("status", {"status": "verweer", "door": "x"}, "door"),
    ("ontvangstbevestiging", {"verzonden_op": "2026-03-03"}, "verzonden_op"),
    ("ontvangstbevestiging", {"verzonden_op": "2026-02-19"}, "verzonden_op"),
    ("ontvangstbevestiging", {"verzonden_op": "gisteren"}, "verzonden_op"),
    ("ontvangstbevestiging", {"verzonden_op": "2026-02-21", "per": "post"}, "per"),
]


@pytest.mark.parametrize(
    ("stap", "body", "veld"),
    [pytest.param(*p, id=f"{p[0]}-{p[2]}-{i}") for i, p in enumerate(ONGELDIGE_STAPPEN)],
)
def test_ongeldige_stap_noemt_veld_en_laat_zaak_ongemoeid(
    client: TestClient[Any],
    secretaris: Hdr,
    db: str,
    nummer: str,
    stap: str,
    body: dict[str, Any],
    veld: str,
) -> None:
    voor, tellingen = _stand(client, secretaris, nummer), _tellingen(db)
    _assert_geweigerd(
        client.post(f"/api/zaken/{nummer}/{stap}", json=body, headers=secretaris), veld
    )
    assert _stand(client, secretaris, nummer) == voor
    assert _tellingen(db) == tellingen


def test_verdaging_besloten_voor_ontvangst_wordt_geweigerd(
    client: TestClient[Any], secretaris: Hdr, nummer: str
) -> None:
    voor = _stand(client, secretaris, nummer)
    body = {"weken": 2, "reden": "Drukte", "besloten_op": "2026-02-19", M: "2026-02-19"}
    r = client.post(f"/api/zaken/{nummer}/verdaging", json=body, headers=secretaris)
    assert _stand(client, secretaris, nummer) == voor
    _assert_geweigerd(r, "besloten_op")


@pytest.mark.parametrize(
    ("stap", "body"),
    [
        ("ontvankelijkheid", {"ontvankelijk": True}),
        ("verdaging", {"mededeling_op": "2026-03-02", "weken": 2, "reden": "Drukte"}),
        ("status", {"status": "ingetrokken", "toelichting": "Klager trekt in."}),
        ("ontvangstbevestiging", {}),
    ],
)
def test_stap_op_onbekende_zaak_geeft_404(
    client: TestClient[Any],
    secretaris: Hdr,
    db: str,
    nummer: str,
    stap: str,
    body: dict[str, Any],
) -> None:
    tellingen = _tellingen(db)
    r = client.post(f"/api/zaken/TI-2026-0042/{stap}", json=body, headers=secretaris)
    assert r.status_code == 404, r.text
    assert "TI-2026-0042" in r.json()["detail"]
    assert _tellingen(db) == tellingen


# ---- POST /api/login ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        ({"wachtwoord": "geheim-wachtwoord-1"}, "gebruikersnaam"),
        ({"gebruikersnaam": "secretaris"}, "wachtwoord"),
        ({"gebruikersnaam": "", "wachtwoord": "geheim-wachtwoord-1"}, "gebruikersnaam"),
        ({"gebruikersnaam": "secretaris", "wachtwoord": ""}, "wachtwoord"),
        ({"gebruikersnaam": "secretaris", "wachtwoord": 123}, "wachtwoord"),
        ({"gebruikersnaam": ["secretaris"], "wachtwoord": "x"}, "gebruikersnaam"),
        (
            {"gebruikersnaam": "secretaris", "wachtwoord": "geheim-wachtwoord-1", "onthoud": True},
            "onthoud",
        ),
    ],
)
def test_login_met_ongeldige_invoer_opent_geen_sessie(
    client: TestClient[Any], secretaris: Hdr, db: str, body: dict[str, Any], veld: str
) -> None:
    r = client.post("/api/login", json=body)
    _assert_geweigerd(r, veld)
    assert "set-cookie" not in r.headers

    async def sessies(s: AsyncSession) -> int:
        return int(await s.scalar(text("SELECT count(*) FROM sessie")) or 0)

    assert run_db(db, sessies) == 0
    assert client.get("/api/ik").status_code == 401
