"""The panel as shown on a case: seats with role, name, corps and the explanation."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel


async def panel_van_zaak(*, session: AsyncSession, zaak_id: int) -> list[dict[str, Any]]:
    rijen = (
        await session.execute(
            select(Panelzetel.rol, Panelzetel.uitleg, Lid.naam, Lid.korps_code)
            .join(Lid, Lid.id == Panelzetel.lid_id)
            .where(Panelzetel.zaak_id == zaak_id, Panelzetel.actief)
            .order_by(Panelzetel.rol.desc(), Panelzetel.id)
        )
    ).all()
    return [
        {"rol": r.rol, "naam": r.naam, "korps": r.korps_code, "uitleg": r.uitleg} for r in rijen
    ]
