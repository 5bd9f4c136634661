"""Hearings: plan, move, cancel, record as held, and propose free slots.

Keyword-only session; nothing here commits. The pure rules are in regels.py."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, NietGevonden, OngeldigeInvoer
from commissie.panel.toegang import haal_zaak
from commissie.regios import Commissie, Regios, Zittingslocatie, commissie_of_fout
from commissie.tijd import AMSTERDAM, datum_nl, tijdstip_nl, vandaag
from commissie.zaken.models import Zaak
from commissie.zaken.rechten import vereis_behandelaar
from commissie.zaken.regels import Status
from commissie.zaken.stappen import overgang
from commissie.zaken.termijnen import Soort
from commissie.zittingen import regels
from commissie.zittingen.bezetting import ACTIEF, afwezig_van, bezet_van, panel_van
from commissie.zittingen.events import (
    ZittingGeannuleerd,
    ZittingGehouden,
    ZittingGepland,
    ZittingVerplaatst,
)
from commissie.zittingen.models import Zitting, Zittingwijziging
from commissie.zittingen.regels import ZittingStatus
from commissie.zittingen.schemas import AnnuleerIn, VerslagIn, ZittingIn, ZittingWijzigIn
from commissie.zittingen.service import (
    beklaagde_ids,
    termijn,
    vereis_hoorfase,
    wederhoor_van,
    zittingen_van,
)


def lees_begin(waarde: str, veld: str = "begin") -> datetime:
    """Europe/Amsterdam wall time ("2027-01-12T10:00"), or with an offset; aware UTC out."""
    try:
        moment = datetime.fromisoformat(waarde)
    except ValueError:
        raise OngeldigeInvoer(
            f"Veld '{veld}': '{waarde}' is geen tijdstip; verwacht bijvoorbeeld "
            "2027-01-12T10:00 (Nederlandse tijd).",
            veld=veld,
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=AMSTERDAM)
    return moment.astimezone(UTC)


def locatie_van(commissie: Commissie, naam: str) -> Zittingslocatie:
    for loc in commissie.zittingslocaties:
        if loc.naam == naam:
            return loc
    bekend = "; ".join(loc.naam for loc in commissie.zittingslocaties)
    raise OngeldigeInvoer(
        f"Veld 'locatie': onbekende zittingslocatie '{naam}'; bekend zijn: {bekend}.",
        veld="locatie",
    )


async def _bezwaren(
    session: AsyncSession,
    zaak: Zaak,
    begin: datetime,
    einde: datetime,
    nu: datetime,
    zonder: int | None,
) -> list[str]:
    panel = await panel_van(session, zaak.id)
    ids = [p[0] for p in panel]
    w = await wederhoor_van(session, zaak.id)
    verweer = termijn(zaak, Soort.VERWEER)
    advies = termijn(zaak, Soort.ADVIES)
    assert advies is not None
    dag_van, dag_tot = vandaag(begin), vandaag(einde)
    afwezig = sorted({naam for naam, _, _ in await afwezig_van(session, ids, dag_van, dag_tot)})
    return regels.planningsbezwaren(
        regels.Planningsfeiten(
            begin=begin,
            einde=einde,
            nu=nu,
            afschrift_op=w.afschrift_beklaagde_op if w else None,
            verweer_ontvangen_op=w.verweer_ontvangen_op if w else None,
            verweertermijn=verweer.einddatum if verweer else None,
            adviestermijn=advies.einddatum,
            voorzitter=any(rol == "voorzitter" for _, rol, _ in panel),
            afwezig=afwezig,
            bezet=await bezet_van(session, ids, begin, einde, zonder),
        )
    )


def _toets_afwijking(bezwaren: list[str], reden: str | None, wat: str) -> str | None:
    reden = (reden or "").strip() or None
    if bezwaren and reden is None:
        raise Conflict(
            f"De zitting kan zo niet worden {wat}: {' '.join(bezwaren)} Geef een "
            "reden_afwijking om dit toch te doen; die komt op de tijdlijn."
        )
    return reden


def _werk_zitting_op_bij(zaak: Zaak, zittingen: list[Zitting]) -> None:
    """The case's hearing date (the load overview counts by it): its first live hearing."""
    data = [vandaag(z.begin) for z in zittingen if z.status in ACTIEF]
    if data:
        zaak.zitting_op = min(data)


