"""The agenda feed: a member's URL, no login, the invites' UIDs, cancelled hearings for 30
days, past ones for 90, renewing kills the old URL, and the secret is not in the database."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlparse

from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.zittingen.agenda import Agendasleutel, agendageheim, sleutel_hash
from tests.conftest import Gebruikers, Klok, run_db
from tests.zittingen.uitnodiging_hulp import Opzet, deelnemers, gepland, lees, zonder_partijgegevens

Hdr = dict[str, str]


def _adres(client: TestClient[Any], hdr: Hdr) -> str:
    r = client.get("/api/agenda", headers=hdr)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    url = str(r.json()["url"])
    assert url.startswith("http://127.0.0.1:8000/agenda/") and url.endswith(".ics")
    return urlparse(url).path


def _feed(client: TestClient[Any], pad: str) -> Any:
    # No Authorization header, no cookie: the URL is the key.
    client.cookies.clear()
    r = client.get(pad)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/calendar")
    assert r.headers["cache-control"] == "no-store"
    zonder_partijgegevens(r.text)
    return lees(r.content)


def _lid(opzet: Opzet) -> Hdr:
    return next(iter(opzet.panel.values()))[2]


def test_feed_met_dezelfde_uid_zonder_method_en_zonder_inloggen(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    pad = _adres(client, _lid(opzet))
    assert _adres(client, _lid(opzet)) == pad  # the same URL until renewed
    cal = _feed(client, pad)
    assert cal.get("METHOD") is None
    (ev,) = cal.walk("VEVENT")
    assert str(ev["UID"]) == opzet.zitting["uid"]
    assert ev["STATUS"] == "CONFIRMED"
    assert deelnemers(ev) == []
    assert ev["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert len(cal.walk("VTIMEZONE")) == 1
    # Another member of the committee, not on this panel, has an empty agenda.
    buiten = gebruikers.lid("Olga Overijssel", "IJ")
    leeg = _feed(client, _adres(client, gebruikers.maak("olga", Rol.LID, lid_id=buiten)))
    assert leeg.walk("VEVENT") == []


def test_geannuleerde_zitting_blijft_30_dagen_als_cancelled(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    pad = _adres(client, _lid(opzet))
    r = client.post(
        f"/api/zittingen/{opzet.zitting['id']}/annuleren",
        json={"reden": "Ziek."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    start = klok.moment
    (ev,) = _feed(client, pad).walk("VEVENT")
    assert ev["STATUS"] == "CANCELLED"
    assert str(ev["UID"]) == opzet.zitting["uid"]
    assert ev.decoded("SEQUENCE") == 1
    klok.moment = start + timedelta(days=30)
    assert len(_feed(client, pad).walk("VEVENT")) == 1
    klok.moment = start + timedelta(days=30, minutes=1)
    assert _feed(client, pad).walk("VEVENT") == []


def test_vernieuwen_maakt_het_oude_adres_dood(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    hdr = _lid(opzet)
    oud = _adres(client, hdr)
    r = client.post("/api/agenda/vernieuwen", headers=hdr)
    assert r.status_code == 200, r.text
    assert r.headers["cache-control"] == "no-store"
    nieuw = urlparse(r.json()["url"]).path
    assert nieuw != oud
    assert _adres(client, hdr) == nieuw
    client.cookies.clear()
    weg = client.get(oud)
    assert weg.status_code == 404
    assert len(_feed(client, nieuw).walk("VEVENT")) == 1


def test_geheim_niet_in_de_database_en_onzin_is_404(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
    db: str,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    pad = _adres(client, _lid(opzet))
    geheim = pad.removeprefix("/agenda/").removesuffix(".ics")
    assert len(geheim) == 64

    async def rijen(s: AsyncSession) -> list[tuple[str, str]]:
        return [(r.nonce, r.sleutel_hash) for r in await s.scalars(select(Agendasleutel))]

    (rij,) = run_db(db, rijen)
    assert geheim not in rij
    client.cookies.clear()
    for onzin in ("/agenda/" + "0" * 64 + ".ics", f"/agenda/{geheim}.txt", "/agenda/abc.ics"):
        assert client.get(onzin).status_code == 404, onzin


def test_alleen_leden_hebben_een_agenda(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers
) -> None:
    for hdr in (
        secretaris,
        gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None),
        gebruikers.maak("korpsleiding", Rol.KORPSLEIDING, commissie=None, korps="IJ"),
    ):
        r = client.get("/api/agenda", headers=hdr)
        assert r.status_code == 403
        assert "Alleen commissieleden" in r.json()["detail"]
        assert client.post("/api/agenda/vernieuwen", headers=hdr).status_code == 403
    client.cookies.clear()
    assert client.get("/api/agenda").status_code == 401


def test_lid_dat_het_panel_verlaat_ziet_de_zitting_niet_meer(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    lid_id, _, hdr = next(v for v in opzet.panel.values() if v[1] == "lid")
    pad = _adres(client, hdr)
    nieuw = gebruikers.lid("Iris IJssel", "IJ")
    r = client.post(
        f"/api/zaken/{opzet.nummer}/panel/handmatig",
        json={"lid": lid_id, "nieuw_lid": nieuw, "reden": "Deskundigheid."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    assert _feed(client, pad).walk("VEVENT") == []
    # The member who took the seat sees the case's hearing, with the invites' UID.
    komer = gebruikers.maak("iris", Rol.LID, lid_id=nieuw)
    events = _feed(client, _adres(client, komer)).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [opzet.zitting["uid"]]


def test_ander_appgeheim_geeft_een_werkend_nieuw_adres(
    gebruikers: Gebruikers, drie: dict[str, int], db: str, klok: Klok
) -> None:
    lid_id = next(iter(drie.values()))
    actor = Actor(
        id=0, gebruikersnaam="lid", rol=Rol.LID, commissie_code="TI", korps_code=None, lid_id=lid_id
    )

    async def geheim(s: AsyncSession, app_geheim: str) -> str:
        return await agendageheim(session=s, actor=actor, app_geheim=app_geheim, nu=klok())

    eerst = run_db(db, lambda s: geheim(s, "a" * 64))
    assert run_db(db, lambda s: geheim(s, "a" * 64)) == eerst
    later = run_db(db, lambda s: geheim(s, "b" * 64))
    assert later != eerst

    async def hash_(s: AsyncSession) -> str:
        rij = await s.get(Agendasleutel, lid_id)
        assert rij is not None
        return rij.sleutel_hash

    assert run_db(db, hash_) == sleutel_hash(later)


def test_feed_is_een_statement(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    from tests.schaal.test_aantal_statements import teller

    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    pad = _adres(client, _lid(opzet))
    client.cookies.clear()
    for p, status in ((pad, 200), ("/agenda/" + "0" * 64 + ".ics", 404)):
        with teller() as gezien:
            assert client.get(p).status_code == status
        # The member, its hearings and their cancellation times: one statement, no login.
        assert len(gezien) == 1, gezien


def test_afgelopen_zitting_blijft_90_dagen(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    drie: dict[str, int],
    klok: Klok,
) -> None:
    """The feed holds the coming hearings and those that ended at most 90 days ago."""
    opzet = gepland(client, secretaris, gebruikers, drie, klok)
    pad = _adres(client, _lid(opzet))
    einde = datetime.fromisoformat(opzet.zitting["einde"])
    klok.moment = einde + timedelta(days=90)
    (ev,) = _feed(client, pad).walk("VEVENT")
    assert str(ev["UID"]) == opzet.zitting["uid"]
    klok.moment = einde + timedelta(days=90, minutes=1)
    assert _feed(client, pad).walk("VEVENT") == []
