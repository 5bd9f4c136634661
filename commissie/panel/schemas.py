"""Request and response bodies for members, panels and load."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

import msgspec

from commissie.typen import Id, Naam, Reden, Toelichting

Tekst = Naam


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
    nieuw_lid: Id
    reden: Reden
    # The member whose seat changes hands; left out, the vacant chair is filled.
    lid: Id | None = None


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


class ConflictUit(msgspec.Struct):
    """A verschoning or wraking with its reasons: kept off the timeline, shown here."""

    soort: str  # verschoning | wraking
    lid_id: int
    naam: str
    reden: str
    op: str  # declared (verschoning) or filed (wraking)
    ingediend_door: str | None = None
    beslissing: str | None = None
    toelichting: str | None = None


class PanelUit(msgspec.Struct):
    nummer: str
    zetels: list[ZetelUit]
    waarschuwing: str | None = None
    conflicten: list[ConflictUit] = msgspec.field(default_factory=list)


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
