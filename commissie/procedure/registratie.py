"""Registering a complaint: the case with its deadlines, then its panel, in one unit of work.

The one registration flow: the API, the pages, the CLI, the demo and any import call this."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.atw import Kalender
from commissie.panel import service as panel
from commissie.regios import Regios, commissie_of_fout
from commissie.zaken import service as zaken
from commissie.zaken.models import Zaak
from commissie.zaken.schemas import ZaakIn


async def registreer(
    *,
    session: AsyncSession,
    actor: Actor,
    invoer: ZaakIn,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
) -> tuple[Zaak, list[str]]:
    """Returns the case and warnings that do not block the registration (e.g. a committee
    without enough available members: the panel is composed later)."""
    zaak = await zaken.registreer_zaak(
        session=session, actor=actor, invoer=invoer, regios=regios, kalender=kalender, nu=nu
    )
    commissie = commissie_of_fout(regios, zaak.commissie_code)
    waarschuwing = await panel.bij_registratie(
        session=session, zaak=zaak, commissie=commissie, actor=actor, nu=nu
    )
    return zaak, [waarschuwing] if waarschuwing else []
