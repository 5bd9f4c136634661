"""JSON in and out for advice, documents, letters, decisions and the evaluation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import msgspec

OordeelTekst = Literal["gegrond", "deels_gegrond", "ongegrond", "niet_ontvankelijk"]
MaatregelSoort = Literal[
    "geen", "waarschuwing", "overplaatsing", "ordemaatregel", "disciplinaire_maatregel"
]


class OnderdeelIn(msgspec.Struct, forbid_unknown_fields=True):
    beklaagde: int
    oordeel: OordeelTekst
    motivering: str = ""


class AdviesIn(msgspec.Struct, forbid_unknown_fields=True):
    feiten: str
    standpunten: str
    overwegingen: str
    onderdelen: list[OnderdeelIn]
    aanbevelingen: str = ""


class OpmerkingIn(msgspec.Struct, forbid_unknown_fields=True):
    tekst: str


class OnderdeelUit(msgspec.Struct):
    beklaagde: int
    naam: str
    korps: str | None
    oordeel: str
    motivering: str


class AdviesversieUit(msgspec.Struct):
    versie: int
    status: str  # concept | vastgesteld
    feiten: str
    standpunten: str
    overwegingen: str
    onderdelen: list[OnderdeelUit]
    aanbevelingen: str
    door: str
    aangemaakt_op: datetime
    vastgesteld_op: datetime | None
    vastgesteld_door: str | None
    corrigeert_versie: int | None


class OpmerkingUit(msgspec.Struct):
    versie: int | None
    tekst: str
    door: str
    op: datetime


class AdviesUit(msgspec.Struct):
    huidig: AdviesversieUit | None
    eerdere: list[AdviesversieUit]
    opmerkingen: list[OpmerkingUit]


class DocumentUit(msgspec.Struct):
    id: int
    soort: str
    titel: str
    versie: int
    korps: str | None
    aan: str
    sha256: str
    grootte: int
    aangemaakt_op: datetime
    aangemaakt_door: str
    formaat: str


class BriefIn(msgspec.Struct, forbid_unknown_fields=True):
    soort: str
    aan: str


class MaatregelIn(msgspec.Struct, forbid_unknown_fields=True):
    voor: str
    soort: MaatregelSoort
    toelichting: str = ""


class BesluitIn(msgspec.Struct, forbid_unknown_fields=True):
    volgt_advies: bool
    motivering: str | None = None
    maatregelen: list[MaatregelIn] = msgspec.field(default_factory=list)
    besloten_op: date | None = None


class BesluitUit(msgspec.Struct):
    korps: str
    volgt_advies: bool
    motivering: str
    maatregelen: list[MaatregelIn]
    besloten_op: date
    te_laat: bool
    dagen_te_laat: int
    door: str


class EvaluatieIn(msgspec.Struct, forbid_unknown_fields=True):
    afhandeling: str
    ervaring_uitkomst: str
    ervaring_procedure: str
    vervolg_nodig: bool
    maatregelen: str = ""
    vervolg: str = ""


class EvaluatieUit(msgspec.Struct):
    afhandeling: str
    maatregelen: str
    ervaring_uitkomst: str
    ervaring_procedure: str
    vervolg_nodig: bool
    vervolg: str
    advies_gevolgd: bool
    doorlooptijd_dagen: int
    door: str
    op: datetime


class BesluitenUit(msgspec.Struct):
    besluiten: list[BesluitUit]
    nog_te_besluiten: list[str]
    evaluatie: EvaluatieUit | None = None
