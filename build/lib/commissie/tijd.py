"""Time: instants are aware UTC; people see Europe/Amsterdam; deadlines are dates."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

Klok = Callable[[], datetime]

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
# Short forms as people write them in a diary: "jan", "mrt", "mei".
MAANDEN_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
DAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAGEN_KORT = ("ma", "di", "wo", "do", "vr", "za", "zo")


def systeemklok() -> datetime:
    return datetime.now(UTC)


def vandaag(nu: datetime) -> date:
    """The calendar date in the Netherlands at instant `nu`."""
    return nu.astimezone(AMSTERDAM).date()


def lokaal(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def datum_nl(dag: date) -> str:
    """'28 november 2026': the one date format for people (pages, letters)."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def tijdstip_nl(moment: datetime) -> str:
    """'di 12 jan 2027 10:00' in Amsterdam time: the one format for instants."""
    m = lokaal(moment)
    return (
        f"{DAGEN_KORT[m.weekday()]} {m.day} {MAANDEN_KORT[m.month - 1]} {m.year} "
        f"{m.hour:02d}:{m.minute:02d}"
    )
