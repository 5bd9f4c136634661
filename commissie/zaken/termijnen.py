"""Deadlines of a case, derived from the date of receipt. Pure: no I/O, no ORM.

Every deadline is recomputed from the facts (receipt, total postponement) on every change,
never patched in place, so a stored deadline can always be explained.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Literal

from commissie.atw import Kalender
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.regios import Termijninstellingen
from commissie.tijd import datum_nl


class Soort(StrEnum):
    ONTVANGSTBEVESTIGING = "ontvangstbevestiging"
    ONTVANKELIJKHEID = "ontvankelijkheid"
    ADVIES = "advies"
    BESLUIT = "besluit"
    # Runs from the copy to the accused (Awb 9:9), not from receipt: see `verweertermijn`.
    VERWEER = "verweer"


# Deadlines every case has from its receipt.
VANAF_ONTVANGST = (Soort.ONTVANGSTBEVESTIGING, Soort.ONTVANKELIJKHEID, Soort.ADVIES, Soort.BESLUIT)


GRONDSLAG = {
    Soort.ONTVANGSTBEVESTIGING: "Awb 9:6: ontvangstbevestiging; reglement: binnen {weken}",
    Soort.ONTVANKELIJKHEID: "Klachtenregeling: ontvankelijkheid binnen {weken} na ontvangst",
    Soort.ADVIES: "Klachtenregeling: advies binnen {weken} na ontvangst (Awb 9:15)",
    Soort.BESLUIT: "Awb 9:11 lid 1: afhandeling binnen {weken} na ontvangst",
    Soort.VERWEER: "Awb 9:9/9:10: schriftelijk verweer binnen {weken} na het afschrift",
}

OMSCHRIJVING = {
    Soort.ONTVANGSTBEVESTIGING: "Ontvangstbevestiging versturen",
    Soort.ONTVANKELIJKHEID: "Ontvankelijkheid beslissen en meedelen",
    Soort.ADVIES: "Advies uitbrengen aan de korpsleiding",
    Soort.BESLUIT: "Besluit van de korpsleiding",
    Soort.VERWEER: "Verweerschrift van de beklaagde",
}


@dataclass(frozen=True)
class BerekendeTermijn:
    soort: Soort
    grondslag: str
    wettelijke_einddatum: date  # receipt + term (+ postponement), before the Atw
    einddatum: date  # what counts: after Atw art. 1 and 2
    verdaagd_weken: int
    toelichting: str
    # Set when the end date lies in a year whose decreed Atw days are not in the data.
    waarschuwing: str | None = None


def bereken_termijnen(
    ontvangen_op: date,
    instellingen: Termijninstellingen,
    kalender: Kalender,
    verdaagd_weken: int = 0,
    verdaagd_weken_advies: int | None = None,
) -> list[BerekendeTermijn]:
    """`verdaagd_weken_advies`: the postponement that moves the advice deadline, when that
    differs from the total (see `adviesverdaging`); by default the total."""
    if verdaagd_weken_advies is None:
        verdaagd_weken_advies = verdaagd_weken
    weken = {
        Soort.ONTVANGSTBEVESTIGING: instellingen.ontvangstbevestiging_weken,
        Soort.ONTVANKELIJKHEID: instellingen.ontvankelijkheid_weken,
        Soort.ADVIES: instellingen.advies_weken,
        Soort.BESLUIT: instellingen.besluit_weken,
    }
    verdaagd = {
        Soort.ONTVANGSTBEVESTIGING: 0,
        Soort.ONTVANKELIJKHEID: 0,
        Soort.ADVIES: verdaagd_weken_advies if instellingen.verdaging_verschuift_advies else 0,
        Soort.BESLUIT: verdaagd_weken,
    }
    uit: list[BerekendeTermijn] = []
    for soort in VANAF_ONTVANGST:
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
        grondslag = GRONDSLAG[soort].format(weken=weken_tekst(weken[soort]))
        if soort is Soort.ONTVANGSTBEVESTIGING and not weken[soort]:
            grondslag = "Awb 9:6: ontvangstbevestiging, onverwijld"
        uit.append(
            BerekendeTermijn(
                soort=soort,
                grondslag=grondslag,
                wettelijke_einddatum=kaal,
                einddatum=eind,
                verdaagd_weken=verdaagd[soort],
                toelichting=" ".join(delen).replace(" ;", ";"),
                waarschuwing=kalender.dekking_waarschuwing(eind),
            )
        )
    return uit


def verweertermijn(afschrift_op: date, weken: int, kalender: Kalender) -> BerekendeTermijn:
    """The accused's term for a written answer: from the day the copy went out, Atw-adjusted."""
    dagen = 7 * weken
    kaal = afschrift_op + timedelta(days=dagen)
    eind = kalender.einddatum(afschrift_op, dagen)
    toelichting = f"afschrift aan beklaagde {afschrift_op.isoformat()} + {weken_tekst(weken)}"
    if eind != kaal:
        toelichting += (
            f"; {kaal.isoformat()} is {kalender.reden_vrij(kaal) or 'te kort'}, "
            f"verschoven naar {eind.isoformat()} (Algemene termijnenwet)"
        )
    return BerekendeTermijn(
        soort=Soort.VERWEER,
        grondslag=GRONDSLAG[Soort.VERWEER].format(weken=weken_tekst(weken)),
        wettelijke_einddatum=kaal,
        einddatum=eind,
        verdaagd_weken=0,
        toelichting=toelichting,
        waarschuwing=kalender.dekking_waarschuwing(eind),
    )


