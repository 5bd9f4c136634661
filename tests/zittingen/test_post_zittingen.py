"""Planning, moving and cancelling a hearing and a panel change write one mail per recipient
into the outbox, in the step's own transaction; each invite names only its recipient."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from icalendar import Calendar
from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.tijd import AMSTERDAM
from commissie.zittingen.post import Mail
from tests.conftest import Gebruikers, Klok, run_db
from tests.procedure_hulp import (
    LOCATIE,
    lokaal_begin,
    naar_verweer,
    plan,
    registreer,
    volgende_werkdag,
    wederhoor,
)
from tests.zittingen.uitnodiging_hulp import (
    BEKLAAGDE,
    KLAGER,
    VP,
    adres,
    deelnemers,
    enig_event,
    gepland,
    lees,
    zonder_partijgegevens,
)

Hdr = dict[str, str]


def post(db: str) -> list[Mail]:
    async def werk(s: AsyncSession) -> list[Mail]:
        return list((await s.scalars(select(Mail).order_by(Mail.id))).all())

    return run_db(db, werk)


def controleer(mail: Mail, uid: str, volgnummer: int, methode: str) -> Calendar:
    """The invite names exactly its mail's recipient, with the hearing's UID and SEQUENCE,
    and the method of the mail row is the method in the file."""
    assert mail.ics is not None
    zonder_partijgegevens(mail.ics + mail.onderwerp + mail.tekst)
    cal = lees(mail.ics.encode())
    assert cal["METHOD"] == methode == mail.methode
    ev = enig_event(cal)
    assert deelnemers(ev) == [f"mailto:{mail.aan}"]
    assert (str(ev["UID"]), ev.decoded("SEQUENCE")) == (uid, volgnummer)
    assert ev["STATUS"] == ("CANCELLED" if methode == "CANCEL" else "CONFIRMED")
    return cal


def test_plannen_verplaatsen_annuleren_mailt_iedere_ontvanger(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    uid = opzet.zitting["uid"]
    iedereen = sorted([*(adres(n) for n in opzet.panel), KLAGER, BEKLAAGDE, VP])
    assert len(iedereen) == 6
    gepland_post = post(db)
    assert sorted(m.aan for m in gepland_post) == iedereen
    for m in gepland_post:
        controleer(m, uid, 0, "REQUEST")
        assert m.status == "wachtrij" and m.zaak_id is not None
        assert m.onderwerp == f"Uitnodiging besloten zitting, zaak {opzet.nummer}"
    r = client.patch(
        f"/api/zittingen/{opzet.zitting['id']}",
        json={"duur_minuten": 90, "reden_afwijking": "Testopzet."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    verplaatst = post(db)[6:]
    assert sorted(m.aan for m in verplaatst) == iedereen
    for m in verplaatst:
        controleer(m, uid, 1, "REQUEST")
    r = client.post(
        f"/api/zittingen/{opzet.zitting['id']}/annuleren",
        json={"reden": "Ziek."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    geannuleerd = post(db)[12:]
    assert sorted(m.aan for m in geannuleerd) == iedereen
    for m in geannuleerd:
        controleer(m, uid, 2, "CANCEL")
        assert m.onderwerp.startswith("Geannuleerd:")
    # The secretariat sees them queued.
    overzicht = client.get("/api/post", headers=secretaris).json()
    assert overzicht["wachtrij"] == 18


def test_aparte_zitting_voor_de_klager_mailt_de_beklaagde_niet(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    voor = len(post(db))
    dag = volgende_werkdag(klok, 8)
    z = plan(
        client,
        secretaris,
        opzet.nummer,
        lokaal_begin(dag),
        partijen=["klager"],
        reden_afwijking="Testopzet.",
    )
    nieuw = post(db)[voor:]
    assert sorted(m.aan for m in nieuw) == sorted([*(adres(n) for n in opzet.panel), KLAGER, VP])
    for m in nieuw:
        controleer(m, z["uid"], 0, "REQUEST")


def test_geen_adres_geen_mail_en_een_geweigerde_stap_mailt_niets(
    client: TestClient[Any],
    secretaris: Hdr,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    # Members and parties without addresses: nothing to send.
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)
    # Refused (the answer is not in, the verweer deadline not passed): no mail either.
    r = client.post(
        f"/api/zaken/{nummer}/zittingen",
        json={
            "begin": lokaal_begin(volgende_werkdag(klok)),
            "duur_minuten": 120,
            "locatie": LOCATIE,
        },
        headers=secretaris,
    )
    assert r.status_code == 409, r.text
    assert post(db) == []
    wederhoor(client, secretaris, nummer, "verweer_ontvangen")
    plan(
        client,
        secretaris,
        nummer,
        lokaal_begin(volgende_werkdag(klok)),
        reden_afwijking="Testopzet.",
    )
    assert post(db) == []


def test_panelwissel_cancel_voor_wie_gaat_request_voor_wie_komt(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    uid = opzet.zitting["uid"]
    naam, (lid_id, _, _) = next((n, v) for n, v in opzet.panel.items() if v[1] == "lid")
    nieuw = gebruikers.lid("Iris IJssel", "IJ")
    r = client.patch(
        f"/api/leden/{nieuw}", json={"email": "iris@leden.example"}, headers=secretaris
    )
    assert r.status_code == 200, r.text
    voor = len(post(db))
    r = client.post(
        f"/api/zaken/{opzet.nummer}/panel/handmatig",
        json={"lid": lid_id, "nieuw_lid": nieuw, "reden": "Deskundigheid."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    wissel = post(db)[voor:]
    assert [(m.aan, m.methode) for m in wissel] == [
        (adres(naam), "CANCEL"),
        ("iris@leden.example", "REQUEST"),
    ]
    controleer(wissel[0], uid, 0, "CANCEL")
    controleer(wissel[1], uid, 0, "REQUEST")


def test_zetel_vacant_achtergelaten_cancel_voor_wie_gaat(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    """An ill member nobody can replace (three members, all seated): the seat stays vacant and
    the member still gets the CANCEL, or their calendar keeps a hearing they will not attend."""
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    uid = opzet.zitting["uid"]
    naam, (lid_id, _, _) = next((n, v) for n, v in opzet.panel.items() if v[1] == "lid")
    voor = len(post(db))
    r = client.post(
        f"/api/zaken/{opzet.nummer}/panel/ziektevervanging",
        json={"lid": lid_id, "reden": "Ziek gemeld."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    assert lid_id not in {z["lid_id"] for z in r.json()["zetels"] if z["actief"]}
    wissel = post(db)[voor:]
    assert [(m.aan, m.methode) for m in wissel] == [(adres(naam), "CANCEL")]
    controleer(wissel[0], uid, 0, "CANCEL")


def test_panelwissel_na_de_zitting_mailt_niets(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    klok.moment = datetime.fromisoformat(opzet.zitting["einde"]) + timedelta(days=1)
    lid_id = next(v[0] for v in opzet.panel.values() if v[1] == "lid")
    nieuw = gebruikers.lid("Iris IJssel", "IJ")
    client.patch(f"/api/leden/{nieuw}", json={"email": "iris@leden.example"}, headers=secretaris)
    voor = len(post(db))
    r = client.post(
        f"/api/zaken/{opzet.nummer}/panel/handmatig",
        json={"lid": lid_id, "nieuw_lid": nieuw, "reden": "Deskundigheid."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    assert post(db)[voor:] == []


def test_achteraf_ingevoerde_zitting_mailt_niemand(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    voor = len(post(db))
    assert voor == 6
    klok.moment = datetime.fromisoformat(opzet.zitting["einde"]) + timedelta(days=2)
    gisteren = (klok.moment - timedelta(days=1)).astimezone(AMSTERDAM).date()
    z = plan(
        client,
        secretaris,
        opzet.nummer,
        lokaal_begin(gisteren),
        reden_afwijking="Vergeten in te voeren.",
    )
    assert z["status"] == "gepland"
    assert len(post(db)) == voor
