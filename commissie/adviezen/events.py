"""What happened in the advice domain (published with commissie.eenheid.publiceer)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commissie.zaken.events import ZaakEvent


@dataclass(frozen=True, kw_only=True)
class AdviesVastgesteld(ZaakEvent):
    versie: int
    correctie_van: int | None
    korpsen: tuple[str, ...]


@dataclass(frozen=True, kw_only=True)
class DocumentGemaakt(ZaakEvent):
    soort: str
    titel: str
    aan: str
    formaat: str


@dataclass(frozen=True, kw_only=True)
class BesluitVastgelegd(ZaakEvent):
    korps: str
    volgt_advies: bool
    besloten_op: date
    dagen_te_laat: int


@dataclass(frozen=True, kw_only=True)
class EvaluatieVastgelegd(ZaakEvent):
    pass
