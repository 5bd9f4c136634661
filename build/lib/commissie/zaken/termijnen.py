"""Deadlines of a case, derived from the date of receipt. Pure: no I/O, no ORM.

Every deadline is recomputed from the facts (receipt, total postponement) on every change,
never patched in place, so a stored deadline can always be explained.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from commissie.atw import Kalender
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.regios import Termijninstellingen


class Soort(StrEnum):
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging"
    ONTVANKELIJKHEID = "ontvankelijkheid"
    ADVIES = "advies"
    BESLUIT = "besluit"


GRONDSLAG = {
    Soort.ONTVANGSTBEVESTIGING: "Awb 9:6 (schriftelijke ontvangstbevestiging, onverwijld)",
    Soort.ONTVANKELIJKHEID: "Klachtenregeling: ontvankelijkheid binnen {weken} na ontvangst",
    Soort.ADVIES: "Klachtenregeling: advies binnen {weken} na ontvangst (Awb 9:15)",
    Soort.BESLUIT: "Awb 9:11 lid 1: afhandeling binnen {weken} na ontvangst",
}

OMSCHRIJVING = {
    Soort.ONTVANGSTBEVESTIGING: "Ontvangstbevestiging versturen",
    Soort.ONTVANKELIJKHEID: "Ontvankelijkheid beslissen en meedelen",
    Soort.ADVIES: "Advies uitbrengen aan de korpsleiding",
    Soort.BESLUIT: "Besluit van de korpsleiding",
}


@dataclass(frozen=True)
class BerekendeTermijn:
    soort: Soort
    grondslag: str
    wettelijke_einddatum: date  # receipt + term (+ postponement), before the Atw
    einddatum: date  # what counts: after Atw art. 1 and 2
    verdaagd_weken: int
    toelichting: str


def bereken_termijnen(
    ontvangen_op: date,
    instellingen: Termijninstellingen,
    kalender: Kalender,
    verdaagd_weken: int = 0,
) -> list[BerekendeTermijn]:
    weken = {
        Soort.ONTVANGSTBEVESTIGING: 0,
        Soort.ONTVANKELIJKHEID: instellingen.ontvankelijkheid_weken,
        Soort.ADVIES: instellingen.advies_weken,
        Soort.BESLUIT: instellingen.besluit_weken,
    }
    verdaagd = {
        Soort.ONTVANGSTBEVESTIGING: 0,
        Soort.ONTVANKELIJKHEID: 0,
        Soort.ADVIES: verdaagd_weken if instellingen.verdaging_verschuift_advies else 0,
        Soort.BESLUIT: verdaagd_weken,
    }
    uit: list[BerekendeTermijn] = []
    for soort in Soort:
        dagen = 7 * (weken[soort] + verdaagd[soort])
        kaal = ontvangen_op + timedelta(days=dagen)
        eind = kalender.einddatum(ontvangen_op, dagen) if dagen else kalender.verschuif(kaal)
        delen = [
            f"ontvangst {ontvangen_op.isoformat()} + {weken_tekst(weken[soort])}"
            if weken[soort]
            else f"ontvangst {ontvangen_op.isoformat()} (onverwijld)"
        ]
        if verdaagd[soort]:
            delen.append(f"+ {weken_tekst(verdaagd[soort])} verdaging")
        if eind != kaal:
            delen.append(
                f"; {kaal.isoformat()} is {kalender.reden_vrij(kaal) or 'te kort'}, "
                f"verschoven naar {eind.isoformat()} (Algemene termijnenwet)"
            )
        uit.append(
            BerekendeTermijn(
                soort=soort,
                grondslag=GRONDSLAG[soort].format(weken=weken_tekst(weken[soort])),
                wettelijke_einddatum=kaal,
                einddatum=eind,
                verdaagd_weken=verdaagd[soort],
                toelichting=" ".join(delen).replace(" ;", ";"),
            )
        )
    return uit


def weken_tekst(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weken"


def toets_verdaging(
    *,
    eerder_verdaagd_weken: int,
    weken: int,
    max_weken: int,
    instemming_klager: bool,
    besloten_op: date,
    huidige_besluittermijn: date,
) -> int:
    """Awb 9:11 lid 2 and 3: at most `max_weken` in total; longer only with written consent.

    A postponement must be decided before the deadline it postpones has passed. Returns the
    total postponement in weeks.
    """
    if weken < 1:
        raise OngeldigeInvoer("Veld 'weken': verdaging moet minstens 1 week zijn.", veld="weken")
    if besloten_op > huidige_besluittermijn:
        raise Conflict(
            f"Verdaging kan niet meer: de besluittermijn verliep op "
            f"{huidige_besluittermijn.isoformat()} en verdagen moet vóór afloop gebeuren."
        )
    totaal = eerder_verdaagd_weken + weken
    if totaal > max_weken and not instemming_klager:
        raise OngeldigeInvoer(
            f"Veld 'instemming_klager': verdaging tot in totaal {totaal} weken gaat verder dan "
            f"{max_weken} weken (Awb 9:11 lid 2) en mag alleen met schriftelijke instemming van "
            "de klager (datum en kenmerk).",
            veld="instemming_klager",
        )
    return totaal