def adviesverdaging(
    ontvangen_op: date,
    instellingen: Termijninstellingen,
    kalender: Kalender,
    verdagingen: Sequence[tuple[date, int]],
) -> int:
    """Weeks by which the postponements move the advice deadline: a postponement decided after
    that deadline had passed cannot revive it (a deadline is extended before it ends), so a
    late advice stays late. `verdagingen`: (besloten_op, weken) in the order they were taken."""
    weken = 0
    for besloten_op, extra in verdagingen:
        dagen = 7 * (instellingen.advies_weken + weken)
        if besloten_op <= kalender.einddatum(ontvangen_op, dagen):
            weken += extra
    return weken


Termijnstatus = Literal["open", "voldaan", "voldaan_te_laat", "vervallen"]


def dagen_te_laat(einddatum: date, voldaan_op: date | None, vandaag: date) -> int:
    """Days past the end date: for a met deadline on the day it was met, for an open one today.

    0 when on time. Not meaningful for a lapsed (vervallen) deadline.
    """
    peildatum = voldaan_op if voldaan_op is not None else vandaag
    return max(0, (peildatum - einddatum).days)


def termijnstatus(opgeslagen: str, einddatum: date, voldaan_op: date | None) -> Termijnstatus:
    """The status people see: the stored one (open | voldaan | vervallen), with a deadline
    met after its end date shown as `voldaan_te_laat`."""
    if opgeslagen == "voldaan":
        te_laat = voldaan_op is not None and voldaan_op > einddatum
        return "voldaan_te_laat" if te_laat else "voldaan"
    if opgeslagen == "open":
        return "open"
    if opgeslagen == "vervallen":
        return "vervallen"
    raise ValueError(f"onbekende termijnstatus {opgeslagen!r}")


def weken_tekst(n: int) -> str:
    return f"{n} week" if n == 1 else f"{n} weken"


@dataclass(frozen=True)
class Verdagingstoets:
    totaal_weken: int  # postponement of the case in total, this one included
    te_laat_vastgelegd: bool  # recorded after the deadline it moved had passed


