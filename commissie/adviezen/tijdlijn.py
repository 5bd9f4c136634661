"""Timeline entries for the advice domain: facts only, never the advice's content."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.adviezen.events import (
    AdviesVastgesteld,
    BesluitVastgelegd,
    DocumentGemaakt,
    EvaluatieVastgelegd,
)
from commissie.eenheid import Abonnee
from commissie.tijd import datum_nl, vandaag
from commissie.zaken.tijdlijn import schrijf


async def _vastgesteld(_: AsyncSession, e: AdviesVastgesteld) -> None:
    tekst = (
        f"Advies vastgesteld (versie {e.versie}), aan de korpsleiding van {', '.join(e.korpsen)}."
    )
    if e.correctie_van is not None:
        tekst = (
            f"Verbeterd advies vastgesteld (versie {e.versie}, verbetert versie {e.correctie_van})."
        )
    schrijf(e.zaak, actor=e.actor, nu=e.nu, soort="advies", datum=vandaag(e.nu), tekst=tekst)


async def _document(_: AsyncSession, e: DocumentGemaakt) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="document",
        tekst=f"Document gemaakt: {e.titel} ({e.formaat}), aan {e.aan}.",
    )


async def _besluit(_: AsyncSession, e: BesluitVastgelegd) -> None:
    volgt = "volgt het advies" if e.volgt_advies else "wijkt af van het advies"
    tekst = f"Besluit van de korpsleiding {e.korps} op {datum_nl(e.besloten_op)}: {volgt}."
    if e.dagen_te_laat:
        tekst += f" Te laat: {e.dagen_te_laat} dagen na de besluittermijn."
    schrijf(e.zaak, actor=e.actor, nu=e.nu, soort="besluit", datum=e.besloten_op, tekst=tekst)


async def _evaluatie(_: AsyncSession, e: EvaluatieVastgelegd) -> None:
    schrijf(e.zaak, actor=e.actor, nu=e.nu, soort="evaluatie", tekst="Evaluatie vastgelegd.")


ABONNEMENTEN: Mapping[type, Sequence[Abonnee]] = {
    AdviesVastgesteld: [_vastgesteld],
    DocumentGemaakt: [_document],
    BesluitVastgelegd: [_besluit],
    EvaluatieVastgelegd: [_evaluatie],
}
