"""The members' agenda lines, kept in the transaction that seats or unseats a member or plans
or moves a hearing: at commit, the lines of each case it touched are replaced by the case's
active seats times its hearings. Exact by construction (the join the feed would otherwise
make over a member's whole history), and two statements per transaction that touches seats
or hearings."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Connection, delete, event, insert, inspect, select
from sqlalchemy.orm import Session, SessionTransaction

from commissie.panel.models import Panelzetel
from commissie.zittingen.models import Agendaregel, Zitting

# The attributes that change who sees which hearing when.
_VELDEN: dict[type, tuple[str, ...]] = {
    Panelzetel: ("zaak_id", "lid_id", "actief"),
    Zitting: ("zaak_id", "begin"),
}


def _geraakt(session: Session) -> set[int]:
    """The cases whose seats or hearings this flush inserts, deletes or changes (old and new
    case when a row moves)."""
    zaken: set[int] = set()
    for obj in session.new:
        if type(obj) in _VELDEN:
            zaken.add(obj.zaak_id)  # set by this flush, also when given as a relationship
    for obj in session.deleted:
        if type(obj) in _VELDEN:
            # From the history: the row is gone, a load of an expired attribute would fail.
            h = inspect(obj).attrs["zaak_id"].history
            zaken.update(v for v in (*h.unchanged, *h.deleted) if v is not None)
    for obj in session.dirty:
        velden = _VELDEN.get(type(obj))
        if velden is None:
            continue
        staat = inspect(obj)
        for veld in velden:
            h = staat.attrs[veld].history
            if h.has_changes():
                zaken.add(obj.zaak_id)
                zaken.update(v for v in h.deleted if veld == "zaak_id" and v is not None)
    zaken.discard(None)  # type: ignore[arg-type]
    return zaken


def vernieuw(conn: Connection, zaak_ids: Collection[int]) -> None:
    """Replace the agenda lines of these cases by their active seats times their hearings."""
    ids = sorted(zaak_ids)
    conn.execute(delete(Agendaregel).where(Agendaregel.zaak_id.in_(ids)))
    conn.execute(
        insert(Agendaregel).from_select(
            ["lid_id", "zitting_id", "zaak_id", "begin"],
            select(Panelzetel.lid_id, Zitting.id, Zitting.zaak_id, Zitting.begin)
            .join(Panelzetel, Panelzetel.zaak_id == Zitting.zaak_id)
            .where(Zitting.zaak_id.in_(ids), Panelzetel.actief),
        )
    )


_GERAAKT = "agendaregels.geraakt"


def _na_flush(session: Session, _ctx: Any) -> None:
    # new/dirty/deleted and attribute history still show what this flush changed.
    session.info.setdefault(_GERAAKT, set()).update(_geraakt(session))


def _voor_commit(session: Session) -> None:
    # Once per transaction, after its last flush: a step that flushes five times (seats,
    # then hearings) rebuilds each case once.
    session.flush()
    zaken = session.info.pop(_GERAAKT, None)
    if zaken:
        vernieuw(session.connection(), zaken)


def _na_rollback(session: Session, vorige: SessionTransaction) -> None:
    # A savepoint's rollback keeps the set: rebuilding a case too many is harmless.
    if not vorige.nested:
        session.info.pop(_GERAAKT, None)


def registreer() -> None:
    """Keep the agenda lines on every ORM session (idempotent)."""
    for naam, f in (
        ("after_flush", _na_flush),
        ("before_commit", _voor_commit),
        ("after_soft_rollback", _na_rollback),
    ):
        if not event.contains(Session, naam, f):
            event.listen(Session, naam, f)
