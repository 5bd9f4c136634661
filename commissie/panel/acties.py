"""What the secretary does with a case's panel: compose, verschoning, wraking, illness, override.

Each step works on a case the caller loaded with its access check; nothing here commits."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.leden.models import Lid
from commissie.panel import service, voorzitter
from commissie.panel.events import (
    HandmatigAangewezen,
    VerschoningGemeld,
    WrakingBeslist,
    ZiekVervangen,
)
from commissie.panel.models import Conflictmelding, Panelzetel, Wraking
from commissie.panel.schemas import (
    ConflictUit,
    HandmatigIn,
    PanelUit,
    VerschoningIn,
    VervangingIn,
    WrakingIn,
    ZetelUit,
)
from commissie.panel.vervanging import vervang_lid
from commissie.regios import Commissie, Regios, commissie_of_fout
from commissie.tijd import vandaag
from commissie.zaken.models import Zaak
from commissie.zaken.rechten import vereis_behandelaar
from commissie.zaken.regels import PANEL_WIJZIGBAAR, Status


def _wijzigbaar(zaak: Zaak) -> None:
    if Status(zaak.status) not in PANEL_WIJZIGBAAR:
        raise Conflict(
            f"Het panel van {zaak.nummer} ligt vast: de zaak is '{zaak.status}'. "
            "Wijzigen kan tot het advies is uitgebracht."
        )


def _open_panel(actor: Actor, zaak: Zaak, regios: Regios) -> Commissie:
    """The case's committee, when the actor is its secretariat and the panel may change."""
    vereis_behandelaar(actor, zaak)
    _wijzigbaar(zaak)
    return commissie_of_fout(regios, zaak.commissie_code)


async def _lid(session: AsyncSession, lid_id: int, commissie: str, veld: str = "lid") -> Lid:
    lid = await session.get(Lid, lid_id)
    if lid is None or lid.commissie_code != commissie:
        raise OngeldigeInvoer(
            f"Veld '{veld}': lid {lid_id} is geen lid van commissie {commissie}.", veld=veld
        )
    return lid


async def panel_uit(*, session: AsyncSession, zaak: Zaak) -> PanelUit:
    """Every seat with its history and explanation; the warning of a vacant chair."""
    rijen = (
        await session.execute(
            select(Panelzetel, Lid.naam, Lid.korps_code)
            .join(Lid, Lid.id == Panelzetel.lid_id)
            .where(Panelzetel.zaak_id == zaak.id)
            .order_by(Panelzetel.actief.desc(), Panelzetel.rol.desc(), Panelzetel.id)
        )
    ).all()
    return PanelUit(
        nummer=zaak.nummer,
        zetels=[
            ZetelUit(
                rol=z.rol,
                lid_id=z.lid_id,
                naam=naam,
                korps=korps,
                actief=z.actief,
                aangewezen_op=z.aangewezen_op.isoformat(),
                beeindigd_op=z.beeindigd_op.isoformat() if z.beeindigd_op else None,
                einde_reden=z.einde_reden,
                einde_toelichting=z.einde_toelichting,
                uitleg=z.uitleg,
            )
            for z, naam, korps in rijen
        ],
        waarschuwing=await service.voorzittersvacature(session, zaak.id),
        conflicten=await _conflicten_uit(session, zaak.id),
    )


async def _conflicten_uit(session: AsyncSession, zaak_id: int) -> list[ConflictUit]:
    """Reasons of verschoning and wraking (granted or not), for the secretary only."""
    verschoningen = await session.execute(
        select(Conflictmelding, Lid.naam)
        .join(Lid, Lid.id == Conflictmelding.lid_id)
        .where(Conflictmelding.zaak_id == zaak_id, Conflictmelding.soort == "verschoning")
        .order_by(Conflictmelding.id)
    )
    wrakingen = await session.execute(
        select(Wraking, Lid.naam)
        .join(Lid, Lid.id == Wraking.lid_id)
        .where(Wraking.zaak_id == zaak_id)
        .order_by(Wraking.id)
    )
    return [
        ConflictUit(
            soort="verschoning",
            lid_id=c.lid_id,
            naam=naam,
            reden=c.reden,
            op=c.gemeld_op.isoformat(),
        )
        for c, naam in verschoningen
    ] + [
        ConflictUit(
            soort="wraking",
            lid_id=w.lid_id,
            naam=naam,
            reden=w.reden,
            op=w.ingediend_op.isoformat(),
            ingediend_door=w.ingediend_door,
            beslissing=w.beslissing,
            toelichting=w.toelichting,
        )
        for w, naam in wrakingen
    ]


