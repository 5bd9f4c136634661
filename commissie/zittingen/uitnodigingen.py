"""Who gets which invite for a hearing, and the mails that go out when a hearing or a panel
changes. The mails are written into the outbox by event subscribers, in the step's own
transaction: a rolled-back step mails nothing.

Recipients: the panel members with an e-mail address on their member record, and the parties
heard at that session (the complainant with the confidential counsellor, the accused) with an
address on the case. Each gets its own copy naming only itself as ATTENDEE."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.eenheid import Abonnee
from commissie.fouten import Conflict, GeenToegang, NietGevonden, OngeldigeInvoer
from commissie.leden.models import Lid
from commissie.omgeving import OMGEVING, Omgeving
from commissie.panel.events import PanelGewisseld
from commissie.panel.models import Panelzetel
from commissie.regios import Commissie, Regios
from commissie.zaken.models import Partij, Zaak
from commissie.zittingen.events import (
    ZittingEvent,
    ZittingGeannuleerd,
    ZittingGepland,
    ZittingVerplaatst,
)
from commissie.zittingen.ical import Afspraak, Deelnemer, Locatie, uitnodiging, zaak_url
from commissie.zittingen.models import Zitting
from commissie.zittingen.planning import haal_zitting
from commissie.zittingen.post import zet_uitnodigingen_in_post
from commissie.zittingen.regels import KLAGER, ZittingStatus, partij_sleutel


@dataclass(frozen=True)
class Lidadres:
    lid_id: int
    email: str | None
    rol: str  # voorzitter | lid


class Zittingfeiten(Protocol):
    """What an invite needs of a hearing: a Zitting, or a row with these columns."""

    uid: str
    volgnummer: int
    begin: datetime
    einde: datetime
    locatie: str
    locatie_adres: str
    status: str


def afspraak_van(
    zitting: Zittingfeiten, zaaknummer: str, commissie: Commissie, basis_url: str
) -> Afspraak:
    """The hearing as a calendar sees it, at its latest SEQUENCE (no recipient yet)."""
    return Afspraak(
        uid=zitting.uid,
        volgnummer=zitting.volgnummer,
        begin=zitting.begin,
        einde=zitting.einde,
        locatie=Locatie(zitting.locatie, zitting.locatie_adres),
        zaaknummer=zaaknummer,
        organisator=commissie.secretariaat_email,
        zaak_url=zaak_url(basis_url, zaaknummer),
        geannuleerd=zitting.status == ZittingStatus.GEANNULEERD,
    )


async def paneladressen(session: AsyncSession, zaak_id: int) -> list[Lidadres]:
    """The active panel of a case, chair first."""
    rijen = await session.execute(
        select(Panelzetel.lid_id, Lid.email, Panelzetel.rol)
        .join(Lid, Lid.id == Panelzetel.lid_id)
        .where(Panelzetel.zaak_id == zaak_id, Panelzetel.actief, Lid.actief)
        .order_by(Panelzetel.rol.desc(), Panelzetel.id)
    )
    return [Lidadres(lid_id, email, rol) for lid_id, email, rol in rijen.all()]


async def partijen_van(session: AsyncSession, zaak_id: int) -> list[Partij]:
    return list(
        await session.scalars(select(Partij).where(Partij.zaak_id == zaak_id).order_by(Partij.id))
    )


def partij_ontvangers(zitting: Zitting, partijen: Sequence[Partij]) -> list[Deelnemer]:
    """The parties heard at this session that gave an address; the counsellor comes along
    with the complainant."""
    uit: list[Deelnemer] = []
    for p in partijen:
        if not p.email:
            continue
        if p.rol == "klager" and KLAGER in zitting.partijen:
            uit.append(Deelnemer(p.email, "klager"))
        elif p.rol == "vertrouwenspersoon" and KLAGER in zitting.partijen:
            uit.append(Deelnemer(p.email, "vertrouwenspersoon"))
        elif p.rol == "beklaagde" and partij_sleutel(p.id) in zitting.partijen:
            uit.append(Deelnemer(p.email, "beklaagde"))
    return uit


def lees_voor(waarde: str) -> tuple[str, int | None]:
    """`?voor=lid:ID`, `klager` or `beklaagde:N` (the secretary's choice of recipient)."""
    soort, _, nummer = waarde.strip().partition(":")
    if soort == "klager" and not nummer:
        return "klager", None
    if soort in {"lid", "beklaagde"} and nummer.isascii() and nummer.isdigit():
        return soort, int(nummer)
    raise OngeldigeInvoer(
        f"Veld 'voor': '{waarde}' is onbekend; gebruik lid:ID, klager of beklaagde:N.",
        veld="voor",
    )


async def ontvanger_voor(session: AsyncSession, zitting: Zitting, voor: str) -> Deelnemer:
    """The recipient the secretary asked for: a panel member of the case or a party of it."""
    soort, nummer = lees_voor(voor)
    if soort == "lid":
        for a in await paneladressen(session, zitting.zaak_id):
            if a.lid_id == nummer:
                return _met_adres(a.email, a.rol, f"lid {nummer}")
        raise NietGevonden(f"Veld 'voor': lid {nummer} zit niet in het panel van deze zaak.")
    for p in await partijen_van(session, zitting.zaak_id):
        if soort == "klager" and p.rol == "klager":
            return _met_adres(p.email, "klager", "de klager")
        if soort == "beklaagde" and p.rol == "beklaagde" and p.id == nummer:
            return _met_adres(p.email, "beklaagde", f"beklaagde {nummer}")
    raise NietGevonden(f"Veld 'voor': {voor} is geen partij in deze zaak.")


def _met_adres(email: str | None, rol: str, wie: str) -> Deelnemer:
    if not email:
        raise OngeldigeInvoer(
            f"Veld 'voor': van {wie} is geen e-mailadres bekend; een uitnodiging noemt het adres "
            "van de ontvanger.",
            veld="voor",
        )
    return Deelnemer(email, rol)


# ---- the mails, as subscribers ---------------------------------------------------------


def _omgeving(session: AsyncSession) -> Omgeving:
    omgeving = session.info.get(OMGEVING)
    if not isinstance(omgeving, Omgeving):
        # Mails that silently stay unwritten would be a hearing nobody knows of.
        raise RuntimeError("session without its Omgeving: open it from Omgeving.sessionmaker")
    return omgeving


async def _mail_zitting(session: AsyncSession, zaak: Zaak, zitting: Zitting, nu: datetime) -> None:
    omgeving = _omgeving(session)
    commissie = omgeving.regios.commissies[zaak.commissie_code]
    afspraak = afspraak_van(zitting, zaak.nummer, commissie, omgeving.settings.basis_url)
    leden = [Deelnemer(a.email, a.rol) for a in await paneladressen(session, zaak.id) if a.email]
    partijen = partij_ontvangers(zitting, await partijen_van(session, zaak.id))
    await zet_uitnodigingen_in_post(
        session=session,
        commissie=commissie,
        afspraak=afspraak,
        ontvangers=[*leden, *partijen],
        nu=nu,
        zaak_id=zaak.id,
    )


async def _zitting_gewijzigd(session: AsyncSession, e: ZittingEvent) -> None:
    if e.zitting.einde <= e.nu:
        return  # entered afterwards (or cancelled after the fact): nobody can still attend
    await _mail_zitting(session, e.zaak, e.zitting, e.nu)


async def _komende_zittingen(session: AsyncSession, zaak_id: int, nu: datetime) -> list[Zitting]:
    return list(
        await session.scalars(
            select(Zitting)
            .where(
                Zitting.zaak_id == zaak_id,
                Zitting.status == ZittingStatus.GEPLAND.value,
                Zitting.begin > nu,
            )
            .order_by(Zitting.begin, Zitting.id)
        )
    )


async def _panel_gewisseld(session: AsyncSession, e: PanelGewisseld) -> None:
    """A leaving member gets a CANCEL, a new one a REQUEST, for each planned future hearing.
    One look at the hearings per panel change, not one per seat."""
    if not (e.weg or e.erbij):
        return
    zittingen = await _komende_zittingen(session, e.zaak.id, e.nu)
    if not zittingen:
        return
    panel = {a.lid_id: a for a in await paneladressen(session, e.zaak.id)}
    for lid_id in e.weg:
        if lid_id not in panel:  # else moved to another seat of the same panel (e.g. chair)
            await _panelwissel(session, e.zaak, zittingen, lid_id, e.nu, rol=None)
    for lid_id in e.erbij:
        if lid_id in panel:
            await _panelwissel(session, e.zaak, zittingen, lid_id, e.nu, rol=panel[lid_id].rol)


async def _panelwissel(
    session: AsyncSession,
    zaak: Zaak,
    zittingen: list[Zitting],
    lid_id: int,
    nu: datetime,
    *,
    rol: str | None,
) -> None:
    """`rol` None: the member left the panel (CANCEL); else their seat (REQUEST)."""
    lid = await session.get(Lid, lid_id)
    if lid is None or not lid.email:
        return
    omgeving = _omgeving(session)
    commissie = omgeving.regios.commissies[zaak.commissie_code]
    for z in zittingen:
        afspraak = afspraak_van(z, zaak.nummer, commissie, omgeving.settings.basis_url)
        if rol is None:
            afspraak = replace(afspraak, geannuleerd=True)
        await zet_uitnodigingen_in_post(
            session=session,
            commissie=commissie,
            afspraak=afspraak,
            ontvangers=[Deelnemer(lid.email, rol or "lid")],
            nu=nu,
            zaak_id=zaak.id,
        )


ABONNEMENTEN: Mapping[type, Sequence[Abonnee]] = {
    ZittingGepland: [_zitting_gewijzigd],
    ZittingVerplaatst: [_zitting_gewijzigd],
    ZittingGeannuleerd: [_zitting_gewijzigd],
    PanelGewisseld: [_panel_gewisseld],
}


# ---- the invite as a download ----------------------------------------------------------


async def uitnodiging_voor(
    *,
    session: AsyncSession,
    actor: Actor,
    zitting_id: int,
    voor: str | None,
    regios: Regios,
    basis_url: str,
    nu: datetime,
) -> bytes:
    """The caller's own invite (a panel member of the case), or the secretary's copy for the
    recipient named in `voor`. Anyone else gets 404, as for the case itself."""
    if actor.rol not in (Rol.LID, Rol.SECRETARIS):
        raise NietGevonden(f"Zitting {zitting_id} bestaat niet of u heeft er geen toegang toe.")
    if voor is not None and actor.rol is not Rol.SECRETARIS:
        raise GeenToegang("Alleen het secretariaat vraagt een uitnodiging voor een ander op.")
    zaak, zitting = await haal_zitting(
        session=session, actor=actor, zitting_id=zitting_id, nu=nu, actie="uitnodiging"
    )
    if voor is None and actor.rol is Rol.SECRETARIS:
        raise OngeldigeInvoer(
            "Veld 'voor': zeg voor wie de uitnodiging is (lid:ID, klager of beklaagde:N).",
            veld="voor",
        )
    if voor is not None:
        ontvanger = await ontvanger_voor(session, zitting, voor)
    else:
        eigen = next(a for a in await paneladressen(session, zaak.id) if a.lid_id == actor.lid_id)
        if not eigen.email:
            raise Conflict(
                "Bij uw lidmaatschap staat geen e-mailadres; vraag het secretariaat het toe te "
                "voegen, want de uitnodiging noemt uw adres."
            )
        ontvanger = Deelnemer(eigen.email, eigen.rol)
    commissie = regios.commissies[zaak.commissie_code]
    afspraak = replace(
        afspraak_van(zitting, zaak.nummer, commissie, basis_url), deelnemer=ontvanger
    )
    return uitnodiging(afspraak, dtstamp=nu)
