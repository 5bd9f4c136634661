from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from tests.conftest import zaak_body


def test_registreren_geeft_nummer_status_en_termijnen(
    client: TestClient[Any], secretaris: dict[str, str]
) -> None:
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r.status_code == 201, r.text
    z = r.json()
    assert z["nummer"] == "TI-2026-0001"
    assert z["status"] == "ontvangen"
    # Received Friday 20 Feb 2026: +1 week = Fri 27 Feb; +6 weeks = Fri 3 Apr, Good Friday,
    # then Easter weekend and Easter Monday -> Tue 7 Apr; +10 weeks = Fri 1 May.
    assert z["termijnen"] == {
        "ontvangstbevestiging": "2026-02-27",
        "ontvankelijkheid": "2026-02-27",
        "advies": "2026-04-07",
        "besluit": "2026-05-01",
    }
    r2 = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r2.json()["nummer"] == "TI-2026-0002"
    lijst = client.get("/api/zaken", headers=secretaris).json()
    assert [z["nummer"] for z in lijst["zaken"]] == ["TI-2026-0002", "TI-2026-0001"]
    detail = client.get("/api/zaken/TI-2026-0001", headers=secretaris).json()
    assert detail["omschrijving"].startswith("Schreeuwde <herhaaldelijk>")
    assert detail["tijdlijn"][0]["soort"] == "ontvangen"
