"""The transition table: every allowed and every refused step."""

from __future__ import annotations

import itertools

import pytest

from commissie.fouten import Conflict
from commissie.zaken.regels import (
    AFGEROND,
    OPEN,
    OVERGANGEN,
    VERVALT_BIJ,
    VOLDAAN_BIJ,
    Status,
    controleer_overgang,
    toegestaan,
)
from commissie.zaken.termijnen import Soort

S = Status
TOEGESTAAN = {
    (S.ONTVANGEN, S.ONTVANKELIJK),
    (S.ONTVANGEN, S.NIET_ONTVANKELIJK),
    (S.ONTVANKELIJK, S.VERWEER),
    # A hearing before the copy to the accused, with a recorded reason (zittingen).
    (S.ONTVANKELIJK, S.ZITTING),
    (S.VERWEER, S.ZITTING),
    (S.ZITTING, S.ADVIES_UITGEBRACHT),
    (S.ADVIES_UITGEBRACHT, S.BESLUIT_GENOMEN),
    (S.BESLUIT_GENOMEN, S.AFGESLOTEN),
    (S.NIET_ONTVANKELIJK, S.AFGESLOTEN),
    *(
        (van, uit)
        for van in (S.ONTVANGEN, S.ONTVANKELIJK, S.VERWEER, S.ZITTING, S.ADVIES_UITGEBRACHT)
        for uit in (S.INGETROKKEN, S.OPGELOST)
    ),
}
ALLE_PAREN = list(itertools.product(Status, Status))


@pytest.mark.parametrize(("van", "naar"), sorted(TOEGESTAAN))
def test_toegestane_stap(van: Status, naar: Status) -> None:
    assert naar in toegestaan(van)
    controleer_overgang(van, naar)  # raises Conflict when refused


@pytest.mark.parametrize(("van", "naar"), [p for p in ALLE_PAREN if p not in TOEGESTAAN])
def test_geweigerde_stap_zegt_wat_wel_mag(van: Status, naar: Status) -> None:
    with pytest.raises(Conflict) as fout:
        controleer_overgang(van, naar)
    zin = fout.value.bericht
    assert f"'{van.value}'" in zin and f"'{naar.value}'" in zin
    mogelijk = OVERGANGEN[van]
    if mogelijk:
        for s in mogelijk:
            assert f"'{s.value}'" in zin
    else:
        assert "geen volgende stap" in zin
    assert fout.value.status_code == 409


def test_tabel_is_precies_de_afgesproken_tabel() -> None:
    assert {(v, n) for v, naar in OVERGANGEN.items() for n in naar} == TOEGESTAAN


def test_eindtoestanden() -> None:
    assert {S.AFGESLOTEN, S.INGETROKKEN, S.OPGELOST} == AFGEROND
    assert not OPEN & AFGEROND


def test_elke_toestand_is_bereikbaar_vanaf_ontvangen() -> None:
    bereikt, rand = {S.ONTVANGEN}, [S.ONTVANGEN]
    while rand:
        for n in OVERGANGEN[rand.pop()]:
            if n not in bereikt:
                bereikt.add(n)
                rand.append(n)
    assert bereikt == set(Status)


def test_termijnen_die_een_stap_afhandelt() -> None:
    assert VOLDAAN_BIJ[S.ONTVANKELIJK] == {Soort.ONTVANKELIJKHEID}
    assert VOLDAAN_BIJ[S.ADVIES_UITGEBRACHT] == {Soort.ADVIES}
    assert VOLDAAN_BIJ[S.BESLUIT_GENOMEN] == {Soort.BESLUIT}
    assert VERVALT_BIJ[S.INGETROKKEN] == set(Soort)
    assert Soort.ADVIES in VERVALT_BIJ[S.NIET_ONTVANKELIJK]


def test_ontvangstbevestiging_is_niet_meer_open_na_het_advies() -> None:
    # Issue 7: once the advice is out (or the file closed) an unrecorded acknowledgement is moot.
    assert VERVALT_BIJ[S.ADVIES_UITGEBRACHT] == {Soort.ONTVANGSTBEVESTIGING, Soort.VERWEER}
    assert Soort.ONTVANGSTBEVESTIGING in VERVALT_BIJ[S.AFGESLOTEN]
    assert not VOLDAAN_BIJ[S.ADVIES_UITGEBRACHT] & VERVALT_BIJ[S.ADVIES_UITGEBRACHT]
