"""A committee of exactly three members, so every case gets the same panel (a TW chair)."""

from __future__ import annotations

import pytest

from tests.conftest import Gebruikers


@pytest.fixture
def drie(gebruikers: Gebruikers) -> dict[str, int]:
    rooster = [
        ("Tessa Twente", "TW", True),
        ("Tim Twente", "TW", True),
        ("Ilse IJssel", "IJ", False),
    ]
    return {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(rooster)
    }
