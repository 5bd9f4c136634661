"""Procedural steps on a case. Every status change goes through `overgang`: one place for
the transition check and its side effects (deadlines settled or lapsed, timeline entry)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.atw import Kalender
from commissie.fouten import Conflict, GeenToegang, OngeldigeInvoer
from commissie.regios import Regios
from commissie.tijd import vandaag
from commissie.zaken import toegang
from commissie.zaken.models import Verdaging, Zaak
from commissie.zaken.regels import (
    AFGEROND,
    LABEL,
    VERVALT_BIJ,
    VOLDAAN_BIJ,
    Status,
    controleer_overgang,
)
from commissie.zaken.schemas import OntvankelijkheidIn, VerdagingIn
from commissie.zaken.service import commissie_of_fout, gebeurtenis, haal_zaak, herbereken_termijnen
from commissie.zaken.termijnen import Soort, toets_verdaging, weken_tekst


def _datum(gegeven: date | None, nu: datetime, veld: str) -> date:
    dag = gegeven or vandaag(nu)
    if dag > vandaag(nu):
        raise OngeldigeInvoer(f"Veld '{veld}': {dag.isoformat()} ligt in de toekomst.", veld=veld)
    return dag


async def zaak_voor_behandeling(
    session: AsyncSession, actor: Actor, nummer: str, nu: datetime
) -> Zaak:
    zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu, actie="behandeling")
    if not toegang.mag_behandelen(actor, zaak):
        raise GeenToegang("Alleen het secretariaat van de commissie zet procedurestappen.")
    return zaak


def overgang(
    zaak: Zaak, naar: Status, *, actor: Actor, nu: datetime, op: date, toelichting: str = ""
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
    tekst = f"Status: {LABEL[van]} → {LABEL[naar]}."
    if toelichting.strip():
        tekst += f" {toelichting.strip()}"
    gebeurtenis(
        zaak, actor=actor, nu=nu, soort="status", tekst=tekst, van=van.value, naar=naar.value
    )


async def wijzig_status(
    *, session: AsyncSession, actor: Actor, nummer: str, naar: str, toelichting: str, nu: datetime
) -> Zaak:
    try:
        doel = Status(naar)
    except ValueError:
        namen = ", ".join(s.value for s in Status)
        raise OngeldigeInvoer(
            f"Veld 'status': onbekende status '{naar}'; bekend zijn {namen}.", veld="status"
        ) from None
    zaak = await zaak_voor_behandeling(session, actor, nummer, nu)
    controleer_overgang(Status(zaak.status), doel)  # what is allowed now comes first
    if doel in (Status.ONTVANKELIJK, Status.NIET_ONTVANKELIJK):
        raise Conflict(
            "Ontvankelijkheid wordt beslist via /ontvankelijkheid, met toelichting en datum."
        )
    if doel in (Status.INGETROKKEN, Status.OPGELOST) and not toelichting.strip():
        raise OngeldigeInvoer(
            f"Veld 'toelichting': zeg waarom de zaak {LABEL[doel]} is.", veld="toelichting"
        )
    overgang(zaak, doel, actor=actor, nu=nu, op=vandaag(nu), toelichting=toelichting)
    await session.commit()
    return zaak


async def beslis_ontvankelijkheid(
    *, session: AsyncSession, actor: Actor, nummer: str, invoer: OntvankelijkheidIn, nu: datetime
) -> Zaak:
    zaak = await zaak_voor_behandeling(session, actor, nummer, nu)
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
    toelichting = invoer.toelichting
    if not invoer.ontvankelijk:
        # Seed 3.5: the complainant may still choose mediation via a vertrouwenspersoon.
        toelichting += " Klager gewezen op bemiddeling via een vertrouwenspersoon."
    overgang(zaak, naar, actor=actor, nu=nu, op=op, toelichting=toelichting)
    await session.commit()
    return zaak


async def verdaag(
    *,
    session: AsyncSession,
    actor: Actor,
    nummer: str,
    invoer: VerdagingIn,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
) -> Zaak:
    zaak = await zaak_voor_behandeling(session, actor, nummer, nu)
    if Status(zaak.status) not in (
        Status.ONTVANGEN,
        Status.ONTVANKELIJK,
        Status.VERWEER,
        Status.ZITTING,
        Status.ADVIES_UITGEBRACHT,
    ):
        raise Conflict(
            f"Verdagen kan alleen zolang het besluit nog niet is genomen; de zaak is {LABEL[Status(zaak.status)]}."
        )
    if not invoer.reden.strip():
        raise OngeldigeInvoer("Veld 'reden': mag niet leeg zijn.", veld="reden")
    op = _datum(invoer.besloten_op, nu, "besloten_op")
    if op < zaak.ontvangen_op:
        raise OngeldigeInvoer(
            "Veld 'besloten_op': ligt vóór de datum van ontvangst.", veld="besloten_op"
        )
    commissie = commissie_of_fout(regios, zaak.commissie_code)
    besluit = next(t for t in zaak.termijnen if t.soort == Soort.BESLUIT.value)
    instemming = invoer.instemming_klager
    if instemming is not None and instemming.datum > vandaag(nu):
        raise OngeldigeInvoer(
            "Veld 'instemming_klager.datum': ligt in de toekomst.", veld="instemming_klager.datum"
        )
    if instemming is not None and instemming.datum < zaak.ontvangen_op:
        raise OngeldigeInvoer(
            "Veld 'instemming_klager.datum': ligt vóór de datum van ontvangst.",
            veld="instemming_klager.datum",
        )
    toets_verdaging(
        eerder_verdaagd_weken=zaak.verdaagd_weken,
        weken=invoer.weken,
        max_weken=commissie.termijnen.verdaging_max_weken,
        instemming_klager=instemming is not None and bool(instemming.kenmerk.strip()),
        besloten_op=op,
        huidige_besluittermijn=besluit.einddatum,
    )
    zaak.verdagingen.append(
        Verdaging(
            weken=invoer.weken,
            reden=invoer.reden.strip(),
            besloten_op=op,
            instemming_datum=instemming.datum if instemming else None,
            instemming_kenmerk=instemming.kenmerk.strip() if instemming else None,
            door_id=actor.id,
            aangemaakt_op=nu,
        )
    )
    zaak.verdaagd_weken += invoer.weken
    zaak.gewijzigd_op = nu
    herbereken_termijnen(zaak, commissie, kalender)
    nieuw = next(t for t in zaak.termijnen if t.soort == Soort.BESLUIT.value)
    gebeurtenis(
        zaak,
        actor=actor,
        nu=nu,
        soort="verdaging",
        tekst=(
            f"Afhandeling verdaagd met {weken_tekst(invoer.weken)} (totaal {weken_tekst(zaak.verdaagd_weken)}); "
            f"besluit nu uiterlijk {nieuw.einddatum.isoformat()}. Klager en beklaagde(n) "
            "schriftelijk in kennis te stellen (Awb 9:11 lid 2)."
            + (
                f" Instemming klager: {instemming.kenmerk} van {instemming.datum.isoformat()}."
                if instemming
                else ""
            )
        ),
        weken=invoer.weken,
        totaal=zaak.verdaagd_weken,
    )
    await session.commit()
    return zaak


async def registreer_ontvangstbevestiging(
    *, session: AsyncSession, actor: Actor, nummer: str, verzonden_op: date | None, nu: datetime
) -> Zaak:
    zaak = await zaak_voor_behandeling(session, actor, nummer, nu)
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
            f"De ontvangstbevestiging is al geregistreerd op {zaak.ontvangstbevestiging_op.isoformat()}."
        )
    zaak.ontvangstbevestiging_op = op
    for t in zaak.termijnen:
        if t.soort == Soort.ONTVANGSTBEVESTIGING.value and t.status == "open":
            t.status, t.voldaan_op = "voldaan", op
    gebeurtenis(
        zaak,
        actor=actor,
        nu=nu,
        soort="ontvangstbevestiging",
        tekst=f"Ontvangstbevestiging verzonden op {op.isoformat()} (Awb 9:6), met vermelding dat de commissie adviseert (Awb 9:15).",
    )
    await session.commit()
    return zaak
