"""The generator's bulk writer converts values as SQLAlchemy would, on both dialects (its own
fast conversions must never store a different date, instant or JSON text)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Column, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect

from commissie.cli.bulk import JsonTekst, Schrijver
from commissie.db import Base
from commissie.zaken.models import Gebeurtenis

DIALECTEN: list[Dialect] = [sqlite.aiosqlite.dialect(), postgresql.asyncpg.dialect()]
TABEL: Table = Gebeurtenis.__table__  # type: ignore[assignment]
ZONES = st.timezones()
JSON_WAARDEN = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda kind: st.lists(kind, max_size=4) | st.dictionaries(st.text(), kind, max_size=4),
    max_leaves=12,
)


def _sqlalchemy(kolom: Column[Any], dialect: Dialect, waarde: Any) -> Any:
    verwerk = kolom.type._cached_bind_processor(dialect)
    return verwerk(waarde) if verwerk else waarde


@given(
    op=st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=ZONES
    ),
    datum=st.dates(),
    gegevens=st.dictionaries(st.text(), JSON_WAARDEN, max_size=5),
)
def test_omzetting_gelijk_aan_sqlalchemy(op: datetime, datum: Any, gegevens: Any) -> None:
    rij = {"id": 1, "zaak_id": 2, "op": op, "datum": datum, "door_naam": "x", "soort": "s",
           "omschrijving": "o", "gegevens": gegevens}  # fmt: skip
    for dialect in DIALECTEN:
        (uit,) = Schrijver(dialect, TABEL).tupels([rij])
        for kolom, waarde in zip(TABEL.columns, uit, strict=True):
            verwacht = _sqlalchemy(kolom, dialect, rij.get(kolom.name))
            if isinstance(verwacht, str) and kolom.name == "gegevens":
                assert json.loads(waarde) == json.loads(verwacht)
            else:
                # Aware instants compare as instants; strings and dates exactly.
                assert waarde == verwacht, (dialect.name, kolom.name)


def test_vaste_json_en_standaardwaarden() -> None:
    for dialect in DIALECTEN:
        rij = {"id": 1, "zaak_id": 2, "op": datetime(2026, 3, 29, 1, 30, tzinfo=UTC),
               "door_naam": "x", "soort": "s", "omschrijving": "o",
               "gegevens": JsonTekst('{"a": 1}')}  # fmt: skip
        (uit,) = Schrijver(dialect, TABEL).tupels([rij])
        waarden = dict(zip([c.name for c in TABEL.columns], uit, strict=True))
        assert waarden["gegevens"] == '{"a": 1}'
        assert waarden["datum"] is None and waarden["toelichting"] is None
        if dialect.name == "sqlite":
            # Always with microseconds, as SQLAlchemy stores it: string order is time order.
            assert waarden["op"] == "2026-03-29 01:30:00.000000"
            later = Schrijver(dialect, TABEL).tupels([rij | {"op": rij["op"] + timedelta(hours=1)}])
            assert later[0][2] > uit[2]


def test_alle_tabellen_van_de_generator_bestaan() -> None:
    from commissie.cli.massa_rijen import TABELLEN
    from commissie.procedure import opstart  # noqa: F401  (every model registered)

    assert set(TABELLEN) <= set(Base.metadata.tables)
