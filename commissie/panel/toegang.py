"""Need-to-know: the one place that decides which cases a person may see.

Every query for cases goes through `zichtbaar`, so access is checked in the query, not only in
the page. It lives in the panel layer because a member sees exactly the cases where it holds a
seat. Every look at a case file is recorded (`haal_zaak`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, false, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from commissie.accounts.rollen import Actor, Rol
from commissie.fouten import NietGevonden
from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel
from commissie.zaken.models import Inzage, Partij, Zaak
from commissie.zaken.regels import VOOR_KORPSLEIDING


def zichtbaar(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on Zaak for what `actor` may see."""
    if actor.rol is Rol.SECRETARIS and actor.commissie_code:
        return Zaak.commissie_code == actor.commissie_code
    if actor.rol is Rol.LID and actor.lid_id is not None:
        # An active seat of a member who is still on the committee.
        return exists(
            select(Panelzetel.id)
            .join(Lid, Lid.id == Panelzetel.lid_id)
            .where(
                Panelzetel.zaak_id == Zaak.id,
                Panelzetel.lid_id == actor.lid_id,
                Panelzetel.actief,
                Lid.actief,
            )
        )
    if actor.rol is Rol.KORPSLEIDING and actor.korps_code:
        # Addressed to the corps where the accused works (Awb 9:15).
        return and_(
            Zaak.status.in_([s.value for s in VOOR_KORPSLEIDING]),
            exists(
                select(Partij.id).where(
                    Partij.zaak_id == Zaak.id,
                    Partij.rol == "beklaagde",
                    Partij.korps_code == actor.korps_code,
                )
            ),
        )
    # The functional administrator manages configuration, not case content.
    return false()


_DOSSIER = (
    selectinload(Zaak.partijen),
    selectinload(Zaak.categorieen),
    selectinload(Zaak.gedragingen),
    selectinload(Zaak.termijnen),
    selectinload(Zaak.verdagingen),
    selectinload(Zaak.gebeurtenissen),
)


async def haal_zaak(
    *, session: AsyncSession, actor: Actor, nummer: str, nu: datetime, actie: str = "inzage"
) -> Zaak:
    """Load one case the actor may see (404 otherwise, so existence does not leak) and record
    the look in this unit of work: it is committed with the response that shows the case."""
    zaak = await session.scalar(
        select(Zaak).where(Zaak.nummer == nummer, zichtbaar(actor)).options(*_DOSSIER)
    )
    if zaak is None:
        raise NietGevonden(f"Zaak {nummer} bestaat niet of u heeft er geen toegang toe.")
    session.add(
        Inzage(
            zaak_id=zaak.id,
            gebruiker_id=actor.gebruiker_id,
            door_naam=actor.gebruikersnaam,
            op=nu,
            actie=actie,
        )
    )
    return zaak
