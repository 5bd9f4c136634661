"""What the case page shows of the advice, the documents and the decisions, per reader."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen.besluit import besluiten_weergave
from commissie.adviezen.documenten import document_uit, documenten
from commissie.adviezen.schemas import OnderdeelUit
from commissie.adviezen.service import advies_weergave, versies
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


@dataclass(frozen=True)
class AdviesVoorKorps:
    """The fixed advice as addressed to one corps: only the accused who work there."""

    versie: int
    vastgesteld_op: datetime
    onderdelen: list[OnderdeelUit]


async def advies_voor_korps(
    *, session: AsyncSession, actor: Actor, zaak: Zaak
) -> AdviesVoorKorps | None:
    """The latest fixed version for the reader's corps (Awb 9:15); drafts never. None when
    nothing is fixed yet or the reader is no corps leadership."""
    if actor.rol is not Rol.KORPSLEIDING or not actor.korps_code:
        return None
    vastgesteld = [v for v in await versies(session, zaak) if v.vastgesteld_op is not None]
    if not vastgesteld:
        return None
    v = vastgesteld[-1]
    assert v.vastgesteld_op is not None
    partijen = {p.id: p for p in zaak.partijen if p.rol == "beklaagde"}
    return AdviesVoorKorps(
        versie=v.versie,
        vastgesteld_op=v.vastgesteld_op,
        onderdelen=[
            OnderdeelUit(
                beklaagde=o["beklaagde"],
                naam=partijen[o["beklaagde"]].naam,
                korps=actor.korps_code,
                oordeel=o["oordeel"],
                motivering=o.get("motivering", ""),
            )
            for o in v.onderdelen.get("onderdelen", [])
            if o["beklaagde"] in partijen
            and partijen[o["beklaagde"]].korps_code == actor.korps_code
        ],
    )
