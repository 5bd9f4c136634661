"""Running async work from a click command, as one unit of work, as a recorded actor."""

from __future__ import annotations

import asyncio
import getpass
from collections.abc import Awaitable, Callable
from typing import TypeVar

from sqlalchemy import make_url
from sqlalchemy.exc import DBAPIError

from commissie.accounts.rollen import Actor, Rol
from commissie.config import Settings
from commissie.fouten import ConfiguratieFout
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
            try:
                await upgrade(omgeving.engine)
            except (OSError, DBAPIError) as e:
                raise database_onbereikbaar(omgeving.settings.database_url, e) from None
            return await werk(omgeving)
        finally:
            await omgeving.engine.dispose()

    return asyncio.run(main())


def database_onbereikbaar(url: str, fout: BaseException) -> ConfiguratieFout:
    """One Dutch line naming host, port and database, never the password or a traceback."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        waar = f"bestand {u.database}"
    else:
        waar = f"host {u.host or 'localhost'}, poort {u.port or 5432}, database {u.database}"
    oorzaak = type(getattr(fout, "orig", None) or fout).__name__
    return ConfiguratieFout(
        "omgeving",
        "COMMISSIE_DATABASE_URL",
        f"de database is niet bereikbaar ({waar}; {oorzaak})",
    )


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
