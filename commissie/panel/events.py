"""What happened to a case's panel: typed events published in the unit of work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commissie.zaken.events import ZaakEvent


@dataclass(frozen=True, kw_only=True)
class ZetelToegewezen(ZaakEvent):
    lid_id: int
    naam: str
    korps: str
    rol: str
    grond: str


@dataclass(frozen=True, kw_only=True)
class ZetelBeeindigd(ZaakEvent):
    """A seat ended (replaced, moved up, or left vacant when nobody could take it)."""

    lid_id: int
    naam: str
    rol: str
    reden: str
    vacant: bool


@dataclass(frozen=True, kw_only=True)
class PanelGewisseld(ZaakEvent):
    """Once per panel change, after its ZetelBeeindigd/ZetelToegewezen events: who left and
    who joined (member ids), so a subscriber that reads the case's hearings does so once."""

    weg: tuple[int, ...]
    erbij: tuple[int, ...]


@dataclass(frozen=True, kw_only=True)
class VoorzitterViaTerugval(ZaakEvent):
    pass


@dataclass(frozen=True, kw_only=True)
class PanelOnvolledig(ZaakEvent):
    """The panel could not be composed at registration (the reasons go to the secretary)."""


@dataclass(frozen=True, kw_only=True)
class VerschoningGemeld(ZaakEvent):
    lid_id: int
    naam: str
    korps: str


@dataclass(frozen=True, kw_only=True)
class WrakingBeslist(ZaakEvent):
    lid_id: int
    naam: str
    ingediend_door: str
    ingediend_op: date
    beslissing: str
    beslist_op: date


@dataclass(frozen=True, kw_only=True)
class ZiekVervangen(ZaakEvent):
    lid_id: int
    naam: str


@dataclass(frozen=True, kw_only=True)
class HandmatigAangewezen(ZaakEvent):
    oud_id: int | None  # None: a vacant chair was filled
    oud_naam: str | None
    nieuw_id: int
    nieuw_naam: str
    reden: str


@dataclass(frozen=True, kw_only=True)
class PanelHerzien(ZaakEvent):
    reden: str


@dataclass(frozen=True, kw_only=True)
class LidAfwezig(ZaakEvent):
    lid_id: int
    naam: str
    van: date
    tot: date


@dataclass(frozen=True, kw_only=True)
class LidUitPanel(ZaakEvent):
    """A member left every open panel: illness (ziektevervanging) or leaving (vertrek)."""

    lid_id: int
    naam: str
    reden: str
    vacant: bool


@dataclass(frozen=True, kw_only=True)
class VoorzitterVacant(ZaakEvent):
    """The rules left the chair open: nobody the chair rule allows is available."""

    waarschuwing: str
