"""Calendar invites for hearings (RFC 5545, iTIP RFC 5546). Pure: a hearing in, bytes out.

Calendars leak (shared agendas, phone widgets, previews), so the file carries the case number,
"besloten zitting", the place and a link only: never a party's name, an allegation or a
category. The recipient is addressed by e-mail address alone, without a display name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from functools import lru_cache

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress
from icalendar.prop import vRecur

from commissie.tijd import AMSTERDAM

TZID = "Europe/Amsterdam"
PRODID = "-//Klachtencommissie ongewenste omgangsvormen//commissie//NL"


class Methode(StrEnum):
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"


@dataclass(frozen=True)
class Locatie:
    naam: str
    adres: str


@dataclass(frozen=True)
class Deelnemer:
    """Who receives this copy of the invite. `rol`: voorzitter, lid, klager, beklaagde,
    vertrouwenspersoon (only the chair gets ROLE=CHAIR; the rest is not written)."""

    email: str
    rol: str


@dataclass(frozen=True)
class Afspraak:
    """One hearing as a calendar sees it. `uid` never changes for a hearing; `volgnummer`
    (SEQUENCE) grows with every change of time, place or status."""

    uid: str
    volgnummer: int
    begin: datetime  # aware
    einde: datetime  # aware
    locatie: Locatie
    zaaknummer: str
    organisator: str  # the committee's mailbox
    zaak_url: str
    deelnemer: Deelnemer | None = None
    geannuleerd: bool = False

    def __post_init__(self) -> None:
        if self.begin.tzinfo is None or self.einde.tzinfo is None:
            raise ValueError("begin and einde must be timezone-aware")
        if self.einde <= self.begin:
            raise ValueError("einde must lie after begin")
        if self.volgnummer < 0:
            raise ValueError("volgnummer (SEQUENCE) cannot be negative")


def samenvatting(zaaknummer: str) -> str:
    return f"Besloten zitting klachtencommissie, zaak {zaaknummer}"


def zaak_url(basis_url: str, zaaknummer: str) -> str:
    """The case page; the reader logs in there, the calendar itself says nothing more."""
    return f"{basis_url.rstrip('/')}/zaken/{zaaknummer}"


def methode(afspraak: Afspraak) -> Methode:
    return Methode.CANCEL if afspraak.geannuleerd else Methode.REQUEST


def amsterdam_vtimezone() -> Timezone:
    """Europe/Amsterdam with the EU summer-time rule (since 1996) as two RRULEs.

    Written by hand because generated zones list every transition as RDATEs, which Outlook
    mishandles; hearings lie after 2000, so the one rule covers every event we write."""
    tz = Timezone()
    tz.add("tzid", TZID)
    tz.add("x-lic-location", TZID)
    zomer = TimezoneDaylight()
    zomer.add("tzname", "CEST")
    zomer.add("tzoffsetfrom", _offset(1))
    zomer.add("tzoffsetto", _offset(2))
    zomer.add("dtstart", datetime(1970, 3, 29, 2, 0))  # noqa: DTZ001 - local time of the rule
    zomer.add("rrule", vRecur({"FREQ": "YEARLY", "BYMONTH": 3, "BYDAY": "-1SU"}))
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", _offset(2))
    winter.add("tzoffsetto", _offset(1))
    winter.add("dtstart", datetime(1970, 10, 25, 3, 0))  # noqa: DTZ001 - local time of the rule
    winter.add("rrule", vRecur({"FREQ": "YEARLY", "BYMONTH": 10, "BYDAY": "-1SU"}))
    tz.add_component(zomer)
    tz.add_component(winter)
    return tz


def _offset(uren: int) -> timedelta:
    return timedelta(hours=uren)


def _kalender(methode_: Methode | None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if methode_ is not None:
        cal.add("method", methode_.value)
    cal.add_component(amsterdam_vtimezone())
    return cal


def _vevent(afspraak: Afspraak, *, dtstamp: datetime, met_deelnemer: bool) -> Event:
    if dtstamp.tzinfo is None:
        raise ValueError("dtstamp must be timezone-aware")
    ev = Event()
    ev.add("uid", afspraak.uid)
    ev.add("dtstamp", dtstamp.astimezone(UTC))  # RFC 5545: DTSTAMP is always UTC
    ev.add("sequence", afspraak.volgnummer)
    ev.add("dtstart", afspraak.begin.astimezone(AMSTERDAM))
    ev.add("dtend", afspraak.einde.astimezone(AMSTERDAM))
    ev.add("summary", samenvatting(afspraak.zaaknummer))
    ev.add("location", f"{afspraak.locatie.naam}, {afspraak.locatie.adres}")
    ev.add(
        "description",
        f"Besloten zitting van de klachtencommissie in zaak {afspraak.zaaknummer}. "
        f"Het dossier staat in het zaaksysteem: {afspraak.zaak_url}",
    )
    ev.add("url", afspraak.zaak_url)
    ev.add("class", "CONFIDENTIAL")
    ev.add("transp", "OPAQUE")
    ev.add("status", "CANCELLED" if afspraak.geannuleerd else "CONFIRMED")
    ev.add("organizer", vCalAddress(f"mailto:{afspraak.organisator}"))
    if met_deelnemer and afspraak.deelnemer is not None:
        adres = vCalAddress(f"mailto:{afspraak.deelnemer.email}")
        adres.params["ROLE"] = (
            "CHAIR" if afspraak.deelnemer.rol == "voorzitter" else "REQ-PARTICIPANT"
        )
        adres.params["CUTYPE"] = "INDIVIDUAL"
        if not afspraak.geannuleerd:
            adres.params["PARTSTAT"] = "NEEDS-ACTION"
        ev.add("attendee", adres)
    return ev


def uitnodiging(afspraak: Afspraak, *, dtstamp: datetime) -> bytes:
    """The invite for one recipient (`afspraak.deelnemer`): METHOD:REQUEST, or METHOD:CANCEL
    with STATUS:CANCELLED once the hearing is cancelled."""
    if afspraak.deelnemer is None:
        raise ValueError("an invite needs its recipient (deelnemer)")
    cal = _kalender(methode(afspraak))
    cal.add_component(_vevent(afspraak, dtstamp=dtstamp, met_deelnemer=True))
    return cal.to_ical()


def feed(afspraken: Iterable[Afspraak], *, dtstamp: datetime, naam: str) -> bytes:
    """A subscribed agenda: the same UIDs as the invites, no METHOD (it is not an iTIP
    message) and no attendees; cancelled hearings stay as STATUS:CANCELLED.

    The bytes are those icalendar writes for `_kalender` with `_vevent` events (a test holds
    them equal), but the events are written here directly: icalendar spends about a
    millisecond per event, and a member's feed holds every hearing of its seats."""
    if dtstamp.tzinfo is None:
        raise ValueError("dtstamp must be timezone-aware")
    stempel = dtstamp.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return b"".join(
        [_feedkop(naam), *(_feedevent(a, stempel) for a in afspraken), b"END:VCALENDAR\r\n"]
    )