async def samenstellen(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    opnieuw: bool,
    reden: str,
    regios: Regios,
    nu: datetime,
) -> PanelUit:
    commissie = _open_panel(actor, zaak, regios)
    await service.stel_opnieuw_samen(
        session=session,
        zaak=zaak,
        commissie=commissie,
        actor=actor,
        nu=nu,
        opnieuw=opnieuw,
        reden=reden,
    )
    return await panel_uit(session=session, zaak=zaak)


async def _sluit_uit(
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    actor: Actor,
    nu: datetime,
    lid: Lid,
    soort: str,
    reden: str,
    toelichting: str,
) -> None:
    """Record the conflict (the member never sits on this case again) and, if seated, replace
    them; a seat nobody can take stays vacant, the decision stands either way."""
    session.add(
        Conflictmelding(
            zaak_id=zaak.id,
            lid_id=lid.id,
            reden=reden.strip(),
            soort=soort,
            gemeld_op=nu,
            door_id=actor.gebruiker_id,
        )
    )
    if any(z.lid_id == lid.id for z in await service.actieve_zetels(session, zaak.id)):
        await vervang_lid(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            lid_id=lid.id,
            reden=soort,
            toelichting=toelichting.strip(),
            vacant_mag=True,
        )


async def verschoning(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: VerschoningIn,
    regios: Regios,
    nu: datetime,
) -> PanelUit:
    """A member steps aside (or declares a conflict before any seat): never on this case again."""
    commissie = _open_panel(actor, zaak, regios)
    lid = await _lid(session, invoer.lid, zaak.commissie_code)
    gemeld = await session.scalar(
        select(Conflictmelding.id).where(
            Conflictmelding.zaak_id == zaak.id, Conflictmelding.lid_id == lid.id
        )
    )
    if gemeld is not None:
        raise Conflict(f"{lid.naam} heeft voor {zaak.nummer} al een belangenconflict gemeld.")
    await publiceer(
        session,
        VerschoningGemeld(
            zaak=zaak, actor=actor, nu=nu, lid_id=lid.id, naam=lid.naam, korps=lid.korps_code
        ),
    )
    await _sluit_uit(
        session, zaak, commissie, actor, nu, lid, "verschoning", invoer.reden, invoer.reden
    )
    return await panel_uit(session=session, zaak=zaak)


