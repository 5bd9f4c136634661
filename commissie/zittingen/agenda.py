"""A member's agenda feed: `/agenda/{secret}.ics`, subscribed to from a calendar app.

Calendar apps cannot log in, so the unguessable secret in the URL is the key. The database
holds only its SHA-256 (to find the member) and a random nonce; the secret itself is the HMAC of
that nonce under the application's secret, so the member can be shown its URL again while a
copy of the database alone does not open any feed. Renewing draws a new nonce: the old URL
answers 404 from then on."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from datetime import datetime, timedelta

from sqlalchemy import ForeignKey, String, func, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from commissie.accounts.rollen import Actor, Rol
from commissie.db import Base
from commissie.fouten import GeenToegang, NietGevonden
from commissie.leden.models import Lid
from commissie.regios import Regios
from commissie.zaken.models import Zaak
from commissie.zittingen.ical import feed
from commissie.zittingen.models import Agendaregel, Zitting, Zittingwijziging
from commissie.zittingen.regels import ZittingStatus
from commissie.zittingen.uitnodigingen import afspraak_van

# How long a cancelled hearing stays in the feed (as STATUS:CANCELLED) after its cancellation.
GEANNULEERD_ZICHTBAAR = timedelta(days=30)
# A hearing stays in the feed this long after it ended: the feed of a member of twenty years
# is not twenty years of hearings (and its cost stays bounded by the recent ones).
AFGELOPEN_ZICHTBAAR = timedelta(days=90)
FEEDNAAM = "Zittingen klachtencommissie"
_GEHEIM_VORM = re.compile(r"^[0-9a-f]{64}$")


class Agendasleutel(Base):
    __tablename__ = "agendasleutel"

    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id", ondelete="CASCADE"), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64))
    sleutel_hash: Mapped[str] = mapped_column(String(64), unique=True)
    aangemaakt_op: Mapped[datetime]


def geheim_van(app_geheim: str, nonce: str) -> str:
    return hmac.new(app_geheim.encode(), nonce.encode(), hashlib.sha256).hexdigest()


def sleutel_hash(geheim: str) -> str:
    return hashlib.sha256(geheim.encode()).hexdigest()


def feed_pad(geheim: str) -> str:
    return f"/agenda/{geheim}.ics"


def _vereis_lid(actor: Actor) -> int:
    if actor.rol is not Rol.LID or actor.lid_id is None:
        raise GeenToegang("Alleen commissieleden hebben een agenda met hun zittingen.")
    return actor.lid_id


async def agendageheim(
    *, session: AsyncSession, actor: Actor, app_geheim: str, nu: datetime, vernieuw: bool = False
) -> str:
    """The member's feed secret: made on first request, replaced when `vernieuw`."""
    lid_id = _vereis_lid(actor)
    rij = await session.get(Agendasleutel, lid_id)
    if rij is not None and not vernieuw:
        geheim = geheim_van(app_geheim, rij.nonce)
        # Unless the application's secret changed since: then that URL is dead, draw anew.
        if hmac.compare_digest(sleutel_hash(geheim), rij.sleutel_hash):
            return geheim
    nonce = secrets.token_hex(32)
    geheim = geheim_van(app_geheim, nonce)
    if rij is None:
        rij = Agendasleutel(lid_id=lid_id, nonce=nonce, sleutel_hash="", aangemaakt_op=nu)
        session.add(rij)
    rij.nonce, rij.sleutel_hash, rij.aangemaakt_op = nonce, sleutel_hash(geheim), nu
    await session.flush()
    return geheim


async def agendafeed(
    *, session: AsyncSession, geheim: str, regios: Regios, basis_url: str, nu: datetime
) -> bytes:
    """The hearings of the cases where the member holds a seat, with the invites' UIDs.

    One statement, columns only: each hearing with the moment it was cancelled, and a row
    for the member behind the secret (unknown or no longer on the committee: 404)."""
    onbekend = NietGevonden("Deze agenda bestaat niet (meer).")
    if not _GEHEIM_VORM.match(geheim):
        raise onbekend
    lid_id = (
        select(Agendasleutel.lid_id)
        .join(Lid, Lid.id == Agendasleutel.lid_id)
        .where(Agendasleutel.sleutel_hash == sleutel_hash(geheim), Lid.actief)
        .scalar_subquery()
    )
    geannuleerd_op = (
        select(func.max(Zittingwijziging.op))
        .where(Zittingwijziging.zitting_id == Zitting.id, Zittingwijziging.soort == "geannuleerd")
        .scalar_subquery()
    )
    zittingen = (
        select(
            Agendaregel.lid_id,
            Zitting.id,
            Zitting.uid,
            Zitting.volgnummer,
            Zitting.begin,
            Zitting.einde,
            Zitting.locatie,
            Zitting.locatie_adres,
            Zitting.status,
            Zitting.aangemaakt_op,
            geannuleerd_op.label("geannuleerd_op"),
            Zaak.nummer,
            Zaak.commissie_code,
        )
        .join(Zitting, Zitting.id == Agendaregel.zitting_id)
        .join(Zaak, Zaak.id == Agendaregel.zaak_id)
        .where(
            # The member's own lines by (lid_id, begin): bounded by their coming and recent
            # hearings, not by their history. A hearing is shorter than a day.
            Agendaregel.lid_id == lid_id,
            Agendaregel.begin >= nu - AFGELOPEN_ZICHTBAAR - timedelta(days=1),
        )
    )
    # Plus one row for the member itself (NULL when the secret is unknown), so an unknown
    # secret is told from an empty feed. The hearings come first: their column types count.
    lid = select(lid_id, *(null() for _ in range(len(zittingen.selected_columns) - 1)))
    alle = union_all(zittingen, lid).subquery()
    rijen = (await session.execute(select(alle).order_by(alle.c.begin, alle.c.id))).all()
    if not any(r.lid_id is not None and r.uid is None for r in rijen):
        raise onbekend
    afspraken = [
        afspraak_van(r, r.nummer, regios.commissies[r.commissie_code], basis_url)
        for r in rijen
        if r.uid is not None
        and r.einde >= nu - AFGELOPEN_ZICHTBAAR
        and _in_feed(r.status, r.geannuleerd_op or r.aangemaakt_op, nu)
    ]
    return feed(afspraken, dtstamp=nu, naam=FEEDNAAM)


def _in_feed(status: str, geannuleerd_op: datetime, nu: datetime) -> bool:
    """A cancelled hearing stays (as cancelled) for GEANNULEERD_ZICHTBAAR after it was."""
    return status != ZittingStatus.GEANNULEERD or nu - geannuleerd_op <= GEANNULEERD_ZICHTBAAR