def _geschiedenis(z: Zitting, soort: str, actor: Actor, nu: datetime, **gegevens: object) -> None:
    z.wijzigingen.append(
        Zittingwijziging(
            volgnummer=z.volgnummer,
            soort=soort,
            begin=z.begin,
            einde=z.einde,
            locatie=z.locatie,
            op=nu,
            door_id=actor.gebruiker_id,
            gegevens=dict(gegevens),
        )
    )


async def plan_zitting(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: ZittingIn,
    regios: Regios,
    nu: datetime,
) -> Zitting:
    vereis_behandelaar(actor, zaak)
    vereis_hoorfase(zaak, "Een zitting plannen")
    commissie = commissie_of_fout(regios, zaak.commissie_code)
    begin = lees_begin(invoer.begin)
    einde = begin + timedelta(minutes=invoer.duur_minuten)
    loc = locatie_van(commissie, invoer.locatie)
    partijen = regels.lees_partijen(invoer.partijen, beklaagde_ids(zaak), "partijen")
    bezwaren = await _bezwaren(session, zaak, begin, einde, nu, None)
    reden = _toets_afwijking(bezwaren, invoer.reden_afwijking, "gepland")
    domein = commissie.secretariaat_email.rpartition("@")[2]
    z = Zitting(
        zaak_id=zaak.id,
        uid=f"zitting-{uuid.uuid4().hex}@{domein}",
        volgnummer=0,
        begin=begin,
        einde=einde,
        locatie=loc.naam,
        locatie_adres=loc.adres,
        partijen=partijen,
        status=ZittingStatus.GEPLAND.value,
        reden_afwijking=reden,
        gehoord=[],
        getuigen=[],
        aangemaakt_op=nu,
        door_id=actor.gebruiker_id,
    )
    z.wijzigingen = []
    _geschiedenis(z, "gepland", actor, nu)
    session.add(z)
    await session.flush()
    if Status(zaak.status) is not Status.ZITTING:
        await overgang(session, zaak, Status.ZITTING, actor=actor, nu=nu, op=vandaag(nu))
    _werk_zitting_op_bij(zaak, await zittingen_van(session, zaak.id))
    zaak.gewijzigd_op = nu
    await publiceer(
        session,
        ZittingGepland(
            zaak=zaak,
            actor=actor,
            nu=nu,
            zitting=z,
            bezwaren=tuple(bezwaren),
            reden_afwijking=reden,
        ),
    )
    return z


async def haal_zitting(
    *, session: AsyncSession, actor: Actor, zitting_id: int, nu: datetime, actie: str = "inzage"
) -> tuple[Zaak, Zitting]:
    """A hearing and its case, with the case's access check (404 for both unknown and
    forbidden, so existence does not leak)."""
    nummer = await session.scalar(
        select(Zaak.nummer)
        .join(Zitting, Zitting.zaak_id == Zaak.id)
        .where(Zitting.id == zitting_id)
    )
    if nummer is None:
        raise NietGevonden(f"Zitting {zitting_id} bestaat niet of u heeft er geen toegang toe.")
    try:
        zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu, actie=actie)
    except NietGevonden:
        raise NietGevonden(
            f"Zitting {zitting_id} bestaat niet of u heeft er geen toegang toe."
        ) from None
    zitting = next(z for z in await zittingen_van(session, zaak.id) if z.id == zitting_id)
    return zaak, zitting


def _vereis_gepland(z: Zitting, wat: str) -> None:
    if z.status != ZittingStatus.GEPLAND:
        raise Conflict(f"De zitting is {z.status}; {wat} kan alleen bij een geplande zitting.")


async def wijzig_zitting(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    zitting: Zitting,
    invoer: ZittingWijzigIn,
    regios: Regios,
    nu: datetime,
) -> Zitting:
    vereis_behandelaar(actor, zaak)
    _vereis_gepland(zitting, "verplaatsen")
    if invoer.begin is None and invoer.duur_minuten is None and invoer.locatie is None:
        raise OngeldigeInvoer(
            "Veld 'begin': geef begin, duur_minuten of locatie om de zitting te verplaatsen.",
            veld="begin",
        )
    commissie = commissie_of_fout(regios, zaak.commissie_code)
    begin = lees_begin(invoer.begin) if invoer.begin is not None else zitting.begin
    duur = (
        timedelta(minutes=invoer.duur_minuten)
        if invoer.duur_minuten is not None
        else zitting.einde - zitting.begin
    )
    loc = locatie_van(commissie, invoer.locatie) if invoer.locatie is not None else None
    bezwaren = await _bezwaren(session, zaak, begin, begin + duur, nu, zitting.id)
    reden = _toets_afwijking(bezwaren, invoer.reden_afwijking, "verplaatst")
    zitting.begin, zitting.einde = begin, begin + duur
    if loc is not None:
        zitting.locatie, zitting.locatie_adres = loc.naam, loc.adres
    zitting.volgnummer += 1
    _geschiedenis(zitting, "verplaatst", actor, nu)
    await session.flush()
    _werk_zitting_op_bij(zaak, await zittingen_van(session, zaak.id))
    zaak.gewijzigd_op = nu
    await publiceer(
        session,
        ZittingVerplaatst(
            zaak=zaak,
            actor=actor,
            nu=nu,
            zitting=zitting,
            bezwaren=tuple(bezwaren),
            reden_afwijking=reden,
        ),
    )
    return zitting


