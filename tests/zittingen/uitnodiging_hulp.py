"""A case whose panel members and parties all have e-mail addresses and real-looking names,
planned through the API: for the tests of invites, the agenda feed and the mails."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icalendar import Calendar
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok, zaak_body
from tests.procedure_hulp import naar_zitting_gepland

Hdr = dict[str, str]
NAMEN = ["Karel Lagerweij", "Bram Klaagsma", "Vera Trouwborst"]
OMSCHRIJVING = "Schreeuwde herhaaldelijk en kleineerde collega in de briefing."
KLAGER = "klager@example.invalid"
BEKLAAGDE = "beklaagde@example.invalid"
VP = "vp@example.invalid"
# Everything that must never appear in an invite, a feed or a mail about this case.
VERBODEN = [
    *NAMEN,
    *(n.split()[-1] for n in NAMEN),
    "seksuele",
    "intimidatie",
    "Schreeuwde",
    "kleineerde",
    "briefing",
]


def adres(naam: str) -> str:
    return f"{naam.split()[0].lower()}@leden.example"


@dataclass
class Opzet:
    nummer: str
    zaak: dict[str, Any]
    zitting: dict[str, Any]
    # Panel member name -> (lid id, role, auth header)
    panel: dict[str, tuple[int, str, Hdr]]
    beklaagde_id: int


def met_adressen(client: TestClient[Any], secretaris: Hdr, leden: dict[str, int]) -> None:
    for naam, lid_id in leden.items():
        r = client.patch(f"/api/leden/{lid_id}", json={"email": adres(naam)}, headers=secretaris)
        assert r.status_code == 200, r.text


def gepland(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    leden: dict[str, int],
    klok: Klok,
) -> Opzet:
    """Members with addresses, a case with named parties with addresses, a hearing planned."""
    met_adressen(client, secretaris, leden)
    body = zaak_body(
        klager={"naam": NAMEN[0], "korps": "IJ", "email": KLAGER},
        beklaagden=[{"naam": NAMEN[1], "korps": "IJ", "email": BEKLAAGDE}],
        vertrouwenspersoon={"naam": NAMEN[2], "email": VP},
        categorieen=["seksuele_intimidatie"],
        omschrijving=OMSCHRIJVING,
    )
    r = client.post("/api/zaken", json=body, headers=secretaris)
    assert r.status_code == 201, r.text
    nummer = r.json()["nummer"]
    zitting = naar_zitting_gepland(client, secretaris, nummer, klok)
    zaak = client.get(f"/api/zaken/{nummer}", headers=secretaris).json()
    panel = {
        s["naam"]: (
            leden[s["naam"]],
            s["rol"],
            gebruikers.maak(f"lid-{leden[s['naam']]}", Rol.LID, lid_id=leden[s["naam"]]),
        )
        for s in zaak["panel"]
        if s.get("actief", True)
    }
    return Opzet(nummer, zaak, zitting, panel, zaak["beklaagden"][0]["id"])


def lees(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def enig_event(cal: Calendar) -> Any:
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def deelnemers(ev: Any) -> list[str]:
    a = ev.get("ATTENDEE")
    if a is None:
        return []
    return [str(x) for x in (a if isinstance(a, list) else [a])]


def zonder_partijgegevens(tekst: str) -> None:
    for woord in VERBODEN:
        assert woord.lower() not in tekst.lower(), (woord, tekst)
