"""Unit of work: one transaction per request or command, and the events that ride in it.

A step changes the database through the session and says what happened by publishing a typed
event (`publiceer`). The subscribers (the case timeline now; later the audit trail and the mail
outbox) run at once, inside the same transaction, so a change and its consequences commit or
roll back together. Services flush, never commit: the owner of the unit of work does, through
`werkeenheid` (the request's session dependency and every CLI command use it).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager, nullcontext
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

Abonnee = Callable[[AsyncSession, Any], Awaitable[None]]

# Where a session carries its bus (sessionmaker(info=...)), so services need only the session.
BUS = "commissie.bus"


class Bus:
    """Subscribers per event type. An event reaches the subscribers of its class and of every
    base class, so the audit trail can subscribe to all case events at once."""

    def __init__(self, abonnementen: Mapping[type, Sequence[Abonnee]] | None = None) -> None:
        self._abonnementen = {k: tuple(v) for k, v in (abonnementen or {}).items()}

    def abonnees(self, soort: type) -> list[Abonnee]:
        return [a for klasse in soort.__mro__ for a in self._abonnementen.get(klasse, ())]

    async def publiceer(self, session: AsyncSession, event: object) -> None:
        for abonnee in self.abonnees(type(event)):
            await abonnee(session, event)


async def publiceer(session: AsyncSession, event: object) -> None:
    """Announce a step in this unit of work; its consequences are written before it returns."""
    bus = session.info.get(BUS)
    if not isinstance(bus, Bus):
        # A step without its consequences (no timeline, no mail) must never pass silently.
        raise RuntimeError("session without an event bus: open it from Omgeving.sessionmaker")
    await bus.publiceer(session, event)


@asynccontextmanager
async def werkeenheid(
    maker: async_sessionmaker[AsyncSession], *, sessie: AsyncSession | None = None
) -> AsyncIterator[AsyncSession]:
    """One transaction: commit when the block ends normally, roll back on any error. With
    `sessie` (opened by its owner, who also closes it) the transaction runs in that session."""
    async with nullcontext(sessie) if sessie is not None else maker() as session:
        try:
            yield session
        except BaseException:
            await session.rollback()
            raise
        await session.commit()
