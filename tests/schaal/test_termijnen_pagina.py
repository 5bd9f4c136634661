"""The deadline list in pages: a cursor (header X-Volgende, and Link rel="next") that walks every
open deadline once, in the same order as one long page, and refuses a cursor that is not ours.
The body stays the bare list of issue 2."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient

from commissie.paginering import maak_cursor
from tests.conftest import zaak_body


def _alles(client: TestClient[Any], kop: dict[str, str], limiet: int) -> list[tuple[str, str]]:
    gezien: list[tuple[str, str]] = []
    na: str | None = None
    for _ in range(100):
        params: dict[str, Any] = {"limiet": limiet, **({"na": na} if na else {})}
        r = client.get("/api/termijnen", params=params, headers=kop)
        assert r.status_code == 200, r.text
        pagina = r.json()
        assert len(pagina) <= limiet
        gezien += [(t["nummer"], t["soort"]) for t in pagina]
        na = r.headers.get("X-Volgende")
        if na is None:
            assert "Link" not in r.headers
            return gezien
        assert r.headers["Link"] == f'</api/termijnen?na={na}&limiet={limiet}>; rel="next"'

    raise AssertionError("de cursor eindigt niet")


def test_paginas_geven_elke_termijn_een_keer_in_volgorde(
    client: TestClient[Any], secretaris: dict[str, str]
) -> None:
    # Cases received on a few days: many deadlines share an end date (order by number, kind).
    for dag in ["2026-02-16", "2026-02-20", "2026-02-20", "2026-02-23", "2026-02-16"]:
        r = client.post("/api/zaken", json=zaak_body(ontvangen_op=dag), headers=secretaris)
        assert r.status_code == 201, r.text
    r = client.get("/api/termijnen", headers=secretaris)
    assert "X-Volgende" not in r.headers
    een = r.json()
    volledig = [(t["nummer"], t["soort"]) for t in een]
    assert len(volledig) == 20
    datums = [t["einddatum"] for t in een]
    assert datums == sorted(datums)
    for limiet in (1, 2, 3, 7, 19, 20):
        assert _alles(client, secretaris, limiet) == volledig, limiet
    # Existing fields stay.
    assert {"nummer", "soort", "einddatum", "dagen_resterend", "te_laat", "waarschuwingen"} <= set(
        een[0]
    )


def test_vreemde_cursor_is_400_met_veldnaam(
    client: TestClient[Any], secretaris: dict[str, str]
) -> None:
    for na in ["12", "c1.bm9wZQ", maak_cursor("2026-01-01", "TI-2026-0001", "advies"),
               maak_cursor(5, "x", "onbekend")]:  # fmt: skip
        r = client.get("/api/termijnen", params={"na": na}, headers=secretaris)
        assert r.status_code == 400, (na, r.text)
        assert "'na'" in r.text
