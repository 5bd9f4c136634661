"""Hearing rules over plain values: who is heard, when a hearing may be planned, and proposals
for free slots. Pure: no I/O, no ORM."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from commissie.atw import Kalender
from commissie.fouten import OngeldigeInvoer
from commissie.tijd import AMSTERDAM, datum_nl, tijdstip_nl


class ZittingStatus(StrEnum):
    GEPLAND = "gepland"
    GEANNULEERD = "geannuleerd"
    GEHOUDEN = "gehouden"


class WederhoorStap(StrEnum):
    AFSCHRIFT_BEKLAAGDE = "afschrift_beklaagde"
    VERWEER_ONTVANGEN = "verweer_ontvangen"
    STUKKEN_GEDEELD = "stukken_gedeeld"


KLAGER = "klager"
BEKLAAGDEN = "beklaagden"


def partij_sleutel(beklaagde_id: int) -> str:
    return f"beklaagde:{beklaagde_id}"


def lees_partij(waarde: str, beklaagden: Sequence[int], veld: str) -> str:
    """'klager' or 'beklaagde:ID' of an accused of this case; 400 naming the field otherwise."""
    if waarde == KLAGER:
        return KLAGER
    soort, _, rest = waarde.partition(":")
    if soort == "beklaagde" and rest.isascii() and rest.isdigit() and int(rest) in beklaagden:
        return partij_sleutel(int(rest))
    bekend = ", ".join([KLAGER, *(partij_sleutel(b) for b in beklaagden)])
    raise OngeldigeInvoer(
        f"Veld '{veld}': onbekende partij '{waarde}'; bekend zijn {bekend}.", veld=veld
    )


def lees_partijen(waarden: Sequence[str], beklaagden: Sequence[int], veld: str) -> list[str]:
    """Who is heard at a session: 'klager', 'beklaagden' (every accused) or 'beklaagde:ID'.
    Expanded to single parties, in a fixed order, without duplicates."""
    if not waarden:
        raise OngeldigeInvoer(f"Veld '{veld}': noem minstens één partij.", veld=veld)
    uit: set[str] = set()
    for i, w in enumerate(waarden):
        if w == BEKLAAGDEN:
            uit.update(partij_sleutel(b) for b in beklaagden)
        else:
            uit.add(lees_partij(w, beklaagden, f"{veld}[{i}]"))
    volgorde = [KLAGER, *(partij_sleutel(b) for b in beklaagden)]
    return [p for p in volgorde if p in uit]


def alle_partijen(beklaagden: Sequence[int]) -> list[str]:
    return [KLAGER, *(partij_sleutel(b) for b in beklaagden)]


@dataclass(frozen=True)
class Uitnodiging:
    """What a calendar invite may say about a hearing, and nothing more: no party names, no
    allegation. Built from a hearing row by `weergave.uitnodiging`; pure data for ical.py."""

    uid: str
    volgnummer: int  # iCalendar SEQUENCE
    zaak: str  # case number
    commissie: str  # committee code
    begin: datetime  # aware UTC
    einde: datetime
    locatie: str
    locatie_adres: str
    geannuleerd: bool


# ---- planning refusals -----------------------------------------------------------------


@dataclass(frozen=True)
class Bezetting:
    """Another hearing of a panel member: the member's name, the case number, the interval."""

    lid: str
    zaak: str
    begin: datetime
    einde: datetime


@dataclass(frozen=True)
class Planningsfeiten:
    begin: datetime
    einde: datetime
    nu: datetime
    afschrift_op: date | None
    verweer_ontvangen_op: date | None
    verweertermijn: date | None
    adviestermijn: date
    voorzitter: bool  # a chair holds a seat
    # Panel members (names) absent on the hearing's day.
    afwezig: Sequence[str] = ()
    bezet: Sequence[Bezetting] = ()


def overlapt(a_begin: datetime, a_einde: datetime, b_begin: datetime, b_einde: datetime) -> bool:
    return a_begin < b_einde and b_begin < a_einde


