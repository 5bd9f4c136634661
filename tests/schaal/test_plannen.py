"""Query plans with a few thousand cases: the list, the detail, the deadline and the agenda
queries use their indexes on both databases, so a missing index fails here, not for a user."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from commissie.accounts.rollen import Actor, Rol
from commissie.cli.massa import vul
from commissie.config import Settings
from commissie.paginering import maak_cursor
from commissie.panel.models import Panelzetel
from commissie.panel.toegang import haal_zaak
from commissie.procedure import overzichten, zaakweergave
from commissie.procedure.opstart import bouw_omgeving
from commissie.zaken.models import Zaak
from commissie.zittingen.agenda import agendafeed, agendageheim
from tests.conftest import Klok
from tests.schaal.hulp import SECRETARIS_TI, opname

AANTAL = 3000


async def _plan(conn: AsyncConnection, statement: str, parameters: Any) -> str:
    if conn.dialect.name == "sqlite":
        rijen = await conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
        return "\n".join(str(r[-1]) for r in rijen.all())
    rijen = await conn.exec_driver_sql("EXPLAIN " + statement, parameters)
    return "\n".join(str(r[0]) for r in rijen.all())


def _volle_scan(plan: str, tabel: str) -> bool:
    """A scan of every row of `tabel` (not through an index)."""
    for regel in plan.splitlines():
        r = regel.strip(" -|`>")
        if r.startswith(f"Seq Scan on {tabel} ") or r == f"Seq Scan on {tabel}":
            return True
        if r.startswith(f"SCAN {tabel}") and "INDEX" not in r:
            return True
    return False


def test_lijst_detail_en_termijnen_gebruiken_hun_indexen(settings: Settings, klok: Klok) -> None:
    omgeving = bouw_omgeving(settings, klok)

    async def main() -> dict[str, list[str]]:
        try:
            # Three committees: spread over all nine, TI would hold too few rows for the
            # planners to prefer an index over sorting a hundred rows; in TI alone, too many
            # (a filter matching every row is rightly a scan).
            await vul(omgeving=omgeving, aantal=AANTAL, jaren=5, alleen={"TI", "NN", "GL"})
            plannen: dict[str, list[str]] = {}
            async with omgeving.sessionmaker() as s:
                conn = await s.connection()
                nummer = await s.scalar(
                    Zaak.__table__.select()
                    .with_only_columns(Zaak.nummer)
                    .where(Zaak.commissie_code == "TI")
                    .order_by(Zaak.id.desc())
                    .limit(1)
                )
                assert nummer
                stappen = {
                    "lijst": lambda: overzichten.lijst_zaken(session=s, actor=SECRETARIS_TI),
                    "lijst_status": lambda: overzichten.lijst_zaken(
                        session=s,
                        actor=SECRETARIS_TI,
                        status="afgesloten",
                        na=maak_cursor(2026, 10**6, "TI"),
                    ),
                    "termijnen": lambda: overzichten.open_termijnen(
                        session=s, actor=SECRETARIS_TI, nu=klok(), regios=omgeving.regios
                    ),
                }
                for naam, stap in stappen.items():
                    with opname(omgeving.engine.sync_engine) as gezien:
                        await stap()
                    plannen[naam] = [await _plan(conn, st, p) for st, p in gezien]
                with opname(omgeving.engine.sync_engine) as gezien:
                    zaak = await haal_zaak(session=s, actor=SECRETARIS_TI, nummer=nummer, nu=klok())
                    await zaakweergave.zaak_weergave(
                        session=s, actor=SECRETARIS_TI, zaak=zaak, nu=klok()
                    )
                plannen["detail"] = [
                    await _plan(conn, st, p) for st, p in gezien if st.lstrip().startswith("SELECT")
                ]
                plannen["signaal"] = [
                    await _plan(conn, st, p)
                    for st, p in gezien
                    if "JOIN gedraging" in st and "achternaam_sleutel = " in st
                ]
                await s.rollback()  # the look recorded above, by an actor with no account
                # A member's agenda feed, for the member with the most seats in TI.
                lid_id = await s.scalar(
                    select(Panelzetel.lid_id)
                    .join(Zaak, Zaak.id == Panelzetel.zaak_id)
                    .where(Zaak.commissie_code == "TI", Panelzetel.actief)
                    .group_by(Panelzetel.lid_id)
                    .order_by(func.count().desc())
                    .limit(1)
                )
                lid = Actor(2, "lid", Rol.LID, "TI", None, lid_id)
                geheim = await agendageheim(session=s, actor=lid, app_geheim="x" * 32, nu=klok())
                with opname(omgeving.engine.sync_engine) as gezien:
                    await agendafeed(
                        session=s, geheim=geheim, regios=omgeving.regios,
                        basis_url="http://test", nu=klok(),
                    )  # fmt: skip
                conn = await s.connection()  # the rollback above released the first one
                plannen["agenda"] = [await _plan(conn, st, p) for st, p in gezien]
                await s.rollback()
            return plannen
        finally:
            await omgeving.engine.dispose()

    plannen = asyncio.run(main())
    assert len(plannen["lijst"]) == 1
    assert len(plannen["termijnen"]) == 1
    assert len(plannen["detail"]) >= 3  # the case with its collections, 9:8, the other parts
    groot = (
        "zaak", "partij", "termijn", "gedraging", "panelzetel", "gebeurtenis", "zitting",
        "agendaregel",
    )  # fmt: skip
    for naam, lijst in plannen.items():
        for plan in lijst:
            for tabel in groot:
                assert not _volle_scan(plan, tabel), f"{naam}: volle scan van {tabel}\n{plan}"
    # The list reads cases in index order and stops at the page: no sort of all rows.
    for naam in ("lijst", "lijst_status"):
        plan = plannen[naam][0]
        assert not _volledige_sortering(plan), f"{naam}: sorteert alle rijen\n{plan}"
    # The committee's open deadlines walked in date order through the partial index on
    # (committee, date), not every committee's, and not sorted afterwards.
    plan = plannen["termijnen"][0]
    assert "ix_termijn_open_commissie_einddatum" in plan, plan
    # 9:8: the earlier cases found through an index on this case's own conduct dates, or on
    # corps and surname key together; never all accused of a corps (SQLite's tuple-IN trap).
    [signaal] = plannen["signaal"]
    if "SEARCH" in signaal:
        assert "achternaam_sleutel=?" in signaal or "(datum=?)" in signaal, signaal
        assert "(rol=? AND korps_code=?)" not in signaal, signaal
    else:
        assert "Index" in signaal and ("achternaam_sleutel" in signaal or "datum" in signaal), (
            signaal
        )
    # The agenda: the member's own lines by (lid, begin), not their seats or every hearing.
    [agenda] = plannen["agenda"]
    assert "ix_agendaregel_lid_begin" in agenda, agenda
    # The case by its number: the unique index (named by SQLite itself).
    assert "nummer" in plannen["detail"][0] and not _volle_scan(plannen["detail"][0], "zaak")
    assert "INDEX" in plannen["detail"][0].upper(), plannen["detail"][0]


def _volledige_sortering(plan: str) -> bool:
    """A sort over every matching row (an incremental or partial sort on an index is fine)."""
    for regel in plan.splitlines():
        r = regel.strip(" -|`>")
        if r.startswith("Sort ") or r == "USE TEMP B-TREE FOR ORDER BY":
            return True
    return False