async def wraking(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: WrakingIn,
    regios: Regios,
    nu: datetime,
) -> PanelUit:
    commissie = _open_panel(actor, zaak, regios)
    lid = await _lid(session, invoer.lid, zaak.commissie_code)
    beslist_op = invoer.beslist_op or vandaag(nu)
    for veld, dag in (("ingediend_op", invoer.ingediend_op), ("beslist_op", beslist_op)):
        if dag > vandaag(nu):
            raise OngeldigeInvoer(
                f"Veld '{veld}': {dag.isoformat()} ligt in de toekomst.", veld=veld
            )
    if invoer.ingediend_op < zaak.ontvangen_op:
        raise OngeldigeInvoer(
            "Veld 'ingediend_op': ligt vóór de ontvangst van de klacht.", veld="ingediend_op"
        )
    if beslist_op < invoer.ingediend_op:
        raise OngeldigeInvoer("Veld 'beslist_op': ligt vóór de indiening.", veld="beslist_op")
    zittend = any(z.lid_id == lid.id for z in await service.actieve_zetels(session, zaak.id))
    if not zittend:
        raise Conflict(
            f"{lid.naam} zit niet in het panel van {zaak.nummer}; wraking is niet aan de orde."
        )
    session.add(
        Wraking(
            zaak_id=zaak.id,
            lid_id=lid.id,
            ingediend_door=invoer.ingediend_door,
            reden=invoer.reden.strip(),
            ingediend_op=invoer.ingediend_op,
            beslissing=invoer.beslissing,
            beslist_op=beslist_op,
            toelichting=invoer.toelichting.strip(),
            door_id=actor.gebruiker_id,
            aangemaakt_op=nu,
        )
    )
    # The reasons stay in the wraking record; the timeline is read by the panel too.
    await publiceer(
        session,
        WrakingBeslist(
            zaak=zaak,
            actor=actor,
            nu=nu,
            lid_id=lid.id,
            naam=lid.naam,
            ingediend_door=invoer.ingediend_door,
            ingediend_op=invoer.ingediend_op,
            beslissing=invoer.beslissing,
            beslist_op=beslist_op,
        ),
    )
    if invoer.beslissing == "toegewezen":
        await _sluit_uit(
            session, zaak, commissie, actor, nu, lid, "wraking", invoer.reden, invoer.toelichting
        )
    return await panel_uit(session=session, zaak=zaak)


async def vervanging(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: VervangingIn,
    regios: Regios,
    nu: datetime,
) -> PanelUit:
    """Ziektevervanging for one case: the ill member's seat goes to someone else."""
    commissie = _open_panel(actor, zaak, regios)
    lid = await _lid(session, invoer.lid, zaak.commissie_code)
    await vervang_lid(
        session=session,
        zaak=zaak,
        commissie=commissie,
        actor=actor,
        nu=nu,
        lid_id=lid.id,
        reden="ziektevervanging",
        toelichting=invoer.reden.strip(),
        vacant_mag=True,
    )
    # Health is nobody's business on the timeline: the reason stays with the seat.
    await publiceer(
        session, ZiekVervangen(zaak=zaak, actor=actor, nu=nu, lid_id=lid.id, naam=lid.naam)
    )
    return await panel_uit(session=session, zaak=zaak)


async def handmatig(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: HandmatigIn,
    regios: Regios,
    nu: datetime,
) -> PanelUit:
    """The secretary's override (e.g. for expertise). Conflicts of interest still refuse it."""
    commissie = _open_panel(actor, zaak, regios)
    nieuw = await _lid(session, invoer.nieuw_lid, zaak.commissie_code, veld="nieuw_lid")
    if not nieuw.actief:
        raise OngeldigeInvoer(
            f"Veld 'nieuw_lid': {nieuw.naam} is geen actief lid.", veld="nieuw_lid"
        )
    zittend = any(z.lid_id == nieuw.id for z in await service.actieve_zetels(session, zaak.id))
    if zittend and invoer.lid is not None:
        raise Conflict(f"{nieuw.naam} zit al in het panel van {zaak.nummer}.")
    reden = invoer.reden.strip()
    oud = None
    if invoer.lid is None:
        await voorzitter.vul_voorzitter(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            nieuw=nieuw,
            reden=reden,
        )
    else:
        oud = await _lid(session, invoer.lid, zaak.commissie_code)
        korps = await voorzitter.toets_handmatige_voorzitter(
            session=session, zaak=zaak, commissie=commissie, oud=oud, nieuw=nieuw, nu=nu
        )
        await vervang_lid(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            lid_id=oud.id,
            reden="handmatig",
            toelichting=reden,
            nieuw_lid=nieuw.id,
            handmatig_korps=korps,
        )
    await publiceer(
        session,
        HandmatigAangewezen(
            zaak=zaak,
            actor=actor,
            nu=nu,
            oud_id=oud.id if oud else None,
            oud_naam=oud.naam if oud else None,
            nieuw_id=nieuw.id,
            nieuw_naam=nieuw.naam,
            reden=reden,
        ),
    )
    return await panel_uit(session=session, zaak=zaak)
