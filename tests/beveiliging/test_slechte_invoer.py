"""Bad input gives a 4xx with a Dutch sentence, never a 5xx, on SQLite and PostgreSQL
(issue 8, item 3: every input listed there)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient

from commissie.cli import cli
from commissie.config import Settings
from tests.conftest import zaak_body
from tests.web.hulp import formulier_token

Hdr = dict[str, str]


def _geweigerd(r: Any, status: int = 400) -> str:
    assert r.status_code == status, (r.status_code, r.text[:300])
    if r.headers.get("content-type", "").startswith("application/json"):
        return str(r.json()["detail"])
    return r.text


def test_nul_in_zaaknummer(client: TestClient[Any], secretaris: Hdr) -> None:
    detail = _geweigerd(client.get("/api/zaken/%00", headers=secretaris))
    assert "Het pad" in detail and "stuur" in detail


@pytest.mark.parametrize("teken", ["%00", "%01", "%1B", "%7F", "%E2%80%AE"])
def test_stuurtekens_in_queryparameter(
    client: TestClient[Any], secretaris: Hdr, teken: str
) -> None:
    detail = _geweigerd(client.get(f"/api/leden?commissie={teken}", headers=secretaris))
    assert "Parameter 'commissie'" in detail


def test_ongeldige_utf8_in_query_en_pad(client: TestClient[Any], secretaris: Hdr) -> None:
    assert "UTF-8" in _geweigerd(client.get("/api/leden?commissie=%FF%FE", headers=secretaris))
    assert "UTF-8" in _geweigerd(client.get("/api/zaken/%C3%28", headers=secretaris))


def test_te_lange_queryparameter(client: TestClient[Any], secretaris: Hdr) -> None:
    detail = _geweigerd(client.get("/api/leden?commissie=" + "x" * 1001, headers=secretaris))
    assert "te lang" in detail


@pytest.mark.parametrize("na", ["2147483648", "-1", "99999999999999999999", "c1.%00", "c1.!!"])
def test_cursor_buiten_bereik(client: TestClient[Any], secretaris: Hdr, na: str) -> None:
    r = client.get(f"/api/zaken?na={na}", headers=secretaris)
    assert r.status_code == 400, r.text
    assert r.json()["detail"].startswith(("Veld 'na'", "Parameter 'na'"))


def test_nul_in_loginnaam_op_de_pagina(client: TestClient[Any]) -> None:
    data = {"gebruikersnaam": "a\x00b", "wachtwoord": "x", "_csrf_token": formulier_token(client)}
    r = client.post("/login", data=data)
    assert r.status_code == 400
    assert "Veld &#39;gebruikersnaam&#39;" in r.text or "Veld 'gebruikersnaam'" in r.text


def test_nul_in_loginnaam_via_api(client: TestClient[Any]) -> None:
    r = client.post("/api/login", json={"gebruikersnaam": "a\u0000b", "wachtwoord": "x"})
    assert r.status_code == 400 and "gebruikersnaam" in r.json()["detail"]


def test_naam_die_door_casefold_langer_wordt(client: TestClient[Any], secretaris: Hdr) -> None:
    lang = "ﬀ" * 199  # casefolds to 398 characters
    body = zaak_body(
        klager={"naam": lang, "korps": "IJ", "functie": "Agent"},
        beklaagden=[{"naam": lang, "korps": "IJ", "eenheid": "District Zwolle"}],
    )
    r = client.post("/api/zaken", json=body, headers=secretaris)
    assert r.status_code == 201, r.text
    assert (
        client.get(f"/api/zaken/{r.json()['nummer']}", headers=secretaris).json()["klager"]["naam"]
        == lang
    )


@pytest.mark.parametrize(
    "naam",
    [
        "\u200b\u200b",  # zero-width spaces only
        "\u2060\ufeff",  # word joiner and BOM only
        "   ",
        "Jan \u202eJansen",  # right-to-left override
        "Jan \u2067Jansen\u2069",  # isolate
        "Jan\x07",
        "Jan\nJansen",
    ],
)
def test_onzichtbare_of_omgekeerde_naam(
    client: TestClient[Any], secretaris: Hdr, naam: str
) -> None:
    body = zaak_body(klager={"naam": naam, "korps": "IJ", "functie": "Agent"})
    detail = _geweigerd(client.post("/api/zaken", json=body, headers=secretaris))
    assert "Veld 'klager.naam'" in detail
    assert client.get("/api/zaken", headers=secretaris).json()["zaken"] == []


def test_omschrijving_mag_regels_hebben(client: TestClient[Any], secretaris: Hdr) -> None:
    body = zaak_body(omschrijving="Eerste regel.\nTweede regel.\tMet tab.")
    assert client.post("/api/zaken", json=body, headers=secretaris).status_code == 201


def test_ongeldige_utf8_body(client: TestClient[Any], secretaris: Hdr) -> None:
    r = client.post(
        "/api/zaken",
        content=b'{"commissie": "\xff\xfe"}',
        headers={**secretaris, "Content-Type": "application/json"},
    )
    assert r.status_code == 400, r.text
    assert r.json()["detail"]


@pytest.mark.parametrize("diepte", [1000, 5000])
def test_json_diep_genest(client: TestClient[Any], secretaris: Hdr, diepte: int) -> None:
    body = '{"klager":' * diepte + "1" + "}" * diepte
    r = client.post(
        "/api/zaken", content=body, headers={**secretaris, "Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text
    arrays = "[" * diepte + "]" * diepte
    r = client.post(
        "/api/zaken", content=arrays, headers={**secretaris, "Content-Type": "application/json"}
    )
    assert r.status_code == 400, r.text


def test_belasting_jaar_een(client: TestClient[Any], secretaris: Hdr) -> None:
    detail = _geweigerd(client.get("/api/belasting?tot=0001-01-01", headers=secretaris))
    assert "Parameter 'tot'" in detail and "jaartal" in detail
    detail = _geweigerd(client.get("/api/belasting?van=9999-12-31", headers=secretaris))
    assert "Parameter 'van'" in detail


def test_cli_belasting_jaar_een(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMISSIE_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("COMMISSIE_DATA_DIR", str(settings.data_dir))
    r = CliRunner().invoke(cli, ["belasting", "--tot", "0001-01-01"])
    assert r.exit_code == 2, r.output
    assert "--tot" in r.output and "controleer het jaartal (0001-01-01)" in r.output
    assert "Traceback" not in r.output


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [("weken", "1"), ("weken", 2147483648), ("weken", True), ("besloten_op", "0001-01-01")],
)
def test_strikte_getallen_en_datums(
    client: TestClient[Any], secretaris: Hdr, veld: str, waarde: object
) -> None:
    nummer = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    body: dict[str, object] = {"weken": 4, "besloten_op": "2026-03-02", "reden": "Drukte."}
    body[veld] = waarde
    r = client.post(f"/api/zaken/{nummer}/verdaging", json=body, headers=secretaris)
    assert 400 <= r.status_code < 500 and r.status_code != 404, r.text
    assert json.dumps(r.json()).count("Veld") >= 1
