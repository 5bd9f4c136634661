"""What still blocks fixing an advice on hoor en wederhoor (Awb 9:10, 9:15)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.tijd import tijdstip_nl
from commissie.zaken.models import Partij, Zaak
from commissie.zittingen.regels import KLAGER, ZittingStatus
from commissie.zittingen.service import afzien_van, horen_overzicht, zittingen_van


def _wie(partij: str) -> str:
    return "De klager" if partij == KLAGER else f"Beklaagde {partij.partition(':')[2]}"


async def hoor_tekortkomingen(*, session: AsyncSession, zaak: Zaak) -> list[str]:
    """Dutch sentences for each shortcoming; an empty list means the parties were heard (or
    not hearing them is recorded) and every hoorverslag went to the parties."""
    zittingen = await zittingen_van(session, zaak.id)
    # Asked here rather than read from zaak.partijen: works on a case loaded without them.
    beklaagden = list(
        await session.scalars(
            select(Partij.id)
            .where(Partij.zaak_id == zaak.id, Partij.rol == "beklaagde")
            .order_by(Partij.id)
        )
    )
    uit = [
        f"{_wie(h.partij)} ({h.partij}) is niet gehoord op een gehouden zitting en er is niet "
        "vastgelegd dat van horen is afgezien (Awb 9:10; POST /api/zaken/"
        f"{zaak.nummer}/afzien-horen)."
        for h in horen_overzicht(beklaagden, zittingen, await afzien_van(session, zaak.id))
        if not h.gehoord and not h.afgezien
    ]
    uit += [
        f"Het hoorverslag van de zitting van {tijdstip_nl(z.begin)} (zitting {z.id}) is nog niet "
        "naar de partijen gestuurd (naar_partijen_op ontbreekt)."
        for z in zittingen
        if z.status == ZittingStatus.GEHOUDEN and z.naar_partijen_op is None
    ]
    return uit
