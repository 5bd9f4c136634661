"""Invites parsed back with icalendar: one VEVENT, stable UID, SEQUENCE, CANCEL, the
Amsterdam VTIMEZONE written with RRULEs and right in summer and winter."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from commissie.zittingen.ical import (
    TZID,
    Afspraak,
    Locatie,
    _kalender,
    _vevent,
    _vouw_ascii,
    _vouw_tekens,
    feed,
    samenvatting,
    uitnodiging,
    zaak_url,
)
from tests.zittingen.hulp import afspraak

STEMPEL = datetime(2026, 12, 1, 8, 30, tzinfo=UTC)
AMS = ZoneInfo("Europe/Amsterdam")


def lees(data: bytes) -> Calendar:
    return Calendar.from_ical(data)


def event(cal: Calendar):  # type: ignore[no-untyped-def]
    events = cal.walk("VEVENT")
    assert len(events) == 1
    return events[0]


def test_uitnodiging_bevat_wat_rfc_5546_vraagt() -> None:
    a = afspraak(aan="lid1@klachtencommissie-ti.example", rol="voorzitter")
    cal = lees(uitnodiging(a, dtstamp=STEMPEL))
    assert cal["METHOD"] == "REQUEST"
    ev = event(cal)
    assert ev["UID"] == "zitting-1@klachtencommissie-ti.example"
    assert ev.decoded("SEQUENCE") == 0
    assert ev["CLASS"] == "CONFIDENTIAL"
    assert ev["STATUS"] == "CONFIRMED"
    assert ev.decoded("DTSTAMP") == STEMPEL
    assert str(ev["SUMMARY"]) == "Besloten zitting klachtencommissie, zaak TI-2026-0001"
    assert str(ev["LOCATION"]) == (
        "Hoofdbureau Enschede, zaal Twente, Hengelosestraat 1, 7514 AA Enschede"
    )
    assert "https://commissie.example/zaken/TI-2026-0001" in str(ev["DESCRIPTION"])
    assert str(ev["ORGANIZER"]) == "mailto:secretariaat@klachtencommissie-ti.example"
    # The recipient only, addressed without a display name; the chair as CHAIR.
    deelnemers = ev.get("ATTENDEE")
    assert not isinstance(deelnemers, list)
    assert str(deelnemers) == "mailto:lid1@klachtencommissie-ti.example"
    assert deelnemers.params["ROLE"] == "CHAIR"
    assert "CN" not in deelnemers.params
    # 10:00 wall time in Amsterdam, TZID written on the property.
    start = ev.decoded("DTSTART")
    assert (start.hour, start.minute) == (10, 0)
    assert ev["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert ev.decoded("DTEND") - start == timedelta(minutes=120)
    assert start == a.begin


def test_dtstamp_altijd_utc() -> None:
    tekst = uitnodiging(afspraak(), dtstamp=STEMPEL.astimezone(AMS)).decode()
    assert "DTSTAMP:20261201T083000Z\r\n" in tekst


def test_uid_stabiel_en_sequence_groeit_tot_cancel() -> None:
    gepland = lees(uitnodiging(afspraak(volgnummer=0), dtstamp=STEMPEL))
    verzet = lees(
        uitnodiging(
            afspraak(volgnummer=1, begin=datetime(2027, 1, 19, 13, 0, tzinfo=UTC)),
            dtstamp=STEMPEL + timedelta(days=1),
        )
    )
    geannuleerd = lees(
        uitnodiging(afspraak(volgnummer=2, geannuleerd=True), dtstamp=STEMPEL + timedelta(days=2))
    )
    uids = {str(event(c)["UID"]) for c in (gepland, verzet, geannuleerd)}
    assert uids == {"zitting-1@klachtencommissie-ti.example"}
    assert [event(c).decoded("SEQUENCE") for c in (gepland, verzet, geannuleerd)] == [0, 1, 2]
    assert [c["METHOD"] for c in (gepland, verzet, geannuleerd)] == ["REQUEST", "REQUEST", "CANCEL"]
    assert event(geannuleerd)["STATUS"] == "CANCELLED"
    assert "PARTSTAT" not in event(geannuleerd)["ATTENDEE"].params


def test_vtimezone_met_rrules_geen_rdate_lijst() -> None:
    tekst = uitnodiging(afspraak(), dtstamp=STEMPEL).decode()
    cal = lees(tekst.encode())
    zones = cal.walk("VTIMEZONE")
    assert len(zones) == 1 and zones[0]["TZID"] == "Europe/Amsterdam"
    delen = {d.name: d for d in zones[0].subcomponents}
    assert set(delen) == {"DAYLIGHT", "STANDARD"}
    zomer, winter = delen["DAYLIGHT"], delen["STANDARD"]
    assert zomer["RRULE"]["BYMONTH"] == [3] and zomer["RRULE"]["BYDAY"] == ["-1SU"]
    assert winter["RRULE"]["BYMONTH"] == [10] and winter["RRULE"]["BYDAY"] == ["-1SU"]
    assert "RDATE" not in tekst
    # Every TZID used in the file has its VTIMEZONE.
    assert "TZID=Europe/Amsterdam" in tekst


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2099, 12, 31),
        timezones=st.just(UTC),
    ),
    st.integers(min_value=15, max_value=600),
)
def test_tijdzone_van_de_vtimezone_klopt_zomer_en_winter(begin: datetime, minuten: int) -> None:
    """The VTIMEZONE's own rules (not the reader's tz database) give Amsterdam's offset at
    the start and end of any hearing, across every summer-time switch."""
    begin = begin.replace(second=0, microsecond=0)
    a = afspraak(begin=begin, minuten=minuten)
    cal = lees(uitnodiging(a, dtstamp=STEMPEL))
    # lookup_tzid=False: build the zone from the file's rules, not the local tz database.
    tz = cal.walk("VTIMEZONE")[0].to_tz(lookup_tzid=False)
    ev = event(cal)
    for prop, moment in (("DTSTART", a.begin), ("DTEND", a.einde)):
        wand = ev.decoded(prop).replace(tzinfo=None)
        lokaal = moment.astimezone(AMS)
        assert wand == lokaal.replace(tzinfo=None)
        # Interpreted with the file's VTIMEZONE, the wall time has Amsterdam's offset
        # (for the one ambiguous hour in October, either reading is the same instant).
        gelezen = wand.replace(tzinfo=tz, fold=lokaal.fold)
        assert gelezen.utcoffset() == lokaal.utcoffset()


def test_geen_partijgegevens_in_het_bestand() -> None:
    tekst = uitnodiging(afspraak(aan="x@example.invalid"), dtstamp=STEMPEL).decode()
    # Only the case number, the place, the link and addresses: no free text from the case.
    for regel in tekst.replace("\r\n ", "").splitlines():
        sleutel = regel.split(":", 1)[0].split(";", 1)[0]
        assert sleutel in {
            "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "TZID", "X-LIC-LOCATION",
            "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "DTSTART", "DTEND", "RRULE", "SUMMARY",
            "DTSTAMP", "UID", "SEQUENCE", "ATTENDEE", "CLASS", "DESCRIPTION", "LOCATION",
            "ORGANIZER", "STATUS", "TRANSP", "URL",
        }, regel  # fmt: skip


def test_feed_zonder_method_met_geannuleerde_zitting() -> None:
    a = afspraak(uid="zitting-1@x", aan=None)
    b = afspraak(uid="zitting-2@x", aan=None, volgnummer=3, geannuleerd=True)
    cal = lees(feed([a, b], dtstamp=STEMPEL, naam="Zittingen"))
    assert "METHOD" not in cal
    events = cal.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == ["zitting-1@x", "zitting-2@x"]
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CANCELLED"]
    assert all("ATTENDEE" not in e for e in events)
    assert len(cal.walk("VTIMEZONE")) == 1


def test_onjuiste_afspraak_wordt_geweigerd() -> None:
    with pytest.raises(ValueError, match="aware"):
        afspraak(begin=datetime(2027, 1, 12, 10, 0))
    with pytest.raises(ValueError, match="recipient"):
        uitnodiging(afspraak(aan=None), dtstamp=STEMPEL)
    with pytest.raises(ValueError, match="SEQUENCE"):
        afspraak(volgnummer=-1)


def test_hulpteksten() -> None:
    assert samenvatting("TI-2026-0007") == "Besloten zitting klachtencommissie, zaak TI-2026-0007"
    assert zaak_url("https://c.example/", "TI-2026-0007") == "https://c.example/zaken/TI-2026-0007"


def _feed_met_icalendar(afspraken: list[Afspraak], dtstamp: datetime, naam: str) -> bytes:
    """The feed as icalendar writes it: `feed` writes its events itself, byte for byte so."""
    cal = _kalender(None)
    cal.add("x-wr-calname", naam)
    cal.add("x-wr-timezone", TZID)
    for a in afspraken:
        cal.add_component(_vevent(a, dtstamp=dtstamp, met_deelnemer=False))
    return cal.to_ical()


_TEKST = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=120),
    st.text(st.sampled_from("ab^\\;,\n :/."), max_size=400),
)


@settings(max_examples=150, deadline=None)
@given(
    naam=_TEKST,
    adres=_TEKST,
    zaaknummer=_TEKST,
    uid=_TEKST,
    url=_TEKST,
    email=_TEKST,
    volgnummer=st.integers(0, 10_000),
    begin=st.datetimes(
        min_value=datetime(2001, 1, 1), max_value=datetime(2090, 1, 1), timezones=st.just(UTC)
    ),
    minuten=st.integers(1, 600),
    geannuleerd=st.booleans(),
)
def test_feed_gelijk_aan_icalendar(
    naam: str,
    adres: str,
    zaaknummer: str,
    uid: str,
    url: str,
    email: str,
    volgnummer: int,
    begin: datetime,
    minuten: int,
    geannuleerd: bool,
) -> None:
    a = Afspraak(
        uid=uid,
        volgnummer=volgnummer,
        begin=begin,
        einde=begin + timedelta(minutes=minuten),
        locatie=Locatie(naam, adres),
        zaaknummer=zaaknummer,
        organisator=email,
        zaak_url=url,
        geannuleerd=geannuleerd,
    )
    stempel = datetime(2026, 3, 1, 8, 5, 3, 123456, tzinfo=UTC)
    for lijst in ([], [a], [a, a]):
        try:
            verwacht = _feed_met_icalendar(lijst, stempel, "Zittingen, klachten")
        except ValueError:
            with pytest.raises(ValueError):
                feed(lijst, dtstamp=stempel, naam="Zittingen, klachten")
            continue
        assert feed(lijst, dtstamp=stempel, naam="Zittingen, klachten") == verwacht


@settings(max_examples=300)
@given(regel=st.text(st.sampled_from("ab^\\,:/. "), min_size=60, max_size=400))
def test_ascii_vouwen_gelijk_aan_teken_voor_teken(regel: str) -> None:
    """ASCII lines fold by slices; the same cuts as the character loop, escapes (backslash,
    caret) at the 75-octet boundaries included."""
    assert _vouw_ascii(regel) == _vouw_tekens(regel)
