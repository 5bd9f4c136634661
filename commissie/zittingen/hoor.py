"""Hearing facts the advice depends on."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.zaken.models import Zaak


async def hoor_tekortkomingen(*, session: AsyncSession, zaak: Zaak) -> list[str]:
    """placeholder until the hearings domain lands

    Dutch sentences naming what blocks the advice: a party neither heard nor its not-hearing
    recorded; the hoorverslag not sent to the parties."""
    return []
