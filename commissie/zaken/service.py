"""Zaken services: register, read, list. Keyword-only session; rules come from the pure modules."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from commissie.accounts.rollen import Actor
from commissie.atw import Kalender
from commissie.fouten import GeenToegang, NietGevonden, OngeldigeInvoer
from commissie.regios import Commissie, Regios
from commissie.tijd import vandaag
from commissie.typen import VROEGSTE_GEDRAGING, VROEGSTE_ONTVANGST
from commissie.zaken import toegang
from commissie.zaken.models import (
    Gebeurtenis,
    Gedraging,
    Inzage,
    Partij,
    Termijn,
    Zaak,
    ZaakCategorie,
)
from commissie.zaken.regels import Status
from commissie.zaken.schemas import ZaakIn
from commissie.zaken.signalen import EerdereZaak, Signaal, Strafonderzoek, signalen_9_8
from commissie.zaken.termijnen import bereken_termijnen

_BEHANDELD = {Status.ADVIES_UITGEBRACHT, Status.BESLUIT_GENOMEN, Status.AFGESLOTEN}


def naam_sleutel(naam: str) -> str:
    return re.sub(r"\s+", " ", naam).strip().casefold()


def _verplicht(waarde: str | None, veld: str) -> str:
    if waarde is None or not waarde.strip():
        raise OngeldigeInvoer(f"Veld '{veld}': mag niet leeg zijn.", veld=veld)
    return waarde.strip()


def _optioneel(waarde: str | None) -> str | None:
    return waarde.strip() or None if waarde is not None else None


def commissie_of_fout(regios: Regios, code: str, veld: str = "commissie") -> Commissie:
    c = regios.commissie(code)
    if c is None:
        bekend = ", ".join(sorted(regios.commissies))
        raise OngeldigeInvoer(
            f"Veld '{veld}': onbekende commissie '{code}'; bekend zijn {bekend}.", veld=veld
        )
    return c


def valideer_registratie(invoer: ZaakIn, commissie: Commissie, vandaag_: date) -> list[date]:
    """Checks beyond the schema; returns the conduct dates. Raises OngeldigeInvoer."""

    def korps(code: str, veld: str) -> None:
        if code not in commissie.korpsen:
            leden = ", ".join(commissie.korpsen)
            raise OngeldigeInvoer(
                f"Veld '{veld}': korps '{code}' hoort niet bij commissie {commissie.code} "
                f"(wel: {leden}).",
                veld=veld,
            )

    if invoer.ontvangen_op < VROEGSTE_ONTVANGST:
        raise OngeldigeInvoer(
            f"Veld 'ontvangen_op': {invoer.ontvangen_op.isoformat()} ligt vóór "
            f"{VROEGSTE_ONTVANGST.isoformat()}; controleer het jaartal.",
            veld="ontvangen_op",
        )
    if invoer.ontvangen_op > vandaag_:
        raise OngeldigeInvoer(
            f"Veld 'ontvangen_op': {invoer.ontvangen_op.isoformat()} ligt in de toekomst.",
            veld="ontvangen_op",
        )
    _verplicht(invoer.omschrijving, "omschrijving")
    _verplicht(invoer.klager.naam, "klager.naam")
    korps(invoer.klager.korps, "klager.korps")
    for i, b in enumerate(invoer.beklaagden):
        _verplicht(b.naam, f"beklaagden[{i}].naam")
        korps(b.korps, f"beklaagden[{i}].korps")
    if len(set(invoer.categorieen)) != len(invoer.categorieen):
        raise OngeldigeInvoer(
            "Veld 'categorieen': een categorie staat er meer dan eens in.", veld="categorieen"
        )
    data = invoer.gedraging_op if isinstance(invoer.gedraging_op, list) else [invoer.gedraging_op]
    for d in data:
        if d < VROEGSTE_GEDRAGING:
            raise OngeldigeInvoer(
                f"Veld 'gedraging_op': {d.isoformat()} ligt vóór {VROEGSTE_GEDRAGING.isoformat()}; "
                "controleer het jaartal.",
                veld="gedraging_op",
            )
        if d > invoer.ontvangen_op:
            raise OngeldigeInvoer(
                f"Veld 'gedraging_op': {d.isoformat()} ligt na de datum van ontvangst.",
                veld="gedraging_op",
            )
    if invoer.vertrouwenspersoon is not None:
        _verplicht(invoer.vertrouwenspersoon.naam, "vertrouwenspersoon.naam")
    so = invoer.strafrechtelijk_onderzoek
    if so is not None and so.sinds is not None and so.sinds < VROEGSTE_GEDRAGING:
        raise OngeldigeInvoer(
            "Veld 'strafrechtelijk_onderzoek.sinds': controleer het jaartal.",
            veld="strafrechtelijk_onderzoek.sinds",
        )
    if so is not None and so.sinds is not None and so.sinds > vandaag_:
        raise OngeldigeInvoer(
            "Veld 'strafrechtelijk_onderzoek.sinds': ligt in de toekomst.",
            veld="strafrechtelijk_onderzoek.sinds",
        )
    return sorted(set(data))


def gebeurtenis(
    zaak: Zaak, *, actor: Actor | None, nu: datetime, soort: str, tekst: str, **gegevens: object
) -> None:
    """Add a timeline entry. Facts only: never the complaint's content."""
    zaak.gebeurtenissen.append(
        Gebeurtenis(
            op=nu,
            door_id=actor.id if actor else None,
            door_naam=actor.gebruikersnaam if actor else "systeem",
            soort=soort,
            omschrijving=tekst,
            gegevens=dict(gegevens),
        )
    )


