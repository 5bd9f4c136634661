"""What the case page shows of the advice, the documents and the decisions, per reader."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen.besluit import besluiten_weergave
from commissie.adviezen.documenten import document_uit, documenten
from commissie.adviezen.service import advies_weergave
from commissie.zaken.models import Zaak


async def advies_pagina(*, session: AsyncSession, actor: Actor, zaak: Zaak) -> dict[str, Any]:
    """Context for templates/web/zaak.html: the drafts only for the committee."""
    advies = None
    if actor.rol in (Rol.SECRETARIS, Rol.LID):
        advies = await advies_weergave(session=session, actor=actor, zaak=zaak)
    return {
        "advies": advies,
        "documenten": [
            document_uit(d) for d in await documenten(session=session, actor=actor, zaak=zaak)
        ],
        "besluiten": await besluiten_weergave(session=session, actor=actor, zaak=zaak),
    }
