"""Bulk writing for the load generator: COPY on PostgreSQL, one prepared executemany on
SQLite, both bypassing the ORM's per-row work (at a million cases that is most of the time).

Values go through each column's own bind processor (the UTC type, JSON, dates), so the rows
stored are the rows the services would store; columns left out get their scalar default (give
callable ones, such as JSON lists, in the row)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Column, Date, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncConnection

from commissie.db import UTCDateTime

Verwerker = Callable[[Any], Any] | None


class JsonTekst(str):
    """A JSON value already serialised (a constant the generator repeats on every row)."""

    __slots__ = ()


def _json(w: Any) -> str:
    if isinstance(w, JsonTekst):
        return str(w)
    if not w:  # most generated JSON is an empty object or list
        return "{}" if isinstance(w, dict) else "[]"
    return json.dumps(w)


def _utc(w: datetime) -> datetime:
    return w.astimezone(UTC)


def _sqlite_moment(w: datetime) -> str:
    # The format SQLAlchemy's SQLite DATETIME stores (always with microseconds), naive UTC.
    return w.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _onthouden(f: Callable[[Any], Any]) -> Callable[[Any], Any]:
    # Generated data repeats its dates and instants: convert each distinct value once.
    geheugen: dict[Any, Any] = {}

    def verwerk(w: Any) -> Any:
        uit = geheugen.get(w)
        if uit is None:
            uit = geheugen[w] = f(w)
        return uit

    return verwerk


def _verwerker(kolom: Column[Any], dialect: Dialect) -> Verwerker:
    """The column's bind conversion; the common types by hand (the generic processors cost
    most of the time at a million cases), each checked against SQLAlchemy's in the tests."""
    soort = kolom.type
    if isinstance(soort, JSON):
        return _json
    if dialect.name == "sqlite":
        if isinstance(soort, UTCDateTime):
            return _onthouden(_sqlite_moment)
        if isinstance(soort, Date):
            return _onthouden(date.isoformat)
    elif isinstance(soort, UTCDateTime):
        return _onthouden(_utc)  # as UTCDateTime does; asyncpg takes aware datetimes
    elif isinstance(soort, Date):
        return None
    return soort._cached_bind_processor(dialect)  # type: ignore[no-any-return]


class Schrijver:
    """Turns dict rows into driver-ready tuples (`tupels`, no I/O: it may run in a thread)
    and writes them into one table over the raw driver connection (`schrijf`)."""

    def __init__(self, dialect: Dialect, tabel: Table) -> None:
        self.tabel = tabel
        self.postgres = dialect.name == "postgresql"
        self.kolommen = [c.name for c in tabel.columns]
        self.standaard: list[Any] = []
        self.verwerkers: list[Verwerker] = []
        for c in tabel.columns:
            d = c.default
            self.standaard.append(d.arg if d is not None and d.is_scalar else None)  # type: ignore[attr-defined]
            self.verwerkers.append(_verwerker(c, dialect))
        if not self.postgres:
            plaatsen = ", ".join("?" for _ in self.kolommen)
            namen = ", ".join(f'"{k}"' for k in self.kolommen)
            self.sql = f'INSERT INTO "{tabel.name}" ({namen}) VALUES ({plaatsen})'

    def tupels(self, rijen: Iterable[dict[str, Any]]) -> list[tuple[Any, ...]]:
        basis = dict(zip(self.kolommen, self.standaard, strict=True))
        haal = itemgetter(*self.kolommen)
        met = [(i, f) for i, f in enumerate(self.verwerkers) if f is not None]
        uit = []
        for rij in rijen:
            waarden = list(haal(basis | rij)) if len(self.kolommen) > 1 else [haal(basis | rij)]
            for i, f in met:
                w = waarden[i]
                if w is not None:
                    waarden[i] = f(w)
            uit.append(tuple(waarden))
        return uit

    async def schrijf(self, conn: AsyncConnection, tupels: Sequence[tuple[Any, ...]]) -> None:
        if not tupels:
            return
        raw = await conn.get_raw_connection()
        driver: Any = raw.driver_connection
        if self.postgres:
            await driver.copy_records_to_table(
                self.tabel.name, records=tupels, columns=self.kolommen
            )
        else:
            await driver.executemany(self.sql, tupels)