def herbereken_termijnen(zaak: Zaak, commissie: Commissie, kalender: Kalender) -> None:
    """Recompute every deadline from the facts; keep what was fulfilled or lapsed."""
    bestaand = {t.soort: t for t in zaak.termijnen}
    for b in bereken_termijnen(
        zaak.ontvangen_op, commissie.termijnen, kalender, zaak.verdaagd_weken
    ):
        t = bestaand.get(b.soort.value)
        if t is None:
            t = Termijn(soort=b.soort.value, status="open")
            zaak.termijnen.append(t)
        elif t.status != "open":
            continue  # met or lapsed: its date is history, a later postponement must not move it
        t.grondslag = b.grondslag
        t.wettelijke_einddatum = b.wettelijke_einddatum
        t.einddatum = b.einddatum
        t.verdaagd_weken = b.verdaagd_weken
        t.toelichting = b.toelichting


async def _volgnummer(session: AsyncSession, commissie: str, jaar: int) -> int:
    hoogste = await session.scalar(
        select(func.max(Zaak.volgnummer)).where(Zaak.commissie_code == commissie, Zaak.jaar == jaar)
    )
    return (hoogste or 0) + 1


async def registreer_zaak(
    *,
    session: AsyncSession,
    actor: Actor,
    invoer: ZaakIn,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
    na_invoegen: Callable[[Zaak, Commissie], Awaitable[str | None]] | None = None,
) -> tuple[Zaak, list[str]]:
    """Register a complaint; `na_invoegen` runs in the same transaction (the panel) and may
    return a warning that does not block the registration."""
    commissie = commissie_of_fout(regios, invoer.commissie)
    if not toegang.mag_registreren(actor, commissie.code):
        raise GeenToegang(f"U mag geen klachten registreren voor commissie {commissie.code}.")
    gedragingsdata = valideer_registratie(invoer, commissie, vandaag(nu))
    # The number is max+1 under a unique constraint: a concurrent registration that takes
    # the same number fails on insert and is simply tried again.
    for poging in range(5):
        zaak = _nieuwe_zaak(invoer, commissie, gedragingsdata, nu)
        zaak.volgnummer = await _volgnummer(session, commissie.code, zaak.jaar)
        zaak.nummer = f"{commissie.code}-{zaak.jaar}-{zaak.volgnummer:04d}"
        herbereken_termijnen(zaak, commissie, kalender)
        gebeurtenis(
            zaak,
            actor=actor,
            nu=nu,
            soort="ontvangen",
            tekst=f"Klacht geregistreerd (ontvangen op {invoer.ontvangen_op.isoformat()}).",
        )
        session.add(zaak)
        waarschuwingen: list[str] = []
        try:
            await session.flush()
            if na_invoegen is not None:
                w = await na_invoegen(zaak, commissie)
                waarschuwingen += [w] if w else []
            await session.commit()
        except IntegrityError:
            await session.rollback()
            if poging == 4:
                raise
            continue
        return zaak, waarschuwingen
    raise AssertionError("unreachable")


