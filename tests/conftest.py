"""One app, client and database per backend: SQLite always, PostgreSQL when
COMMISSIE_TEST_DATABASE_URL is set. Every test starts from empty tables."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import settings as hypothesis_settings
from litestar.testing import TestClient
from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts import service as accounts
from commissie.accounts.rollen import Rol
from commissie.app import create_app
from commissie.config import PROJECT_ROOT, Settings, normaliseer_database_url
from commissie.db import Base, maak_engine, maak_sessionmaker
from commissie.leden.models import Lid
from commissie.migraties import upgrade
from commissie.procedure.opstart import bouw_omgeving, importeer_modellen

T = TypeVar("T")
PG_URL = os.environ.get("COMMISSIE_TEST_DATABASE_URL")
BACKENDS = ["sqlite", *(["postgres"] if PG_URL else [])]
WACHTWOORD = "geheim-wachtwoord-1"
importeer_modellen()

# Property tests judge rules, not speed (speed is bench/'s job): on a busy CI machine a
# per-example deadline only produces flaky failures.
hypothesis_settings.register_profile("commissie", deadline=None)
hypothesis_settings.load_profile("commissie")


def run_db(url: str, werk: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run async DB work outside the app, in its own loop and engine."""

    async def main() -> T:
        engine = maak_engine(url)
        try:
            async with maak_sessionmaker(engine)() as s:
                uit = await werk(s)
                await s.commit()
                return uit
        finally:
            await engine.dispose()

    return asyncio.run(main())


def controleer_testdatabase(url: str) -> None:
    """The suite wipes its database: refuse any whose name does not say it is for tests."""
    naam = make_url(url).database or ""
    if not naam.endswith("test"):
        raise pytest.UsageError(
            f"COMMISSIE_TEST_DATABASE_URL wijst naar database '{naam}'; de tests wissen hun "
            "database en draaien alleen op een database waarvan de naam eindigt op 'test'."
        )


def werker_url(url: str) -> str:
    """Under pytest-xdist each worker gets its own PostgreSQL database (gw0_test, ...),
    created on first use, so parallel workers never wipe each other's tables."""
    werker = os.environ.get("PYTEST_XDIST_WORKER")
    if not werker:
        return url
    basis = make_url(url)
    eigen = basis.set(database=f"{werker}_{basis.database}")
    asyncio.run(_maak_database(basis.render_as_string(hide_password=False), eigen.database or ""))
    return eigen.render_as_string(hide_password=False)


async def _maak_database(url: str, naam: str) -> None:
    controleer_testdatabase(url)
    engine = maak_engine(url).execution_options(isolation_level="AUTOCOMMIT")
    try:
        async with engine.connect() as conn:
            bestaat = await conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": naam}
            )
            if not bestaat:
                await conn.execute(text(f'CREATE DATABASE "{naam}"'))
    finally:
        await engine.dispose()


async def _reset_pg(url: str) -> None:
    controleer_testdatabase(url)
    engine = maak_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


async def _migreer(url: str) -> None:
    engine = maak_engine(url)
    await upgrade(engine)
    await engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    else:
        assert PG_URL
        url = werker_url(normaliseer_database_url(PG_URL))
        asyncio.run(_reset_pg(url))
    asyncio.run(_migreer(url))
    return url


@pytest.fixture(scope="session")
def wachtwoord_hash() -> str:
    return accounts.hash_wachtwoord(WACHTWOORD)


async def _leeg(s: AsyncSession) -> None:
    tabellen = [t.name for t in reversed(Base.metadata.sorted_tables)]
    if s.bind.dialect.name == "postgresql":
        await s.execute(text(f"TRUNCATE {', '.join(tabellen)} RESTART IDENTITY CASCADE"))
    else:
        for t in tabellen:
            await s.execute(text(f"DELETE FROM {t}"))


@pytest.fixture
def db(database_url: str) -> str:
    run_db(database_url, _leeg)
    return database_url


class Klok:
    """A clock the test sets; instants are aware UTC."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


@pytest.fixture
def klok() -> Klok:
    # Monday 2 March 2026, 10:00 in Amsterdam.
    return Klok(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
def settings(db: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path,
        database_url=db,
        regios_dir=PROJECT_ROOT / "regios",
        templates_dir=PROJECT_ROOT / "templates",
    )


@pytest.fixture
def client(settings: Settings, klok: Klok) -> Iterator[TestClient[Any]]:
    app = create_app(omgeving=bouw_omgeving(settings, klok))
    with TestClient(app, raise_server_exceptions=True) as c:
        yield c


@dataclass
class Gebruikers:
    url: str
    wachtwoord_hash: str

    def maak(
        self,
        naam: str,
        rol: Rol,
        *,
        commissie: str | None = "TI",
        korps: str | None = None,
        lid_id: int | None = None,
    ) -> dict[str, str]:
        """Create a user; returns the Authorization header with a fresh bearer token."""

        async def werk(s: AsyncSession) -> str:
            await accounts.maak_gebruiker(
                session=s,
                gebruikersnaam=naam,
                wachtwoord_hash=self.wachtwoord_hash,
                rol=rol,
                commissie=commissie,
                korps=korps,
                lid_id=lid_id,
                nu=datetime.now(UTC),
            )
            # Tests move their clock years ahead; a fixture token must outlive that.
            return await accounts.maak_token(
                session=s, gebruikersnaam=naam, nu=datetime.now(UTC), dagen=36500
            )

        return {"Authorization": f"Bearer {run_db(self.url, werk)}"}

    def lid(
        self,
        naam: str,
        korps: str,
        *,
        commissie: str = "TI",
        eenheid: str | None = None,
        voorzitter: bool = False,
        volgorde: int = 0,
    ) -> int:
        async def werk(s: AsyncSession) -> int:
            lid = Lid(
                commissie_code=commissie,
                naam=naam,
                korps_code=korps,
                eenheid=eenheid,
                kan_voorzitten=voorzitter,
                volgorde=volgorde,
                aangemaakt_op=datetime.now(UTC),
            )
            s.add(lid)
            await s.flush()
            return lid.id

        return run_db(self.url, werk)


@pytest.fixture
def gebruikers(db: str, wachtwoord_hash: str) -> Gebruikers:
    return Gebruikers(db, wachtwoord_hash)


@pytest.fixture
def secretaris(gebruikers: Gebruikers) -> dict[str, str]:
    return gebruikers.maak("secretaris", Rol.SECRETARIS)


def zaak_body(**over: Any) -> dict[str, Any]:
    """A valid registration for Twente–IJsselland; keyword arguments override fields."""
    body: dict[str, Any] = {
        "commissie": "TI",
        "ontvangen_op": "2026-02-20",
        "klager": {
            "naam": "K. Lager",
            "korps": "IJ",
            "functie": "Agent",
            "contact": "k@example.invalid",
        },
        "beklaagden": [
            {
                "naam": "B. Klaagde",
                "korps": "IJ",
                "eenheid": "District Zwolle",
                "functie": "Brigadier",
            }
        ],
        "categorieen": ["verbale_agressie"],
        "omschrijving": "Schreeuwde <herhaaldelijk> & kleineerde in de briefing.",
        "gedraging_op": "2026-02-10",
    }
    body.update(over)
    return body
