"""How values look to people: dates, corps names, deadline states."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from commissie.atw import Kalender
from commissie.regios import laad_regios
from commissie.tijd import datum_nl, tijdstip_nl
from commissie.web.opmaak import (
    datum,
    datums_nl,
    korpsnaam,
    termijnstand,
    tijdstip,
    werkdagen_tot,
)
from tests.conftest import PROJECT_ROOT

REGIOS = laad_regios(PROJECT_ROOT / "regios")
KALENDER = Kalender(REGIOS.gelijkgestelde_dagen)
DAGEN = st.dates(date(1990, 1, 1), date(2100, 12, 31))
KALENDERS = st.one_of(
    st.just(KALENDER), st.frozensets(DAGEN, max_size=40).map(lambda d: Kalender(d))
)
ORDE = {"te-laat": 0, "binnenkort": 1, "op-schema": 2}


def test_datum_en_tijdstip_voor_mensen() -> None:
    assert datum(date(2026, 11, 28)) == "28 november 2026"
    assert datum(None) == ""
    # 12 January 2027 09:00 UTC is 10:00 in Amsterdam (winter time).
    assert tijdstip(datetime(2027, 1, 12, 9, 0, tzinfo=UTC)) == "di 12 jan 2027 10:00"
    assert tijdstip(None) == ""


@given(DAGEN, st.sampled_from(["", " ", ";", ".", ")", ", "]), st.text("abc ", max_size=20))
def test_iso_datums_in_systeemtekst_worden_nederlands(dag: date, na: str, rest: str) -> None:
    tekst = f"ontvangst {dag.isoformat()}{na}{rest if na else ''}"
    assert datums_nl(tekst) == f"ontvangst {datum_nl(dag)}{na}{rest if na else ''}"


def test_wat_geen_datum_is_blijft_staan() -> None:
    for tekst in (
        "TI-2026-0001",
        "TI/instemming/2026-014",
        "2026-13-45",
        "x2026-01-01",
        "2026-01-01a",
        "",
    ):
        assert datums_nl(tekst) == tekst
    assert datums_nl(None) == ""


def test_korps_bij_naam() -> None:
    for commissie in REGIOS.commissies.values():
        for code, korps in commissie.korpsen.items():
            assert korpsnaam(REGIOS, code) == korps.naam != code
    assert korpsnaam(REGIOS, "XX") == "XX"  # unknown: shown as it is, never hidden
    assert korpsnaam(REGIOS, None) == ""


# Counting working days walks up to 400 days: under a loaded parallel run one example can
# pass Hypothesis' 200 ms deadline, which says nothing about the property.
@settings(deadline=None)
@given(DAGEN, st.integers(-400, 400), KALENDERS)
def test_termijnstand_volgt_de_tijd(vandaag: date, dagen: int, kalender: Kalender) -> None:
    eind = vandaag + timedelta(days=dagen)
    stand = termijnstand(eind, vandaag, kalender)
    assert (stand.code == "te-laat") == (dagen < 0)
    assert (
        stand.tekst
        == {
            "te-laat": "te laat",
            "binnenkort": "binnen 3 werkdagen",
            "op-schema": "op schema",
        }[stand.code]
    )
    # A day later, the same deadline is never in a better state.
    morgen = termijnstand(eind, vandaag + timedelta(days=1), kalender)
    assert ORDE[morgen.code] <= ORDE[stand.code]
    if 0 <= dagen <= 3:  # three calendar days hold at most three working days
        assert stand.code == "binnenkort"
    if dagen >= 14 and kalender is KALENDER:  # two weeks hold ten weekdays, few Atw days
        assert stand.code == "op-schema"


@given(DAGEN, st.integers(0, 60), KALENDERS)
def test_werkdagen_tellen_geen_vrije_dagen(vandaag: date, dagen: int, kalender: Kalender) -> None:
    eind = vandaag + timedelta(days=dagen)
    n = werkdagen_tot(vandaag, eind, kalender)
    assert 0 <= n <= dagen
    weekend = sum(1 for i in range(1, dagen + 1) if (vandaag + timedelta(days=i)).weekday() >= 5)
    assert n <= dagen - weekend


def test_termijnstand_voorbeelden() -> None:
    vrijdag = date(2026, 3, 6)
    # Mon, Tue, Wed are three working days: still "binnen 3 werkdagen" on Wednesday.
    assert termijnstand(date(2026, 3, 11), vrijdag, KALENDER).code == "binnenkort"
    assert termijnstand(date(2026, 3, 11), vrijdag, KALENDER).toelichting == "nog 3 werkdagen"
    assert termijnstand(date(2026, 3, 12), vrijdag, KALENDER).code == "op-schema"
    # Christmas counts as free: 24 Dec 2026 (Thu) to 30 Dec holds Mon-Wed only.
    assert termijnstand(date(2026, 12, 30), date(2026, 12, 24), KALENDER).code == "binnenkort"
    assert termijnstand(date(2026, 12, 31), date(2026, 12, 24), KALENDER).code == "op-schema"
    vandaag = termijnstand(vrijdag, vrijdag, KALENDER)
    assert (vandaag.code, vandaag.toelichting) == ("binnenkort", "vandaag")
    laat = termijnstand(date(2026, 3, 5), vrijdag, KALENDER)
    assert (laat.tekst, laat.toelichting) == ("te laat", "1 dag over tijd")
    assert termijnstand(date(2026, 3, 1), vrijdag, KALENDER).toelichting == "5 dagen over tijd"
    assert datum_nl(vrijdag) in datums_nl(vrijdag.isoformat())
    assert tijdstip_nl(datetime(2026, 3, 6, 9, tzinfo=UTC)) == "vr 6 mrt 2026 10:00"
