"""Error handling: every refusal becomes a 4xx with a Dutch sentence that names the field.

The JSON API (/api) answers JSON; pages answer a Dutch HTML page in the site layout."""

from __future__ import annotations

import logging
import re
import secrets
from typing import Any

from litestar import Request, Response
from litestar.exceptions import (
    ClientException,
    NotAuthorizedException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.response import Redirect, Template
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from commissie.fouten import DomeinFout, TeVaak

log = logging.getLogger("commissie")

# Paths that are not pages: machines read their errors.
_GEEN_PAGINA = ("/api", "/schema", "/health", "/static", "/agenda")
TITELS = {
    400: "Ongeldige invoer",
    401: "Niet ingelogd",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Niet toegestaan",
    409: "Dat kan nu niet",
    429: "Even geduld",
    500: "Er ging iets mis",
}


def is_pagina(request: Request) -> bool:
    return not request.url.path.startswith(_GEEN_PAGINA)


def _fout(
    status: int, detail: str, veld: str | None = None, request: Request | None = None
) -> Response[Any]:
    if request is not None and is_pagina(request):
        return Template(
            "fout.html",
            context={
                "status": status,
                "titel": TITELS.get(status, "Fout"),
                "melding": detail,
                "actor": request.scope.get("user"),
            },
            status_code=status,
        )
    body: dict[str, object] = {"status_code": status, "detail": detail}
    if veld:
        body["veld"] = veld
    return Response(body, status_code=status)


def _domeinfout(request: Request, exc: DomeinFout) -> Response[Any]:
    antwoord = _fout(exc.status_code, exc.bericht, exc.veld, request)
    if isinstance(exc, TeVaak):
        antwoord.headers["Retry-After"] = str(exc.retry_na)
    return antwoord


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
    (
        re.compile(r"Expected `str` matching regex"),
        "bevat ongeldige tekens (stuur- of richtingstekens), alleen onzichtbare tekens, "
        "of heeft een ongeldige vorm",
    ),
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
    """Turn a msgspec/Litestar validation message into a Dutch sentence naming the field.

    Litestar passes the path in `key` ("klager.naam", or the parent "klager" for a missing
    field) and strips msgspec's " - at `$...`"; a raw msgspec message still carries it.
    """
    pad = _PAD.search(bericht)
    veld = (pad.group(1) if pad else None) or sleutel or ""
    if veld in ("", "data"):  # "data" is Litestar's name for the whole body
        veld = "body"
    kern = _PAD.sub("", bericht)
    for patroon, tekst in _MSGSPEC:
        m = patroon.search(kern)
        if m:
            volledig = f"{veld}.{m.group(1)}" if veld != "body" else m.group(1)
            return volledig, f"Veld '{volledig}' {tekst}."
    for patroon, tekst in _WAARDE:
        m = patroon.search(kern)
        if m:
            args = [_TYPEN.get(g.split(" | ")[0], g) for g in m.groups()]
            return veld, f"Veld '{veld}': {tekst.format(*args)}."
    if veld == "body" and "Expected `object`" in kern:
        return "body", "De body moet een JSON-object zijn."
    return veld, f"Veld '{veld}': ongeldige waarde ({kern})."


def _validatiefout(request: Request, exc: ValidationException) -> Response[Any]:
    fouten = exc.extra if isinstance(exc.extra, list) else []
    velden = []
    for f in fouten:
        if isinstance(f, dict):
            veld, zin = vertaal_validatiefout(str(f.get("message", "")), f.get("key"))
            velden.append({"veld": veld, "melding": zin})
    if not velden:
        velden.append({"veld": "body", "melding": "Het verzoek kon niet worden gelezen."})
    detail = " ".join(v["melding"] for v in velden)
    if is_pagina(request):
        return _fout(400, detail, request=request)
    body: dict[str, object] = {"status_code": 400, "detail": detail, "velden": velden}
    # The same shape as a domain error names its field: `veld` is the first one refused.
    body["veld"] = velden[0]["veld"]
    return Response(body, status_code=400)


def _niet_ingelogd(request: Request, exc: NotAuthorizedException) -> Response[object]:
    if not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", ""):
        return Redirect("/login")
    return _fout(401, exc.detail)


def _geen_toegang(request: Request, exc: PermissionDeniedException) -> Response[Any]:
    if "CSRF" in exc.detail:  # Litestar's own words; a person needs to know what to do
        return _fout(
            403,
            "Het formulier is verlopen of niet vanaf deze site verstuurd. Laad de pagina "
            "opnieuw en probeer het nog eens.",
            request=request,
        )
    return _fout(403, exc.detail, request=request)


def _gegevensfout(request: Request, exc: DBAPIError) -> Response[Any]:
    log.warning("data error: %s", type(exc.orig).__name__)
    return _fout(
        400,
        "Een waarde is te lang of bevat tekens die niet kunnen worden opgeslagen.",
        request=request,
    )


def _is_gegevensfout(exc: DBAPIError) -> bool:
    """Whether the driver refused a value (SQLSTATE class 22, or asyncpg's own check of a
    query argument, e.g. an integer beyond 32 bits), not a fault of the server."""
    kandidaten: list[BaseException] = [exc.orig] if exc.orig is not None else []
    oorzaak = exc.orig.__cause__ if exc.orig is not None else None
    if oorzaak is not None:
        kandidaten.append(oorzaak)
    for k in kandidaten:
        code = str(getattr(k, "sqlstate", None) or getattr(k, "pgcode", None) or "")
        if code.startswith("22"):
            return True
        if isinstance(k, ValueError | OverflowError | UnicodeError):
            return True
        if type(k).__name__ in {"DataError", "StringDataRightTruncationError"}:
            return True
    return False


def _driverfout(request: Request, exc: DBAPIError) -> Response[Any]:
    # asyncpg's data errors arrive as a plain DBAPIError, not DataError (issue 8, item 3).
    if _is_gegevensfout(exc):
        return _gegevensfout(request, exc)
    return _serverfout(request, exc)


def _integriteit(request: Request, exc: IntegrityError) -> Response[Any]:
    log.warning("integrity error: %s", type(exc.orig).__name__)
    return _fout(
        409,
        "De wijziging botst met gegevens die er al zijn; ververs en probeer opnieuw.",
        request=request,
    )


def _clientfout(request: Request, exc: ClientException) -> Response[Any]:
    """Other 4xx from Litestar itself: malformed JSON, unknown route, wrong method."""
    tekst = str(exc.detail)
    if exc.status_code == 400 and ("JSON is malformed" in tekst or "truncated" in tekst):
        return _fout(400, "De body is geen geldige JSON.", "body", request)
    zinnen = {
        404: "Deze pagina of dit gegeven bestaat niet.",
        405: "Deze methode is hier niet toegestaan.",
    }
    antwoord = _fout(exc.status_code, zinnen.get(exc.status_code, tekst), request=request)
    for sleutel, waarde in (exc.headers or {}).items():
        antwoord.headers[sleutel] = waarde  # e.g. Allow on a 405
    return antwoord


def _bij_het_lezen(exc: BaseException) -> bool:
    """Whether the error arose while Litestar decoded the request body."""
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_name in {"decode_json", "decode_msgpack", "json", "form"}:
            return True
        tb = tb.tb_next
    return False


def _onleesbare_body(request: Request, exc: Exception) -> Response[Any]:
    """Invalid UTF-8 or JSON nested too deep: msgspec raises these outside its DecodeError."""
    if not _bij_het_lezen(exc):
        return _serverfout(request, exc)
    if isinstance(exc, UnicodeDecodeError):
        return _fout(400, "De body is geen geldige UTF-8.", "body", request)
    return _fout(400, "De body is te diep genest.", "body", request)


def _serverfout(request: Request, exc: Exception) -> Response[Any]:
    """Unexpected: logged with its traceback and a reference the user can quote."""
    kenmerk = secrets.token_hex(6)
    log.error(
        "unhandled error %s on %s %s", kenmerk, request.method, request.url.path, exc_info=exc
    )
    return _fout(
        500,
        f"Er ging onverwacht iets mis. Noem bij een melding het foutkenmerk {kenmerk}.",
        request=request,
    )


FOUTAFHANDELING: dict[type[Exception], Any] = {
    DomeinFout: _domeinfout,
    ValidationException: _validatiefout,
    NotAuthorizedException: _niet_ingelogd,
    PermissionDeniedException: _geen_toegang,
    ClientException: _clientfout,
    IntegrityError: _integriteit,
    DataError: _gegevensfout,
    DBAPIError: _driverfout,
    UnicodeDecodeError: _onleesbare_body,
    RecursionError: _onleesbare_body,
    Exception: _serverfout,
}
