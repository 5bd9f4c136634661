"""Awb 9:8 signals: grounds on which the committee MAY decide not to handle a complaint.

They are flags for the committee to weigh, never automatic verdicts. Pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta


@dataclass(frozen=True)
class EerdereZaak:
    nummer: str
    ontvangen_op: date
    behandeld: bool  # reached advice or decision, i.e. handled under this division
    gedragingsdata: tuple[date, ...]


@dataclass(frozen=True)
class Strafonderzoek:
    lopend: bool
    sinds: date | None = None
    kenmerk: str | None = None


@dataclass(frozen=True)
class Signaal:
    code: str
    grondslag: str
    omschrijving: str
    feiten: dict[str, object] = field(default_factory=dict)


def signalen_9_8(
    *,
    ontvangen_op: date,
    gedragingsdata: tuple[date, ...],
    strafonderzoek: Strafonderzoek | None,
    eerdere_zaken: tuple[EerdereZaak, ...] = (),
) -> list[Signaal]:
    uit: list[Signaal] = []
    grens = ontvangen_op - relativedelta(years=1)
    oud = sorted(d for d in gedragingsdata if d < grens)
    if oud:
        alle = len(oud) == len(gedragingsdata)
        uit.append(
            Signaal(
                code="gedraging_ouder_dan_jaar",
                grondslag="Awb 9:8 lid 1 sub b",
                omschrijving=(
                    "De gedraging vond langer dan een jaar vóór de klacht plaats"
                    if alle
                    else "Een deel van de gedragingen vond langer dan een jaar vóór de klacht plaats"
                ),
                feiten={
                    "ontvangen_op": ontvangen_op.isoformat(),
                    "grens": grens.isoformat(),
                    "gedragingen_voor_grens": [d.isoformat() for d in oud],
                    "alle_gedragingen": alle,
                },
            )
        )
    eigen = set(gedragingsdata)
    for eerder in eerdere_zaken:
        gedeeld = sorted(eigen.intersection(eerder.gedragingsdata))
        if not gedeeld:
            continue
        uit.append(
            Signaal(
                code="eerder_behandeld" if eerder.behandeld else "eerdere_klacht_loopt",
                grondslag="Awb 9:8 lid 1 sub a",
                omschrijving=(
                    f"Over dezelfde gedraging is al een klacht behandeld ({eerder.nummer})"
                    if eerder.behandeld
                    else f"Over dezelfde gedraging loopt al een klacht ({eerder.nummer})"
                ),
                feiten={
                    "zaak": eerder.nummer,
                    "ontvangen_op": eerder.ontvangen_op.isoformat(),
                    "gedeelde_gedragingsdata": [d.isoformat() for d in gedeeld],
                },
            )
        )
    if strafonderzoek and strafonderzoek.lopend:
        feiten: dict[str, object] = {}
        if strafonderzoek.sinds:
            feiten["sinds"] = strafonderzoek.sinds.isoformat()
        if strafonderzoek.kenmerk:
            feiten["kenmerk"] = strafonderzoek.kenmerk
        uit.append(
            Signaal(
                code="strafrechtelijk_onderzoek",
                grondslag="Awb 9:8 lid 1 sub d",
                omschrijving="Naar dezelfde feiten loopt een strafrechtelijk onderzoek",
                feiten=feiten,
            )
        )
    return uit
