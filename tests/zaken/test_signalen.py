"""Awb 9:8 signals (pure): each flag with the facts behind it."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from commissie.zaken.signalen import EerdereZaak, Strafonderzoek, signalen_9_8

ONTVANGEN = date(2026, 3, 2)


def codes(**kw: object) -> list[str]:
    args: dict[str, object] = dict(
        ontvangen_op=ONTVANGEN, gedragingsdata=(date(2026, 2, 1),), strafonderzoek=None
    )
    args.update(kw)
    return [s.code for s in signalen_9_8(**args)]  # type: ignore[arg-type]


def test_schone_zaak_heeft_geen_signalen() -> None:
    assert codes() == []


def test_gedraging_ouder_dan_een_jaar() -> None:
    [s] = signalen_9_8(
        ontvangen_op=ONTVANGEN, gedragingsdata=(date(2025, 3, 1),), strafonderzoek=None
    )
    assert s.code == "gedraging_ouder_dan_jaar"
    assert s.grondslag == "Awb 9:8 lid 1 sub b"
    assert s.feiten["grens"] == "2025-03-02"
    assert s.feiten["gedragingen_voor_grens"] == ["2025-03-01"]
    assert s.feiten["alle_gedragingen"] is True


def test_precies_een_jaar_is_niet_langer_dan_een_jaar() -> None:
    assert codes(gedragingsdata=(date(2025, 3, 2),)) == []


def test_deels_oude_gedragingen() -> None:
    [s] = signalen_9_8(
        ontvangen_op=ONTVANGEN,
        gedragingsdata=(date(2024, 1, 1), date(2026, 1, 1)),
        strafonderzoek=None,
    )
    assert s.feiten["alle_gedragingen"] is False
    assert "deel" in s.omschrijving


def test_eerder_behandeld_en_lopend() -> None:
    eerder = EerdereZaak("TI-2025-0003", date(2025, 6, 1), True, (date(2026, 2, 1),))
    lopend = EerdereZaak(
        "TI-2026-0001", date(2026, 2, 10), False, (date(2026, 2, 1), date(2026, 2, 2))
    )
    anders = EerdereZaak("TI-2025-0009", date(2025, 6, 1), True, (date(2025, 5, 1),))
    uit = signalen_9_8(
        ontvangen_op=ONTVANGEN,
        gedragingsdata=(date(2026, 2, 1),),
        strafonderzoek=None,
        eerdere_zaken=(eerder, lopend, anders),
    )
    assert [(s.code, s.feiten["zaak"]) for s in uit] == [
        ("eerder_behandeld", "TI-2025-0003"),
        ("eerdere_klacht_loopt", "TI-2026-0001"),
    ]
    assert uit[0].feiten["gedeelde_gedragingsdata"] == ["2026-02-01"]


def test_strafrechtelijk_onderzoek() -> None:
    [s] = signalen_9_8(
        ontvangen_op=ONTVANGEN,
        gedragingsdata=(date(2026, 2, 1),),
        strafonderzoek=Strafonderzoek(lopend=True, sinds=date(2026, 2, 20), kenmerk="PV-123"),
    )
    assert s.code == "strafrechtelijk_onderzoek"
    assert s.grondslag == "Awb 9:8 lid 1 sub d"
    assert s.feiten == {"sinds": "2026-02-20", "kenmerk": "PV-123"}
    assert codes(strafonderzoek=Strafonderzoek(lopend=False)) == []


@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=5))
def test_signaal_oud_precies_als_een_datum_voor_de_grens_ligt(dagen_terug: list[int]) -> None:
    data = tuple(ONTVANGEN - timedelta(days=d) for d in dagen_terug)
    grens = date(2025, 3, 2)
    verwacht = any(d < grens for d in data)
    assert ("gedraging_ouder_dan_jaar" in codes(gedragingsdata=data)) == verwacht
