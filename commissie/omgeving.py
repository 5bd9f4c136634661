"""What a running app (or a CLI command) works with: settings, configuration, database, clock."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from commissie.atw import Kalender
from commissie.config import Settings
from commissie.db import maak_engine, maak_sessionmaker
from commissie.eenheid import BUS, Bus
from commissie.regios import Regios, laad_regios
from commissie.tijd import Klok, systeemklok

# Where a session carries its Omgeving, for subscribers that need the configuration (mail).
OMGEVING = "commissie.omgeving"


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
