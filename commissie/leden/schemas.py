"""Request and response bodies for members and their absences."""

from __future__ import annotations

from datetime import date
from typing import Literal

import msgspec

from commissie.typen import Code, Email, Naam, Toelichting

Tekst = Naam


class LidIn(msgspec.Struct, forbid_unknown_fields=True):
    naam: Tekst
    commissie: Code
    korps: Code
    eenheid: Tekst | None = None
    voorzitter: bool = False
    email: Email | None = None


class LidWijziging(msgspec.Struct, forbid_unknown_fields=True):
    eenheid: Tekst | None = None
    voorzitter: bool | None = None
    actief: bool | None = None
    email: Email | None = None


class LidUit(msgspec.Struct):
    id: int
    naam: str
    commissie: str
    korps: str
    eenheid: str | None
    voorzitter: bool
    actief: bool
    volgorde: int
    email: str | None


class AfwezigheidIn(msgspec.Struct, forbid_unknown_fields=True):
    van: date
    tot: date
    soort: Literal["vakantie", "ziekte", "overig"]
    toelichting: Toelichting | None = None


class AfwezigheidUit(msgspec.Struct):
    id: int
    lid_id: int
    van: date
    tot: date
    soort: str
    # Case numbers: for the secretary and the member. The administrator, who sees no cases,
    # gets the counts only (the lists are empty).
    vervangen_in: list[str]
    niet_vervangen: list[str]
    aantal_vervangen: int = 0
    aantal_niet_vervangen: int = 0
