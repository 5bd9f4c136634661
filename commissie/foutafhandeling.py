"""Error handling: every refusal becomes a 4xx with a Dutch sentence that names the field."""

from __future__ import annotations

import logging
import re
from typing import Any

from litestar import Request, Response
from litestar.exceptions import (
    ClientException,
    NotAuthorizedException,
    PermissionDeniedException,
    ValidationException,
)
from litestar.response import Redirect
from sqlalchemy.exc import DataError, IntegrityError

from commissie.fouten import DomeinFout

log = logging.getLogger("commissie")


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
    (
        re.compile(r"Expected `str` matching regex"),
        "heeft een ongeldige vorm of bevat ongeldige tekens",
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


def _gegevensfout(_: Request, exc: DataError) -> Response[dict[str, object]]:
    log.warning("data error: %s", type(exc.orig).__name__)
    return _fout(400, "Een waarde is te lang of bevat tekens die niet kunnen worden opgeslagen.")


def _integriteit(_: Request, exc: IntegrityError) -> Response[dict[str, object]]:
    log.warning("integrity error: %s", type(exc.orig).__name__)
    return _fout(409, "De wijziging botst met gegevens die er al zijn; ververs en probeer opnieuw.")


def _clientfout(_: Request, exc: ClientException) -> Response[dict[str, object]]:
    """Other 4xx from Litestar itself: malformed JSON, unknown route, wrong method."""
    tekst = str(exc.detail)
    if exc.status_code == 400 and ("JSON is malformed" in tekst or "truncated" in tekst):
        return _fout(400, "De body is geen geldige JSON.", "body")
    zinnen = {404: "Niet gevonden.", 405: "Deze methode is hier niet toegestaan."}
    return _fout(exc.status_code, zinnen.get(exc.status_code, tekst))


FOUTAFHANDELING: dict[type[Exception], Any] = {
    DomeinFout: _domeinfout,
    ValidationException: _validatiefout,
    NotAuthorizedException: _niet_ingelogd,
    PermissionDeniedException: _geen_toegang,
    ClientException: _clientfout,
    IntegrityError: _integriteit,
    DataError: _gegevensfout,
}
