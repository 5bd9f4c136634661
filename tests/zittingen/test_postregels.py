"""Pure outbox rules: back-off, final refusals, the MIME message with the invite."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commissie.zittingen.ical import uitnodiging
from commissie.zittingen.postregels import (
    MAX_WACHTTIJD,
    Postbericht,
    blijvend_geweigerd,
    mime,
    wachttijd,
)
from tests.zittingen.hulp import afspraak, kalenderdeel


@given(st.integers(min_value=1, max_value=10**9))
def test_wachttijd_groeit_en_blijft_onder_de_minuut(pogingen: int) -> None:
    w = wachttijd(pogingen)
    assert timedelta(seconds=1) <= w <= MAX_WACHTTIJD == timedelta(seconds=60)
    assert wachttijd(pogingen + 1) >= w
    # Doubling until the cap.
    assert wachttijd(pogingen + 1) == min(2 * w, MAX_WACHTTIJD)


def test_wachttijd_reeks() -> None:
    assert [wachttijd(n).total_seconds() for n in range(0, 9)] == [0, 1, 2, 4, 8, 16, 32, 60, 60]


@given(st.integers(min_value=0, max_value=999))
def test_alleen_5xx_is_blijvend(code: int) -> None:
    assert blijvend_geweigerd(code) == (code // 100 == 5)


def _bericht(**over: object) -> Postbericht:
    a = afspraak()
    velden: dict[str, object] = {
        "message_id": "<abc@klachtencommissie-ti.example>",
        "afzender": "secretariaat@klachtencommissie-ti.example",
        "afzender_naam": "Klachtencommissie Twente-IJsselland",
        "aan": "lid1@klachtencommissie-ti.example",
        "onderwerp": "Uitnodiging besloten zitting, zaak TI-2026-0001",
        "tekst": "Geachte heer, mevrouw,\n",
        "aangemaakt_op": datetime(2026, 12, 1, 8, 0, tzinfo=UTC),
        "ics": uitnodiging(a, dtstamp=datetime(2026, 12, 1, tzinfo=UTC)).decode(),
        "methode": "REQUEST",
    }
    velden.update(over)
    return Postbericht(**velden)  # type: ignore[arg-type]


@pytest.mark.parametrize("geannuleerd", [False, True])
def test_mime_methode_gelijk_aan_de_body(geannuleerd: bool) -> None:
    ics = uitnodiging(afspraak(geannuleerd=geannuleerd), dtstamp=datetime(2026, 12, 1, tzinfo=UTC))
    methode = "CANCEL" if geannuleerd else "REQUEST"
    msg = mime(_bericht(ics=ics.decode(), methode=methode))
    deel = kalenderdeel(msg)
    assert deel.get_param("method") == methode
    inhoud = deel.get_payload(decode=True)
    assert f"METHOD:{methode}\r\n".encode() in inhoud
    assert msg["Message-ID"] == "<abc@klachtencommissie-ti.example>"
    assert msg["From"] == (
        "Klachtencommissie Twente-IJsselland <secretariaat@klachtencommissie-ti.example>"
    )


def test_mime_weigert_afwijkende_methode() -> None:
    with pytest.raises(ValueError, match="METHOD"):
        mime(_bericht(methode="CANCEL"))


def test_mime_zonder_uitnodiging_is_alleen_tekst() -> None:
    msg = mime(_bericht(ics=None, methode=None))
    assert msg.get_content_type() == "text/plain"
    assert msg.get_content() == "Geachte heer, mevrouw,\n"
