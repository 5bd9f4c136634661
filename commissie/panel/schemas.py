"""Request and response bodies for members, panels and load."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import msgspec

from commissie.typen import Code, Email, Id, Naam, Reden, Toelichting

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
    vervangen_in: list[str]
    niet_vervangen: list[str]


class SamenstellenIn(msgspec.Struct, forbid_unknown_fields=True):
    opnieuw: bool = False
    reden: Toelichting = ""


class VerschoningIn(msgspec.Struct, forbid_unknown_fields=True):
    lid: Id
    reden: Reden


class WrakingIn(msgspec.Struct, forbid_unknown_fields=True):
    lid: Id
    ingediend_door: Literal["klager", "beklaagde"]
    reden: Reden
    ingediend_op: date
    beslissing: Literal["toegewezen", "afgewezen"]
    toelichting: Reden
    beslist_op: date | None = None


class VervangingIn(msgspec.Struct, forbid_unknown_fields=True):
    lid: Id
    reden: Reden


class HandmatigIn(msgspec.Struct, forbid_unknown_fields=True):
    lid: Id  # the member whose seat changes hands
    nieuw_lid: Id
    reden: Reden


class ZetelUit(msgspec.Struct):
    rol: str
    lid_id: int
    naam: str
    korps: str
    actief: bool
    aangewezen_op: str
    beeindigd_op: str | None
    einde_reden: str | None
    einde_toelichting: str | None
    uitleg: dict[str, Any]


class PanelUit(msgspec.Struct):
    nummer: str
    zetels: list[ZetelUit]
    waarschuwing: str | None = None


class KorpsLast(msgspec.Struct):
    korps: str
    zaken: int
    zetels: int
    voorzitterschappen: int
    zittingen: int
    doel_pct: float
    aandeel_pct: float
    afwijking_pp: float


class LidLast(msgspec.Struct):
    lid_id: int
    naam: str
    korps: str
    voorzitter: bool
    zetels: int
    voorzitterschappen: int
    zittingen: int
    eerlijk_aandeel: float
    afwijking: float
    tegoed: str


class BelastingUit(msgspec.Struct):
    commissie: str
    van: date
    tot: date
    verdeling: str
    korpsen: list[KorpsLast]
    leden: list[LidLast]
