"""What a running app (or a CLI command) works with: settings, configuration, database, clock."""

from __future__ import annotations

import asyncio
import weakref
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from commissie.atw import Kalender
from commissie.config import Settings
from commissie.db import maak_engine, maak_sessionmaker
from commissie.eenheid import BUS, Bus
from commissie.regios import Regios, laad_regios
from commissie.tijd import Klok, systeemklok

# Where a session carries its Omgeving, for subscribers that need the configuration (mail).
OMGEVING = "commissie.omgeving"


class Beurt:
    """A first-come-first-served turn per event loop (asyncio.Lock is FIFO)."""

    def __init__(self) -> None:
        self._sloten: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def slot(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        if loop not in self._sloten:
            self._sloten[loop] = asyncio.Lock()
        return self._sloten[loop]


@dataclass(frozen=True)
class Omgeving:
    settings: Settings
    regios: Regios
    kalender: Kalender
    engine: AsyncEngine
    # Every session it opens carries the event bus (see commissie.eenheid).
    sessionmaker: async_sessionmaker[AsyncSession]
    klok: Klok
    bus: Bus
    # Password checks (argon2, 64 MiB each) running at once; more attempts wait or get 429.
    controles: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(4))
    # Logins in progress at once (each opens short sessions): fewer than the connection pool,
    # so a login flood can never take every connection from the rest of the application.
    inlogbeurten: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(8))
    # SQLite has one writer at a time, and its busy wait is not a queue: under load a unit
    # of work could wait past the timeout while others keep winning. Requests take turns here
    # instead (see api/deps.py), so a registration waits its turn rather than failing.
    beurt: Beurt = field(default_factory=Beurt)


def maak_omgeving(settings: Settings, bus: Bus, klok: Klok = systeemklok) -> Omgeving:
    """Load and validate the configuration (stops with file, key and reason) and set up the DB.

    Callers normally use `commissie.procedure.opstart.bouw_omgeving`, which knows the
    subscribers and every model."""
    regios = laad_regios(settings.regios_dir)
    if settings.database_url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = maak_engine(settings.database_url)
    omgeving = Omgeving(
        settings=settings,
        regios=regios,
        kalender=Kalender(regios.gelijkgestelde_dagen, regios.atw_jaren),
        engine=engine,
        sessionmaker=maak_sessionmaker(engine, bus),
        klok=klok,
        bus=bus,
    )
    omgeving.sessionmaker.configure(info={BUS: bus, OMGEVING: omgeving})
    return omgeving
