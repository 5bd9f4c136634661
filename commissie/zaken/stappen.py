"""Procedural steps on a case. Every status change goes through `overgang`: one place for the
transition check and its side effects (deadlines settled or lapsed, the event).

Steps work on a case the caller loaded with its access check (commissie.panel.toegang) and
check themselves that the actor is the committee's secretariat. Nothing here commits."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.atw import Kalender
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.regios import Regios, commissie_of_fout
from commissie.tijd import vandaag
from commissie.zaken.events import (
    OntvangstBevestigd,
    OntvankelijkheidBeslist,
    StatusGewijzigd,
    Verdaagd,
)
from commissie.zaken.models import Verdaging, Zaak
from commissie.zaken.rechten import vereis_behandelaar
from commissie.zaken.regels import (
    AFGEROND,
    EIGEN_STAP,
    LABEL,
    VERDAGING_MOGELIJK,
    VERVALT_BIJ,
    VOLDAAN_BIJ,
    Status,
    controleer_overgang,
)
from commissie.zaken.schemas import OntvankelijkheidIn, VerdagingIn
from commissie.zaken.service import herbereken_termijnen
from commissie.zaken.termijnen import Soort, toets_verdaging


def _datum(gegeven: date | None, nu: datetime, veld: str) -> date:
    dag = gegeven or vandaag(nu)
    if dag > vandaag(nu):
        raise OngeldigeInvoer(f"Veld '{veld}': {dag.isoformat()} ligt in de toekomst.", veld=veld)
    return dag


async def overgang(
    session: AsyncSession,
    zaak: Zaak,
    naar: Status,
    *,
    actor: Actor | None,
    nu: datetime,
    op: date,
    toelichting: str = "",
) -> None:
    van = Status(zaak.status)
    controleer_overgang(van, naar)
    zaak.status = naar.value
    zaak.gewijzigd_op = nu
    if naar is Status.ZITTING:
        zaak.zitting_op = op
    voldaan = VOLDAAN_BIJ.get(naar, frozenset())
    vervalt = VERVALT_BIJ.get(naar, frozenset())
    for t in zaak.termijnen:
        if t.status != "open":
            continue
        if Soort(t.soort) in voldaan:
            t.status, t.voldaan_op = "voldaan", op
        elif Soort(t.soort) in vervalt:
            t.status = "vervallen"
    await publiceer(
        session,
        StatusGewijzigd(
            zaak=zaak, actor=actor, nu=nu, van=van, naar=naar, op=op, toelichting=toelichting
        ),
    )


async def wijzig_status(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, naar: str, toelichting: str, nu: datetime
) -> Zaak:
    try:
        doel = Status(naar)
    except ValueError:
        namen = ", ".join(s.value for s in Status)
        raise OngeldigeInvoer(
            f"Veld 'status': onbekende status '{naar}'; bekend zijn {namen}.", veld="status"
        ) from None
    vereis_behandelaar(actor, zaak)
    controleer_overgang(Status(zaak.status), doel)  # what is allowed now comes first
    if doel in EIGEN_STAP:
        stap = EIGEN_STAP[doel].format(nummer=zaak.nummer)
        raise Conflict(
            f"De status '{doel.value}' heeft een eigen stap met datum en gronden: gebruik {stap}."
        )
    if doel in (Status.INGETROKKEN, Status.OPGELOST) and not toelichting.strip():
        raise OngeldigeInvoer(
            f"Veld 'toelichting': zeg waarom de zaak {LABEL[doel]} is.", veld="toelichting"
        )
    await overgang(session, zaak, doel, actor=actor, nu=nu, op=vandaag(nu), toelichting=toelichting)
    return zaak


async def beslis_ontvankelijkheid(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, invoer: OntvankelijkheidIn, nu: datetime
) -> Zaak:
    vereis_behandelaar(actor, zaak)
    op = _datum(invoer.besloten_op, nu, "besloten_op")
    if op < zaak.ontvangen_op:
        raise OngeldigeInvoer(
            "Veld 'besloten_op': ligt vóór de datum van ontvangst.", veld="besloten_op"
        )
    if not invoer.ontvankelijk and not invoer.toelichting.strip():
        raise OngeldigeInvoer(
            "Veld 'toelichting': zeg op welke grond de klacht niet-ontvankelijk is "
            "(bijvoorbeeld Awb 9:8).",
            veld="toelichting",
        )
    naar = Status.ONTVANKELIJK if invoer.ontvankelijk else Status.NIET_ONTVANKELIJK
    toelichting = invoer.toelichting.strip()
    if not invoer.ontvankelijk:
        # Seed 3.5: the complainant may still choose mediation via a vertrouwenspersoon.
        toelichting += " Klager gewezen op bemiddeling via een vertrouwenspersoon."
    await overgang(session, zaak, naar, actor=actor, nu=nu, op=op, toelichting=toelichting)
    await publiceer(
        session,
        OntvankelijkheidBeslist(
            zaak=zaak,
            actor=actor,
            nu=nu,
            ontvankelijk=invoer.ontvankelijk,
            besloten_op=op,
            gronden=invoer.toelichting.strip(),
        ),
    )
    return zaak


async def verdaag(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: VerdagingIn,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
) -> Zaak:
    vereis_behandelaar(actor, zaak)
    status = Status(zaak.status)
    if status not in VERDAGING_MOGELIJK:
        raise Conflict(
            "Verdagen kan alleen zolang het besluit nog niet is genomen; "
            f"de zaak is {LABEL[status]}."
        )
    if not invoer.reden.strip():
        raise OngeldigeInvoer("Veld 'reden': mag niet leeg zijn.", veld="reden")
    commissie = commissie_of_fout(regios, zaak.commissie_code)
    besluit = next(t for t in zaak.termijnen if t.soort == Soort.BESLUIT.value)
    instemming = invoer.instemming_klager
    vorige = max((v.besloten_op for v in zaak.verdagingen), default=None)
    toets = toets_verdaging(
        eerder_verdaagd_weken=zaak.verdaagd_weken,
        weken=invoer.weken,
        max_weken=commissie.termijnen.verdaging_max_weken,
        ontvangen_op=zaak.ontvangen_op,
        besloten_op=invoer.besloten_op or vandaag(nu),
        mededeling_op=invoer.mededeling_op,
        huidige_besluittermijn=besluit.einddatum,
        vandaag=vandaag(nu),
        vorige_besloten_op=vorige,
        instemming_op=instemming.datum if instemming else None,
        instemming_kenmerk=instemming.kenmerk if instemming else None,
    )
    verdaging = Verdaging(
        weken=invoer.weken,
        reden=invoer.reden.strip(),
        besloten_op=invoer.besloten_op or vandaag(nu),
        mededeling_op=invoer.mededeling_op,
        te_laat_vastgelegd=toets.te_laat_vastgelegd,
        instemming_datum=instemming.datum if instemming else None,
        instemming_kenmerk=instemming.kenmerk.strip() if instemming else None,
        door_id=actor.gebruiker_id,
        aangemaakt_op=nu,
    )
    zaak.verdagingen.append(verdaging)
    await session.flush()  # its id orders it among the earlier ones
    zaak.verdaagd_weken = toets.totaal_weken
    zaak.gewijzigd_op = nu
    herbereken_termijnen(zaak, commissie, kalender)
    nieuw = next(t for t in zaak.termijnen if t.soort == Soort.BESLUIT.value)
    await publiceer(
        session,
        Verdaagd(
            zaak=zaak,
            actor=actor,
            nu=nu,
            verdaging=verdaging,
            totaal_weken=zaak.verdaagd_weken,
            besluit_uiterlijk=nieuw.einddatum,
        ),
    )
    return zaak


async def registreer_ontvangstbevestiging(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, verzonden_op: date | None, nu: datetime
) -> Zaak:
    vereis_behandelaar(actor, zaak)
    if Status(zaak.status) in AFGEROND:
        raise Conflict(
            f"De zaak is {LABEL[Status(zaak.status)]}; er valt niets meer te bevestigen."
        )
    op = _datum(verzonden_op, nu, "verzonden_op")
    if op < zaak.ontvangen_op:
        raise OngeldigeInvoer(
            "Veld 'verzonden_op': ligt vóór de datum van ontvangst.", veld="verzonden_op"
        )
    if zaak.ontvangstbevestiging_op is not None:
        raise Conflict(
            "De ontvangstbevestiging is al geregistreerd op "
            f"{zaak.ontvangstbevestiging_op.isoformat()}."
        )
    zaak.ontvangstbevestiging_op = op
    for t in zaak.termijnen:
        if t.soort == Soort.ONTVANGSTBEVESTIGING.value and t.status == "open":
            t.status, t.voldaan_op = "voldaan", op
    await publiceer(session, OntvangstBevestigd(zaak=zaak, actor=actor, nu=nu, verzonden_op=op))
    return zaak
