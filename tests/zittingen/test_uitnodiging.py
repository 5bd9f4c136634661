"""The pure invite facts of a hearing: stable UID, growing SEQUENCE, cancelled, no names."""

from __future__ import annotations

from typing import Any

from litestar.testing import TestClient
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.zittingen.models import Zitting
from commissie.zittingen.regels import Uitnodiging
from commissie.zittingen.weergave import uitnodiging
from tests.conftest import Klok, run_db, zaak_body
from tests.procedure_hulp import naar_zitting_gepland, registreer

Hdr = dict[str, str]


def _feiten(db: str, zitting_id: int, nummer: str) -> Uitnodiging:
    async def werk(s: AsyncSession) -> Uitnodiging:
        z = await s.get(Zitting, zitting_id)
        assert z is not None
        return uitnodiging(z, nummer, "TI")

    return run_db(db, werk)


def test_uid_blijft_volgnummer_groeit(
    client: TestClient[Any], secretaris: Hdr, db: str, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    zit = naar_zitting_gepland(client, secretaris, nummer, klok)
    eerst = _feiten(db, zit["id"], nummer)
    assert (eerst.uid, eerst.volgnummer, eerst.geannuleerd) == (zit["uid"], 0, False)
    assert eerst.locatie_adres == "Eekwal 5, 8011 LB Zwolle" and eerst.zaak == nummer
    r = client.patch(
        f"/api/zittingen/{zit['id']}",
        json={"duur_minuten": 90, "reden_afwijking": "Testopzet."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    verplaatst = _feiten(db, zit["id"], nummer)
    assert (verplaatst.uid, verplaatst.volgnummer) == (eerst.uid, 1)
    assert (verplaatst.einde - verplaatst.begin).seconds == 90 * 60
    client.post(
        f"/api/zittingen/{zit['id']}/annuleren", json={"reden": "Ziek."}, headers=secretaris
    )
    weg = _feiten(db, zit["id"], nummer)
    assert (weg.uid, weg.volgnummer, weg.geannuleerd) == (eerst.uid, 2, True)
    body = zaak_body()
    namen = [body["klager"]["naam"], *(b["naam"] for b in body["beklaagden"])]
    assert not any(n in repr(weg) for n in namen)
    assert body["omschrijving"] not in repr(weg)