def planningsbezwaren(f: Planningsfeiten) -> list[str]:
    """Why this hearing should not be planned like this (empty: nothing against it). Each
    reason may be overridden by the secretary with a recorded `reden_afwijking`."""
    uit: list[str] = []
    dag = f.begin.astimezone(AMSTERDAM).date()
    if f.begin < f.nu:
        uit.append(
            f"De zitting begint in het verleden ({tijdstip_nl(f.begin)}); een zitting die al is "
            "gehouden kan alleen achteraf worden ingevoerd met een reden_afwijking."
        )
    if f.afschrift_op is None:
        uit.append(
            "De beklaagde heeft nog geen afschrift van de klacht gehad (Awb 9:9): leg eerst de "
            "wederhoorstap 'afschrift_beklaagde' vast."
        )
    elif (
        f.verweer_ontvangen_op is None and f.verweertermijn is not None and dag <= f.verweertermijn
    ):
        uit.append(
            f"De verweertermijn loopt tot en met {datum_nl(f.verweertermijn)} en het verweer is "
            "nog niet binnen (wederhoorstap 'verweer_ontvangen')."
        )
    if dag > f.adviestermijn:
        uit.append(
            f"De zitting op {datum_nl(dag)} ligt na de adviestermijn ({datum_nl(f.adviestermijn)})."
        )
    for naam in f.afwezig:
        uit.append(f"Panellid {naam} is afwezig op {datum_nl(dag)}.")
    for b in f.bezet:
        if overlapt(f.begin, f.einde, b.begin, b.einde):
            uit.append(
                f"Panellid {b.lid} heeft dan al een zitting (zaak {b.zaak}, "
                f"{tijdstip_nl(b.begin)})."
            )
    if not f.voorzitter:
        uit.append("De voorzittersstoel van het panel is vacant.")
    return uit


# ---- planning help ----------------------------------------------------------------------


def laatste_zittingsdag(adviestermijn: date, opstel_werkdagen: int, kalender: Kalender) -> date:
    """The last working day on which a hearing may be held and still leave
    `opstel_werkdagen` working days (no weekend, no Atw day) after it, up to and including the
    advice deadline."""
    dag, geteld = adviestermijn, 0
    while geteld < opstel_werkdagen:
        if not kalender.is_vrij(dag):
            geteld += 1
        dag -= timedelta(days=1)
    while kalender.is_vrij(dag):
        dag -= timedelta(days=1)
    return dag


def werkdagen_vooruit(dag: date, n: int, kalender: Kalender) -> date:
    """The n-th working day after `dag` (dag itself when n is 0)."""
    while n > 0:
        dag += timedelta(days=1)
        if not kalender.is_vrij(dag):
            n -= 1
    return dag


@dataclass(frozen=True)
class Voorstel:
    begin: datetime  # aware UTC
    einde: datetime
    locatie: str


@dataclass(frozen=True)
class Planningsvraag:
    vanaf: date  # first day to consider (tomorrow)
    aantal: int
    duur_minuten: int
    dagen: frozenset[int]  # ISO weekdays with hearing hours
    van: time
    tot: time
    adviestermijn: date
    opstel_werkdagen: int
    locatie: str
    # No hearing before this day (the day after the verweer deadline), unless None.
    vroegste: date | None = None
    # Days on which at least one panel member is absent.
    afwezig: frozenset[date] = frozenset()
    # Other hearings of panel members (aware instants).
    bezet: Sequence[tuple[datetime, datetime]] = ()
    stap_minuten: int = 30


@dataclass
class Voorstellen:
    voorstellen: list[Voorstel]
    waarschuwingen: list[str] = field(default_factory=list)


def _lokaal(dag: date, t: time) -> datetime:
    return datetime.combine(dag, t, tzinfo=AMSTERDAM)


def _eerste_vrije_tijd(dag: date, v: Planningsvraag) -> Voorstel | None:
    """The earliest slot on `dag` within the hearing hours that overlaps no other hearing."""
    duur = timedelta(minutes=v.duur_minuten)
    begin = _lokaal(dag, v.van)
    grens = _lokaal(dag, v.tot)
    while begin + duur <= grens:
        einde = begin + duur
        if not any(overlapt(begin, einde, b, e) for b, e in v.bezet):
            return Voorstel(begin=begin, einde=einde, locatie=v.locatie)
        begin += timedelta(minutes=v.stap_minuten)
    return None


def _dag_vrij(dag: date, v: Planningsvraag, kalender: Kalender) -> bool:
    return (
        dag.isoweekday() in v.dagen
        and not kalender.is_vrij(dag)
        and dag not in v.afwezig
        and (v.vroegste is None or dag >= v.vroegste)
    )


