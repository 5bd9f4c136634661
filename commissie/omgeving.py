"""What a running app (or a CLI command) works with: settings, configuration, database, clock."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from commissie.atw import Kalender
from commissie.config import Settings
from commissie.db import importeer_modellen, maak_engine, maak_sessionmaker
from commissie.regios import Regios, laad_regios
from commissie.tijd import Klok, systeemklok


@dataclass(frozen=True)
class Omgeving:
    settings: Settings
    regios: Regios
    kalender: Kalender
    engine: AsyncEngine
    sessionmaker: async_sessionmaker[AsyncSession]
    klok: Klok


def maak_omgeving(settings: Settings, klok: Klok = systeemklok) -> Omgeving:
    """Load and validate the configuration (stops with file, key and reason) and set up the DB."""
    importeer_modellen()  # every mapper known before the first query
    regios = laad_regios(settings.regios_dir)
    if settings.database_url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = maak_engine(settings.database_url)
    return Omgeving(
        settings=settings,
        regios=regios,
        kalender=Kalender(regios.gelijkgestelde_dagen),
        engine=engine,
        sessionmaker=maak_sessionmaker(engine),
        klok=klok,
    )
