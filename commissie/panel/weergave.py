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
    return [zetel_uit(r.rol, r.naam, r.korps_code, r.uitleg) for r in rijen]


def zetel_uit(rol: str, naam: str, korps: str, uitleg: dict[str, Any]) -> dict[str, Any]:
    return {"rol": rol, "naam": naam, "korps": korps, "uitleg": uitleg}