@lru_cache(maxsize=4)
def _feedkop(naam: str) -> bytes:
    """The calendar's head with the time zone: the same for every feed of this name."""
    cal = _kalender(None)
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", TZID)
    return cal.to_ical().removesuffix(b"END:VCALENDAR\r\n")


def _feedevent(a: Afspraak, stempel: str) -> bytes:
    voor, na = _feedevent_delen(a)
    return b"".join((voor, b"DTSTAMP:", stempel.encode(), b"\r\n", na))


@lru_cache(maxsize=16_384)
def _feedevent_delen(a: Afspraak) -> tuple[bytes, bytes]:
    """The event's lines before and after DTSTAMP (the only line that changes per request):
    a feed is fetched every few minutes, its hearings rarely change. ~700 bytes an entry."""
    if "\r" in a.organisator or "\n" in a.organisator:
        # As icalendar refuses it: a line break would start a property of its own.
        raise ValueError("A CAL-ADDRESS value may not contain CR or LF characters")
    if "\r" in a.zaak_url or "\n" in a.zaak_url:
        raise ValueError("A URI value may not contain CR or LF characters")
    # icalendar's order: SUMMARY, DTSTART, DTEND, DTSTAMP, UID, SEQUENCE, then by name.
    voor = [
        "BEGIN:VEVENT",
        "SUMMARY:" + _tekst(samenvatting(a.zaaknummer)),
        f"DTSTART;TZID={TZID}:{_lokaal(a.begin)}",
        f"DTEND;TZID={TZID}:{_lokaal(a.einde)}",
    ]
    na = [
        "UID:" + _tekst(a.uid),
        f"SEQUENCE:{a.volgnummer}",
        "CLASS:CONFIDENTIAL",
        "DESCRIPTION:"
        + _tekst(
            f"Besloten zitting van de klachtencommissie in zaak {a.zaaknummer}. "
            f"Het dossier staat in het zaaksysteem: {a.zaak_url}"
        ),
        "LOCATION:" + _tekst(f"{a.locatie.naam}, {a.locatie.adres}"),
        f"ORGANIZER:mailto:{a.organisator}",
        "STATUS:" + ("CANCELLED" if a.geannuleerd else "CONFIRMED"),
        "TRANSP:OPAQUE",
        "URL:" + a.zaak_url,
        "END:VEVENT",
    ]
    return _regels(voor), _regels(na)


def _regels(regels: list[str]) -> bytes:
    return "".join(_vouw(r) + "\r\n" for r in regels).encode()


def _lokaal(t: datetime) -> str:
    return t.astimezone(AMSTERDAM).strftime("%Y%m%dT%H%M%S")


def _tekst(waarde: str) -> str:
    """RFC 5545 TEXT escaping, as icalendar does it (order matters)."""
    return (
        waarde.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _vouw(regel: str) -> str:
    """Fold at 75 octets as icalendar does: never inside a UTF-8 character, and an escape's
    backslash moves to the next line with what it escapes."""
    if regel.isascii():
        return _vouw_ascii(regel)
    return _vouw_tekens(regel)


def _vouw_tekens(regel: str) -> str:
    """`_vouw` character by character, counting each one's UTF-8 octets."""
    delen: list[str] = []
    huidig: list[str] = []
    octetten = 0
    for teken in regel:
        lengte = len(teken.encode())
        if huidig and octetten + lengte >= 75:
            if len(huidig) > 1 and huidig[-1] in "\\^":
                over = huidig.pop()
                delen.append("".join(huidig))
                huidig, octetten = [over], len(over.encode())
            else:
                delen.append("".join(huidig))
                huidig, octetten = [], 0
        huidig.append(teken)
        octetten += lengte
    if huidig:
        delen.append("".join(huidig))
    return "\r\n ".join(delen)


def _vouw_ascii(regel: str) -> str:
    """`_vouw` for one octet per character, by slices (a feed folds every description)."""
    delen: list[str] = []
    start = 0
    while len(regel) - start > 74:
        eind = start + 74
        if regel[eind - 1] in "\\^":
            eind -= 1
        delen.append(regel[start:eind])
        start = eind
    delen.append(regel[start:])
    return "\r\n ".join(delen)
