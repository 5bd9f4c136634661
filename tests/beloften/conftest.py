"""Members for Twente-IJsselland and a registration helper for the promise tests."""

from __future__ import annotations

from typing import Any

import pytest
from litestar.testing import TestClient

from tests.conftest import Gebruikers, zaak_body

Client = TestClient[Any]
Hdr = dict[str, str]
ROOSTER = [
    ("Tessa Twente", "TW", True),
    ("Tim Twente", "TW", True),
    ("Tara Twente", "TW", True),
    ("Iris IJssel", "IJ", True),
    ("Ivo IJssel", "IJ", True),
    ("Ilse IJssel", "IJ", False),
]


@pytest.fixture
def leden(gebruikers: Gebruikers) -> dict[str, int]:
    return {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(ROOSTER)
    }


def registreer(client: Client, hdr: Hdr, **over: Any) -> dict[str, Any]:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=hdr)
    assert r.status_code == 201, r.text
    return dict(r.json())
