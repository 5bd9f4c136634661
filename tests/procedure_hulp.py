"""Bring a case through the real endpoints to a stage of the procedure, for tests.

Each step asserts its own success, so a test that uses these fails at the step that broke.
Stages: registered -> ontvankelijk -> verweer -> zitting gepland -> zitting gehouden (with the
hoorverslag sent to the parties)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from litestar.testing import TestClient

from commissie.tijd import AMSTERDAM
from tests.conftest import Klok, zaak_body

Hdr = dict[str, str]
LOCATIE = "Hoofdbureau Zwolle, zaal De IJssel"
# A hearing room per committee (regios/*.toml), chosen by the case number's prefix.
LOCATIES = {"TI": LOCATIE, "GL": "Hoofdbureau Arnhem, zaal Rijn"}


def _ok(r: Any, status: int = 200) -> dict[str, Any]:
    assert r.status_code == status, r.text
    return dict(r.json())


def registreer(client: TestClient[Any], hdr: Hdr, **over: Any) -> str:
    r = client.post("/api/zaken", json=zaak_body(**over), headers=hdr)
    return str(_ok(r, 201)["nummer"])


def naar_ontvankelijk(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    r = client.post(
        f"/api/zaken/{nummer}/ontvankelijkheid",
        json={"ontvankelijk": True, "toelichting": "Ontvankelijk."},
        headers=hdr,
    )
    return _ok(r)


def wederhoor(
    client: TestClient[Any], hdr: Hdr, nummer: str, stap: str, op: date | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"stap": stap}
    if op is not None:
        body["op"] = op.isoformat()
    return _ok(client.post(f"/api/zaken/{nummer}/wederhoor", json=body, headers=hdr))


def naar_verweer(client: TestClient[Any], hdr: Hdr, nummer: str) -> dict[str, Any]:
    naar_ontvankelijk(client, hdr, nummer)
    return wederhoor(client, hdr, nummer, "afschrift_beklaagde")


def lokaal_begin(dag: date, uur: int = 10) -> str:
    return f"{dag.isoformat()}T{uur:02d}:00"


def plan(
    client: TestClient[Any], hdr: Hdr, nummer: str, begin: str, **extra: Any
) -> dict[str, Any]:
    locatie = LOCATIES.get(nummer.split("-")[0], LOCATIE)
    body = {"begin": begin, "duur_minuten": 120, "locatie": locatie, **extra}
    return _ok(client.post(f"/api/zaken/{nummer}/zittingen", json=body, headers=hdr), 201)


def volgende_werkdag(klok: Klok, dagen: int = 7) -> date:
    """A weekday `dagen` or more days after the clock's date (no Atw day in the test range)."""
    dag = klok.moment.astimezone(AMSTERDAM).date() + timedelta(days=dagen)
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    return dag


def naar_zitting_gepland(
    client: TestClient[Any],
    hdr: Hdr,
    nummer: str,
    klok: Klok,
    *,
    reden_afwijking: str | None = "Testopzet: panel en termijnen niet het onderwerp.",
) -> dict[str, Any]:
    """From a registered case: admissible, copy to the accused, answer in, hearing planned a
    week from the clock. `reden_afwijking` covers panel gaps of tests about other things."""
    naar_verweer(client, hdr, nummer)
    wederhoor(client, hdr, nummer, "verweer_ontvangen")
    extra = {"reden_afwijking": reden_afwijking} if reden_afwijking else {}
    return plan(client, hdr, nummer, lokaal_begin(volgende_werkdag(klok)), **extra)


def naar_zitting_gehouden(
    client: TestClient[Any],
    hdr: Hdr,
    nummer: str,
    klok: Klok,
    *,
    reden_afwijking: str | None = "Testopzet: panel en termijnen niet het onderwerp.",
) -> dict[str, Any]:
    """Up to a held hearing where every party was heard and the hoorverslag went to the
    parties. Moves the clock to the day after the hearing."""
    z = naar_zitting_gepland(client, hdr, nummer, klok, reden_afwijking=reden_afwijking)
    begin = datetime.fromisoformat(z["begin"])
    klok.moment = begin + timedelta(days=1)
    r = client.post(
        f"/api/zittingen/{z['id']}/verslag",
        json={
            "gehoord": z["partijen"],
            "verslag": "Beide partijen gehoord.",
            "naar_partijen_op": (begin + timedelta(days=1))
            .astimezone(AMSTERDAM)
            .date()
            .isoformat(),
        },
        headers=hdr,
    )
    return _ok(r)


def _nu(zaak: dict[str, Any]) -> datetime:
    """The app's clock as the case shows it: when its latest timeline entry was recorded."""
    return max(datetime.fromisoformat(g["op"]) for g in zaak["tijdlijn"])


def naar_status(client: TestClient[Any], hdr: Hdr, nummer: str, status: str) -> dict[str, Any]:
    """Through the endpoint each step has: for tests that need a case in `status` (one step
    from where it is)."""
    if status in ("ontvankelijk", "niet_ontvankelijk"):
        body = {"ontvankelijk": status == "ontvankelijk", "toelichting": "Grond."}
        return _ok(client.post(f"/api/zaken/{nummer}/ontvankelijkheid", json=body, headers=hdr))
    if status == "verweer":
        return wederhoor(client, hdr, nummer, "afschrift_beklaagde")
    if status == "zitting":
        nu = _nu(wederhoor(client, hdr, nummer, "verweer_ontvangen"))
        plan(
            client,
            hdr,
            nummer,
            lokaal_begin(volgende_werkdag(Klok(nu))),
            reden_afwijking="Testopzet: panel niet het onderwerp.",
        )
        return _ok(client.get(f"/api/zaken/{nummer}", headers=hdr))
    r = client.post(
        f"/api/zaken/{nummer}/status", json={"status": status, "toelichting": "Stap."}, headers=hdr
    )
    return _ok(r)
