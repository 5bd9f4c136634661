"""Need-to-know: the one place that decides which cases a person may see.

Every query for cases goes through `zichtbaar`, so access is checked in the query, not only in
the page. It lives in the panel layer because a member sees exactly the cases where it holds a
seat. Every look at a case file is recorded (`haal_zaak`)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, exists, false, join, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased, contains_eager

from commissie.accounts.rollen import Actor, Rol
from commissie.db import soorten
from commissie.fouten import NietGevonden
from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel
from commissie.zaken.models import (
    Gebeurtenis,
    Gedraging,
    Inzage,
    Partij,
    Termijn,
    Verdaging,
    Zaak,
    ZaakCategorie,
)
from commissie.zaken.regels import VOOR_KORPSLEIDING


def zichtbaar(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on Zaak for what `actor` may see."""
    if actor.rol is Rol.SECRETARIS and actor.commissie_code:
        return Zaak.commissie_code == actor.commissie_code
    if actor.rol is Rol.LID and actor.lid_id is not None:
        # An active seat of a member who is still on the committee.
        return exists(
            select(Panelzetel.id)
            .join(Lid, Lid.id == Panelzetel.lid_id)
            .where(
                Panelzetel.zaak_id == Zaak.id,
                Panelzetel.lid_id == actor.lid_id,
                Panelzetel.actief,
                Lid.actief,
            )
        )
    if actor.rol is Rol.KORPSLEIDING and actor.korps_code:
        # Addressed to the corps where the accused works (Awb 9:15).
        return and_(
            Zaak.status.in_([s.value for s in VOOR_KORPSLEIDING]),
            exists(
                select(Partij.id).where(
                    Partij.zaak_id == Zaak.id,
                    Partij.rol == "beklaagde",
                    Partij.korps_code == actor.korps_code,
                )
            ),
        )
    # The functional administrator manages configuration, not case content.
    return false()


def _dossierdelen() -> tuple[Any, tuple[Any, ...], tuple[Any, ...]]:
    """The case with its six collections in one statement (one round trip, not seven): each
    collection joins on its own k, so a case with p parties and g dates gives p + g + ... rows,
    never p * g. Ordered as the relationships' order_by, so the lists come out the same.

    Built once: making the six aliases and their options costs milliseconds per request."""
    soort = soorten(6)
    k = soort.c.k
    partij, categorie, gedraging = aliased(Partij), aliased(ZaakCategorie), aliased(Gedraging)
    termijn, verdaging, gebeurtenis = aliased(Termijn), aliased(Verdaging), aliased(Gebeurtenis)
    van = (
        join(Zaak, soort, true())
        .outerjoin(partij, and_(k == 1, partij.zaak_id == Zaak.id))
        .outerjoin(categorie, and_(k == 2, categorie.zaak_id == Zaak.id))
        .outerjoin(gedraging, and_(k == 3, gedraging.zaak_id == Zaak.id))
        .outerjoin(termijn, and_(k == 4, termijn.zaak_id == Zaak.id))
        .outerjoin(verdaging, and_(k == 5, verdaging.zaak_id == Zaak.id))
        .outerjoin(gebeurtenis, and_(k == 6, gebeurtenis.zaak_id == Zaak.id))
    )
    opties = (
        contains_eager(Zaak.partijen.of_type(partij)),
        contains_eager(Zaak.categorieen.of_type(categorie)),
        contains_eager(Zaak.gedragingen.of_type(gedraging)),
        contains_eager(Zaak.termijnen.of_type(termijn)),
        contains_eager(Zaak.verdagingen.of_type(verdaging)),
        contains_eager(Zaak.gebeurtenissen.of_type(gebeurtenis)),
    )
    orde = (
        k,
        partij.id,
        categorie.categorie,
        gedraging.datum,
        termijn.einddatum,
        termijn.id,
        verdaging.id,
        gebeurtenis.id,
    )
    return van, opties, orde


_VAN, _OPTIES, _ORDE = _dossierdelen()


def _dossier(actor: Actor, nummer: str) -> Select[tuple[Zaak]]:
    return (
        select(Zaak)
        .select_from(_VAN)
        .where(Zaak.nummer == nummer, zichtbaar(actor))
        .options(*_OPTIES)
        .order_by(*_ORDE)
    )


async def haal_zaak(
    *, session: AsyncSession, actor: Actor, nummer: str, nu: datetime, actie: str = "inzage"
) -> Zaak:
    """Load one case the actor may see (404 otherwise, so existence does not leak) and record
    the look in this unit of work: it is committed with the response that shows the case."""
    zaak = (await session.scalars(_dossier(actor, nummer))).unique().first()
    if zaak is None:
        raise NietGevonden(f"Zaak {nummer} bestaat niet of u heeft er geen toegang toe.")
    session.add(
        Inzage(
            zaak_id=zaak.id,
            gebruiker_id=actor.gebruiker_id,
            door_naam=actor.gebruikersnaam,
            op=nu,
            actie=actie,
        )
    )
    return zaak
