"""End to end with a real SMTP server in-process (aiosmtpd): a hearing planned and a panel
changed through the API, then one sender pass delivers each invite once, the MIME method
equal to the method in the .ics."""

from __future__ import annotations

import asyncio
from email.message import Message
from pathlib import Path
from typing import Any

from icalendar import Calendar
from litestar.testing import TestClient

from commissie.config import Smtp
from commissie.zittingen.verzender import verzend_ronde
from tests.conftest import Gebruikers, Klok
from tests.zittingen.hulp import kalenderdeel, maak_omgeving, smtp_server, vrije_poort
from tests.zittingen.uitnodiging_hulp import (
    BEKLAAGDE,
    KLAGER,
    VP,
    adres,
    deelnemers,
    enig_event,
    gepland,
    zonder_partijgegevens,
)

Hdr = dict[str, str]


def _verstuur(db: str, tmp_path: Path, klok: Klok, poort: int) -> int:
    async def ronde() -> int:
        o = maak_omgeving(
            db, tmp_path, klok, smtp=Smtp(host="127.0.0.1", port=poort, beveiliging="geen")
        )
        try:
            verzonden = (await verzend_ronde(o)).verzonden
            # A second pass finds nothing left: each mail goes once.
            assert (await verzend_ronde(o)).verzonden == 0
            return verzonden
        finally:
            await o.engine.dispose()

    return asyncio.run(ronde())


def _uitnodiging(bericht: Message) -> tuple[str, str, Any]:
    """The recipient, the MIME method and the parsed invite of a delivered mail."""
    deel = kalenderdeel(bericht)
    data = deel.get_payload(decode=True)
    assert isinstance(data, bytes)
    cal = Calendar.from_ical(data)
    assert deel.get_param("method") == cal["METHOD"]
    zonder_partijgegevens(bericht.as_string() + data.decode())
    return str(bericht["To"]), str(cal["METHOD"]), enig_event(cal)


def test_geplande_zitting_en_panelwissel_komen_per_smtp_aan(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
    tmp_path: Path,
) -> None:
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()
    try:
        opzet = gepland(client, secretaris, gebruikers, drie, klok)
        assert _verstuur(db, tmp_path, klok, poort) == 6
        eerste = [_uitnodiging(b) for b in ontvanger.mime()]
        verwacht = sorted([*(adres(n) for n in opzet.panel), KLAGER, BEKLAAGDE, VP])
        assert sorted(aan for aan, _, _ in eerste) == verwacht
        for aan, methode, ev in eerste:
            assert methode == "REQUEST"
            assert deelnemers(ev) == [f"mailto:{aan}"]
            assert str(ev["UID"]) == opzet.zitting["uid"]

        naam, (lid_id, _, _) = next((n, v) for n, v in opzet.panel.items() if v[1] == "lid")
        nieuw = gebruikers.lid("Iris IJssel", "IJ")
        r = client.patch(
            f"/api/leden/{nieuw}", json={"email": "iris@leden.example"}, headers=secretaris
        )
        assert r.status_code == 200, r.text
        r = client.post(
            f"/api/zaken/{opzet.nummer}/panel/handmatig",
            json={"lid": lid_id, "nieuw_lid": nieuw, "reden": "Deskundigheid."},
            headers=secretaris,
        )
        assert r.status_code == 200, r.text
        assert _verstuur(db, tmp_path, klok, poort) == 2
        wissel = sorted(
            (aan, methode) for aan, methode, _ in map(_uitnodiging, ontvanger.mime()[6:])
        )
        assert wissel == [(adres(naam), "CANCEL"), ("iris@leden.example", "REQUEST")]
    finally:
        server.stop()
    assert len(ontvanger.berichten) == 8
