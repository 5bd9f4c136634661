"""The case as a panel step needs it: the access check and the recorded look of `haal_zaak`,
but only the parties (the rules' input), not the timeline and the other collections. A panel
step only adds to the timeline, and that grows with every step: loading it would make each
re-composition slower than the one before."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload, selectinload

from commissie.accounts.rollen import Actor
from commissie.fouten import NietGevonden
from commissie.panel.toegang import zichtbaar
from commissie.zaken.models import Inzage, Zaak


async def zaak_voor_stap(*, session: AsyncSession, actor: Actor, nummer: str, nu: datetime) -> Zaak:
    zaak = await session.scalar(
        select(Zaak)
        .where(Zaak.nummer == nummer, zichtbaar(actor))
        # Anything else read by accident fails loudly instead of loading lazily; timeline
        # entries go to the session by themselves (zaken.tijdlijn.schrijf).
        .options(selectinload(Zaak.partijen), raiseload("*"))
    )
    if zaak is None:
        raise NietGevonden(f"Zaak {nummer} bestaat niet of u heeft er geen toegang toe.")
    session.add(
        Inzage(
            zaak_id=zaak.id,
            gebruiker_id=actor.gebruiker_id,
            door_naam=actor.gebruikersnaam,
            op=nu,
            actie="panel",
        )
    )
    return zaak
