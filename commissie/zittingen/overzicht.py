"""Lean list of upcoming hearings: case number, time, place, who is heard; no names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.panel.toegang import zichtbaar
from commissie.zaken.models import Zaak
from commissie.zittingen.models import Zitting
from commissie.zittingen.regels import ZittingStatus


@dataclass(frozen=True)
class KomendeZitting:
    id: int
    zaak: str
    commissie: str
    begin: datetime
    einde: datetime
    locatie: str
    partijen: list[str]
    volgnummer: int


async def komende_zittingen(
    *,
    session: AsyncSession,
    nu: datetime,
    commissie: str | None = None,
    actor: Actor | None = None,
    limiet: int = 500,
) -> list[KomendeZitting]:
    """Planned hearings that have not ended yet, earliest first; with `actor`, only those of
    cases the actor may see."""
    q = (
        select(
            Zitting.id,
            Zaak.nummer,
            Zaak.commissie_code,
            Zitting.begin,
            Zitting.einde,
            Zitting.locatie,
            Zitting.partijen,
            Zitting.volgnummer,
        )
        .join(Zaak, Zaak.id == Zitting.zaak_id)
        .where(Zitting.status == ZittingStatus.GEPLAND.value, Zitting.einde > nu)
        .order_by(Zitting.begin, Zitting.id)
        .limit(limiet)
    )
    if actor is not None:
        q = q.where(zichtbaar(actor))
    if commissie is not None:
        q = q.where(Zaak.commissie_code == commissie)
    return [
        KomendeZitting(
            id=r.id,
            zaak=r.nummer,
            commissie=r.commissie_code,
            begin=r.begin,
            einde=r.einde,
            locatie=r.locatie,
            partijen=list(r.partijen),
            volgnummer=r.volgnummer,
        )
        for r in (await session.execute(q)).all()
    ]
