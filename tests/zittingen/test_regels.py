"""Pure hearing rules: parties, planning objections, and the planning proposals (properties)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commissie.atw import Kalender
from commissie.fouten import OngeldigeInvoer
from commissie.tijd import AMSTERDAM
from commissie.zittingen.regels import (
    Bezetting,
    Planningsfeiten,
    Planningsvraag,
    laatste_zittingsdag,
    lees_partijen,
    planningsbezwaren,
    zittingsvoorstellen,
)

KALENDER = Kalender([date(2026, 5, 15), date(2027, 5, 7)], jaren=[2026, 2027])


def test_partijen_uitgevouwen_in_vaste_volgorde() -> None:
    assert lees_partijen(["beklaagden", "klager"], [7, 3], "p") == [
        "klager",
        "beklaagde:7",
        "beklaagde:3",
    ]
    assert lees_partijen(["beklaagde:3", "beklaagde:3"], [7, 3], "p") == ["beklaagde:3"]
    with pytest.raises(OngeldigeInvoer) as fout:
        lees_partijen(["beklaagde:8"], [7, 3], "p")
    assert fout.value.bericht == (
        "Veld 'p[0]': onbekende partij 'beklaagde:8'; bekend zijn klager, beklaagde:7, beklaagde:3."
    )
    with pytest.raises(OngeldigeInvoer):
        lees_partijen([], [7], "p")


def _feiten(**over: object) -> Planningsfeiten:
    basis: dict[str, object] = {
        "begin": datetime(2026, 3, 10, 9, tzinfo=UTC),
        "einde": datetime(2026, 3, 10, 11, tzinfo=UTC),
        "nu": datetime(2026, 3, 2, 9, tzinfo=UTC),
        "afschrift_op": date(2026, 2, 23),
        "verweer_ontvangen_op": None,
        "verweertermijn": date(2026, 3, 9),
        "adviestermijn": date(2026, 4, 7),
        "voorzitter": True,
    }
    basis.update(over)
    return Planningsfeiten(**basis)  # type: ignore[arg-type]


def test_geen_bezwaren_als_alles_klopt() -> None:
    assert planningsbezwaren(_feiten()) == []


def test_verweertermijn_telt_tot_en_met_de_einddatum() -> None:
    [b] = planningsbezwaren(_feiten(verweertermijn=date(2026, 3, 10)))
    assert "loopt tot en met 10 maart 2026" in b
    assert (
        planningsbezwaren(
            _feiten(verweertermijn=date(2026, 3, 10), verweer_ontvangen_op=date(2026, 3, 2))
        )
        == []
    )


def test_aansluitende_zitting_is_geen_overlap() -> None:
    eerder = Bezetting(
        lid="Tim", zaak="TI-2026-0001",
        begin=datetime(2026, 3, 10, 7, tzinfo=UTC), einde=datetime(2026, 3, 10, 9, tzinfo=UTC),
    )  # fmt: skip
    assert planningsbezwaren(_feiten(bezet=[eerder])) == []
    overlap = Bezetting(
        lid="Tim", zaak="TI-2026-0001",
        begin=datetime(2026, 3, 10, 10, 59, tzinfo=UTC), einde=datetime(2026, 3, 10, 12, tzinfo=UTC),
    )  # fmt: skip
    [b] = planningsbezwaren(_feiten(bezet=[overlap]))
    assert b.startswith("Panellid Tim heeft dan al een zitting (zaak TI-2026-0001")


def _werkdagen_na(dag: date, tot_en_met: date) -> int:
    """Working days in (dag, tot_en_met], counted here independently of the code."""
    n, d = 0, dag + timedelta(days=1)
    while d <= tot_en_met:
        if d.weekday() < 5 and KALENDER.feestdag(d) is None:
            n += 1
        d += timedelta(days=1)
    return n


@given(
    advies=st.dates(date(2026, 1, 1), date(2027, 12, 31)),
    n=st.integers(0, 30),
)
def test_laatste_zittingsdag_laat_precies_genoeg_werkdagen(advies: date, n: int) -> None:
    laatste = laatste_zittingsdag(advies, n, KALENDER)
    assert laatste.weekday() < 5 and KALENDER.feestdag(laatste) is None
    assert _werkdagen_na(laatste, advies) >= n
    # And it is the latest such working day.
    volgende = laatste + timedelta(days=1)
    while volgende.weekday() >= 5 or KALENDER.feestdag(volgende) is not None:
        volgende += timedelta(days=1)
    assert volgende > advies or _werkdagen_na(volgende, advies) < n


intervallen = st.lists(
    st.tuples(
        st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31), timezones=st.just(UTC)),
        st.integers(15, 600),
    ),
    max_size=30,
)


@settings(max_examples=300, deadline=None)
@given(
    vanaf=st.dates(date(2026, 1, 1), date(2027, 10, 1)),
    lengte=st.integers(0, 120),
    aantal=st.integers(1, 10),
    duur=st.integers(15, 600),
    van_uur=st.integers(7, 12),
    tot_uur=st.integers(13, 20),
    dagen=st.sets(st.integers(1, 5), min_size=1),
    opstel=st.integers(0, 20),
    vroegste_na=st.none() | st.integers(0, 40),
    afwezig=st.sets(st.dates(date(2026, 1, 1), date(2027, 12, 31)), max_size=60),
    bezet=intervallen,
)
def test_voorstellen_houden_zich_aan_elke_regel(
    vanaf: date,
    lengte: int,
    aantal: int,
    duur: int,
    van_uur: int,
    tot_uur: int,
    dagen: set[int],
    opstel: int,
    vroegste_na: int | None,
    afwezig: set[date],
    bezet: list[tuple[datetime, int]],
) -> None:
    advies = vanaf + timedelta(days=lengte)
    vroegste = vanaf + timedelta(days=vroegste_na) if vroegste_na is not None else None
    bezette = [(b, b + timedelta(minutes=m)) for b, m in bezet]
    uit = zittingsvoorstellen(
        Planningsvraag(
            vanaf=vanaf,
            aantal=aantal,
            duur_minuten=duur,
            dagen=frozenset(dagen),
            van=time(van_uur),
            tot=time(tot_uur),
            adviestermijn=advies,
            opstel_werkdagen=opstel,
            locatie="Zaal",
            vroegste=vroegste,
            afwezig=frozenset(afwezig),
            bezet=bezette,
        ),
        KALENDER,
    )
    assert len(uit.voorstellen) <= aantal
    assert [v.begin for v in uit.voorstellen] == sorted(v.begin for v in uit.voorstellen)
    dagen_gebruikt = [v.begin.astimezone(AMSTERDAM).date() for v in uit.voorstellen]
    assert len(set(dagen_gebruikt)) == len(dagen_gebruikt), "at most one slot per day"
    for v in uit.voorstellen:
        b, e = v.begin.astimezone(AMSTERDAM), v.einde.astimezone(AMSTERDAM)
        dag = b.date()
        assert e - b == timedelta(minutes=duur)
        assert dag >= vanaf
        assert dag.weekday() < 5, "never on a Saturday or Sunday"
        assert KALENDER.feestdag(dag) is None, "never on an Atw day"
        assert dag.isoweekday() in dagen
        assert time(van_uur) <= b.time() and e.time() <= time(tot_uur) and e.date() == dag
        assert dag not in afwezig, "never on a day a panel member is absent"
        assert not any(b < be and bb < e for bb, be in bezette), "never overlapping"
        assert vroegste is None or dag >= vroegste
        assert _werkdagen_na(dag, advies) >= opstel, "drafting time before the advice deadline"
    if len(uit.voorstellen) < aantal:
        assert uit.waarschuwingen
    else:
        assert uit.waarschuwingen == []


def test_geen_voorstel_zegt_hoeveel_de_termijn_moet_opschuiven() -> None:
    # Advice due Friday 20 March 2026 with 10 drafting days: the hearing had to be by 6 March.
    uit = zittingsvoorstellen(
        Planningsvraag(
            vanaf=date(2026, 3, 3),
            aantal=1,
            duur_minuten=120,
            dagen=frozenset({1, 2, 3, 4, 5}),
            van=time(9),
            tot=time(17),
            adviestermijn=date(2026, 3, 20),
            opstel_werkdagen=10,
            locatie="Zaal",
            afwezig=frozenset(
                {date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5), date(2026, 3, 6)}
            ),
        ),
        KALENDER,
    )
    assert uit.voorstellen == []
    assert uit.waarschuwingen == [
        "Geen enkel tijdslot past: de zitting moet uiterlijk op 6 maart 2026 zijn gehouden "
        "(10 werkdagen voor het opstellen van het advies vóór de adviestermijn (20 maart 2026)).",
        "Op 4 werkdag(en) in die periode is een panellid afwezig.",
        # First free day Monday 9 March + 10 working days = Monday 23 March.
        "De adviestermijn zou moeten opschuiven naar 23 maart 2026 (3 dagen later).",
    ]


def test_voorstellen_slaan_atw_dag_en_bezette_ochtend_over() -> None:
    # Thursday 14 May 2026 is Ascension Day, Friday 15 May a decreed day.
    bezet = [(datetime(2026, 5, 18, 7, tzinfo=UTC), datetime(2026, 5, 18, 10, tzinfo=UTC))]
    uit = zittingsvoorstellen(
        Planningsvraag(
            vanaf=date(2026, 5, 14),
            aantal=2,
            duur_minuten=120,
            dagen=frozenset({1, 2, 3, 4, 5}),
            van=time(9),
            tot=time(17),
            adviestermijn=date(2026, 7, 1),
            opstel_werkdagen=10,
            locatie="Zaal",
            bezet=bezet,
        ),
        KALENDER,
    )
    assert [v.begin.astimezone(AMSTERDAM).isoformat() for v in uit.voorstellen] == [
        "2026-05-18T12:00:00+02:00",
        "2026-05-19T09:00:00+02:00",
    ]
