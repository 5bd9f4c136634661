"""Running totals for the load overview, changed in the same flush as the seats and hearing
dates they count, so the overview costs the same at ten cases as at a million.

Every change is a difference: what the flushed rows contributed before, minus what they
contribute now. `herbereken` recounts from scratch (bulk loads, and the tests' check)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, event, inspect, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from commissie.panel.models import Lastdag, Panelzetel, Zakendag
from commissie.tijd import AMSTERDAM
from commissie.zaken.models import Zaak

# (lid_id, dag) -> [zetels, voorzitter, zittingen]
LidDelta = defaultdict[tuple[int, date], list[int]]


def _dag(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


def _oud(obj: Any, veld: str) -> Any:
    """The value `veld` has in the database (before this flush's changes)."""
    staat = inspect(obj)
    h = staat.attrs[veld].history
    if h.deleted:
        return h.deleted[0]
    if h.unchanged:
        return h.unchanged[0]
    if not h.added or staat.key is None:
        return getattr(obj, veld)
    # Set without having been loaded (e.g. after a flush expired it): ask the database.
    kolom = getattr(type(obj), veld)
    with staat.session.no_autoflush:  # type: ignore[union-attr]
        return staat.session.scalar(  # type: ignore[union-attr]
            select(kolom).where(type(obj).id == staat.identity[0])  # type: ignore[index]
        )


def _zetel(delta: LidDelta, teken: int, zetel: tuple[Any, ...], zitting: date | None) -> None:
    lid_id, rol, actief, aangewezen_op = zetel
    if not actief or lid_id is None or aangewezen_op is None:
        return
    rij = delta[(lid_id, _dag(aangewezen_op))]
    rij[0] += teken
    rij[1] += teken if rol == "voorzitter" else 0
    if zitting is not None:
        delta[(lid_id, zitting)][2] += teken


def _zitting(session: Session, zaak_id: int, oud: bool) -> date | None:
    zaak = session.identity_map.get(session.identity_key(Zaak, zaak_id))
    if zaak is None:
        with session.no_autoflush:
            return session.scalar(select(Zaak.zitting_op).where(Zaak.id == zaak_id))
    return _oud(zaak, "zitting_op") if oud and zaak in session.dirty else zaak.zitting_op


def _voor_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    delta: LidDelta = defaultdict(lambda: [0, 0, 0])
    zaken: Counter[tuple[str, str, date]] = Counter()
    velden = ("lid_id", "rol", "actief", "aangewezen_op")
    zetels: list[Panelzetel] = []
    for obj in session.new:
        if isinstance(obj, Panelzetel):
            zetels.append(obj)
        elif isinstance(obj, Zaak):
            zaken[(obj.commissie_code, obj.korps_code, obj.ontvangen_op)] += 1
    for obj in session.dirty:
        if isinstance(obj, Panelzetel) and session.is_modified(obj):
            zetels.append(obj)
    for obj in session.deleted:
        if isinstance(obj, Panelzetel):
            _zetel(
                delta, -1, tuple(_oud(obj, v) for v in velden), _zitting(session, obj.zaak_id, True)
            )
    gezien = {z.id for z in zetels if z.id is not None}
    for z in zetels:
        nieuw = z in session.new
        if not nieuw:
            oud = tuple(_oud(z, v) for v in velden)
            _zetel(delta, -1, oud, _zitting(session, z.zaak_id, True))
        _zetel(delta, +1, tuple(getattr(z, v) for v in velden), _zitting(session, z.zaak_id, False))
    # A hearing date set or moved: every other active seat on the case moves with it.
    for obj in session.dirty:
        if not isinstance(obj, Zaak) or not inspect(obj).attrs.zitting_op.history.has_changes():
            continue
        oud, nieuw_dag = _oud(obj, "zitting_op"), obj.zitting_op
        with session.no_autoflush:
            rijen = session.execute(
                select(Panelzetel.id, Panelzetel.lid_id).where(
                    Panelzetel.zaak_id == obj.id, Panelzetel.actief
                )
            ).all()
        for zid, lid_id in rijen:
            if zid in gezien:
                continue
            if oud is not None:
                delta[(lid_id, oud)][2] -= 1
            if nieuw_dag is not None:
                delta[(lid_id, nieuw_dag)][2] += 1
    _schrijf(session, delta, zaken)


def _schrijf(session: Session, delta: LidDelta, zaken: Counter[tuple[str, str, date]]) -> None:
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    rijen = [
        {"lid_id": k[0], "dag": k[1], "zetels": v[0], "voorzitter": v[1], "zittingen": v[2]}
        for k, v in sorted(delta.items())
        if any(v)
    ]
    conn = session.connection()
    if rijen:
        stmt = insert(Lastdag)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[Lastdag.lid_id, Lastdag.dag],
                set_={
                    "zetels": Lastdag.zetels + stmt.excluded.zetels,
                    "voorzitter": Lastdag.voorzitter + stmt.excluded.voorzitter,
                    "zittingen": Lastdag.zittingen + stmt.excluded.zittingen,
                },
            ),
            rijen,
        )
    if zaken:
        stmt = insert(Zakendag)
        conn.execute(
            stmt.on_conflict_do_update(
                index_elements=[Zakendag.commissie_code, Zakendag.korps_code, Zakendag.dag],
                set_={"zaken": Zakendag.zaken + stmt.excluded.zaken},
            ),
            [
                {"commissie_code": c, "korps_code": k, "dag": d, "zaken": n}
                for (c, k, d), n in sorted(zaken.items())
            ],
        )


