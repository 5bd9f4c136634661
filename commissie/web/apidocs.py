"""The OpenAPI description at /schema, rendered by Redoc from the app's own assets."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Litestar, Request
from litestar.openapi import OpenAPIConfig, ResponseSpec
from litestar.openapi.plugins import RedocRenderPlugin
from litestar.routes import HTTPRoute

from commissie.web.statisch import statisch_url


class RedocLokaal(RedocRenderPlugin):
    """Redoc without any other host: script and icon from /static/, no web fonts."""

    def __init__(self) -> None:
        super().__init__(
            path="/",
            js_url=statisch_url("redoc.standalone.js"),
            google_fonts=False,
            favicon=f'<link rel="icon" type="image/svg+xml" href="{statisch_url("favicon.svg")}">',
        )

    def render(self, request: Request[Any, Any, Any], openapi_schema: dict[str, Any]) -> bytes:
        return super().render(request, openapi_schema).replace(b"<html>", b'<html lang="nl">', 1)


def openapi_config(version: str) -> OpenAPIConfig:
    return OpenAPIConfig(
        title="Zaaksysteem klachtencommissie ongewenste omgangsvormen",
        version=version,
        path="/schema",
        description=(
            "API van het zaaksysteem van de gezamenlijke klachtencommissie ongewenste "
            "omgangsvormen van politiekorpsen. Alleen voor wie is ingelogd: met een "
            "bearer-token (`commissie gebruiker token NAAM`) of de sessiecookie van de browser. "
            "Datums zijn JJJJ-MM-DD, tijdstippen RFC 3339 met tijdzone."
        ),
        render_plugins=[RedocLokaal()],
    )


class VeldFout(msgspec.Struct):
    veld: str
    melding: str


class Fout(msgspec.Struct):
    """Every 4xx/5xx of the API: a Dutch sentence, and the field when one is to blame."""

    status_code: int
    detail: str
    veld: str | None = None
    velden: list[VeldFout] | None = None


_FOUTEN = {
    400: "Ongeldige invoer; `detail` noemt het veld en wat eraan schort.",
    401: "Niet ingelogd, of het token is onbekend, verlopen of ingetrokken.",
    403: "Deze rol mag dit niet.",
    404: "Bestaat niet, of is voor u niet zichtbaar (hetzelfde antwoord).",
    409: "Botst met de huidige stand van de zaak.",
    429: "Te veel pogingen of te druk; zie de header Retry-After.",
}


def documenteer_fouten(app: Litestar) -> None:
    """List the error answers on every route of the description, so clients (and
    schemathesis) know them; a route's own entries take precedence."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            if not handler.include_in_schema:
                continue
            standaard = {
                code: ResponseSpec(data_container=Fout, description=tekst, generate_examples=False)
                for code, tekst in _FOUTEN.items()
            }
            handler.responses = {**standaard, **(handler.responses or {})}
