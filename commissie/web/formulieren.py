"""Form plumbing for the pages: read a posted form, turn it into the API's msgspec schema, and
turn every refusal into errors per field (shown next to the field and summarised at the top).

A page that shows errors instead of raising must roll back what the step already flushed:
`herstel` does, so a refused form leaves nothing half-written."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

import msgspec
from litestar import Request
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.api.foutafhandeling import vertaal_validatiefout
from commissie.fouten import DomeinFout, GeenToegang, NietGevonden, OngeldigeInvoer

T = TypeVar("T")
Fouten = dict[str, str]

_INDEX = re.compile(r"\[(\d+)\]")


def veld_id(pad: str) -> str:
    """The id of the control for a schema path: 'beklaagden[0].naam' -> 'beklaagden-0-naam'."""
    return _INDEX.sub(r"-\1", pad).replace(".", "-")


async def lees(request: Request[Any, Any, Any]) -> dict[str, list[str]]:
    """Every field of the posted form, each with all its values (checkboxes repeat a name)."""
    formulier = await request.form()
    uit: dict[str, list[str]] = {}
    for sleutel, waarde in formulier.multi_items():
        if sleutel != "_csrf_token" and isinstance(waarde, str):
            uit.setdefault(sleutel, []).append(waarde)
    return uit


def een(formulier: dict[str, list[str]], naam: str) -> str:
    """The field's first value, trimmed; empty when absent."""
    return (formulier.get(naam) or [""])[0].strip()


def of_none(tekst: str) -> str | None:
    return tekst or None


def datum(waarde: str, veld: str) -> date:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise OngeldigeInvoer(
            f"Veld '{veld}': verwacht een datum als JJJJ-MM-DD.", veld=veld
        ) from None


def naar_schema(gegevens: dict[str, Any], schema: type[T]) -> T:
    """Convert with the API's own schema: the same limits, the same Dutch messages."""
    return msgspec.convert(gegevens, schema, strict=False)


def fout_van(exc: Exception) -> Fouten:
    """One error per field for a schema or domain refusal; 'formulier' when no field is named."""
    if isinstance(exc, msgspec.ValidationError):
        veld, zin = vertaal_validatiefout(str(exc), None)
        return {veld_id(veld) if veld != "body" else "formulier": zin}
    if isinstance(exc, DomeinFout):
        return {veld_id(exc.veld) if exc.veld else "formulier": exc.bericht}
    raise exc


def verplicht(formulier: dict[str, list[str]], velden: dict[str, str]) -> Fouten:
    """Empty required fields, all at once (the schema would name only the first)."""
    return {
        naam: f"Veld '{pad}': is verplicht maar ontbreekt."
        for naam, pad in velden.items()
        if not een(formulier, naam)
    }


async def herstel(session: AsyncSession) -> None:
    """Undo what a refused step flushed before the page with its errors is shown."""
    await session.rollback()


async def probeer(
    session: AsyncSession, stap: Callable[[], Awaitable[Any]], voorvoegsel: str = ""
) -> tuple[Fouten, int] | None:
    """Run a step; on a refusal roll back and return its errors per field (ids prefixed with
    `voorvoegsel-`) and the status. Not found and forbidden still raise: those are pages."""
    try:
        await stap()
    except (NietGevonden, GeenToegang):
        raise
    except (DomeinFout, msgspec.ValidationError) as exc:
        await herstel(session)
        fouten = fout_van(exc)
        if voorvoegsel:
            fouten = {
                (voorvoegsel if k == "formulier" else f"{voorvoegsel}-{k}"): v
                for k, v in fouten.items()
            }
        return fouten, exc.status_code if isinstance(exc, DomeinFout) else 400
    return None
