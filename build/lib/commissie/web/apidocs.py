"""The OpenAPI description at /schema, rendered by Redoc from the app's own assets."""

from __future__ import annotations

from typing import Any

from litestar import Request
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import RedocRenderPlugin

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