async def annuleer_zitting(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    zitting: Zitting,
    invoer: AnnuleerIn,
    nu: datetime,
) -> Zitting:
    vereis_behandelaar(actor, zaak)
    _vereis_gepland(zitting, "annuleren")
    reden = invoer.reden.strip()
    if not reden:
        raise OngeldigeInvoer("Veld 'reden': zeg waarom de zitting niet doorgaat.", veld="reden")
    zitting.status = ZittingStatus.GEANNULEERD.value
    zitting.annuleer_reden = reden
    zitting.volgnummer += 1
    _geschiedenis(zitting, "geannuleerd", actor, nu)
    await session.flush()
    _werk_zitting_op_bij(zaak, await zittingen_van(session, zaak.id))
    zaak.gewijzigd_op = nu
    await publiceer(
        session, ZittingGeannuleerd(zaak=zaak, actor=actor, nu=nu, zitting=zitting, reden=reden)
    )
    return zitting


async def leg_verslag_vast(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    zitting: Zitting,
    invoer: VerslagIn,
    nu: datetime,
) -> Zitting:
    """Record that the hearing was held (or complete its record later, e.g. the date the
    report went to the parties)."""
    vereis_behandelaar(actor, zaak)
    if zitting.status == ZittingStatus.GEANNULEERD:
        raise Conflict("De zitting is geannuleerd; er is geen hoorverslag van te maken.")
    if zitting.begin > nu:
        raise Conflict(
            f"De zitting begint pas op {tijdstip_nl(zitting.begin)}; een hoorverslag kan pas "
            "daarna worden vastgelegd."
        )
    ids = beklaagde_ids(zaak)
    gehoord: list[str] = []
    for i, p in enumerate(invoer.gehoord):
        partij = regels.lees_partij(p, ids, f"gehoord[{i}]")
        if partij not in zitting.partijen:
            raise OngeldigeInvoer(
                f"Veld 'gehoord[{i}]': {partij} stond niet op deze zitting "
                f"(wel: {', '.join(zitting.partijen)}).",
                veld=f"gehoord[{i}]",
            )
        if partij not in gehoord:
            gehoord.append(partij)
    if not invoer.verslag.strip():
        raise OngeldigeInvoer("Veld 'verslag': het hoorverslag mag niet leeg zijn.", veld="verslag")
    dag = invoer.naar_partijen_op
    if dag is not None:
        if dag > vandaag(nu):
            raise OngeldigeInvoer(
                f"Veld 'naar_partijen_op': {datum_nl(dag)} ligt in de toekomst.",
                veld="naar_partijen_op",
            )
        if dag < vandaag(zitting.begin):
            raise OngeldigeInvoer(
                f"Veld 'naar_partijen_op': {datum_nl(dag)} ligt vóór de zitting "
                f"({datum_nl(vandaag(zitting.begin))}).",
                veld="naar_partijen_op",
            )
    zitting.status = ZittingStatus.GEHOUDEN.value
    zitting.gehoord = gehoord
    zitting.bijstand = (invoer.bijstand or "").strip() or None
    zitting.getuigen = [g.strip() for g in invoer.getuigen if g.strip()]
    zitting.verslag = invoer.verslag.strip()
    if dag is not None:
        zitting.naar_partijen_op = dag
    # The accused's answer is moot once the hearing has been held.
    t = termijn(zaak, Soort.VERWEER)
    if t is not None and t.status == "open":
        t.status = "vervallen"
    zaak.gewijzigd_op = nu
    await session.flush()
    await publiceer(session, ZittingGehouden(zaak=zaak, actor=actor, nu=nu, zitting=zitting))
    return zitting
