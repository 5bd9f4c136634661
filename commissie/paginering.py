"""Opaque keyset cursors for list endpoints.

A cursor carries the sort key of the last row shown (values the caller already saw, never a
global row id, which would reveal volume across committees), packed so clients treat it as a
token. Reading one back checks its shape, so a tampered cursor is a 400, not a 500."""

from __future__ import annotations

import base64
import json
from datetime import date
from typing import Any

from commissie.fouten import OngeldigeInvoer

_PREFIX = "c1."


def _naar_json(waarde: Any) -> Any:
    if isinstance(waarde, date):
        return {"d": waarde.isoformat()}
    return waarde


def _van_json(waarde: Any) -> Any:
    if isinstance(waarde, dict) and set(waarde) == {"d"} and isinstance(waarde["d"], str):
        return date.fromisoformat(waarde["d"])
    return waarde


def maak_cursor(*sleutel: str | int | date | None) -> str:
    """The cursor after a row whose sort key is `sleutel`."""
    ruw = json.dumps([_naar_json(w) for w in sleutel], separators=(",", ":")).encode()
    return _PREFIX + base64.urlsafe_b64encode(ruw).decode().rstrip("=")


def lees_cursor(cursor: str, *, veld: str = "na", lengte: int) -> tuple[Any, ...]:
    """The sort key inside `cursor`; OngeldigeInvoer (400) naming `veld` when it is not ours."""
    fout = OngeldigeInvoer(
        f"Veld '{veld}': geen geldige cursor; gebruik de waarde 'volgende' uit het vorige antwoord.",
        veld=veld,
    )
    if not cursor.startswith(_PREFIX) or len(cursor) > 512:
        raise fout
    inhoud = cursor[len(_PREFIX) :]
    try:
        ruw = base64.urlsafe_b64decode(inhoud + "=" * (-len(inhoud) % 4))
        waarden = json.loads(ruw)
        if not isinstance(waarden, list) or len(waarden) != lengte:
            raise fout
        sleutel = tuple(_van_json(w) for w in waarden)
    except (ValueError, UnicodeDecodeError) as e:
        raise fout from e
    for w in sleutel:
        if not isinstance(w, str | int | date | type(None)) or isinstance(w, bool):
            raise fout
        if isinstance(w, int) and not -(2**31) <= w < 2**31:
            raise fout
    return sleutel
