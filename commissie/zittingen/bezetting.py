"""Who sits on a case's panel, when they are absent, and which other hearings they have."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.leden.models import Afwezigheid, Lid
from commissie.panel.models import Panelzetel
from commissie.zaken.models import Zaak
from commissie.zittingen import regels
from commissie.zittingen.models import Zitting
from commissie.zittingen.regels import ZittingStatus

ACTIEF = (ZittingStatus.GEPLAND.value, ZittingStatus.GEHOUDEN.value)


async def panel_van(session: AsyncSession, zaak_id: int) -> list[tuple[int, str, str]]:
    """(lid_id, rol, naam) of the case's active seats."""
    rijen = await session.execute(
        select(Panelzetel.lid_id, Panelzetel.rol, Lid.naam)
        .join(Lid, Lid.id == Panelzetel.lid_id)
        .where(Panelzetel.zaak_id == zaak_id, Panelzetel.actief)
    )
    return [(r.lid_id, r.rol, r.naam) for r in rijen.all()]


async def bezet_van(
    session: AsyncSession,
    lid_ids: list[int],
    van: datetime,
    tot: datetime | None,
    zonder: int | None,
) -> list[regels.Bezetting]:
    """Planned or held hearings of these members (through their active seats) in [van, tot)."""
    if not lid_ids:
        return []
    q = (
        select(Zitting.begin, Zitting.einde, Zaak.nummer, Lid.naam)
        .join(Zaak, Zaak.id == Zitting.zaak_id)
        .join(Panelzetel, (Panelzetel.zaak_id == Zitting.zaak_id) & Panelzetel.actief)
        .join(Lid, Lid.id == Panelzetel.lid_id)
        .where(
            Panelzetel.lid_id.in_(lid_ids),
            Zitting.status.in_(ACTIEF),
            Zitting.einde > van,
        )
        .order_by(Zitting.begin)
    )
    if tot is not None:
        q = q.where(Zitting.begin < tot)
    if zonder is not None:
        q = q.where(Zitting.id != zonder)
    rijen = (await session.execute(q)).all()
    return [
        regels.Bezetting(lid=r.naam, zaak=r.nummer, begin=r.begin, einde=r.einde) for r in rijen
    ]


async def afwezig_van(
    session: AsyncSession, lid_ids: list[int], van: date, tot: date
) -> list[tuple[str, date, date]]:
    if not lid_ids:
        return []
    rijen = await session.execute(
        select(Lid.naam, Afwezigheid.van, Afwezigheid.tot)
        .join(Lid, Lid.id == Afwezigheid.lid_id)
        .where(Afwezigheid.lid_id.in_(lid_ids), Afwezigheid.van <= tot, Afwezigheid.tot >= van)
    )
    return [(r.naam, r.van, r.tot) for r in rijen.all()]
