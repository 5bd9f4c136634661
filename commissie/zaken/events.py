"""What happened to a case: typed events published in the unit of work (commissie.eenheid).

They carry the case object itself: subscribers run in the same transaction and may add to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from commissie.accounts.rollen import Actor
from commissie.zaken.models import Verdaging, Zaak
from commissie.zaken.regels import Status


@dataclass(frozen=True, kw_only=True)
class ZaakEvent:
    """Base of every case event (the audit trail subscribes to this one)."""

    zaak: Zaak
    actor: Actor | None
    nu: datetime


@dataclass(frozen=True, kw_only=True)
class ZaakGeregistreerd(ZaakEvent):
    pass


@dataclass(frozen=True, kw_only=True)
class OntvangstBevestigd(ZaakEvent):
    verzonden_op: date


@dataclass(frozen=True, kw_only=True)
class StatusGewijzigd(ZaakEvent):
    """Every status change, whichever step made it."""

    van: Status
    naar: Status
    op: date  # the legal date of the step
    toelichting: str = ""


@dataclass(frozen=True, kw_only=True)
class OntvankelijkheidBeslist(ZaakEvent):
    ontvankelijk: bool
    besloten_op: date
    gronden: str


@dataclass(frozen=True, kw_only=True)
class Verdaagd(ZaakEvent):
    verdaging: Verdaging
    totaal_weken: int
    besluit_uiterlijk: date