def zittingsvoorstellen(v: Planningsvraag, kalender: Kalender) -> Voorstellen:
    """Free slots, earliest first, at most one per day: on a hearing day (never a Saturday,
    Sunday or Atw day), within the hearing hours, on no day a panel member is absent, never
    overlapping another hearing of a panel member, not before `vroegste`, and ending at least
    `opstel_werkdagen` working days before the advice deadline. When fewer fit, the warnings
    say what blocks and by how much the advice deadline would have to move."""
    laatste = laatste_zittingsdag(v.adviestermijn, v.opstel_werkdagen, kalender)
    uit: list[Voorstel] = []
    dag = v.vanaf
    while dag <= laatste and len(uit) < v.aantal:
        if _dag_vrij(dag, v, kalender):
            slot = _eerste_vrije_tijd(dag, v)
            if slot is not None:
                uit.append(slot)
        dag += timedelta(days=1)
    waarschuwingen: list[str] = []
    if len(uit) < v.aantal:
        waarschuwingen = _waarom_niet(v, kalender, laatste, len(uit))
    return Voorstellen(voorstellen=uit, waarschuwingen=waarschuwingen)


def _waarom_niet(v: Planningsvraag, kalender: Kalender, laatste: date, gevonden: int) -> list[str]:
    tekort = v.aantal - gevonden
    opstel = (
        f"{v.opstel_werkdagen} werkdagen voor het opstellen van het advies vóór de adviestermijn "
        f"({datum_nl(v.adviestermijn)})"
    )
    uit: list[str] = []
    if gevonden == 0:
        uit.append(
            f"Geen enkel tijdslot past: de zitting moet uiterlijk op {datum_nl(laatste)} "
            f"zijn gehouden ({opstel})."
        )
    else:
        uit.append(
            f"Slechts {gevonden} van de {v.aantal} gevraagde tijdsloten passen vóór "
            f"{datum_nl(laatste)} ({opstel})."
        )
    if v.vroegste is not None and v.vroegste > laatste:
        uit.append(
            f"De verweertermijn loopt tot {datum_nl(v.vroegste - timedelta(days=1))}: daarvóór "
            "geen zitting, tenzij het verweer binnen is."
        )
    if v.vanaf > laatste:
        uit.append(f"Morgen ({datum_nl(v.vanaf)}) is al later dan die laatste zittingsdag.")
    binnen = [v.vanaf + timedelta(days=i) for i in range(max(0, (laatste - v.vanaf).days + 1))]
    afwezig = [d for d in binnen if d in v.afwezig and not kalender.is_vrij(d)]
    if afwezig:
        uit.append(f"Op {len(afwezig)} werkdag(en) in die periode is een panellid afwezig.")
    vol = [d for d in binnen if _dag_vrij(d, v, kalender) and _eerste_vrije_tijd(d, v) is None]
    if vol:
        uit.append(
            f"Op {len(vol)} zittingsdag(en) is geen tijdslot van {v.duur_minuten} minuten vrij "
            "door andere zittingen van panelleden of de zittingsuren."
        )
    # How far the advice deadline would have to move: find the slots without that bound.
    dag, nog = max(v.vanaf, laatste + timedelta(days=1)), tekort
    for _ in range(366):
        if _dag_vrij(dag, v, kalender) and _eerste_vrije_tijd(dag, v) is not None:
            nog -= 1
            if nog == 0:
                nodig = werkdagen_vooruit(dag, v.opstel_werkdagen, kalender)
                uit.append(
                    f"De adviestermijn zou moeten opschuiven naar {datum_nl(nodig)} "
                    f"({(nodig - v.adviestermijn).days} dagen later)."
                )
                break
        dag += timedelta(days=1)
    else:
        uit.append("Ook binnen een jaar na de adviestermijn past geen tijdslot.")
    return uit


def afwezige_dagen(afwezigheden: Iterable[tuple[date, date]]) -> frozenset[date]:
    """Every day within the given (van, tot) periods, both ends included."""
    dagen: set[date] = set()
    for van, tot in afwezigheden:
        d = van
        while d <= tot:
            dagen.add(d)
            d += timedelta(days=1)
    return frozenset(dagen)
