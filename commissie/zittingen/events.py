"""What happened in hoor en wederhoor: typed events, published in the unit of work.

They carry the hearing row itself, so a subscriber (timeline, later the invite outbox) can
build what it needs from it in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from commissie.zaken.events import ZaakEvent
from commissie.zittingen.models import Zitting
from commissie.zittingen.regels import WederhoorStap


@dataclass(frozen=True, kw_only=True)
class WederhoorVastgelegd(ZaakEvent):
    stap: WederhoorStap
    op: date
    toelichting: str = ""
    verweertermijn: date | None = None


@dataclass(frozen=True, kw_only=True)
class ZittingEvent(ZaakEvent):
    zitting: Zitting
    # Planning objections overridden with a reason (empty when none were overridden).
    bezwaren: tuple[str, ...] = ()
    reden_afwijking: str | None = None


@dataclass(frozen=True, kw_only=True)
class ZittingGepland(ZittingEvent):
    pass


@dataclass(frozen=True, kw_only=True)
class ZittingVerplaatst(ZittingEvent):
    pass


@dataclass(frozen=True, kw_only=True)
class ZittingGeannuleerd(ZittingEvent):
    reden: str


@dataclass(frozen=True, kw_only=True)
class ZittingGehouden(ZittingEvent):
    """The hearing report recorded (again: a later call may add when it went to the parties)."""


@dataclass(frozen=True, kw_only=True)
class HorenAfgezien(ZaakEvent):
    partij: str
    grond: str