def _nieuwe_zaak(
    invoer: ZaakIn, commissie: Commissie, gedragingsdata: list[date], nu: datetime
) -> Zaak:
    so = invoer.strafrechtelijk_onderzoek
    zaak = Zaak(
        commissie_code=commissie.code,
        jaar=invoer.ontvangen_op.year,
        status=Status.ONTVANGEN.value,
        ontvangen_op=invoer.ontvangen_op,
        geregistreerd_op=nu,
        korps_code=invoer.klager.korps,
        omschrijving=invoer.omschrijving.strip(),
        verdaagd_weken=0,
        strafonderzoek_lopend=bool(so and so.lopend),
        strafonderzoek_sinds=so.sinds if so else None,
        strafonderzoek_kenmerk=_optioneel(so.kenmerk) if so else None,
        gewijzigd_op=nu,
        partijen=[],
        categorieen=[ZaakCategorie(categorie=c.value) for c in invoer.categorieen],
        gedragingen=[Gedraging(datum=d) for d in gedragingsdata],
        termijnen=[],
        verdagingen=[],
        gebeurtenissen=[],
    )
    k = invoer.klager
    zaak.partijen.append(
        Partij(
            rol="klager",
            naam=k.naam.strip(),
            naam_sleutel=naam_sleutel(k.naam),
            korps_code=k.korps,
            eenheid=_optioneel(k.eenheid),
            functie=_optioneel(k.functie),
            contact=_optioneel(k.contact),
        )
    )
    for b in invoer.beklaagden:
        zaak.partijen.append(
            Partij(
                rol="beklaagde",
                naam=b.naam.strip(),
                naam_sleutel=naam_sleutel(b.naam),
                korps_code=b.korps,
                eenheid=_optioneel(b.eenheid),
                functie=_optioneel(b.functie),
            )
        )
    if invoer.vertrouwenspersoon:
        v = invoer.vertrouwenspersoon
        zaak.partijen.append(
            Partij(
                rol="vertrouwenspersoon",
                naam=v.naam.strip(),
                naam_sleutel=naam_sleutel(v.naam),
                contact=_optioneel(v.contact),
            )
        )
    return zaak


_DETAIL = (
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
    """Load one case the actor may see (404 otherwise, so existence does not leak); log the look."""
    zaak = await session.scalar(
        select(Zaak).where(Zaak.nummer == nummer, toegang.zichtbaar(actor)).options(*_DETAIL)
    )
    if zaak is None:
        raise NietGevonden(f"Zaak {nummer} bestaat niet of u heeft er geen toegang toe.")
    session.add(Inzage(zaak_id=zaak.id, gebruiker_id=actor.id, op=nu, actie=actie))
    return zaak


async def signalen(*, session: AsyncSession, zaak: Zaak) -> list[Signaal]:
    """Awb 9:8 flags; looks up earlier cases against the same accused in the committee."""
    beklaagden = {(p.korps_code, p.naam_sleutel) for p in zaak.partijen if p.rol == "beklaagde"}
    eerdere: list[EerdereZaak] = []
    rijen = (
        await session.execute(
            select(Zaak.id, Zaak.nummer, Zaak.ontvangen_op, Zaak.status)
            .join(Partij, Partij.zaak_id == Zaak.id)
            .where(
                Zaak.commissie_code == zaak.commissie_code,
                # Only complaints that came in before this one (Awb 9:8 lid 1 sub a).
                or_(
                    Zaak.ontvangen_op < zaak.ontvangen_op,
                    and_(Zaak.ontvangen_op == zaak.ontvangen_op, Zaak.id < zaak.id),
                ),
                Partij.rol == "beklaagde",
                tuple_(Partij.korps_code, Partij.naam_sleutel).in_(sorted(beklaagden)),
            )
            .distinct()
        )
    ).all()
    if rijen:
        data: dict[int, list[date]] = {}
        for zid, d in (
            await session.execute(
                select(Gedraging.zaak_id, Gedraging.datum).where(
                    Gedraging.zaak_id.in_([r.id for r in rijen])
                )
            )
        ).all():
            data.setdefault(zid, []).append(d)
        eerdere = [
            EerdereZaak(
                nummer=r.nummer,
                ontvangen_op=r.ontvangen_op,
                behandeld=Status(r.status) in _BEHANDELD,
                gedragingsdata=tuple(sorted(data.get(r.id, []))),
            )
            for r in sorted(rijen, key=lambda r: r.nummer)
        ]
    return signalen_9_8(
        ontvangen_op=zaak.ontvangen_op,
        gedragingsdata=tuple(g.datum for g in zaak.gedragingen),
        strafonderzoek=Strafonderzoek(
            lopend=zaak.strafonderzoek_lopend,
            sinds=zaak.strafonderzoek_sinds,
            kenmerk=zaak.strafonderzoek_kenmerk,
        ),
        eerdere_zaken=tuple(eerdere),
    )
