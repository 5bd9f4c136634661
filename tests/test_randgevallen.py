"""Edge input the review found: every one a 400 naming the field, nothing stored."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient
from sqlalchemy import func, select

from commissie.zaken.models import Zaak
from tests.conftest import Gebruikers, run_db, zaak_body

Client = TestClient[Any]


def assert_geweigerd(r: Any, veld: str) -> None:
    assert r.status_code == 400, r.text
    detail = r.json()["detail"]
    assert veld in detail, detail
    assert "Expected" not in detail and "regex" not in detail  # Dutch, not msgspec


@pytest.mark.parametrize(
    ("over", "veld"),
    [
        ({"ontvangen_op": "0001-01-05"}, "ontvangen_op"),
        ({"ontvangen_op": "1999-12-31"}, "ontvangen_op"),
        ({"gedraging_op": "0001-01-01"}, "gedraging_op"),
        ({"omschrijving": "tekst met \u0000 erin"}, "omschrijving"),
        ({"klager": {"naam": "K\u0000", "korps": "IJ"}}, "klager.naam"),
        ({"strafrechtelijk_onderzoek": {"sinds": "0001-01-01"}}, "strafrechtelijk_onderzoek.sinds"),
    ],
)
def test_registratie(
    client: Client, secretaris: dict[str, str], db: str, over: dict[str, Any], veld: str
) -> None:
    assert_geweigerd(client.post("/api/zaken", json=zaak_body(**over), headers=secretaris), veld)
    assert run_db(db, lambda s: s.scalar(select(func.count()).select_from(Zaak))) == 0


@pytest.mark.parametrize(("query", "veld"), [("na=²", "na"), ("na=99999999999999999999999", "na")])
def test_cursor(client: Client, secretaris: dict[str, str], query: str, veld: str) -> None:
    assert_geweigerd(client.get(f"/api/zaken?{query}", headers=secretaris), veld)


@pytest.mark.parametrize(("query", "veld"), [("van=0001-01-01", "van"), ("tot=9999-12-31", "tot")])
def test_belasting_datums(
    client: Client, secretaris: dict[str, str], query: str, veld: str
) -> None:
    assert_geweigerd(client.get(f"/api/belasting?{query}", headers=secretaris), veld)


def test_leden(client: Client, secretaris: dict[str, str], gebruikers: Gebruikers) -> None:
    r = client.patch(
        "/api/leden/99999999999999999999999", json={"actief": False}, headers=secretaris
    )
    assert r.status_code == 400 and "lid_id" in r.json()["detail"]
    assert_geweigerd(
        client.post(
            "/api/leden",
            json={"naam": "X", "commissie": "TI", "korps": "TW", "email": "geen adres"},
            headers=secretaris,
        ),
        "email",
    )
    lid = gebruikers.lid("Eva", "TW", voorzitter=True)
    assert_geweigerd(
        client.post(
            f"/api/leden/{lid}/afwezigheden",
            json={"van": "0001-01-01", "tot": "0001-02-01", "soort": "ziekte"},
            headers=secretaris,
        ),
        "van",
    )


def test_stappen(client: Client, secretaris: dict[str, str], gebruikers: Gebruikers) -> None:
    eva = gebruikers.lid("Eva", "TW", voorzitter=True)
    n = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    assert_geweigerd(
        client.post(
            f"/api/zaken/{n}/panel/verschoning",
            json={"lid": 2**63, "reden": "x"},
            headers=secretaris,
        ),
        "lid",
    )
    verdaging = {
        "weken": 5,
        "reden": "r",
        "mededeling_op": "2026-03-02",
        "instemming_klager": {"datum": "2026-02-25", "kenmerk": "k" * 150},
    }
    assert_geweigerd(
        client.post(f"/api/zaken/{n}/verdaging", json=verdaging, headers=secretaris), "kenmerk"
    )
    verdaging["instemming_klager"] = {"datum": "2026-01-01", "kenmerk": "K-1"}
    assert_geweigerd(
        client.post(f"/api/zaken/{n}/verdaging", json=verdaging, headers=secretaris),
        "instemming_klager.datum",
    )
    wraking = {
        "lid": eva,
        "ingediend_door": "klager",
        "reden": "x",
        "ingediend_op": "2026-01-01",
        "beslissing": "afgewezen",
        "toelichting": "x",
    }
    # Dates are checked before anything else: filed before the complaint came in.
    assert_geweigerd(
        client.post(f"/api/zaken/{n}/panel/wraking", json=wraking, headers=secretaris),
        "ingediend_op",
    )
