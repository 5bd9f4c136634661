"""Shared by the scale tests: fill a database through the generator, record SQL statements."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

from commissie.accounts.rollen import Actor, Rol

SECRETARIS_TI = Actor(1, "secretaris", Rol.SECRETARIS, "TI", None, None)


@contextmanager
def opname(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """Every statement the engine sends to the driver while the block runs."""
    gezien: list[tuple[str, Any]] = []

    def luister(_c: Any, _cur: Any, statement: str, parameters: Any, *_a: Any) -> None:
        gezien.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", luister)
    try:
        yield gezien
    finally:
        event.remove(engine, "before_cursor_execute", luister)
