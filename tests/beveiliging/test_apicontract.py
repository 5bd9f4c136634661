"""The API contract: every route documents its error answers, 405 says what is allowed,
and numbers and booleans are strict."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from tests.conftest import zaak_body


def test_openapi_noemt_de_foutantwoorden_per_route(
    client: TestClient[Any], secretaris: dict[str, str]
) -> None:
    schema = client.get("/schema/openapi.json", headers=secretaris).json()
    routes = [(pad, m, op) for pad, ops in schema["paths"].items() for m, op in ops.items()]
    assert len(routes) >= 20
    for pad, methode, op in routes:
        assert {"400", "401", "403", "404", "409", "429"} <= set(op["responses"]), (pad, methode)
        fout = op["responses"]["404"]["content"]["application/json"]["schema"]["$ref"]
        assert fout == "#/components/schemas/Fout"
    velden = schema["components"]["schemas"]["Fout"]["properties"]
    assert {"status_code", "detail", "veld", "velden"} <= set(velden)


@pytest.mark.parametrize(
    ("methode", "pad", "toegestaan"),
    [("DELETE", "/api/zaken", {"GET", "POST"}), ("PUT", "/health", {"GET"})],
)
def test_405_noemt_allow(
    client: TestClient[Any],
    secretaris: dict[str, str],
    methode: str,
    pad: str,
    toegestaan: set[str],
) -> None:
    r = client.request(methode, pad, headers=secretaris)
    assert r.status_code == 405
    assert toegestaan <= {m.strip() for m in r.headers["allow"].split(",")}
    assert r.json()["detail"] == "Deze methode is hier niet toegestaan."


@pytest.mark.parametrize(
    ("veld", "waarde"),
    [
        ("ontvankelijk", "true"),
        ("ontvankelijk", 1),
        ("ontvankelijk", "1"),
    ],
)
def test_booleans_zijn_strikt(
    client: TestClient[Any], secretaris: dict[str, str], veld: str, waarde: object
) -> None:
    nummer = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    r = client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid", json={veld: waarde}, headers=secretaris
    )
    assert r.status_code == 400
    assert "Veld 'ontvankelijk'" in r.json()["detail"]
    assert client.get(f"/api/zaken/{nummer}", headers=secretaris).json()["status"] == "ontvangen"


def test_getallen_zijn_strikt(client: TestClient[Any], secretaris: dict[str, str]) -> None:
    r = client.post(
        "/api/leden/1/afwezigheden",
        json={"van": "2026-03-01", "tot": "2026-03-02", "soort": "vakantie"},
        headers=secretaris,
    )
    assert r.status_code == 404  # no member 1; the id itself was accepted
    for pad in ("/api/leden/2147483648/afwezigheden", "/api/leden/0/afwezigheden"):
        r = client.post(
            pad,
            json={"van": "2026-03-01", "tot": "2026-03-02", "soort": "vakantie"},
            headers=secretaris,
        )
        assert r.status_code == 400, (pad, r.text)
        assert "lid_id" in r.json()["detail"]
