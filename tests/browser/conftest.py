"""Browser tests: the real app behind uvicorn, driven by Debian's Chromium through Playwright.

Fixtures for page tests (package scope: Playwright's sync API keeps an event loop running in
the main thread while it is open, which the rest of the suite must not meet):
- `live_server` (package): `LiveServer` with `url`, `logins` (rol -> Login), `zaak` (facts of a
  case the secretary sees) and `regios`; the app runs on its own migrated SQLite database,
  filled with the demo (users, members, cases) through the app's own services.
- `chromium` (package): the Playwright `Browser` launched from /usr/bin/chromium. Missing
  Chromium or Playwright: the tests skip, or fail when COMMISSIE_BROWSER_VERPLICHT=1.
- `opslag` (package): `opslag(rol) -> Path`, the storage state of a login through the login
  form, made once per role and reused.
- `pagina` (function): `pagina(rol=None, breedte=1280, hoogte=900) -> Page`, a fresh context
  (logged in as `rol`, or anonymous) with the guard against requests to other hosts; the test
  fails on any.
Helpers (a11y, scrolling, screenshots) are in tests/browser/hulp.py.
"""

from __future__ import annotations

import asyncio
import os
import socket
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import select

from commissie.accounts.models import Gebruiker
from commissie.accounts.rollen import Actor, Rol
from commissie.app import create_app
from commissie.cli.demo import maak_demo
from commissie.config import PROJECT_ROOT, Settings
from commissie.migraties import upgrade
from commissie.omgeving import Omgeving
from commissie.procedure import overzichten
from commissie.procedure.opstart import bouw_omgeving
from commissie.regios import Regios
from commissie.web.navigatie import STARTPAGINA
from tests.browser.hulp import ExterneVerzoeken

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VERPLICHT = os.environ.get("COMMISSIE_BROWSER_VERPLICHT") == "1"
# Tuesday 10 March 2026, 10:00 in Amsterdam: fixed, so pages and screenshots are reproducible.
MOMENT = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    hier = Path(__file__).parent
    for item in items:
        if hier in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def _ontbreekt(reden: str) -> None:
    if VERPLICHT:
        pytest.fail(f"{reden}; COMMISSIE_BROWSER_VERPLICHT=1 eist de browsertests", pytrace=False)
    pytest.skip(reden)


@dataclass(frozen=True)
class Login:
    naam: str
    wachtwoord: str


@dataclass(frozen=True)
class Zaakfeiten:
    nummer: str
    korps: str
    ontvangen_op: date


@dataclass(frozen=True)
class LiveServer:
    url: str
    logins: dict[str, Login]
    zaak: Zaakfeiten
    regios: Regios
    # The server's settings: for journeys that prepare their own case in its database.
    settings: Settings | None = None


def _vaste_klok() -> datetime:
    return MOMENT


async def _vul(omgeving: Omgeving) -> tuple[dict[str, Login], Zaakfeiten]:
    """The demo through the app's own services, then one case the secretary sees."""
    try:
        await upgrade(omgeving.engine)
        logins: dict[str, Login] = {}
        for naam, rol, wachtwoord in await maak_demo(omgeving=omgeving):
            logins.setdefault(rol, Login(naam, wachtwoord))
        async with omgeving.sessionmaker() as s:
            g = await s.scalar(select(Gebruiker).where(Gebruiker.gebruikersnaam == "secretaris"))
            assert g is not None
            actor = Actor(
                id=g.id,
                gebruikersnaam=g.gebruikersnaam,
                rol=Rol(g.rol),
                commissie_code=g.commissie_code,
                korps_code=g.korps_code,
                lid_id=g.lid_id,
            )
            rijen = (await overzichten.lijst_zaken(session=s, actor=actor, limiet=100)).zaken
        # The oldest case with an open deadline: a panel, deadlines met and open, a timeline.
        rij = min(
            (r for r in rijen if r.volgende_termijn is not None and r.status != "ontvangen"),
            key=lambda r: (r.ontvangen_op, r.nummer),
        )
        return logins, Zaakfeiten(rij.nummer, rij.korps, rij.ontvangen_op)
    finally:
        await omgeving.engine.dispose()


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the main thread belongs to pytest
        pass


@pytest.fixture(scope="package")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("browser")
    settings = Settings(
        data_dir=data,
        database_url=f"sqlite+aiosqlite:///{data / 'commissie.db'}",
        regios_dir=PROJECT_ROOT / "regios",
        templates_dir=PROJECT_ROOT / "templates",
    )
    # Filled with its own engine (an async engine belongs to the loop that made it), in a
    # thread of its own: Playwright's sync API keeps a loop running in this one.
    with ThreadPoolExecutor(1) as pool:
        logins, zaak = pool.submit(asyncio.run, _vul(bouw_omgeving(settings, _vaste_klok))).result()
    omgeving = bouw_omgeving(settings, _vaste_klok)
    app = create_app(omgeving=omgeving)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    poort = sock.getsockname()[1]
    server = _Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="on"))
    draad = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    draad.start()
    for _ in range(200):
        if server.started or not draad.is_alive():
            break
        threading.Event().wait(0.05)
    assert server.started, "uvicorn is niet gestart"
    try:
        yield LiveServer(f"http://127.0.0.1:{poort}", logins, zaak, omgeving.regios, settings)
    finally:
        server.should_exit = True
        draad.join(timeout=10)
        sock.close()


@pytest.fixture(scope="package")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _ontbreekt(f"{CHROMIUM} ontbreekt (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _ontbreekt("playwright is niet geïnstalleerd (pip install -e '.[test]')")
    with sync_playwright() as p:
        # launch() gives every run a fresh, temporary profile.
        browser = p.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


def _context(browser: Any, server: LiveServer, **kwargs: Any) -> tuple[Any, ExterneVerzoeken]:
    context = browser.new_context(base_url=server.url, locale="nl-NL", **kwargs)
    bewaker = ExterneVerzoeken()
    bewaker.bewaak(context)
    return context, bewaker


@pytest.fixture(scope="package")
def opslag(
    chromium: Any, live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], Path]:
    map_ = tmp_path_factory.mktemp("opslag")
    gemaakt: dict[str, Path] = {}

    def maak(rol: str) -> Path:
        if rol not in gemaakt:
            login = live_server.logins[rol]
            context, bewaker = _context(chromium, live_server)
            page = context.new_page()
            page.goto("/login")
            page.get_by_label("Gebruikersnaam").fill(login.naam)
            page.get_by_label("Wachtwoord").fill(login.wachtwoord)
            page.get_by_role("button", name="Inloggen").click()
            page.wait_for_url(f"{live_server.url}{STARTPAGINA[Rol(rol)]}")
            pad = map_ / f"{rol}.json"
            context.storage_state(path=str(pad))
            context.close()
            bewaker.controleer()
            gemaakt[rol] = pad
        return gemaakt[rol]

    return maak


@pytest.fixture
def pagina(
    chromium: Any, live_server: LiveServer, opslag: Callable[[str], Path]
) -> Iterator[Callable[..., Any]]:
    geopend: list[tuple[Any, ExterneVerzoeken]] = []

    def open_(rol: str | None = None, *, breedte: int = 1280, hoogte: int = 900) -> Any:
        extra: dict[str, Any] = {"viewport": {"width": breedte, "height": hoogte}}
        if rol is not None:
            extra["storage_state"] = str(opslag(rol))
        context, bewaker = _context(chromium, live_server, **extra)
        geopend.append((context, bewaker))
        return context.new_page()

    yield open_
    for context, _ in geopend:
        context.close()
    for _, bewaker in geopend:
        bewaker.controleer()
