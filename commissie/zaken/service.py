"""Zaken services: register a case, recompute its deadlines, look up its Awb 9:8 signals.

Keyword-only session; the rules come from the pure modules. Nothing here commits: the unit
of work (commissie.eenheid) does."""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.atw import Kalender
from commissie.eenheid import publiceer
from commissie.fouten import GeenToegang, OngeldigeInvoer
from commissie.regios import Commissie, Regios, commissie_of_fout
from commissie.tijd import vandaag
from commissie.typen import VROEGSTE_GEDRAGING, VROEGSTE_ONTVANGST
from commissie.zaken.events import ZaakGeregistreerd
from commissie.zaken.models import Gedraging, Partij, Termijn, Zaak, ZaakCategorie, ZaakTeller
from commissie.zaken.rechten import mag_registreren
from commissie.zaken.regels import BEHANDELD, Status
from commissie.zaken.schemas import ZaakIn
from commissie.zaken.signalen import (
    EerdereZaak,
    Signaal,
    Strafonderzoek,
    achternaam_sleutel,
    naam_overeenkomst,
    signalen_9_8,
)
from commissie.zaken.termijnen import adviesverdaging, bereken_termijnen

# Rows (earlier case x accused x shared date) the 9:8 lookup reads at most.
SIGNAAL_RIJEN = 500


def naam_sleutel(naam: str) -> str:
    # Casefolding can lengthen a name ("ﬀ" -> "ff"); the key must fit its column.
    return re.sub(r"\s+", " ", naam).strip().casefold()[:200]


def _verplicht(waarde: str | None, veld: str) -> str:
    if waarde is None or not waarde.strip():
        raise OngeldigeInvoer(f"Veld '{veld}': mag niet leeg zijn.", veld=veld)
    return waarde.strip()


def _optioneel(waarde: str | None) -> str | None:
    return waarde.strip() or None if waarde is not None else None


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


def herbereken_termijnen(zaak: Zaak, commissie: Commissie, kalender: Kalender) -> None:
    """Recompute every deadline from the facts; keep what was fulfilled or lapsed."""
    bestaand = {t.soort: t for t in zaak.termijnen}
    advies = adviesverdaging(
        zaak.ontvangen_op,
        commissie.termijnen,
        kalender,
        [(v.besloten_op, v.weken) for v in sorted(zaak.verdagingen, key=lambda v: v.id or 0)],
    )
    for b in bereken_termijnen(
        zaak.ontvangen_op, commissie.termijnen, kalender, zaak.verdaagd_weken, advies
    ):
        t = bestaand.get(b.soort.value)
        if t is None:
            t = Termijn(soort=b.soort.value, status="open", commissie_code=zaak.commissie_code)
            zaak.termijnen.append(t)
        elif t.status != "open":
            continue  # met or lapsed: its date is history, a later postponement must not move it
        t.grondslag = b.grondslag
        t.wettelijke_einddatum = b.wettelijke_einddatum
        t.einddatum = b.einddatum
        t.verdaagd_weken = b.verdaagd_weken
        t.toelichting = b.toelichting
        t.waarschuwing = b.waarschuwing


async def volgnummer(session: AsyncSession, commissie: str, jaar: int) -> int:
    """The next case number of a committee and year, from its counter row.

    The upsert takes the row lock (PostgreSQL) or the write lock (SQLite) until the unit of
    work ends: a concurrent registration waits its turn instead of colliding, and one that
    rolls back gives its number back, so the numbers have no gaps."""
    maak = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    stmt = maak(ZaakTeller).values(commissie_code=commissie, jaar=jaar, laatste=1)
    # One statement: the first case of the year inserts 1, every later one adds 1.
    nummer = await session.scalar(
        stmt.on_conflict_do_update(
            index_elements=["commissie_code", "jaar"],
            set_={"laatste": ZaakTeller.laatste + 1},
        ).returning(ZaakTeller.laatste)
    )
    assert nummer is not None
    return nummer