def registreer() -> None:
    """Keep the totals on every ORM session (idempotent)."""
    if not event.contains(Session, "before_flush", _voor_flush):
        event.listen(Session, "before_flush", _voor_flush)


def tel(
    zetels: Iterable[tuple[int, str, bool, datetime, date | None]],
    zaken: Iterable[tuple[str, str, date]],
) -> tuple[dict[tuple[int, date], tuple[int, int, int]], dict[tuple[str, str, date], int]]:
    """The totals counted from scratch: seats as (lid, rol, actief, aangewezen_op, zitting of
    the case), cases as (commissie, korps, ontvangen_op). Zero rows left out."""
    delta: LidDelta = defaultdict(lambda: [0, 0, 0])
    for lid_id, rol, actief, aangewezen_op, zitting in zetels:
        _zetel(delta, +1, (lid_id, rol, actief, aangewezen_op), zitting)
    per_lid = {k: (v[0], v[1], v[2]) for k, v in delta.items() if any(v)}
    return per_lid, dict(Counter(zaken))


async def herbereken(session: Any) -> None:
    """Recount both tables from the seats and cases (after a bulk load). Async session."""
    zetels = (
        await session.execute(
            select(
                Panelzetel.lid_id,
                Panelzetel.rol,
                Panelzetel.actief,
                Panelzetel.aangewezen_op,
                Zaak.zitting_op,
            )
            .join(Zaak, Zaak.id == Panelzetel.zaak_id)
            .where(Panelzetel.actief)
        )
    ).all()
    zaken = (
        await session.execute(select(Zaak.commissie_code, Zaak.korps_code, Zaak.ontvangen_op))
    ).all()
    per_lid, per_dag = tel(zetels, zaken)  # type: ignore[arg-type]
    await session.execute(delete(Lastdag))
    await session.execute(delete(Zakendag))
    rijen = [
        {"lid_id": k[0], "dag": k[1], "zetels": v[0], "voorzitter": v[1], "zittingen": v[2]}
        for k, v in per_lid.items()
    ]
    for i in range(0, len(rijen), 5000):
        await session.execute(Lastdag.__table__.insert(), rijen[i : i + 5000])
    dagen = [
        {"commissie_code": c, "korps_code": k, "dag": d, "zaken": n}
        for (c, k, d), n in per_dag.items()
    ]
    for i in range(0, len(dagen), 5000):
        await session.execute(Zakendag.__table__.insert(), dagen[i : i + 5000])
