"""hoor_tekortkomingen: what still blocks fixing an advice on hoor en wederhoor."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from commissie.zaken.models import Zaak
from commissie.zittingen.hoor import hoor_tekortkomingen
from tests.conftest import Klok, run_db
from tests.procedure_hulp import (
    naar_verweer,
    naar_zitting_gehouden,
    naar_zitting_gepland,
    registreer,
)

Hdr = dict[str, str]


def _tekort(db: str, nummer: str) -> list[str]:
    async def werk(s: AsyncSession) -> list[str]:
        zaak = await s.scalar(
            select(Zaak).where(Zaak.nummer == nummer).options(selectinload(Zaak.partijen))
        )
        assert zaak is not None
        return await hoor_tekortkomingen(session=s, zaak=zaak)

    return run_db(db, werk)


def _beklaagde(client: TestClient[Any], hdr: Hdr, nummer: str) -> str:
    [b] = client.get(f"/api/zaken/{nummer}", headers=hdr).json()["beklaagden"]
    return f"beklaagde:{b['id']}"


def test_niemand_gehoord(client: TestClient[Any], secretaris: Hdr, db: str) -> None:
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)
    b = _beklaagde(client, secretaris, nummer)
    assert _tekort(db, nummer) == [
        "De klager (klager) is niet gehoord op een gehouden zitting en er is niet vastgelegd "
        f"dat van horen is afgezien (Awb 9:10; POST /api/zaken/{nummer}/afzien-horen).",
        f"Beklaagde {b.partition(':')[2]} ({b}) is niet gehoord op een gehouden zitting en er is "
        f"niet vastgelegd dat van horen is afgezien (Awb 9:10; POST /api/zaken/{nummer}/"
        "afzien-horen).",
    ]


def test_geplande_zitting_telt_nog_niet(
    client: TestClient[Any], secretaris: Hdr, db: str, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    naar_zitting_gepland(client, secretaris, nummer, klok)
    assert len(_tekort(db, nummer)) == 2


def test_alles_gehoord_en_verslag_verstuurd(
    client: TestClient[Any], secretaris: Hdr, db: str, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    z = naar_zitting_gehouden(client, secretaris, nummer, klok)
    assert z["status"] == "gehouden" and z["naar_partijen_op"]
    assert _tekort(db, nummer) == []


def test_verslag_nog_niet_naar_partijen(
    client: TestClient[Any], secretaris: Hdr, db: str, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    zit = naar_zitting_gepland(client, secretaris, nummer, klok)
    klok.moment = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)  # the hearing was Monday 9 March 10:00
    r = client.post(
        f"/api/zittingen/{zit['id']}/verslag",
        json={"gehoord": zit["partijen"], "verslag": "Gehoord."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    assert _tekort(db, nummer) == [
        f"Het hoorverslag van de zitting van ma 9 mrt 2026 10:00 (zitting {zit['id']}) is nog "
        "niet naar de partijen gestuurd (naar_partijen_op ontbreekt)."
    ]


def test_afzien_van_horen_telt_als_afgehandeld(
    client: TestClient[Any], secretaris: Hdr, db: str, klok: Klok
) -> None:
    nummer = registreer(client, secretaris)
    zit = naar_zitting_gepland(client, secretaris, nummer, klok)
    b = _beklaagde(client, secretaris, nummer)
    klok.moment = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    client.post(
        f"/api/zittingen/{zit['id']}/verslag",
        json={
            "gehoord": ["klager"],
            "verslag": "Klager gehoord.",
            "naar_partijen_op": "2026-03-09",
        },
        headers=secretaris,
    )
    [regel] = _tekort(db, nummer)
    assert f"({b})" in regel
    r = client.post(
        f"/api/zaken/{nummer}/afzien-horen",
        json={"partij": b, "grond": "Beklaagde wenste niet te worden gehoord."},
        headers=secretaris,
    )
    assert r.status_code == 200, r.text
    assert _tekort(db, nummer) == []
