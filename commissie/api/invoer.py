"""Checks at the edge for every request: the path and the query string.

Bodies are checked by their msgspec schemas (commissie.typen); this refuses, before any
handler or database sees them, values that no field may hold: invalid UTF-8, control
characters, bidirectional overrides, and overlong values."""

from __future__ import annotations

import re
from urllib.parse import unquote_to_bytes

import msgspec
from litestar import Request
from litestar.enums import RequestEncodingType, ScopeType
from litestar.exceptions import ValidationException
from litestar.middleware import ASGIMiddleware
from litestar.types import ASGIApp, Receive, Scope, Send

from commissie.fouten import OngeldigeInvoer
from commissie.typen import STUURTEKENS

_VERBODEN = re.compile(f"[{STUURTEKENS}]")
MAX_WAARDE = 1000


def _tekst(ruw: bytes, waar: str) -> str:
    try:
        tekst = ruw.decode("utf-8")
    except UnicodeDecodeError:
        raise OngeldigeInvoer(f"{waar}: geen geldige UTF-8.") from None
    if _VERBODEN.search(tekst):
        raise OngeldigeInvoer(f"{waar}: bevat stuur- of richtingstekens.")
    if len(tekst) > MAX_WAARDE:
        raise OngeldigeInvoer(f"{waar}: is te lang (hoogstens {MAX_WAARDE} tekens).")
    return tekst


def controleer_adres(scope: Scope) -> None:
    ruw_pad = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
    _tekst(unquote_to_bytes(ruw_pad.split(b"?", 1)[0]), "Het pad")
    if _VERBODEN.search(scope["path"]):
        raise OngeldigeInvoer("Het pad: bevat stuur- of richtingstekens.")
    query = scope.get("query_string", b"")
    for deel in query.split(b"&"):
        if not deel:
            continue
        sleutel, _, waarde = deel.partition(b"=")
        naam = _tekst(unquote_to_bytes(sleutel.replace(b"+", b" ")), "Een parameternaam")
        _tekst(unquote_to_bytes(waarde.replace(b"+", b" ")), f"Parameter '{naam[:40]}'")


class InvoerMiddleware(ASGIMiddleware):
    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        controleer_adres(scope)
        await next_app(scope, receive, send)


async def strikte_body(request: Request) -> None:
    """JSON bodies are decoded strictly: `"1"` is not 1 and `1` is not true.

    Litestar converts a body leniently (it shares the path with query strings, which are text);
    this checks the body against the handler's type first, with msgspec in strict mode. Bodies
    that are not JSON at all are left to Litestar's own parsing and its 400."""
    veld = request.route_handler.parsed_fn_signature.parameters.get("data")
    if (
        veld is None
        or getattr(veld.kwarg_definition, "media_type", None) != RequestEncodingType.JSON
    ):
        return
    ruw = await request.body()
    if not ruw:
        return
    try:
        msgspec.json.decode(ruw, type=veld.annotation, strict=True)
    except msgspec.ValidationError as e:
        raise ValidationException(extra=[{"message": str(e), "key": None}]) from None
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return