async def registreer_zaak(
    *,
    session: AsyncSession,
    actor: Actor,
    invoer: ZaakIn,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
) -> Zaak:
    """Register a complaint: the case, its parties and deadlines. Entry points call the
    registration flow (commissie.procedure.registratie), which also composes the panel."""
    commissie = commissie_of_fout(regios, invoer.commissie)
    if not mag_registreren(actor, commissie.code):
        raise GeenToegang(f"U mag geen klachten registreren voor commissie {commissie.code}.")
    gedragingsdata = valideer_registratie(invoer, commissie, vandaag(nu))
    zaak = _nieuwe_zaak(invoer, commissie, gedragingsdata, nu)
    zaak.volgnummer = await volgnummer(session, commissie.code, zaak.jaar)
    zaak.nummer = f"{commissie.code}-{zaak.jaar}-{zaak.volgnummer:04d}"
    herbereken_termijnen(zaak, commissie, kalender)
    session.add(zaak)
    await session.flush()
    await publiceer(session, ZaakGeregistreerd(zaak=zaak, actor=actor, nu=nu))
    return zaak


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
            achternaam_sleutel=achternaam_sleutel(k.naam),
            korps_code=k.korps,
            eenheid=_optioneel(k.eenheid),
            functie=_optioneel(k.functie),
            contact=_optioneel(k.contact),
            email=k.email,
        )
    )
    for b in invoer.beklaagden:
        zaak.partijen.append(
            Partij(
                rol="beklaagde",
                naam=b.naam.strip(),
                naam_sleutel=naam_sleutel(b.naam),
                achternaam_sleutel=achternaam_sleutel(b.naam),
                korps_code=b.korps,
                eenheid=_optioneel(b.eenheid),
                functie=_optioneel(b.functie),
                contact=None,  # every party sets the same columns: one batched INSERT
                email=b.email,
            )
        )
    if invoer.vertrouwenspersoon:
        v = invoer.vertrouwenspersoon
        zaak.partijen.append(
            Partij(
                rol="vertrouwenspersoon",
                naam=v.naam.strip(),
                naam_sleutel=naam_sleutel(v.naam),
                achternaam_sleutel=achternaam_sleutel(v.naam),
                korps_code=None,
                eenheid=None,
                functie=None,
                contact=_optioneel(v.contact),
                email=v.email,
            )
        )
    return zaak


async def signalen(*, session: AsyncSession, zaak: Zaak) -> list[Signaal]:
    """Awb 9:8 flags. Earlier complaints in the committee about the same accused (same corps,
    a name that matches or possibly matches) and the same conduct: the lookup joins on this
    case's own conduct dates, so its cost does not grow with the accused's history."""
    eigen = [p for p in zaak.partijen if p.rol == "beklaagde"]
    sleutels = sorted({(p.korps_code, p.achternaam_sleutel) for p in eigen})
    data = sorted({g.datum for g in zaak.gedragingen})
    per_zaak: dict[int, dict[str, object]] = {}
    if sleutels and data:
        rijen = (
            await session.execute(
                select(
                    Zaak.id,
                    Zaak.nummer,
                    Zaak.ontvangen_op,
                    Zaak.status,
                    Partij.naam,
                    Partij.korps_code,
                    Gedraging.datum,
                )
                .join(Partij, Partij.zaak_id == Zaak.id)
                .join(Gedraging, Gedraging.zaak_id == Zaak.id)
                .where(
                    Zaak.commissie_code == zaak.commissie_code,
                    # Only complaints that came in before this one (Awb 9:8 lid 1 sub a).
                    or_(
                        Zaak.ontvangen_op < zaak.ontvangen_op,
                        and_(Zaak.ontvangen_op == zaak.ontvangen_op, Zaak.id < zaak.id),
                    ),
                    Partij.rol == "beklaagde",
                    # One (corps, surname) pair per branch: SQLite uses only the first column
                    # of a tuple-IN for its index, and would scan every accused of the corps.
                    or_(
                        *(
                            and_(Partij.korps_code == k, Partij.achternaam_sleutel == a)
                            for k, a in sleutels
                        )
                    ),
                    Gedraging.datum.in_(data),
                )
                # Bounded: the most recent overlaps first, never the whole history.
                .order_by(Zaak.ontvangen_op.desc(), Zaak.id.desc())
                .limit(SIGNAAL_RIJEN)
            )
        ).all()
        for r in rijen:
            overeenkomsten = {
                naam_overeenkomst(p.naam, r.naam) for p in eigen if p.korps_code == r.korps_code
            }
            if "zelfde" in overeenkomsten:
                soort = "zelfde"
            elif "mogelijk" in overeenkomsten:
                soort = "mogelijk"
            else:
                continue  # same surname key, but the initials tell them apart
            z = per_zaak.setdefault(
                r.id,
                {"rij": r, "data": set(), "beklaagde": soort},
            )
            z["data"].add(r.datum)  # type: ignore[attr-defined]
            if soort == "zelfde":
                z["beklaagde"] = "zelfde"
    eerdere = [
        EerdereZaak(
            nummer=z["rij"].nummer,  # type: ignore[attr-defined]
            ontvangen_op=z["rij"].ontvangen_op,  # type: ignore[attr-defined]
            behandeld=Status(z["rij"].status) in BEHANDELD,  # type: ignore[attr-defined]
            gedragingsdata=tuple(sorted(z["data"])),  # type: ignore[call-overload]
            beklaagde=z["beklaagde"],  # type: ignore[arg-type]
        )
        for z in sorted(per_zaak.values(), key=lambda z: z["rij"].nummer)  # type: ignore[attr-defined]
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
