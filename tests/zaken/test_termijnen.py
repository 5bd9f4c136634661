"""Deadline arithmetic: Algemene termijnenwet, property tests and named cases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commissie.atw import Kalender, koningsdag, vaste_feestdagen
from commissie.config import PROJECT_ROOT
from commissie.fouten import Conflict, DomeinFout, OngeldigeInvoer
from commissie.regios import Termijninstellingen, laad_regios
from commissie.zaken.termijnen import (
    VANAF_ONTVANGST,
    Soort,
    Verdagingstoets,
    bereken_termijnen,
    dagen_te_laat,
    termijnstatus,
    toets_verdaging,
)

REGIOS = laad_regios(Path(PROJECT_ROOT / "regios"))
KALENDER = Kalender(REGIOS.gelijkgestelde_dagen, REGIOS.atw_jaren)
STANDAARD = Termijninstellingen()
datums = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def termijn(ontvangen: date, soort: Soort, verdaagd: int = 0) -> date:
    t = {b.soort: b for b in bereken_termijnen(ontvangen, STANDAARD, KALENDER, verdaagd)}
    return t[soort].einddatum


@given(datums, st.integers(min_value=0, max_value=8))
def test_een_termijn_eindigt_nooit_op_een_vrije_dag(ontvangen: date, verdaagd: int) -> None:
    for b in bereken_termijnen(ontvangen, STANDAARD, KALENDER, verdaagd):
        assert b.einddatum.weekday() < 5
        assert KALENDER.feestdag(b.einddatum) is None


@given(datums, st.integers(min_value=0, max_value=8))
def test_ontvangst_plus_n_weken_wordt_nooit_naar_voren_gehaald(
    ontvangen: date, verdaagd: int
) -> None:
    for b in bereken_termijnen(ontvangen, STANDAARD, KALENDER, verdaagd):
        assert b.einddatum >= b.wettelijke_einddatum
        weken = {
            Soort.ONTVANGSTBEVESTIGING: 1,
            Soort.ONTVANKELIJKHEID: 1,
            Soort.ADVIES: 6 + verdaagd,
            Soort.BESLUIT: 10 + verdaagd,
        }[b.soort]
        assert b.wettelijke_einddatum == ontvangen + timedelta(weeks=weken)
        # Atw moves to the FIRST day that is not free: every day skipped was free.
        dag = b.wettelijke_einddatum
        while dag < b.einddatum:
            assert KALENDER.is_vrij(dag)
            dag += timedelta(days=1)


@given(datums)
def test_volgorde_van_termijnen_blijft_behouden(ontvangen: date) -> None:
    t = {b.soort: b.einddatum for b in bereken_termijnen(ontvangen, STANDAARD, KALENDER)}
    assert (
        t[Soort.ONTVANGSTBEVESTIGING]
        <= t[Soort.ONTVANKELIJKHEID]
        < t[Soort.ADVIES]
        < t[Soort.BESLUIT]
    )


@given(datums, st.integers(min_value=3, max_value=120))
def test_atw_artikel_2_minstens_twee_werkdagen(start: date, dagen: int) -> None:
    eind = KALENDER.einddatum(start, dagen)
    werkdagen = [start + timedelta(days=i) for i in range(1, (eind - start).days + 1)]
    assert sum(not KALENDER.is_vrij(d) for d in werkdagen) >= 2


@given(datums, st.integers(min_value=0, max_value=4), st.integers(min_value=0, max_value=4))
def test_langere_verdaging_geeft_nooit_eerdere_termijn(ontvangen: date, a: int, b: int) -> None:
    kort, lang = sorted((a, b))
    assert termijn(ontvangen, Soort.BESLUIT, kort) <= termijn(ontvangen, Soort.BESLUIT, lang)


@pytest.mark.parametrize(
    ("ontvangen", "soort", "verwacht", "waarom"),
    [
        # Easter 2026 is 5 April: Good Friday 3 April, Easter Monday 6 April.
        (
            date(2026, 2, 20),
            Soort.ADVIES,
            date(2026, 4, 7),
            "Goede Vrijdag + weekend + Tweede Paasdag",
        ),
        (date(2026, 2, 23), Soort.ADVIES, date(2026, 4, 7), "Tweede Paasdag"),
        (date(2026, 3, 27), Soort.ONTVANKELIJKHEID, date(2026, 4, 7), "Goede Vrijdag"),
        # 5 May is an Atw day every year, not only in lustrum years (2026 is no lustrum year).
        (date(2026, 3, 24), Soort.ADVIES, date(2026, 5, 6), "5 mei 2026 (dinsdag)"),
        # 2027: 5 May (Wed), Ascension 6 May, decreed 7 May, then the weekend.
        (date(2027, 3, 24), Soort.ADVIES, date(2027, 5, 10), "5 mei + Hemelvaart + 7 mei 2027"),
        # Ascension 2026: Thursday 14 May; Friday 15 May 2026 is a decreed day.
        (
            date(2026, 4, 2),
            Soort.ADVIES,
            date(2026, 5, 18),
            "Hemelvaart + gelijkgestelde vrijdag + weekend",
        ),
        (date(2026, 4, 3), Soort.ADVIES, date(2026, 5, 18), "gelijkgestelde dag 15 mei 2026"),
        # Christmas 2026: Friday 25 and Saturday 26 December.
        (date(2026, 11, 13), Soort.ADVIES, date(2026, 12, 28), "Eerste Kerstdag + weekend"),
        (date(2026, 12, 18), Soort.ONTVANKELIJKHEID, date(2026, 12, 28), "Eerste Kerstdag"),
        # 2 January 2026 (Friday) is a decreed day; 1 January is New Year's Day.
        (
            date(2025, 12, 26),
            Soort.ONTVANKELIJKHEID,
            date(2026, 1, 5),
            "2 januari 2026 gelijkgesteld + weekend",
        ),
        # King's Day 2026: Monday 27 April.
        (date(2026, 4, 20), Soort.ONTVANKELIJKHEID, date(2026, 4, 28), "Koningsdag"),
        # Whit Monday 2026: 25 May.
        (date(2026, 4, 13), Soort.ADVIES, date(2026, 5, 26), "Tweede Pinksterdag"),
        # A Saturday receipt: a week later is a Saturday again, so Monday.
        (date(2026, 3, 7), Soort.ONTVANGSTBEVESTIGING, date(2026, 3, 16), "zaterdag"),
        # Received the Friday before Easter week: a week later is Good Friday.
        (date(2026, 3, 27), Soort.ONTVANGSTBEVESTIGING, date(2026, 4, 7), "Goede Vrijdag"),
        # An ordinary week: nothing moves.
        (date(2026, 3, 2), Soort.ONTVANKELIJKHEID, date(2026, 3, 9), "gewone week"),
    ],
)
def test_benoemde_gevallen(ontvangen: date, soort: Soort, verwacht: date, waarom: str) -> None:
    assert termijn(ontvangen, soort) == verwacht, waarom


def test_vaste_feestdagen_2026() -> None:
    dagen = vaste_feestdagen(2026)
    assert dagen[date(2026, 4, 3)] == "Goede Vrijdag"
    assert dagen[date(2026, 4, 6)] == "Tweede Paasdag"
    assert dagen[date(2026, 5, 14)] == "Hemelvaartsdag"
    assert dagen[date(2026, 5, 25)] == "Tweede Pinksterdag"
    assert dagen[date(2026, 5, 5)] == "5 mei"
    assert date(2026, 4, 5) not in dagen  # Easter Sunday is a Sunday anyway, not listed apart


def test_koningsdag_op_zondag_wordt_zaterdag() -> None:
    assert koningsdag(2025) == date(2025, 4, 26)  # 27 April 2025 was a Sunday
    assert koningsdag(2026) == date(2026, 4, 27)
    assert koningsdag(2006) == date(2006, 4, 29)  # Queen's Day 30 April 2006 was a Sunday


def test_gelijkgestelde_dagen_komen_uit_de_data() -> None:
    zonder = Kalender()
    assert zonder.feestdag(date(2026, 5, 15)) is None
    assert KALENDER.feestdag(date(2026, 5, 15)) == "bij Koninklijk Besluit gelijkgestelde dag"


def test_toelichting_noemt_de_verschuiving() -> None:
    b = {x.soort: x for x in bereken_termijnen(date(2026, 3, 27), STANDAARD, KALENDER)}
    assert "Goede Vrijdag" in b[Soort.ONTVANKELIJKHEID].toelichting
    assert "2026-04-07" in b[Soort.ONTVANKELIJKHEID].toelichting


def test_verdaging_schuift_advies_alleen_als_de_commissie_dat_wil() -> None:
    alleen_besluit = Termijninstellingen(verdaging_verschuift_advies=False)
    b = {x.soort: x for x in bereken_termijnen(date(2026, 3, 2), alleen_besluit, KALENDER, 2)}
    assert b[Soort.ADVIES].einddatum == date(2026, 4, 13)
    assert b[Soort.BESLUIT].einddatum == date(2026, 5, 25 + 1)  # 25 May is Whit Monday


# --- the acknowledgement term ----------------------------------------------------------------


def test_ontvangst_op_vrijdag_is_zondag_niet_te_laat() -> None:
    vrijdag = date(2026, 3, 6)
    b = {x.soort: x for x in bereken_termijnen(vrijdag, STANDAARD, KALENDER)}
    bevestiging = b[Soort.ONTVANGSTBEVESTIGING]
    assert bevestiging.einddatum == date(2026, 3, 13)
    assert bevestiging.grondslag == "Awb 9:6: ontvangstbevestiging; reglement: binnen 1 week"
    assert bevestiging.toelichting == "ontvangst 2026-03-06 + 1 week"
    zondag = date(2026, 3, 8)
    assert dagen_te_laat(bevestiging.einddatum, None, zondag) == 0
    assert termijnstatus("open", bevestiging.einddatum, None) == "open"


@given(datums, st.integers(min_value=0, max_value=4))
def test_ontvangstbevestiging_is_instelbaar(ontvangen: date, weken: int) -> None:
    instellingen = Termijninstellingen(ontvangstbevestiging_weken=weken)
    b = {x.soort: x for x in bereken_termijnen(ontvangen, instellingen, KALENDER)}
    bevestiging = b[Soort.ONTVANGSTBEVESTIGING]
    assert bevestiging.wettelijke_einddatum == ontvangen + timedelta(weeks=weken)
    assert bevestiging.einddatum >= bevestiging.wettelijke_einddatum
    assert not KALENDER.is_vrij(bevestiging.einddatum)
    if weken:
        termijn = "1 week" if weken == 1 else f"{weken} weken"
        assert (
            bevestiging.grondslag == f"Awb 9:6: ontvangstbevestiging; reglement: binnen {termijn}"
        )
    else:
        assert bevestiging.grondslag == "Awb 9:6: ontvangstbevestiging, onverwijld"


def test_ontvangstbevestiging_onverwijld_als_de_commissie_dat_wil() -> None:
    onverwijld = Termijninstellingen(ontvangstbevestiging_weken=0)
    b = {x.soort: x for x in bereken_termijnen(date(2026, 3, 7), onverwijld, KALENDER)}
    assert b[Soort.ONTVANGSTBEVESTIGING].einddatum == date(2026, 3, 9)  # Saturday -> Monday


# --- lateness ---------------------------------------------------------------------------------


def test_ontvankelijkheid_te_laat_beslist() -> None:
    b = {x.soort: x for x in bereken_termijnen(date(2026, 3, 2), STANDAARD, KALENDER)}
    eind = b[Soort.ONTVANKELIJKHEID].einddatum
    assert eind == date(2026, 3, 9)
    beslist = date(2026, 3, 12)
    # Long after, the lateness stays what it was on the day of the decision.
    assert dagen_te_laat(eind, beslist, date(2026, 6, 1)) == 3
    assert termijnstatus("voldaan", eind, beslist) == "voldaan_te_laat"
    assert dagen_te_laat(eind, eind, date(2026, 6, 1)) == 0
    assert termijnstatus("voldaan", eind, eind) == "voldaan"


def test_open_termijn_telt_de_dagen_na_vandaag() -> None:
    eind = date(2026, 3, 9)
    assert dagen_te_laat(eind, None, date(2026, 3, 9)) == 0
    assert dagen_te_laat(eind, None, date(2026, 3, 11)) == 2
    assert dagen_te_laat(eind, None, date(2026, 3, 1)) == 0
    assert termijnstatus("open", eind, None) == "open"
    assert termijnstatus("vervallen", eind, None) == "vervallen"
    with pytest.raises(ValueError):
        termijnstatus("verlopen", eind, None)


@given(datums, st.one_of(st.none(), datums), datums)
def test_dagen_te_laat_eigenschappen(eind: date, voldaan: date | None, vandaag: date) -> None:
    n = dagen_te_laat(eind, voldaan, vandaag)
    peil = voldaan or vandaag
    assert n >= 0
    assert (n > 0) == (peil > eind)
    if n:
        assert eind + timedelta(days=n) == peil
    if voldaan is not None:
        # Met is met: the day one looks no longer matters.
        assert n == dagen_te_laat(eind, voldaan, vandaag + timedelta(days=400))
        assert (termijnstatus("voldaan", eind, voldaan) == "voldaan_te_laat") == (n > 0)


# --- Atw data coverage ------------------------------------------------------------------------


def test_termijn_in_een_niet_gedekt_jaar() -> None:
    assert 2028 in KALENDER.jaren and 2029 not in KALENDER.jaren
    b = {x.soort: x for x in bereken_termijnen(date(2028, 12, 27), STANDAARD, KALENDER)}
    assert b[Soort.ONTVANKELIJKHEID].einddatum == date(2029, 1, 3)
    assert set(b) == set(VANAF_ONTVANGST)  # the verweer deadline runs from the copy instead
    for soort in VANAF_ONTVANGST:
        assert b[soort].waarschuwing == "controleer de gelijkgestelde dagen voor 2029"
    # Received in November 2028: only the deadlines that run into 2029 carry the warning.
    b = {x.soort: x for x in bereken_termijnen(date(2028, 11, 1), STANDAARD, KALENDER)}
    assert b[Soort.ADVIES].einddatum == date(2028, 12, 13)
    assert b[Soort.ADVIES].waarschuwing is None
    assert b[Soort.BESLUIT].einddatum == date(2029, 1, 10)
    assert b[Soort.BESLUIT].waarschuwing == "controleer de gelijkgestelde dagen voor 2029"


@given(datums, st.integers(min_value=0, max_value=4))
def test_waarschuwing_precies_buiten_de_gedekte_jaren(ontvangen: date, verdaagd: int) -> None:
    for b in bereken_termijnen(ontvangen, STANDAARD, KALENDER, verdaagd):
        if b.einddatum.year in KALENDER.jaren:
            assert b.waarschuwing is None
        else:
            assert b.waarschuwing == f"controleer de gelijkgestelde dagen voor {b.einddatum.year}"


def test_dekking_van_de_kalender() -> None:
    assert KALENDER.jaren == frozenset(range(2023, 2029))
    assert KALENDER.dekking_waarschuwing(date(2028, 12, 31)) is None
    assert KALENDER.dekking_waarschuwing(date(2022, 12, 31)) == (
        "controleer de gelijkgestelde dagen voor 2022"
    )
    # Without a stated coverage, a calendar covers the years of the decreed days it has.
    assert Kalender([date(2026, 1, 2), date(2027, 5, 7)]).jaren == frozenset({2026, 2027})
    assert Kalender().dekking_waarschuwing(date(2026, 1, 1)) == (
        "controleer de gelijkgestelde dagen voor 2026"
    )


ONTVANGEN = date(2026, 3, 2)
BESLUITTERMIJN = date(2026, 5, 11)  # receipt + 10 weeks
TERMIJN_NL = "11 mei 2026"


class TestVerdaging:
    def basis(self, **over: object) -> dict[str, object]:
        args: dict[str, object] = dict(
            eerder_verdaagd_weken=0,
            weken=4,
            max_weken=4,
            ontvangen_op=ONTVANGEN,
            besloten_op=date(2026, 5, 1),
            mededeling_op=date(2026, 5, 4),
            huidige_besluittermijn=BESLUITTERMIJN,
            vandaag=date(2026, 5, 5),
            vorige_besloten_op=None,
            instemming_op=None,
            instemming_kenmerk=None,
        )
        args.update(over)
        return args

    def toets(self, **over: object) -> Verdagingstoets:
        return toets_verdaging(**self.basis(**over))  # type: ignore[arg-type]

    def weigering(self, soort: type[DomeinFout], veld: str, **over: object) -> DomeinFout:
        with pytest.raises(soort) as fout:
            self.toets(**over)
        assert fout.value.veld == veld
        assert f"Veld '{veld}'" in fout.value.bericht
        return fout.value

    def test_vier_weken_mag(self) -> None:
        assert self.toets() == Verdagingstoets(totaal_weken=4, te_laat_vastgelegd=False)

    def test_in_delen_tot_vier_weken_mag(self) -> None:
        uit = self.toets(eerder_verdaagd_weken=3, weken=1, vorige_besloten_op=date(2026, 4, 1))
        assert uit.totaal_weken == 4

    def test_meer_dan_vier_weken_zonder_instemming_niet(self) -> None:
        fout = self.weigering(
            OngeldigeInvoer, "instemming_klager", eerder_verdaagd_weken=3, weken=2
        )
        assert "5 weken" in fout.bericht and TERMIJN_NL in fout.bericht
        # A date without a reference is no written consent.
        self.weigering(
            OngeldigeInvoer, "instemming_klager", weken=5, instemming_op=date(2026, 5, 1)
        )

    def test_meer_dan_vier_weken_met_instemming_mag(self) -> None:
        uit = self.toets(weken=8, instemming_op=date(2026, 4, 28), instemming_kenmerk="brief 12")
        assert uit.totaal_weken == 8

    def test_op_de_laatste_dag_nog_wel(self) -> None:
        uit = self.toets(
            besloten_op=BESLUITTERMIJN, mededeling_op=BESLUITTERMIJN, vandaag=BESLUITTERMIJN
        )
        assert uit == Verdagingstoets(totaal_weken=4, te_laat_vastgelegd=False)

    def test_nul_weken_niet(self) -> None:
        self.weigering(OngeldigeInvoer, "weken", weken=0)

    def test_mededeling_ontbreekt(self) -> None:
        fout = self.weigering(OngeldigeInvoer, "mededeling_op", mededeling_op=None)
        assert "Awb 9:11 lid 2" in fout.bericht and TERMIJN_NL in fout.bericht
        assert fout.status_code == 400

    def test_teruggedateerd_voorbij_een_verlopen_termijn(self) -> None:
        # Months after the deadline expired, a decision date after that deadline is refused...
        laat = date(2026, 9, 1)
        fout = self.weigering(Conflict, "besloten_op", vandaag=laat, besloten_op=date(2026, 5, 12))
        assert TERMIJN_NL in fout.bericht and "12 mei 2026" in fout.bericht
        assert fout.status_code == 409
        self.weigering(Conflict, "mededeling_op", vandaag=laat, mededeling_op=date(2026, 5, 12))
        # ...and one that was decided and announced in time is recorded, marked as late.
        uit = self.toets(vandaag=laat)
        assert uit == Verdagingstoets(totaal_weken=4, te_laat_vastgelegd=True)

    def test_instemming_na_de_termijn_niet(self) -> None:
        fout = self.weigering(
            Conflict,
            "instemming_klager.datum",
            weken=6,
            vandaag=date(2026, 5, 20),
            instemming_op=date(2026, 5, 12),
            instemming_kenmerk="brief 12",
        )
        assert TERMIJN_NL in fout.bericht and "Awb 9:11 lid 3" in fout.bericht

    def test_instemming_in_de_toekomst_of_voor_ontvangst_niet(self) -> None:
        kenmerk = {"weken": 6, "instemming_kenmerk": "brief 12"}
        fout = self.weigering(
            OngeldigeInvoer, "instemming_klager.datum", instemming_op=date(2026, 5, 6), **kenmerk
        )
        assert "toekomst" in fout.bericht
        fout = self.weigering(
            OngeldigeInvoer, "instemming_klager.datum", instemming_op=date(2026, 3, 1), **kenmerk
        )
        assert "ontvangst" in fout.bericht

    def test_derde_verdaging_gedateerd_voor_de_eerste(self) -> None:
        fout = self.weigering(
            Conflict,
            "besloten_op",
            eerder_verdaagd_weken=2,
            weken=1,
            vorige_besloten_op=date(2026, 4, 20),
            besloten_op=date(2026, 3, 30),
            mededeling_op=date(2026, 4, 21),
        )
        assert "20 april 2026" in fout.bericht and TERMIJN_NL in fout.bericht
        self.weigering(
            Conflict,
            "mededeling_op",
            eerder_verdaagd_weken=2,
            weken=1,
            vorige_besloten_op=date(2026, 4, 20),
            besloten_op=date(2026, 4, 20),
            mededeling_op=date(2026, 4, 19),
        )

    def test_datums_in_de_toekomst_of_voor_ontvangst_niet(self) -> None:
        fout = self.weigering(OngeldigeInvoer, "besloten_op", besloten_op=date(2026, 5, 6))
        assert "toekomst" in fout.bericht
        fout = self.weigering(OngeldigeInvoer, "besloten_op", besloten_op=date(2026, 2, 27))
        assert "ontvangst" in fout.bericht
        self.weigering(OngeldigeInvoer, "mededeling_op", mededeling_op=date(2026, 5, 6))

    def test_mededeling_niet_voor_het_besluit(self) -> None:
        fout = self.weigering(OngeldigeInvoer, "mededeling_op", mededeling_op=date(2026, 4, 30))
        assert "1 mei 2026" in fout.bericht

    @given(st.integers(0, 10), st.integers(1, 10), st.booleans())
    def test_grens_eigenschap(self, eerder: int, weken: int, instemming: bool) -> None:
        args = self.basis(
            eerder_verdaagd_weken=eerder,
            weken=weken,
            vorige_besloten_op=date(2026, 4, 1) if eerder else None,
            instemming_op=date(2026, 4, 30) if instemming else None,
            instemming_kenmerk="brief 12" if instemming else None,
        )
        if eerder + weken > 4 and not instemming:
            with pytest.raises(OngeldigeInvoer):
                toets_verdaging(**args)  # type: ignore[arg-type]
        else:
            assert toets_verdaging(**args).totaal_weken == eerder + weken  # type: ignore[arg-type]


dagen_rond = st.integers(min_value=-20, max_value=120).map(lambda n: ONTVANGEN + timedelta(days=n))


@given(
    besloten=dagen_rond,
    mededeling=st.one_of(st.none(), dagen_rond),
    vandaag=dagen_rond,
    vorige=st.one_of(st.none(), dagen_rond),
    instemming=st.one_of(st.none(), dagen_rond),
    weken=st.integers(1, 6),
)
def test_verdaging_aanvaard_precies_als_alle_datums_kloppen(
    besloten: date,
    mededeling: date | None,
    vandaag: date,
    vorige: date | None,
    instemming: date | None,
    weken: int,
) -> None:
    """Accepted exactly when every rule holds; a refusal names a field whose rule fails and
    always the deadline being moved."""

    def past(dag: date) -> bool:
        return ONTVANGEN <= dag <= min(vandaag, BESLUITTERMIJN) and (
            vorige is None or dag >= vorige
        )

    nodig = weken > 4
    regels = {
        "weken": True,
        "besloten_op": past(besloten),
        "mededeling_op": mededeling is not None and past(mededeling) and mededeling >= besloten,
        "instemming_klager": (instemming is not None) or not nodig,
        "instemming_klager.datum": instemming is None
        or ONTVANGEN <= instemming <= min(vandaag, BESLUITTERMIJN),
    }
    try:
        uit = toets_verdaging(
            eerder_verdaagd_weken=0,
            weken=weken,
            max_weken=4,
            ontvangen_op=ONTVANGEN,
            besloten_op=besloten,
            mededeling_op=mededeling,
            huidige_besluittermijn=BESLUITTERMIJN,
            vandaag=vandaag,
            vorige_besloten_op=vorige,
            instemming_op=instemming,
            instemming_kenmerk="kenmerk" if instemming else None,
        )
    except DomeinFout as fout:
        assert fout.veld in regels and not regels[fout.veld], (fout.veld, fout.bericht)
        assert TERMIJN_NL in fout.bericht
    else:
        assert all(regels.values())
        assert uit == Verdagingstoets(
            totaal_weken=weken, te_laat_vastgelegd=vandaag > BESLUITTERMIJN
        )


def test_datums_voor_mensen() -> None:
    from datetime import UTC, datetime

    from commissie.tijd import datum_nl, tijdstip_nl

    assert datum_nl(date(2026, 11, 28)) == "28 november 2026"
    assert datum_nl(date(2027, 3, 1)) == "1 maart 2027"
    # 09:00 UTC in January is 10:00 in Amsterdam (CET); in July 11:00 (CEST).
    assert tijdstip_nl(datetime(2027, 1, 12, 9, 0, tzinfo=UTC)) == "di 12 jan 2027 10:00"
    assert tijdstip_nl(datetime(2027, 7, 6, 9, 30, tzinfo=UTC)) == "di 6 jul 2027 11:30"
