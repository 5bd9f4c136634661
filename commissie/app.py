"""create_app: the one place where routes, middleware and error handling are wired."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager

from litestar import Litestar, Request, Response, get
from litestar.datastructures import State
from litestar.di import Provide
from litestar.exceptions import (
    NotAuthorizedException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.middleware import DefineMiddleware
from litestar.openapi import OpenAPIConfig
from litestar.response import Redirect
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from commissie import deps
from commissie.accounts.middleware import OPEN_PADEN, AuthMiddleware
from commissie.accounts.routes import ik, login, logout
from commissie.config import Settings
from commissie.fouten import DomeinFout
from commissie.leden.routes import LedenController
from commissie.omgeving import Omgeving, maak_omgeving
from commissie.panel.routes import PanelController, belasting_route
from commissie.tijd import Klok, systeemklok
from commissie.web.routes import web_routes, web_template_config
from commissie.zaken.routes import ZakenController, commissies, termijnen

log = logging.getLogger("commissie")


@get("/health", exclude_from_auth=True, tags=["beheer"])
async def health(request: Request) -> dict[str, str]:
    async with request.app.state.omgeving.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
    return {"status": "ok"}


def _fout(status: int, detail: str, veld: str | None = None) -> Response[dict[str, object]]:
    body: dict[str, object] = {"status_code": status, "detail": detail}
    if veld:
        body["veld"] = veld
    return Response(body, status_code=status)


def _domeinfout(_: Request, exc: DomeinFout) -> Response[dict[str, object]]:
    return _fout(exc.status_code, exc.bericht, exc.veld)


_MSGSPEC = [
    (re.compile(r"Object missing required field `([^`]+)`"), "is verplicht maar ontbreekt"),
    (re.compile(r"Object contains unknown field `([^`]+)`"), "is een onbekend veld"),
]
_WAARDE = [
    (re.compile(r"Expected `([^`]+)`, got `([^`]+)`"), "verwacht {0}, kreeg {1}"),
    (re.compile(r"Expected `str` of length >= (\d+)"), "mag niet leeg zijn"),
    (re.compile(r"Expected `str` of length <= (\d+)"), "is te lang (hoogstens {0} tekens)"),
    (re.compile(r"Expected `array` of length >= (\d+)"), "moet minstens {0} element(en) bevatten"),
    (re.compile(r"Expected `array` of length <= (\d+)"), "mag hoogstens {0} elementen bevatten"),
    (re.compile(r"Expected `int` >= (-?\d+)"), "moet minstens {0} zijn"),
    (re.compile(r"Expected `int` <= (-?\d+)"), "mag hoogstens {0} zijn"),
    (re.compile(r"Invalid enum value '([^']*)'"), "onbekende waarde '{0}'"),
    (re.compile(r"Invalid RFC3339 encoded date"), "verwacht een datum als JJJJ-MM-DD"),
    (re.compile(r"Invalid RFC3339 encoded datetime"), "verwacht een tijdstip volgens RFC 3339"),
]
_TYPEN = {
    "str": "tekst",
    "int": "een geheel getal",
    "bool": "true of false",
    "array": "een lijst",
    "object": "een object",
    "null": "null",
    "date": "een datum",
    "float": "een getal",
}
_PAD = re.compile(r" - at `\$\.?([^`]*)`")


def vertaal_validatiefout(bericht: str, sleutel: str | None) -> tuple[str, str]:
    """Turn a msgspec/Litestar validation message into a Dutch sentence naming the field."""
    pad = _PAD.search(bericht)
    veld = (pad.group(1) if pad else None) or sleutel or "body"
    kern = _PAD.sub("", bericht)
    for patroon, tekst in _MSGSPEC:
        m = patroon.search(kern)
        if m:
            volledig = f"{veld}.{m.group(1)}" if pad and veld != "body" else m.group(1)
            return volledig, f"Veld '{volledig}' {tekst}."
    for patroon, tekst in _WAARDE:
        m = patroon.search(kern)
        if m:
            args = [_TYPEN.get(g.split(" | ")[0], g) for g in m.groups()]
            return veld, f"Veld '{veld}': {tekst.format(*args)}."
    if "JSON is malformed" in kern or "malformed" in kern.lower():
        return "body", "De body is geen geldige JSON."
    return veld, f"Veld '{veld}': ongeldige waarde ({kern})."


def _validatiefout(_: Request, exc: ValidationException) -> Response[dict[str, object]]:
    fouten = exc.extra if isinstance(exc.extra, list) else []
    velden = []
    for f in fouten:
        if isinstance(f, dict):
            veld, zin = vertaal_validatiefout(str(f.get("message", "")), f.get("key"))
            velden.append({"veld": veld, "melding": zin})
    if not velden:
        velden.append({"veld": "body", "melding": "Het verzoek kon niet worden gelezen."})
    body: dict[str, object] = {
        "status_code": 400,
        "detail": " ".join(v["melding"] for v in velden),
        "velden": velden,
    }
    return Response(body, status_code=400)


def _niet_ingelogd(request: Request, exc: NotAuthorizedException) -> Response[object]:
    if not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", ""):
        return Redirect("/login")
    return _fout(401, exc.detail)


def _geen_toegang(_: Request, exc: PermissionDeniedException) -> Response[dict[str, object]]:
    return _fout(403, exc.detail)


def _integriteit(_: Request, exc: IntegrityError) -> Response[dict[str, object]]:
    log.warning("integrity error: %s", type(exc.orig).__name__)
    return _fout(409, "De wijziging botst met gegevens die er al zijn; ververs en probeer opnieuw.")


def create_app(
    settings: Settings | None = None, *, klok: Klok = systeemklok, omgeving: Omgeving | None = None
) -> Litestar:
    omgeving = omgeving or maak_omgeving(settings or Settings.from_env(), klok)

    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncGenerator[None, None]:
        try:
            yield
        finally:
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
            LedenController,
            *web_routes,
        ],
        dependencies={
            "db_session": Provide(deps.provide_db_session),
            "omgeving": Provide(deps.provide_omgeving, sync_to_thread=False),
            "nu": Provide(deps.provide_nu, sync_to_thread=False),
            "actor": Provide(deps.provide_actor, sync_to_thread=False),
        },
        middleware=[DefineMiddleware(AuthMiddleware, exclude=OPEN_PADEN)],
        exception_handlers={
            DomeinFout: _domeinfout,
            ValidationException: _validatiefout,
            NotAuthorizedException: _niet_ingelogd,
            PermissionDeniedException: _geen_toegang,
            IntegrityError: _integriteit,
        },
        openapi_config=OpenAPIConfig(
            title="commissie",
            version="0.1.0",
            path="/schema",
            description="API van het zaaksysteem van de gezamenlijke klachtencommissie.",
        ),
        template_config=web_template_config(omgeving.settings),
        lifespan=[lifespan],
        state=State({"omgeving": omgeving}),
        debug=False,
    )
