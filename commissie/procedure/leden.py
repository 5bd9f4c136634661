"""Flows where the roster meets the cases: a member leaves, falls ill or will be away."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import raiseload, selectinload

from commissie.accounts.rollen import Actor, Rol
from commissie.eenheid import publiceer
from commissie.leden import service as leden
from commissie.leden.models import Lid
from commissie.leden.schemas import AfwezigheidIn, AfwezigheidUit, LidWijziging
from commissie.panel import vervanging
from commissie.panel.events import LidAfwezig, LidUitPanel
from commissie.panel.models import Panelzetel
from commissie.regios import Regios, commissie_of_fout
from commissie.tijd import vandaag
from commissie.zaken.models import Zaak
from commissie.zaken.regels import PANEL_WIJZIGBAAR


async def wijzig_lid(
    *,
    session: AsyncSession,
    actor: Actor,
    lid_id: int,
    invoer: LidWijziging,
    regios: Regios,
    nu: datetime,
) -> Lid:
    lid = await leden.beheerd_lid(session, actor, lid_id)
    if leden.wijzig_gegevens(lid, invoer):
        # A member who leaves the committee leaves every open panel (and its files).
        await session.flush()
        await vervang_overal(session, actor, lid, "vertrek", "lid van de commissie af", regios, nu)
    return lid


async def meld_afwezigheid(
    *,
    session: AsyncSession,
    actor: Actor,
    lid_id: int,
    invoer: AfwezigheidIn,
    regios: Regios,
    nu: datetime,
) -> AfwezigheidUit:
    lid = await leden.haal_lid(session, lid_id)
    afw = await leden.registreer_afwezigheid(
        session=session, actor=actor, lid=lid, invoer=invoer, nu=nu
    )
    vervangen: list[str] = []
    niet: list[str] = []
    if invoer.soort == "ziekte" and invoer.van <= vandaag(nu) <= invoer.tot:
        vervangen, niet = await vervang_overal(
            session,
            actor,
            lid,
            "ziektevervanging",
            f"ziek van {invoer.van.isoformat()} t/m {invoer.tot.isoformat()}",
            regios,
            nu,
        )
    else:
        # Not (yet) ill: the member stays on the panel, and the secretary sees the absence
        # on each case. The kind of absence is not shown there.
        for zaak in await _open_zaken_van(session, lid):
            await publiceer(
                session,
                LidAfwezig(
                    zaak=zaak,
                    actor=actor,
                    nu=nu,
                    lid_id=lid.id,
                    naam=lid.naam,
                    van=invoer.van,
                    tot=invoer.tot,
                ),
            )
    ziet_zaken = actor.rol is not Rol.BEHEERDER
    return AfwezigheidUit(
        id=afw.id,
        lid_id=lid.id,
        van=afw.van,
        tot=afw.tot,
        soort=afw.soort,
        vervangen_in=vervangen if ziet_zaken else [],
        niet_vervangen=niet if ziet_zaken else [],
        aantal_vervangen=len(vervangen),
        aantal_niet_vervangen=len(niet),
    )


async def _open_zaken_van(session: AsyncSession, lid: Lid) -> list[Zaak]:
    """Cases where the member holds a seat and the panel still has work to do."""
    return list(
        await session.scalars(
            select(Zaak)
            .join(Panelzetel, Panelzetel.zaak_id == Zaak.id)
            .where(
                Panelzetel.lid_id == lid.id,
                Panelzetel.actief,
                Zaak.status.in_([s.value for s in PANEL_WIJZIGBAAR]),
            )
            # The timeline is only added to (zaken.tijdlijn.schrijf): never load it here.
            .options(selectinload(Zaak.partijen), raiseload(Zaak.gebeurtenissen))
            .order_by(Zaak.id)
        )
    )


async def vervang_overal(
    session: AsyncSession,
    actor: Actor,
    lid: Lid,
    reden: str,
    toelichting: str,
    regios: Regios,
    nu: datetime,
) -> tuple[list[str], list[str]]:
    """Replace the member on every open case (illness, leaving the committee). A seat nobody
    can take is left vacant. Returns (replaced in, left vacant in)."""
    commissie = commissie_of_fout(regios, lid.commissie_code)
    vervangen, vacant = [], []
    for zaak in await _open_zaken_van(session, lid):
        opvolger = await vervanging.vervang_lid(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            lid_id=lid.id,
            reden=reden,
            toelichting=toelichting,
            vacant_mag=True,
        )
        (vervangen if opvolger else vacant).append(zaak.nummer)
        await publiceer(
            session,
            LidUitPanel(
                zaak=zaak,
                actor=actor,
                nu=nu,
                lid_id=lid.id,
                naam=lid.naam,
                reden=reden,
                vacant=opvolger is None,
            ),
        )
    return vervangen, vacant
