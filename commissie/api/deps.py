"""Litestar dependencies shared by all routes."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime

from litestar import Request
from litestar.datastructures import State
from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import DB_SESSIE
from commissie.accounts.rollen import Actor
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving


async def provide_db_session(request: Request) -> AsyncGenerator[AsyncSession, None]:
    # The request is the unit of work: committed when the handler returns (whatever status it
    # chose), rolled back when it raises, so a failed request leaves nothing half-written.
    omgeving: Omgeving = request.app.state.omgeving
    # The session the login check ran in (AuthMiddleware), if any: it owns its closing.
    gedeeld: AsyncSession | None = request.scope.get("state", {}).get(DB_SESSIE)
    if omgeving.engine.dialect.name != "sqlite":
        async with werkeenheid(omgeving.sessionmaker, sessie=gedeeld) as session:
            yield session
        return
    # SQLite: one unit of work at a time per process, in arrival order (Omgeving.beurt). The
    # login check read before its turn: SQLite starts no transaction for a SELECT.
    async with (
        omgeving.beurt.slot(),
        werkeenheid(omgeving.sessionmaker, sessie=gedeeld) as session,
    ):
        yield session


def provide_omgeving(state: State) -> Omgeving:
    return state.omgeving


def provide_nu(state: State) -> datetime:
    return state.omgeving.klok()


def provide_actor(request: Request) -> Actor:
    return request.user


# Named dependencies, spelled out so handlers declare what they are injected with.
DbSession = NamedDependency[AsyncSession]
HuidigeActor = NamedDependency[Actor]
Nu = NamedDependency[datetime]
HuidigeOmgeving = NamedDependency[Omgeving]
