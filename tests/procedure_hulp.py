"""Bringing a case through steps owned by other domains, in ONE place per step, so tests of
later steps do not depend on how the earlier ones are taken."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient


def naar_zitting_gehouden(client: TestClient[Any], headers: dict[str, str], nummer: str) -> None:
    """Bring a registered case to "hearing held": admissible, defence, hearing."""
    r = client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid",
        json={"ontvankelijk": True, "toelichting": "Voldoet aan de eisen."},
        headers=headers,
    )
    assert r.status_code == 200, r.text
    for status in ("verweer", "zitting"):
        r = client.post(
            f"/api/zaken/{nummer}/status",
            json={"status": status, "toelichting": ""},
            headers=headers,
        )
        assert r.status_code == 200, r.text
