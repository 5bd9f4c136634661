"""Hoor en wederhoor: the wederhoor steps, not hearing a party, and what the case shows.

Keyword-only session; steps work on a case loaded with its access check and check that the
actor is the committee's secretariat. Nothing here commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from commissie.accounts.rollen import Actor
from commissie.atw import Kalender
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.regios import Regios, commissie_of_fout
from commissie.tijd import datum_nl, tijdstip_nl, vandaag
from commissie.zaken.models import Termijn, Zaak
from commissie.zaken.rechten import vereis_behandelaar
from commissie.zaken.regels import HOOR_EN_WEDERHOOR, LABEL, Status
from commissie.zaken.stappen import overgang
from commissie.zaken.termijnen import Soort, verweertermijn
from commissie.zittingen.events import HorenAfgezien, WederhoorVastgelegd
from commissie.zittingen.models import AfzienHoren, Wederhoor, Zitting
from commissie.zittingen.regels import (
    ZittingStatus,
    alle_partijen,
    lees_partij,
)
from commissie.zittingen.schemas import AfzienHorenIn, HorenUit, WederhoorIn, WederhoorUit


def beklaagde_ids(zaak: Zaak) -> list[int]:
    return [p.id for p in zaak.partijen if p.rol == "beklaagde"]


def termijn(zaak: Zaak, soort: Soort) -> Termijn | None:
    return next((t for t in zaak.termijnen if t.soort == soort.value), None)


def vereis_hoorfase(zaak: Zaak, wat: str) -> None:
    """409 unless the case is between admissibility and advice, naming the missing step."""
    status = Status(zaak.status)
    if status is Status.ONTVANGEN:
        raise Conflict(
            f"{wat} kan pas als de klacht ontvankelijk is verklaard; die stap ontbreekt nog: "
            f"POST /api/zaken/{zaak.nummer}/ontvankelijkheid."
        )
    if status not in HOOR_EN_WEDERHOOR:
        raise Conflict(f"{wat} kan niet meer: de zaak is {LABEL[status]}.")


async def wederhoor_van(session: AsyncSession, zaak_id: int) -> Wederhoor | None:
    return await session.get(Wederhoor, zaak_id)


async def zittingen_van(session: AsyncSession, zaak_id: int) -> list[Zitting]:
    return list(
        await session.scalars(
            select(Zitting)
            .where(Zitting.zaak_id == zaak_id)
            .options(selectinload(Zitting.wijzigingen))
            .order_by(Zitting.begin, Zitting.id)
        )
    )


async def afzien_van(session: AsyncSession, zaak_id: int) -> list[AfzienHoren]:
    return list(
        await session.scalars(
            select(AfzienHoren).where(AfzienHoren.zaak_id == zaak_id).order_by(AfzienHoren.id)
        )
    )


def _datum(op: date | None, zaak: Zaak, nu: datetime, veld: str) -> date:
    dag = op or vandaag(nu)
    if dag > vandaag(nu):
        raise OngeldigeInvoer(
            f"Veld '{veld}': {datum_nl(dag)} ligt in de toekomst (vandaag is "
            f"{datum_nl(vandaag(nu))}).",
            veld=veld,
        )
    if dag < zaak.ontvangen_op:
        raise OngeldigeInvoer(
            f"Veld '{veld}': {datum_nl(dag)} ligt vóór de ontvangst van de klacht "
            f"({datum_nl(zaak.ontvangen_op)}).",
            veld=veld,
        )
    return dag


async def leg_wederhoor_vast(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: WederhoorIn,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
) -> Wederhoor:
    vereis_behandelaar(actor, zaak)
    stap = invoer.stap.value
    vereis_hoorfase(zaak, f"De wederhoorstap '{stap}'")
    op = _datum(invoer.op, zaak, nu, "op")
    w = await wederhoor_van(session, zaak.id)
    if w is None:
        w = Wederhoor(zaak_id=zaak.id)
        session.add(w)
    eind: date | None = None
    if stap == "afschrift_beklaagde":
        if w.afschrift_beklaagde_op is not None:
            raise Conflict(
                "De stap 'afschrift_beklaagde' is al vastgelegd op "
                f"{datum_nl(w.afschrift_beklaagde_op)}."
            )
        w.afschrift_beklaagde_op = op
        commissie = commissie_of_fout(regios, zaak.commissie_code)
        b = verweertermijn(op, commissie.termijnen.verweer_weken, kalender)
        zaak.termijnen.append(
            Termijn(
                soort=b.soort.value,
                commissie_code=zaak.commissie_code,
                grondslag=b.grondslag,
                wettelijke_einddatum=b.wettelijke_einddatum,
                einddatum=b.einddatum,
                verdaagd_weken=0,
                toelichting=b.toelichting,
                waarschuwing=b.waarschuwing,
                status="open",
            )
        )
        eind = b.einddatum
        if Status(zaak.status) is Status.ONTVANKELIJK:
            await overgang(session, zaak, Status.VERWEER, actor=actor, nu=nu, op=op)
    else:
        if w.afschrift_beklaagde_op is None:
            raise Conflict(
                f"De stap '{stap}' kan pas na de stap 'afschrift_beklaagde' (Awb 9:9); die "
                "ontbreekt nog."
            )
        if op < w.afschrift_beklaagde_op:
            raise OngeldigeInvoer(
                f"Veld 'op': {datum_nl(op)} ligt vóór het afschrift aan de beklaagde "
                f"({datum_nl(w.afschrift_beklaagde_op)}).",
                veld="op",
            )
        kolom = "verweer_ontvangen_op" if stap == "verweer_ontvangen" else "stukken_gedeeld_op"
        eerder = getattr(w, kolom)
        if eerder is not None:
            raise Conflict(f"De stap '{stap}' is al vastgelegd op {datum_nl(eerder)}.")
        setattr(w, kolom, op)
        t = termijn(zaak, Soort.VERWEER)
        if stap == "verweer_ontvangen" and t is not None and t.status == "open":
            t.status, t.voldaan_op = "voldaan", op
    zaak.gewijzigd_op = nu
    await session.flush()
    await publiceer(
        session,
        WederhoorVastgelegd(
            zaak=zaak,
            actor=actor,
            nu=nu,
            stap=invoer.stap,
            op=op,
            toelichting=invoer.toelichting.strip(),
            verweertermijn=eind,
        ),
    )
    return w


def wederhoor_uit(w: Wederhoor | None, zaak: Zaak) -> WederhoorUit:
    t = termijn(zaak, Soort.VERWEER)
    return WederhoorUit(
        afschrift_beklaagde=w.afschrift_beklaagde_op if w else None,
        verweer_ontvangen=w.verweer_ontvangen_op if w else None,
        stukken_gedeeld=w.stukken_gedeeld_op if w else None,
        verweertermijn=t.einddatum if t else None,
    )


def horen_overzicht(
    beklaagden: list[int], zittingen: list[Zitting], afzien: list[AfzienHoren]
) -> list[HorenUit]:
    """Per party whether it has been heard at a held hearing, or why it is not heard."""
    gehoord_op: dict[str, int] = {}
    for z in zittingen:
        if z.status == ZittingStatus.GEHOUDEN:
            for p in z.gehoord:
                gehoord_op.setdefault(p, z.id)
    grond = {a.partij: a.grond for a in afzien}
    return [
        HorenUit(
            partij=p,
            gehoord=p in gehoord_op,
            zitting=gehoord_op.get(p),
            afgezien=p in grond,
            grond=grond.get(p),
        )
        for p in alle_partijen(beklaagden)
    ]


async def zie_af_van_horen(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, invoer: AfzienHorenIn, nu: datetime
) -> AfzienHoren:
    vereis_behandelaar(actor, zaak)
    vereis_hoorfase(zaak, "Afzien van horen")
    partij = lees_partij(invoer.partij, beklaagde_ids(zaak), "partij")
    grond = invoer.grond.strip()
    if not grond:
        raise OngeldigeInvoer(
            "Veld 'grond': noem de grond uit Awb 9:10 lid 2 waarom deze partij niet wordt gehoord.",
            veld="grond",
        )
    for a in await afzien_van(session, zaak.id):
        if a.partij == partij:
            raise Conflict(f"Voor {partij} is al vastgelegd dat van horen is afgezien.")
    for z in await zittingen_van(session, zaak.id):
        if z.status == ZittingStatus.GEHOUDEN and partij in z.gehoord:
            raise Conflict(f"{partij} is al gehoord op de zitting van {tijdstip_nl(z.begin)}.")
    a = AfzienHoren(zaak_id=zaak.id, partij=partij, grond=grond, op=nu, door_id=actor.gebruiker_id)
    session.add(a)
    zaak.gewijzigd_op = nu
    await session.flush()
    await publiceer(
        session, HorenAfgezien(zaak=zaak, actor=actor, nu=nu, partij=partij, grond=grond)
    )
    return a
