"""GET /api/zittingen/{id}/uitnodiging.ics: each panel member its own invite, the secretary a
copy for anyone in the case, everyone else 404. Parsed back with icalendar."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Rol
from commissie.leden.models import Lid
from commissie.zaken.models import Inzage
from tests.conftest import Gebruikers, Klok, run_db
from tests.zittingen.uitnodiging_hulp import (
    BEKLAAGDE,
    KLAGER,
    Opzet,
    adres,
    deelnemers,
    enig_event,
    gepland,
    lees,
    zonder_partijgegevens,
)

Hdr = dict[str, str]


def _ics(client: TestClient[Any], opzet: Opzet, hdr: Hdr, voor: str | None = None) -> Any:
    params = {"voor": voor} if voor else None
    r = client.get(
        f"/api/zittingen/{opzet.zitting['id']}/uitnodiging.ics", params=params, headers=hdr
    )
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    assert r.headers["cache-control"] == "no-store"
    zonder_partijgegevens(r.text)
    return lees(r.content)


def test_elk_panellid_krijgt_zijn_eigen_uitnodiging(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    assert len(opzet.panel) == 3
    for naam, (_, rol, hdr) in opzet.panel.items():
        cal = _ics(client, opzet, hdr)
        assert cal["METHOD"] == "REQUEST"
        ev = enig_event(cal)
        assert str(ev["UID"]) == opzet.zitting["uid"]
        assert ev.decoded("SEQUENCE") == 0
        assert deelnemers(ev) == [f"mailto:{adres(naam)}"]
        assert ev["ATTENDEE"].params["ROLE"] == (
            "CHAIR" if rol == "voorzitter" else "REQ-PARTICIPANT"
        )
        assert str(ev["ORGANIZER"]) == "mailto:secretariaat@klachtencommissie-ti.example"
        assert ev["CLASS"] == "CONFIDENTIAL"
        assert ev["DTSTART"].params["TZID"] == "Europe/Amsterdam"
        assert ev["DTEND"].params["TZID"] == "Europe/Amsterdam"
        assert str(ev["SUMMARY"]) == (f"Besloten zitting klachtencommissie, zaak {opzet.nummer}")
        assert f"http://127.0.0.1:8000/zaken/{opzet.nummer}" in str(ev["DESCRIPTION"])
        assert str(ev["LOCATION"]).startswith(opzet.zitting["locatie"] + ", ")
        assert opzet.zitting["locatie_adres"] in str(ev["LOCATION"])
        (tz,) = cal.walk("VTIMEZONE")
        assert str(tz["TZID"]) == "Europe/Amsterdam"
        regels = {sub.name: sub.get("RRULE") for sub in tz.subcomponents}
        assert set(regels) == {"STANDARD", "DAYLIGHT"}
        assert all(r is not None for r in regels.values())


def test_uid_blijft_sequence_groeit_en_annuleren_geeft_cancel(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    _, _, hdr = next(iter(opzet.panel.values()))
    eerst = enig_event(_ics(client, opzet, hdr))
    r = client.patch(
        f"/api/zittingen/{opzet.zitting['id']}",
        json={"duur_minuten": 90, "reden_afwijking": "Testopzet."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    verplaatst_cal = _ics(client, opzet, hdr)
    verplaatst = enig_event(verplaatst_cal)
    assert verplaatst_cal["METHOD"] == "REQUEST"
    assert str(verplaatst["UID"]) == str(eerst["UID"])
    assert verplaatst.decoded("SEQUENCE") == 1
    assert (verplaatst.decoded("DTEND") - verplaatst.decoded("DTSTART")).seconds == 90 * 60
    r = client.post(
        f"/api/zittingen/{opzet.zitting['id']}/annuleren",
        json={"reden": "Ziek."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    weg_cal = _ics(client, opzet, hdr)
    weg = enig_event(weg_cal)
    assert weg_cal["METHOD"] == "CANCEL"
    assert weg["STATUS"] == "CANCELLED"
    assert str(weg["UID"]) == str(eerst["UID"])
    assert weg.decoded("SEQUENCE") == 2


def test_secretaris_vraagt_een_kopie_voor_een_ontvanger(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    naam, (lid_id, _, _) = next(iter(opzet.panel.items()))
    gevallen = {
        "klager": KLAGER,
        f"beklaagde:{opzet.beklaagde_id}": BEKLAAGDE,
        f"lid:{lid_id}": adres(naam),
    }
    for voor, email in gevallen.items():
        ev = enig_event(_ics(client, opzet, secretaris, voor))
        assert deelnemers(ev) == [f"mailto:{email}"]
        assert str(ev["UID"]) == opzet.zitting["uid"]


def test_secretaris_zonder_of_met_onbekende_ontvanger(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    url = f"/api/zittingen/{opzet.zitting['id']}/uitnodiging.ics"
    r = client.get(url, headers=secretaris)
    assert r.status_code == 400
    assert "Veld 'voor'" in r.json()["detail"]
    r = client.get(url, params={"voor": "korpsleiding"}, headers=secretaris)
    assert r.status_code == 400
    assert "Veld 'voor': 'korpsleiding' is onbekend" in r.json()["detail"]
    r = client.get(
        url, params={"voor": f"beklaagde:{opzet.beklaagde_id + 100}"}, headers=secretaris
    )
    assert r.status_code == 404
    assert "geen partij in deze zaak" in r.json()["detail"]
    buiten = gebruikers.lid("Olga Overijssel", "IJ")
    r = client.get(url, params={"voor": f"lid:{buiten}"}, headers=secretaris)
    assert r.status_code == 404
    assert "zit niet in het panel" in r.json()["detail"]
    # A member may not ask for somebody else's copy.
    _, _, hdr = next(iter(opzet.panel.values()))
    r = client.get(url, params={"voor": "klager"}, headers=hdr)
    assert r.status_code == 403


def test_anderen_krijgen_404(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    buiten = gebruikers.lid("Olga Overijssel", "IJ")
    anderen = [
        gebruikers.maak("olga", Rol.LID, lid_id=buiten),
        gebruikers.maak("korpsleiding", Rol.KORPSLEIDING, commissie=None, korps="IJ"),
        gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None),
        gebruikers.maak("secretaris-on", Rol.SECRETARIS, commissie="GL"),
    ]
    for hdr in anderen:
        r = client.get(f"/api/zittingen/{opzet.zitting['id']}/uitnodiging.ics", headers=hdr)
        assert r.status_code == 404, r.text
        assert "bestaat niet of u heeft er geen toegang toe" in r.json()["detail"]
    r = client.get(
        "/api/zittingen/999999/uitnodiging.ics", headers=next(iter(opzet.panel.values()))[2]
    )
    assert r.status_code == 404


def test_inzage_van_de_uitnodiging_wordt_vastgelegd(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)

    async def tel(s: AsyncSession) -> int:
        return int(
            await s.scalar(
                select(func.count()).select_from(Inzage).where(Inzage.actie == "uitnodiging")
            )
            or 0
        )

    assert run_db(db, tel) == 0
    _, _, hdr = next(iter(opzet.panel.values()))
    _ics(client, opzet, hdr)
    assert run_db(db, tel) == 1


def test_lid_zonder_emailadres_krijgt_409(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    _, (lid_id, _, hdr) = next(iter(opzet.panel.items()))

    async def wis(s: AsyncSession) -> None:
        lid = await s.get(Lid, lid_id)
        assert lid is not None
        lid.email = None
        await s.flush()

    run_db(db, wis)
    r = client.get(f"/api/zittingen/{opzet.zitting['id']}/uitnodiging.ics", headers=hdr)
    assert r.status_code == 409
    assert "geen e-mailadres" in r.json()["detail"]
