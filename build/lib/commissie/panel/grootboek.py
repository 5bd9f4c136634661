"""The fair-share ledger in the database, and the committee lock that guards it."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from sqlalchemy import insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.leden.models import Lid
from commissie.panel import regels
from commissie.panel.models import Grootboek


async def vergrendel(session: AsyncSession, commissie: str) -> None:
    """One panel change at a time per committee: the ledger is read, changed and written.

    PostgreSQL: lock the committee's member rows. SQLite: a no-op write takes the database's
    write lock now, so the reads that follow in this transaction cannot go stale.
    """
    if session.bind.dialect.name == "sqlite":
        await session.execute(text("UPDATE lid SET volgorde = volgorde WHERE 1 = 0"))
    else:
        await session.execute(
            select(Lid.id).where(Lid.commissie_code == commissie).with_for_update()
        )


async def lees_grootboek(session: AsyncSession, lid_ids: Sequence[int]) -> regels.Grootboek:
    boek = regels.Grootboek()
    rijen = await session.execute(
        select(Grootboek.lid_id, Grootboek.zetels, Grootboek.voorzitter).where(
            Grootboek.lid_id.in_(lid_ids)
        )
    )
    for lid_id, zetels, voorzitter in rijen:
        boek.zetels[lid_id] = Fraction(zetels)
        boek.voorzitter[lid_id] = Fraction(voorzitter)
    return boek


async def bewaar_grootboek(
    session: AsyncSession, oud: regels.Grootboek, nieuw: regels.Grootboek
) -> None:
    """Write the changed ledger lines in one statement each for updates and inserts."""
    bijwerken, toevoegen = [], []
    for lid_id in set(nieuw.zetels) | set(nieuw.voorzitter):
        regel = {
            "lid_id": lid_id,
            "zetels": str(nieuw.zetels.get(lid_id, regels.NUL)),
            "voorzitter": str(nieuw.voorzitter.get(lid_id, regels.NUL)),
        }
        if lid_id in oud.zetels or lid_id in oud.voorzitter:
            bijwerken.append(regel)
        else:
            toevoegen.append(regel)
    if bijwerken:
        await session.execute(update(Grootboek), bijwerken)
    if toevoegen:
        await session.execute(insert(Grootboek), toevoegen)
