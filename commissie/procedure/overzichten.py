"""Lean lists of what an actor may see: cases and open deadlines (the secretary's Monday)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.fouten import OngeldigeInvoer
from commissie.paginering import lees_cursor, maak_cursor
from commissie.panel.models import Panelzetel, Voorzittersvacature
from commissie.panel.toegang import zichtbaar
from commissie.regios import Regios
from commissie.tijd import vandaag
from commissie.zaken.models import Termijn, Zaak
from commissie.zaken.regels import PANEL_WIJZIGBAAR, Status
from commissie.zaken.schemas import OpenTermijn, TermijnLijst, ZaakLijst, ZaakRij
from commissie.zaken.termijnen import OMSCHRIJVING, Soort, dagen_te_laat


async def lijst_zaken(
    *,
    session: AsyncSession,
    actor: Actor,
    status: str | None = None,
    na: str | None = None,
    limiet: int = 50,
) -> ZaakLijst:
    """Newest first: by year, sequence number and committee. `na` is the opaque cursor from
    the previous page's `volgende`: it carries that sort key of the last case shown, values
    the caller already saw in its case number, never a row id."""
    if status is not None and status not in {s.value for s in Status}:
        raise OngeldigeInvoer(f"Parameter 'status': onbekende status '{status}'.", veld="status")
    volgende_termijn = (
        select(func.min(Termijn.einddatum))
        .where(Termijn.zaak_id == Zaak.id, Termijn.status == "open")
        .correlate(Zaak)
        .scalar_subquery()
    )
    q = (
        select(
            Zaak.id,
            Zaak.nummer,
            Zaak.jaar,
            Zaak.volgnummer,
            Zaak.commissie_code,
            Zaak.status,
            Zaak.ontvangen_op,
            Zaak.korps_code,
            volgende_termijn.label("volgende_termijn"),
        )
        .where(zichtbaar(actor))
        .order_by(Zaak.jaar.desc(), Zaak.volgnummer.desc(), Zaak.commissie_code.desc())
        .limit(limiet + 1)
    )
    if status:
        q = q.where(Zaak.status == status)
    if na is not None:
        jaar, volgnummer, commissie = lees_cursor(na, veld="na", lengte=3)
        if not (isinstance(jaar, int) and isinstance(volgnummer, int)) or not isinstance(
            commissie, str
        ):
            raise OngeldigeInvoer(
                "Veld 'na': geen geldige cursor; gebruik de waarde 'volgende' uit het vorige "
                "antwoord.",
                veld="na",
            )
        q = q.where(
            tuple_(Zaak.jaar, Zaak.volgnummer, Zaak.commissie_code)
            < tuple_(jaar, volgnummer, commissie)
        )
    rijen = (await session.execute(q)).all()
    meer = len(rijen) > limiet
    rijen = rijen[:limiet]
    return ZaakLijst(
        zaken=[
            ZaakRij(
                nummer=r.nummer,
                commissie=r.commissie_code,
                status=r.status,
                ontvangen_op=r.ontvangen_op,
                korps=r.korps_code,
                volgende_termijn=r.volgende_termijn,
            )
            for r in rijen
        ],
        volgende=(
            maak_cursor(rijen[-1].jaar, rijen[-1].volgnummer, rijen[-1].commissie_code)
            if meer and rijen
            else None
        ),
    )


# Within a case, deadlines that fall on one day in their legal order.
_SOORTEN = frozenset(s.value for s in Soort)
_RANG = case({s.value: i for i, s in enumerate(Soort)}, value=Termijn.soort, else_=len(Soort))


async def pagina_termijnen(
    *,
    session: AsyncSession,
    actor: Actor,
    nu: datetime,
    regios: Regios,
    na: str | None = None,
    limiet: int = 200,
) -> TermijnLijst:
    """One page of `open_termijnen`; `na` is the cursor from the previous page's 'volgende'
    (the sort key of its last row: end date, case number, kind)."""
    sleutel = None
    if na is not None:
        d, nummer, soort = lees_cursor(na, veld="na", lengte=3)
        if not (isinstance(d, date) and isinstance(nummer, str) and soort in _SOORTEN):
            raise OngeldigeInvoer(
                "Veld 'na': geen geldige cursor; gebruik de waarde 'volgende' uit het vorige "
                "antwoord.",
                veld="na",
            )
        sleutel = (d, nummer, list(Soort).index(Soort(soort)))
    rijen = await open_termijnen(
        session=session, actor=actor, nu=nu, regios=regios, limiet=limiet + 1, na=sleutel
    )
    meer = len(rijen) > limiet
    rijen = rijen[:limiet]
    laatste = rijen[-1] if meer and rijen else None
    return TermijnLijst(
        termijnen=rijen,
        volgende=maak_cursor(laatste.einddatum, laatste.nummer, laatste.soort) if laatste else None,
    )


def _eigen_commissie(actor: Actor) -> list[ColumnElement[bool]]:
    """A secretary sees their committee's cases (zichtbaar): said once more on the deadline
    itself, so its committee index gives them in date order."""
    if actor.rol is Rol.SECRETARIS and actor.commissie_code:
        return [Termijn.commissie_code == actor.commissie_code]
    return []


async def open_termijnen(
    *,
    session: AsyncSession,
    actor: Actor,
    nu: datetime,
    regios: Regios,
    limiet: int = 500,
    na: tuple[Any, ...] | None = None,
) -> list[OpenTermijn]:
    """Open deadlines the actor may see, overdue first (earliest date first), each with what
    the secretary must act on for its case. `na`: (end date, case number, rank of the kind)
    of the last row already shown."""
    dag = vandaag(nu)
    na_filter = []
    if na is not None:
        d, nummer, rang = na
        na_filter.append(
            or_(
                Termijn.einddatum > d,
                and_(
                    Termijn.einddatum == d,
                    or_(Zaak.nummer > nummer, and_(Zaak.nummer == nummer, rang < _RANG)),
                ),
            )
        )
    zetels = (
        select(func.count(Panelzetel.id))
        .where(Panelzetel.zaak_id == Zaak.id, Panelzetel.actief)
        .correlate(Zaak)
        .scalar_subquery()
    )
    rijen = (
        await session.execute(
            select(
                Zaak.nummer,
                Zaak.commissie_code,
                Zaak.korps_code,
                Zaak.status,
                Termijn.soort,
                Termijn.einddatum,
                Termijn.grondslag,
                Termijn.waarschuwing,
                Voorzittersvacature.waarschuwing.label("vacature"),
                zetels.label("zetels"),
            )
            .join(Zaak, Zaak.id == Termijn.zaak_id)
            .outerjoin(Voorzittersvacature, Voorzittersvacature.zaak_id == Zaak.id)
            # A literal, not a parameter: only then may SQLite use the partial index.
            .where(
                Termijn.status == literal_column("'open'"),
                zichtbaar(actor),
                *_eigen_commissie(actor),
                *na_filter,
            )
            .order_by(Termijn.einddatum, Zaak.nummer, _RANG)
            .limit(limiet)
        )
    ).all()
    uit = []
    for r in rijen:
        waarschuwingen = [w for w in (r.waarschuwing, r.vacature) if w]
        commissie = regios.commissie(r.commissie_code)
        grootte = commissie.panel.grootte if commissie else 0
        if Status(r.status) in PANEL_WIJZIGBAAR and r.zetels < grootte and not r.vacature:
            waarschuwingen.append(
                f"Panel onvolledig: {r.zetels} van {grootte} zetels bezet; vul het panel aan."
            )
        uit.append(
            OpenTermijn(
                nummer=r.nummer,
                soort=r.soort,
                omschrijving=OMSCHRIJVING[Soort(r.soort)],
                einddatum=r.einddatum,
                grondslag=r.grondslag,
                dagen_resterend=(r.einddatum - dag).days,
                te_laat=r.einddatum < dag,
                dagen_te_laat=dagen_te_laat(r.einddatum, None, dag),
                korps=r.korps_code,
                waarschuwingen=waarschuwingen,
            )
        )
    return uit


async def mijn_zetels(*, session: AsyncSession, actor: Actor) -> dict[str, str]:
    """A member's seat per case: case number -> 'voorzitter' | 'lid' (active seats only)."""
    if actor.lid_id is None:
        return {}
    rijen = await session.execute(
        select(Zaak.nummer, Panelzetel.rol)
        .join(Zaak, Zaak.id == Panelzetel.zaak_id)
        .where(Panelzetel.lid_id == actor.lid_id, Panelzetel.actief)
    )
    return {nummer: rol for nummer, rol in rijen.all()}
