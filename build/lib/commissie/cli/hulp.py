"""Running async work from a click command, as one unit of work, as a recorded actor."""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from typing import TypeVar

from commissie.accounts.rollen import Actor, Rol
from commissie.config import Settings
from commissie.migraties import upgrade
from commissie.omgeving import Omgeving
from commissie.procedure.opstart import bouw_omgeving

T = TypeVar("T")


def draai(werk: Callable[[Omgeving], Awaitable[T]]) -> T:
    """Run async work with a fresh environment; the engine is disposed in the same loop.

    Work that writes opens `werkeenheid(o.sessionmaker)`: commit on success, rollback on error,
    the same helper the web requests use."""

    async def main() -> T:
        omgeving = bouw_omgeving(Settings.from_env())
        try:
            # Every command works on a current schema; on a new data directory it makes one.
            await upgrade(omgeving.engine)
            return await werk(omgeving)
        finally:
            await omgeving.engine.dispose()

    return asyncio.run(main())


def cli_actor(commissie: str) -> Actor:
    """Whoever runs the command line on the server acts as the committee's secretariat; what it
    does and looks at is recorded under the operating-system user's name."""
    try:
        wie = getpass.getuser()
    except (KeyError, OSError):  # no passwd entry, e.g. in a container
        wie = "onbekend"
    return Actor(
        id=0,
        gebruikersnaam=f"cli:{wie}"[:80],
        rol=Rol.SECRETARIS,
        commissie_code=commissie,
        korps_code=None,
        lid_id=None,
    )
