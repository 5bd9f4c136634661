"""Each deadline carries its case's committee (the index of a secretary's deadline list): set
where deadlines are made, filled from the case when a step forgets, and by migration 0018 on
the rows that were already there."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.db import maak_engine, maak_sessionmaker
from commissie.migraties import upgrade
from commissie.zaken.models import Termijn, Zaak
from tests.conftest import run_db
from tests.procedure_hulp import naar_verweer, registreer

Hdr = dict[str, str]


def test_termijnen_dragen_de_commissie_van_hun_zaak(
    client: TestClient[Any], secretaris: Hdr, db: str
) -> None:
    nummer = registreer(client, secretaris)
    naar_verweer(client, secretaris, nummer)  # the defence deadline, made by another step

    async def werk(s: AsyncSession) -> list[tuple[str, str | None, str]]:
        rijen = await s.execute(
            select(Termijn.soort, Termijn.commissie_code, Zaak.commissie_code).join(
                Zaak, Zaak.id == Termijn.zaak_id
            )
        )
        return [tuple(r) for r in rijen.all()]  # type: ignore[misc]

    rijen = run_db(db, werk)
    assert {soort for soort, _, _ in rijen} >= {"ontvangstbevestiging", "advies", "verweer"}
    assert all(eigen == zaak == "TI" for _, eigen, zaak in rijen), rijen


def test_termijn_zonder_commissie_krijgt_die_van_de_zaak(
    client: TestClient[Any], secretaris: Hdr, db: str
) -> None:
    nummer = registreer(client, secretaris)

    async def werk(s: AsyncSession) -> str | None:
        zaak_id = await s.scalar(select(Zaak.id).where(Zaak.nummer == nummer))
        t = Termijn(
            zaak_id=zaak_id, soort="verweer", grondslag="Awb 9:10", toelichting="Test.",
            wettelijke_einddatum=date(2026, 3, 6), einddatum=date(2026, 3, 6), status="open",
        )  # fmt: skip
        s.add(t)
        await s.flush()
        return t.commissie_code

    assert run_db(db, werk) == "TI"


def test_migratie_0018_vult_de_commissie_van_bestaande_termijnen(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'm.db'}"
    moment = datetime(2026, 2, 20, 9, tzinfo=UTC)

    async def main() -> list[tuple[str, str | None]]:
        engine = maak_engine(url)
        try:
            await upgrade(engine, "0017")
            async with maak_sessionmaker(engine)() as s:
                for code in ("TI", "NN"):
                    s.add(
                        Zaak(
                            nummer=f"{code}-2026-0001", commissie_code=code, jaar=2026,
                            volgnummer=1, status="ontvangen", ontvangen_op=moment.date(),
                            geregistreerd_op=moment, korps_code="TW", omschrijving="x",
                            gewijzigd_op=moment,
                        )
                    )  # fmt: skip
                await s.flush()
                ids = dict((await s.execute(select(Zaak.commissie_code, Zaak.id))).all())
                # As a 0017 database holds them: no committee column yet.
                await s.execute(
                    insert(Termijn.__table__),
                    [
                        {
                            "zaak_id": i,
                            "soort": "advies",
                            "grondslag": "Awb 9:11",
                            "wettelijke_einddatum": date(2026, 4, 7),
                            "einddatum": date(2026, 4, 7),
                            "verdaagd_weken": 0,
                            "toelichting": "x",
                            "status": "open",
                        }
                        for i in ids.values()
                    ],
                )
                await s.commit()
            await upgrade(engine)
            async with engine.connect() as conn:
                rijen = await conn.execute(
                    select(Zaak.commissie_code, Termijn.commissie_code)
                    .join(Termijn, Termijn.zaak_id == Zaak.id)
                    .order_by(Zaak.commissie_code)
                )
                return [tuple(r) for r in rijen.all()]  # type: ignore[misc]
        finally:
            await engine.dispose()

    assert asyncio.run(main()) == [("NN", "NN"), ("TI", "TI")]
