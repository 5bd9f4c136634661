"""create_app: the one place where routes, middleware and error handling are wired."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from litestar import Litestar, Request, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.middleware import DefineMiddleware
from sqlalchemy import text

from commissie.accounts.middleware import OPEN_PADEN, AuthMiddleware
from commissie.api import deps
from commissie.api.accounts import ik, login, logout
from commissie.api.agenda import agenda_adres, agenda_feed, agenda_vernieuwen
from commissie.api.foutafhandeling import FOUTAFHANDELING
from commissie.api.leden import LedenController
from commissie.api.panel import PanelController, belasting_route
from commissie.api.post import post_route
from commissie.api.zaken import ZakenController, commissies, termijnen
from commissie.api.zittingen import ZaakZittingenController, ZittingController
from commissie.config import Settings
from commissie.omgeving import Omgeving
from commissie.procedure.opstart import bouw_omgeving
from commissie.tijd import Klok, systeemklok
from commissie.web.apidocs import openapi_config
from commissie.web.beveiliging import app_geheim, csrf_config
from commissie.web.routes import web_routes, web_template_config
from commissie.web.statisch import static_router
from commissie.zittingen.verzender import bezorg_doorlopend

log = logging.getLogger("commissie")


@get("/health", exclude_from_auth=True, tags=["beheer"])
async def health(request: Request) -> dict[str, str]:
    async with request.app.state.omgeving.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
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

    return Litestar(
        route_handlers=[
            health,
            login,
            logout,
            ik,
            ZakenController,
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
            static_router(),
        ],
        dependencies={
            "db_session": Provide(deps.provide_db_session),
            "omgeving": Provide(deps.provide_omgeving, sync_to_thread=False),
            "nu": Provide(deps.provide_nu, sync_to_thread=False),
            "actor": Provide(deps.provide_actor, sync_to_thread=False),
        },
        middleware=[DefineMiddleware(AuthMiddleware, exclude=OPEN_PADEN)],
        exception_handlers=FOUTAFHANDELING,
        openapi_config=openapi_config("0.1.0"),
        csrf_config=csrf_config(omgeving.settings),
        template_config=web_template_config(omgeving.settings),
        lifespan=[lifespan],
        state=State({"omgeving": omgeving, "geheim": app_geheim(omgeving.settings)}),
        debug=False,
    )
