"""Lean lists of what an actor may see: cases and open deadlines (the secretary's Monday)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.fouten import OngeldigeInvoer
from commissie.panel.toegang import zichtbaar
from commissie.tijd import vandaag
from commissie.zaken.models import Termijn, Zaak
from commissie.zaken.regels import Status
from commissie.zaken.schemas import OpenTermijn, ZaakLijst, ZaakRij
from commissie.zaken.termijnen import OMSCHRIJVING, Soort


async def lijst_zaken(
    *,
    session: AsyncSession,
    actor: Actor,
    status: str | None = None,
    na: int | None = None,
    limiet: int = 50,
) -> ZaakLijst:
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
            Zaak.commissie_code,
            Zaak.status,
            Zaak.ontvangen_op,
            Zaak.korps_code,
            volgende_termijn.label("volgende_termijn"),
        )
        .where(zichtbaar(actor))
        .order_by(Zaak.id.desc())
        .limit(limiet + 1)
    )
    if status:
        q = q.where(Zaak.status == status)
    if na is not None:
        q = q.where(Zaak.id < na)
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
        volgende=str(rijen[-1].id) if meer and rijen else None,
    )


async def open_termijnen(
    *, session: AsyncSession, actor: Actor, nu: datetime, limiet: int = 500
) -> list[OpenTermijn]:
    """Open deadlines the actor may see, overdue first (earliest date first)."""
    dag = vandaag(nu)
    rijen = (
        await session.execute(
            select(Zaak.nummer, Termijn.soort, Termijn.einddatum, Termijn.grondslag)
            .join(Zaak, Zaak.id == Termijn.zaak_id)
            .where(Termijn.status == "open", zichtbaar(actor))
            .order_by(Termijn.einddatum, Zaak.nummer)
            .limit(limiet)
        )
    ).all()
    return [
        OpenTermijn(
            nummer=r.nummer,
            soort=r.soort,
            omschrijving=OMSCHRIJVING[Soort(r.soort)],
            einddatum=r.einddatum,
            grondslag=r.grondslag,
            dagen_resterend=(r.einddatum - dag).days,
            te_laat=r.einddatum < dag,
        )
        for r in rijen
    ]
