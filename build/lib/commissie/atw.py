"""Algemene termijnenwet (Atw): which days a legal deadline may not end on. Pure.

Art. 3 lid 1 and 2 are fixed in law and live here; the days decreed equal by Royal Decree
(art. 3 lid 3) are data (regios/atw.toml) and come in as `gelijkgesteld`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from dateutil.easter import easter


@lru_cache(maxsize=512)
def vaste_feestdagen(jaar: int) -> dict[date, str]:
    """The days of Atw art. 3 lid 1 and 2 for one year, with their names."""
    pasen = easter(jaar)
    dagen = {
        date(jaar, 1, 1): "Nieuwjaarsdag",
        pasen - timedelta(days=2): "Goede Vrijdag",
        pasen + timedelta(days=1): "Tweede Paasdag",
        pasen + timedelta(days=39): "Hemelvaartsdag",
        pasen + timedelta(days=50): "Tweede Pinksterdag",
        date(jaar, 5, 5): "5 mei",
        date(jaar, 12, 25): "Eerste Kerstdag",
        date(jaar, 12, 26): "Tweede Kerstdag",
    }
    dagen[koningsdag(jaar)] = "Koningsdag" if jaar >= 2014 else "Koninginnedag"
    return dagen


def koningsdag(jaar: int) -> date:
    """The day the monarch's birthday is celebrated; moved to Saturday when it falls on Sunday."""
    dag = date(jaar, 4, 27) if jaar >= 2014 else date(jaar, 4, 30)
    if dag.weekday() == 6:
        dag -= timedelta(days=1)
    return dag


class Kalender:
    """Atw calendar: fixed days plus the decreed days it was given.

    `jaren`: the years whose decreed days the data covers (regios/atw.toml); without it, the
    years of the decreed days given. For other years a deadline may miss a decreed day.
    """

    def __init__(
        self, gelijkgesteld: Iterable[date] = (), jaren: Iterable[int] | None = None
    ) -> None:
        self.gelijkgesteld = frozenset(gelijkgesteld)
        self.jaren = (
            frozenset(jaren) if jaren is not None else frozenset(d.year for d in self.gelijkgesteld)
        )

    def dekking_waarschuwing(self, dag: date) -> str | None:
        """A warning when the decreed days of `dag`'s year are not in the data."""
        if dag.year in self.jaren:
            return None
        return f"controleer de gelijkgestelde dagen voor {dag.year}"

    def feestdag(self, dag: date) -> str | None:
        """Name of the Atw day on this date, or None."""
        naam = vaste_feestdagen(dag.year).get(dag)
        if naam:
            return naam
        if dag in self.gelijkgesteld:
            return "bij Koninklijk Besluit gelijkgestelde dag"
        return None

    def is_vrij(self, dag: date) -> bool:
        """Saturday, Sunday or an Atw day: a deadline may not end here."""
        return dag.weekday() >= 5 or self.feestdag(dag) is not None

    def reden_vrij(self, dag: date) -> str | None:
        naam = self.feestdag(dag)
        if naam:
            return naam
        if dag.weekday() == 5:
            return "zaterdag"
        if dag.weekday() == 6:
            return "zondag"
        return None

    def verschuif(self, dag: date) -> date:
        """Atw art. 1: a deadline ending on a free day moves to the next day that is none."""
        while self.is_vrij(dag):
            dag += timedelta(days=1)
        return dag

    def einddatum(self, start: date, dagen: int) -> date:
        """End of a legal term of `dagen` days that starts the day after `start`.

        Art. 2: a term of at least three days contains at least two days that are not free;
        art. 1: it never ends on a free day.
        """
        eind = start + timedelta(days=dagen)
        if dagen >= 3:
            werkdagen = sum(
                1 for i in range(1, dagen + 1) if not self.is_vrij(start + timedelta(days=i))
            )
            while werkdagen < 2:
                eind += timedelta(days=1)
                if not self.is_vrij(eind):
                    werkdagen += 1
        return self.verschuif(eind)