def toets_verdaging(
    *,
    eerder_verdaagd_weken: int,
    weken: int,
    max_weken: int,
    ontvangen_op: date,
    besloten_op: date,
    mededeling_op: date | None,
    huidige_besluittermijn: date,
    vandaag: date,
    vorige_besloten_op: date | None = None,
    instemming_op: date | None = None,
    instemming_kenmerk: str | None = None,
) -> Verdagingstoets:
    """Awb 9:11 lid 2 and 3 over plain values; raises OngeldigeInvoer (400) or Conflict (409).

    The decision to postpone (`besloten_op`) and the written notice to complainant and accused
    (`mededeling_op`, lid 2) must both fall before the decision deadline they move has passed,
    not in the future, not before receipt and not before the previous postponement
    (`vorige_besloten_op`); the notice not before the decision. Beyond `max_weken` in total
    only with the complainant's written consent (date and reference, lid 3), given by that
    same deadline. A postponement typed in after the deadline passed is accepted when its
    dates lie before it, and reported as recorded late.
    """
    termijn = datum_nl(huidige_besluittermijn)
    nog = f"De besluittermijn die wordt verdaagd loopt tot en met {termijn}."
    if weken < 1:
        raise OngeldigeInvoer("Veld 'weken': verdaging moet minstens 1 week zijn.", veld="weken")
    if mededeling_op is None:
        raise OngeldigeInvoer(
            "Veld 'mededeling_op': vul de datum in waarop klager en beklaagde schriftelijk over "
            f"de verdaging zijn ingelicht (Awb 9:11 lid 2). {nog}",
            veld="mededeling_op",
        )
    for veld, dag in (("besloten_op", besloten_op), ("mededeling_op", mededeling_op)):
        _toets_datum(veld, dag, ontvangen_op, vandaag, huidige_besluittermijn, nog)
        if vorige_besloten_op is not None and dag < vorige_besloten_op:
            raise Conflict(
                f"Veld '{veld}': {datum_nl(dag)} ligt vóór de vorige verdaging (besloten op "
                f"{datum_nl(vorige_besloten_op)}). {nog}",
                veld=veld,
            )
    if mededeling_op < besloten_op:
        raise OngeldigeInvoer(
            f"Veld 'mededeling_op': {datum_nl(mededeling_op)} ligt vóór het besluit tot "
            f"verdaging ({datum_nl(besloten_op)}); de mededeling volgt op dat besluit. {nog}",
            veld="mededeling_op",
        )
    if instemming_op is not None:
        _toets_datum(
            "instemming_klager.datum",
            instemming_op,
            ontvangen_op,
            vandaag,
            huidige_besluittermijn,
            nog,
        )
    totaal = eerder_verdaagd_weken + weken
    instemming = instemming_op is not None and bool((instemming_kenmerk or "").strip())
    if totaal > max_weken and not instemming:
        raise OngeldigeInvoer(
            f"Veld 'instemming_klager': verdaging tot in totaal {totaal} weken gaat verder dan "
            f"{max_weken} weken (Awb 9:11 lid 2) en mag alleen met schriftelijke instemming van "
            f"de klager (datum en kenmerk), gegeven uiterlijk op {termijn}.",
            veld="instemming_klager",
        )
    return Verdagingstoets(totaal_weken=totaal, te_laat_vastgelegd=vandaag > huidige_besluittermijn)


_VOOR_AFLOOP = {
    "besloten_op": "verdagen moet vóór afloop van de termijn gebeuren (Awb 9:11 lid 2)",
    "mededeling_op": (
        "klager en beklaagde moeten vóór afloop van de termijn schriftelijk zijn ingelicht "
        "(Awb 9:11 lid 2)"
    ),
    "instemming_klager.datum": (
        "de klager moet instemmen vóór afloop van de termijn die de verdaging verlengt "
        "(Awb 9:11 lid 3)"
    ),
}


def _toets_datum(
    veld: str, dag: date, ontvangen_op: date, vandaag: date, termijn: date, nog: str
) -> None:
    if dag > vandaag:
        raise OngeldigeInvoer(
            f"Veld '{veld}': {datum_nl(dag)} ligt in de toekomst (vandaag is "
            f"{datum_nl(vandaag)}). {nog}",
            veld=veld,
        )
    if dag < ontvangen_op:
        raise OngeldigeInvoer(
            f"Veld '{veld}': {datum_nl(dag)} ligt vóór de ontvangst van de klacht "
            f"({datum_nl(ontvangen_op)}). {nog}",
            veld=veld,
        )
    if dag > termijn:
        raise Conflict(
            f"Veld '{veld}': {datum_nl(dag)} ligt na de besluittermijn ({datum_nl(termijn)}); "
            f"{_VOOR_AFLOOP[veld]}.",
            veld=veld,
        )
