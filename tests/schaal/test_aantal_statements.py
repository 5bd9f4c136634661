"""No N+1: the list, the detail, the deadline list and the agenda feed send a fixed number of
statements, whatever the number of rows and of related records (parties, dates, seats,
timeline, hearings)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import event
from sqlalchemy.engine import Engine

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, zaak_body


@contextmanager
def teller() -> Iterator[list[str]]:
    gezien: list[str] = []

    def luister(_c: Any, _cur: Any, statement: str, *_a: Any) -> None:
        gezien.append(statement)

    # On the class: the app's own engine, made inside create_app, is counted too.
    event.listen(Engine, "before_cursor_execute", luister)
    try:
        yield gezien
    finally:
        event.remove(Engine, "before_cursor_execute", luister)


def _aantal(client: TestClient[Any], pad: str, kop: dict[str, str]) -> int:
    with teller() as gezien:
        r = client.get(pad, headers=kop)
    assert r.status_code == 200, r.text
    return len(gezien)


def _leden(gebruikers: Gebruikers) -> int:
    for i, korps in enumerate(["TW", "TW", "IJ", "IJ"]):
        lid = gebruikers.lid(f"Lid {i}", korps, voorzitter=i % 2 == 0, volgorde=i)
    return lid


def _rijk(i: int) -> dict[str, Any]:
    """A case with many related records: three accused, five conduct dates."""
    return zaak_body(
        beklaagden=[{"naam": f"B. Klaagde{i}{j}", "korps": "IJ" if j else "TW"} for j in range(3)],
        gedraging_op=[f"2026-02-0{d}" for d in range(1, 6)],
        categorieen=["verbale_agressie", "discriminatie"],
    )


def test_lijst_en_termijnen_vast_aantal_statements(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    lid_id = _leden(gebruikers)
    lid = gebruikers.maak("lid3", Rol.LID, lid_id=lid_id)
    for _ in range(2):
        assert client.post("/api/zaken", json=zaak_body(), headers=secretaris).status_code == 201
    weinig = {
        pad: _aantal(client, pad, kop)
        for pad, kop in [
            ("/api/zaken", secretaris),
            ("/api/zaken?status=ontvangen", secretaris),
            ("/api/termijnen", secretaris),
            ("/api/zaken", lid),
        ]
    }
    for i in range(12):
        assert client.post("/api/zaken", json=_rijk(i), headers=secretaris).status_code == 201
    veel = {
        pad: _aantal(client, pad, kop)
        for pad, kop in [
            ("/api/zaken", secretaris),
            ("/api/zaken?status=ontvangen", secretaris),
            ("/api/termijnen", secretaris),
            ("/api/zaken", lid),
        ]
    }
    assert client.get("/api/zaken", headers=secretaris).json()["zaken"].__len__() == 14
    assert veel == weinig
    # Auth, the query itself: a handful, never one per row.
    assert max(veel.values()) <= 4, veel


def test_detail_vast_aantal_statements(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    _leden(gebruikers)
    kaal = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    rijk = client.post("/api/zaken", json=_rijk(1), headers=secretaris).json()["nummer"]
    # More timeline and deadline activity on the rich case.
    r = client.post(
        f"/api/zaken/{rijk}/ontvangstbevestiging",
        json={"verzonden_op": "2026-02-24"},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    detail = client.get(f"/api/zaken/{rijk}", headers=secretaris).json()
    assert len(detail["beklaagden"]) == 3 and len(detail["gedraging_op"]) == 5
    assert len(detail["panel"]) >= 2
    rijk_n = _aantal(client, f"/api/zaken/{rijk}", secretaris)
    assert rijk_n == _aantal(client, f"/api/zaken/{kaal}", secretaris)
    # Account; the case with its six collections; the 9:8 lookup; the other domains' parts
    # (panel, vacant chair, wederhoor, hearings, not-hearings) in one; the recorded look.
    assert rijk_n <= 5, rijk_n


def _post_aantal(
    client: TestClient[Any], pad: str, body: dict[str, Any], kop: dict[str, str], status: int
) -> int:
    with teller() as gezien:
        r = client.post(pad, json=body, headers=kop)
    assert r.status_code == status, r.text
    return len(gezien)


def test_registratie_vast_aantal_statements(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    """Registering writes the case, its panel, ledger, totals and timeline in a fixed number of
    statements, whatever the number of earlier cases and seats in the committee."""
    _leden(gebruikers)
    for _ in range(2):  # the first registrations create the counter and ledger rows
        assert client.post("/api/zaken", json=zaak_body(), headers=secretaris).status_code == 201
    weinig = _post_aantal(client, "/api/zaken", zaak_body(), secretaris, 201)
    for i in range(12):
        assert client.post("/api/zaken", json=_rijk(i), headers=secretaris).status_code == 201
    veel = _post_aantal(client, "/api/zaken", zaak_body(), secretaris, 201)
    assert veel == weinig
    # Auth, number, case and its rows, lock, members, absences, ledger, seats, totals,
    # timeline, hearings, agenda lines; then the answer (9:8 lookup, panel, hearing steps).
    assert veel <= 32, veel


def test_panel_opnieuw_vast_aantal_statements(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    """Recomposing appends seats and timeline entries to the case's history; the next
    recompose sends as many statements as the first."""
    _leden(gebruikers)
    nummer = client.post("/api/zaken", json=zaak_body(), headers=secretaris).json()["nummer"]
    pad = f"/api/zaken/{nummer}/panel"
    opnieuw = {"opnieuw": True, "reden": "Test: opnieuw samenstellen"}
    assert client.post(pad, json=opnieuw, headers=secretaris).status_code == 200
    kort = _post_aantal(client, pad, opnieuw, secretaris, 200)
    for _ in range(10):
        assert client.post(pad, json=opnieuw, headers=secretaris).status_code == 200
    lang = _post_aantal(client, pad, opnieuw, secretaris, 200)
    assert lang == kort
    # (+2: the agenda lines of the case, rebuilt at commit)
    assert lang <= 27, lang
