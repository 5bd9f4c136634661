"""Request and response bodies of the zaken API (msgspec: validated at the edge)."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import msgspec

from commissie.typen import (
    Code,
    Contact,
    Email,
    Kenmerk,
    LangeTekst,
    Naam,
    Reden,
    Toelichting,
)

Tekst = Naam


class Categorie(StrEnum):
    VERBALE_AGRESSIE = "verbale_agressie"
    FYSIEKE_AGRESSIE = "fysieke_agressie"
    PSYCHISCHE_AGRESSIE = "psychische_agressie"
    SEKSUELE_INTIMIDATIE = "seksuele_intimidatie"
    DISCRIMINATIE = "discriminatie"
    VANDALISME = "vandalisme"
    CRIMINALITEIT = "criminaliteit"


CATEGORIE_LABEL = {
    Categorie.VERBALE_AGRESSIE: "verbale agressie",
    Categorie.FYSIEKE_AGRESSIE: "fysieke agressie",
    Categorie.PSYCHISCHE_AGRESSIE: "psychische agressie/intimidatie (incl. pesten)",
    Categorie.SEKSUELE_INTIMIDATIE: "seksuele intimidatie",
    Categorie.DISCRIMINATIE: "discriminatie",
    Categorie.VANDALISME: "vandalisme",
    Categorie.CRIMINALITEIT: "criminaliteit",
}


class KlagerIn(msgspec.Struct, forbid_unknown_fields=True):
    naam: Tekst
    korps: Code
    functie: Tekst | None = None
    eenheid: Tekst | None = None
    contact: Contact | None = None
    # Where hearing invites go (optional; never shown to those who may not see contacts).
    email: Email | None = None


class BeklaagdeIn(msgspec.Struct, forbid_unknown_fields=True):
    naam: Tekst
    korps: Code
    eenheid: Tekst | None = None
    functie: Tekst | None = None
    email: Email | None = None


class VertrouwenspersoonIn(msgspec.Struct, forbid_unknown_fields=True):
    naam: Tekst
    contact: Contact | None = None
    email: Email | None = None


class StrafonderzoekIn(msgspec.Struct, forbid_unknown_fields=True):
    lopend: bool = True
    sinds: date | None = None
    kenmerk: Kenmerk | None = None


class ZaakIn(msgspec.Struct, forbid_unknown_fields=True):
    commissie: Code
    ontvangen_op: date
    klager: KlagerIn
    beklaagden: Annotated[list[BeklaagdeIn], msgspec.Meta(min_length=1, max_length=20)]
    categorieen: Annotated[list[Categorie], msgspec.Meta(min_length=1)]
    omschrijving: LangeTekst
    gedraging_op: date | Annotated[list[date], msgspec.Meta(min_length=1, max_length=100)]
    vertrouwenspersoon: VertrouwenspersoonIn | None = None
    strafrechtelijk_onderzoek: StrafonderzoekIn | None = None


class OntvankelijkheidIn(msgspec.Struct, forbid_unknown_fields=True):
    ontvankelijk: bool
    toelichting: Toelichting = ""
    besloten_op: date | None = None


class InstemmingIn(msgspec.Struct, forbid_unknown_fields=True):
    datum: date
    kenmerk: Kenmerk


class VerdagingIn(msgspec.Struct, forbid_unknown_fields=True):
    weken: Annotated[int, msgspec.Meta(ge=1, le=52)]
    reden: Reden
    # The date the written notice went to complainant and accused (Awb 9:11 lid 2).
    mededeling_op: date
    besloten_op: date | None = None
    instemming_klager: InstemmingIn | None = None


class StatusIn(msgspec.Struct, forbid_unknown_fields=True):
    status: str
    toelichting: Toelichting = ""


class OntvangstbevestigingIn(msgspec.Struct, forbid_unknown_fields=True):
    verzonden_op: date | None = None


# ---- responses -------------------------------------------------------------------------


class TermijnUit(msgspec.Struct):
    soort: str
    omschrijving: str
    einddatum: date
    wettelijke_einddatum: date
    grondslag: str
    toelichting: str
    # open | voldaan | voldaan_te_laat | vervallen
    status: str
    voldaan_op: date | None
    verdaagd_weken: int
    dagen_te_laat: int  # 0 when on time; for an open deadline, the days past it today
    waarschuwing: str | None = None  # e.g. Atw data not covering the year it ends in


class PartijUit(msgspec.Struct):
    id: int  # hearings and advice refer to an accused as "beklaagde:ID"
    naam: str
    korps: str | None
    eenheid: str | None
    functie: str | None
    contact: str | None = None
    email: str | None = None


class SignaalUit(msgspec.Struct):
    code: str
    grondslag: str
    omschrijving: str
    feiten: dict[str, Any]


class GebeurtenisUit(msgspec.Struct):
    op: datetime  # when it was recorded
    datum: date | None  # the legal date of the step
    door: str
    soort: str
    omschrijving: str
    toelichting: str | None = None  # free text: the secretariat only


class VerdagingUit(msgspec.Struct):
    weken: int
    reden: str
    besloten_op: date
    mededeling_op: date | None
    instemming_klager: InstemmingIn | None
    te_laat_vastgelegd: bool
    vastgelegd_op: datetime
    vastgelegd_door: str


class ZaakUit(msgspec.Struct):
    nummer: str
    commissie: str
    status: str
    status_label: str
    volgende_stappen: list[str]
    ontvangen_op: date
    korps: str
    klager: PartijUit | None
    beklaagden: list[PartijUit]
    vertrouwenspersoon: PartijUit | None
    categorieen: list[str]
    omschrijving: str
    gedraging_op: list[date]
    termijnen: dict[str, date]
    termijnoverzicht: list[TermijnUit]
    verdagingen: list[VerdagingUit]
    verdaagd_weken: int
    signalen: list[SignaalUit]
    tijdlijn: list[GebeurtenisUit]
    ontvangstbevestiging_op: date | None
    panel: list[dict[str, Any]] = msgspec.field(default_factory=list)
    waarschuwingen: list[str] = msgspec.field(default_factory=list)
    # Hoor en wederhoor, filled by the procedure layer from the zittingen domain.
    wederhoor: Any = None
    zittingen: list[Any] = msgspec.field(default_factory=list)
    horen: list[Any] = msgspec.field(default_factory=list)


class ZaakRij(msgspec.Struct):
    """Lean row for lists: no party names, no content."""

    nummer: str
    commissie: str
    status: str
    ontvangen_op: date
    korps: str
    volgende_termijn: date | None


class ZaakLijst(msgspec.Struct):
    zaken: list[ZaakRij]
    volgende: str | None


class OpenTermijn(msgspec.Struct):
    nummer: str
    soort: str
    omschrijving: str
    einddatum: date
    grondslag: str
    dagen_resterend: int
    te_laat: bool
    dagen_te_laat: int
    korps: str
    # Things the secretary must act on: a vacant chair (who is back when), an incomplete
    # panel, Atw data that do not cover the year the deadline ends in.
    waarschuwingen: list[str] = msgspec.field(default_factory=list)


class TermijnLijst(msgspec.Struct):
    """A page of open deadlines; `volgende` is the cursor for the next page (None: the last)."""

    termijnen: list[OpenTermijn]
    volgende: str | None


class KorpsUit(msgspec.Struct):
    code: str
    naam: str


class CommissieUit(msgspec.Struct):
    code: str
    naam: str
    korpsen: list[KorpsUit]
