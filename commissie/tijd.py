"""Time: instants are aware UTC; people see Europe/Amsterdam; deadlines are dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

Klok = Callable[[], datetime]


def systeemklok() -> datetime:
    return datetime.now(UTC)


def vandaag(nu: datetime) -> date:
    """The calendar date in the Netherlands at instant `nu`."""
    return nu.astimezone(AMSTERDAM).date()


def lokaal(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)
