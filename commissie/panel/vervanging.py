"""Replacing one member on a case's panel (verschoning, wraking, illness, leaving, a manual
choice): the other seats and the history stay; a seat nobody may take can stay vacant."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.eenheid import publiceer
from commissie.fouten import Conflict
from commissie.leden.models import Lid
from commissie.panel.events import PanelGewisseld, ZetelBeeindigd
from commissie.panel.grootboek import vergrendel
from commissie.panel.models import Panelzetel
from commissie.panel.service import _samenstellen, actieve_zetels
from commissie.regios import Commissie
from commissie.zaken.models import Zaak


async def vervang_lid(
    *,
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    actor: Actor | None,
    nu: datetime,
    lid_id: int,
    reden: str,
    toelichting: str,
    nieuw_lid: int | None = None,
    handmatig_korps: str | None = None,
    vacant_mag: bool = False,
) -> Panelzetel | None:
    """End the member's seat and fill it again, keeping the other seats and the history.

    `reden`: verschoning | wraking | ziektevervanging | vertrek | handmatig. With `nieuw_lid`
    the secretary chooses the successor (override): the rules still refuse conflicts of
    interest, and the seat is filled or nothing changes. Without it, a chair nobody may take
    stays vacant with its warning; with `vacant_mag`, so does a member seat nobody can take
    (returns None): the member must go whether or not a successor is at hand.
    """
    await vergrendel(session, commissie.code)
    actief = await actieve_zetels(session, zaak.id)
    zetel = next((z for z in actief if z.lid_id == lid_id), None)
    if zetel is None:
        raise Conflict(f"Lid {lid_id} heeft geen zetel in het panel van zaak {zaak.nummer}.")
    try:
        nieuw = await _samenstellen(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            actief=actief,
            vervallen=[zetel],
            uitgesloten_extra={lid_id: reden},
            kandidaten_filter={nieuw_lid} if nieuw_lid is not None else None,
            grond=reden,
            toelichting=toelichting,
            vacature_mag=nieuw_lid is None,
            handmatig_korps=handmatig_korps,
        )
    except Conflict:
        if not vacant_mag:
            raise
        # The departing member keeps the seat's load in the ledger until it is filled again.
        zetel.actief, zetel.beeindigd_op = False, nu
        zetel.einde_reden, zetel.einde_toelichting = reden, toelichting
        # The session does not autoflush: subscribers (the CANCEL to the departing member)
        # read the active panel from the database.
        await session.flush()
        lid = await session.get(Lid, zetel.lid_id)
        await publiceer(
            session,
            ZetelBeeindigd(
                zaak=zaak,
                actor=actor,
                nu=nu,
                lid_id=zetel.lid_id,
                naam=lid.naam if lid else "",
                rol=zetel.rol,
                reden=reden,
                vacant=True,
            ),
        )
        await publiceer(
            session, PanelGewisseld(zaak=zaak, actor=actor, nu=nu, weg=(zetel.lid_id,), erbij=())
        )
        return None
    return next((z for z in nieuw if z.rol == zetel.rol), None)
