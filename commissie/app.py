"""create_app: the one place where routes, middleware and error handling are wired."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from litestar import Litestar, get
from litestar.datastructures import CacheControlHeader, State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware

from commissie.accounts.middleware import OPEN_PADEN, AuthMiddleware
from commissie.api import deps
from commissie.api.accounts import ik, login, logout, wachtwoord
from commissie.api.adviezen import AdviezenController
from commissie.api.agenda import agenda_adres, agenda_feed, agenda_vernieuwen
from commissie.api.foutafhandeling import FOUTAFHANDELING
from commissie.api.invoer import InvoerMiddleware, strikte_body
from commissie.api.leden import LedenController
from commissie.api.panel import PanelController, belasting_route
from commissie.api.post import post_route
from commissie.api.zaken import ZakenController, commissies, termijnen
from commissie.api.zittingen import ZaakZittingenController, ZittingController
from commissie.config import Settings
from commissie.omgeving import Omgeving
from commissie.procedure.opstart import bouw_omgeving
from commissie.tijd import Klok, systeemklok
from commissie.web.apidocs import documenteer_fouten, openapi_config
from commissie.web.beveiliging import app_geheim, csrf_config
from commissie.web.routes import web_routes, web_template_config
from commissie.web.statisch import static_router
from commissie.web.wachtwoord import wachtwoord_routes
from commissie.zittingen.verzender import bezorg_doorlopend

log = logging.getLogger("commissie")


@get("/health", exclude_from_auth=True, tags=["beheer"], summary="Werkt de app")
async def health() -> dict[str, str]:
    # Answered from memory: a busy database or a login flood must not make it slow.
    return {"status": "ok"}


def create_app(
    settings: Settings | None = None,
    *,
    klok: Klok = systeemklok,
    omgeving: Omgeving | None = None,
    postbezorging: bool = False,
) -> Litestar:
    """`postbezorging`: run the outbox sender in the background (`commissie serve` does)."""
    omgeving = omgeving or bouw_omgeving(settings or Settings.from_env(), klok)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        taak = asyncio.create_task(bezorg_doorlopend(omgeving)) if postbezorging else None
        try:
            yield
        finally:
            if taak is not None:
                taak.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await taak
            await omgeving.engine.dispose()

    app = Litestar(
        route_handlers=[
            health,
            login,
            logout,
            ik,
            wachtwoord,
            ZakenController,
            AdviezenController,
            termijnen,
            commissies,
            PanelController,
            belasting_route,
            post_route,
            LedenController,
            ZaakZittingenController,
            ZittingController,
            agenda_adres,
            agenda_vernieuwen,
            agenda_feed,
            *web_routes,
            *wachtwoord_routes,
            static_router(),
        ],
        dependencies={
            "db_session": Provide(deps.provide_db_session),
            "omgeving": Provide(deps.provide_omgeving, sync_to_thread=False),
            "nu": Provide(deps.provide_nu, sync_to_thread=False),
            "actor": Provide(deps.provide_actor, sync_to_thread=False),
        },
        # Edge checks first: no handler or database sees a path or query they refuse.
        middleware=[InvoerMiddleware(), DefineMiddleware(AuthMiddleware, exclude=OPEN_PADEN)],
        exception_handlers=FOUTAFHANDELING,
        before_request=strikte_body,
        # Dossiers hold health information and names: no browser or proxy may keep a copy.
        # The static files set their own (long) cache, which takes precedence.
        cache_control=CacheControlHeader(no_store=True),
        openapi_config=openapi_config("0.1.0"),
        csrf_config=csrf_config(omgeving.settings),
        template_config=web_template_config(omgeving.settings),
        lifespan=[lifespan],
        state=State({"omgeving": omgeving, "geheim": app_geheim(omgeving.settings)}),
        debug=False,
    )
    documenteer_fouten(app)
    return app


def serverapp() -> Litestar:
    """The app `commissie serve` runs, once per worker process: settings from the environment and
    the outbox sender inside (rows are claimed, so several workers never send one mail twice)."""
    return create_app(Settings.from_env(), postbezorging=True)
