"""Many realistic cases fast (`commissie demo --zaken N`, up to a million): the rows of
commissie/cli/massa_rijen.py written in blocks by commissie/cli/bulk.py (COPY on PostgreSQL).

Registering through the services costs ~20 ms a case (hours at 1M); this writes the same rows.
What the services guarantee is kept: numbers per committee and year without gaps (and the
counter at the last one), deadlines from the Atw calendar, a full panel with an active chair
from a corps not involved in the case, a timeline per step, the hearing, the fixed advice with
its documents, the decisions and the evaluation the status implies. Fictitious names."""

from __future__ import annotations

import asyncio
import hashlib
import io
import random
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from commissie.adviezen.opslag import MapOpslag
from commissie.cli.bulk import Schrijver
from commissie.cli.massa_rijen import ACHTERNAMEN, TABELLEN, VETERANEN, VOORLETTERS, Bouwer
from commissie.cli.massa_zitting import Bestand
from commissie.db import Base
from commissie.leden.models import Lid
from commissie.migraties import statistieken
from commissie.omgeving import Omgeving
from commissie.panel.lasttotalen import tel
from commissie.panel.models import Lastdag, Zakendag
from commissie.regios import Commissie
from commissie.tijd import AMSTERDAM
from commissie.zaken.models import ZaakTeller

__all__ = ["VETERANEN", "Verslag", "vul"]
BATCH = 5000
AGENDA = "agendaregel"  # derived from the block's seats and hearings, not built per case
# Tables whose ids are handed out here (the rest have composite or case keys).
MET_ID = (
    "zaak", "partij", "termijn", "panelzetel", "gebeurtenis", "zitting", "zittingwijziging",
    "adviesversie", "document", "besluit",
)  # fmt: skip


@dataclass
class Verslag:
    zaken: int = 0
    per_commissie: dict[str, int] = field(default_factory=dict)


async def _leden(s: AsyncSession, commissie: Commissie, nu: datetime) -> list[Lid]:
    """The committee's active members; four per corps added when it has too few."""
    leden = list(
        await s.scalars(
            select(Lid).where(Lid.commissie_code == commissie.code, Lid.actief).order_by(Lid.id)
        )
    )
    korpsen_met_voorzitter = {lid.korps_code for lid in leden if lid.kan_voorzitten}
    if len(leden) >= 2 * commissie.panel.grootte and len(korpsen_met_voorzitter) >= 2:
        return leden
    volgorde = len(leden)
    for code in commissie.korpsen:
        for i in range(4):
            volgorde += 1
            lid = Lid(
                commissie_code=commissie.code,
                naam=f"{VOORLETTERS[volgorde % 20]}. {ACHTERNAMEN[volgorde % 30]} ({code})",
                korps_code=code,
                eenheid=f"District {i + 1}",
                kan_voorzitten=i < 2,
                volgorde=volgorde,
                aangemaakt_op=nu,
            )
            s.add(lid)
            leden.append(lid)
    await s.flush()
    return leden


async def _volgend_id(s: AsyncSession, tabel: str) -> int:
    kolom = Base.metadata.tables[tabel].c.id
    return int(await s.scalar(select(func.coalesce(func.max(kolom), 0)))) + 1


def _adviesbestand() -> bytes:
    """A small real Word file, so a generated advice document downloads like a made one."""
    from docx import Document as Word

    doc = Word()
    doc.add_paragraph("Gegenereerd advies (fictief, voor belastingtests).")
    uit = io.BytesIO()
    doc.save(uit)
    return uit.getvalue()


async def vul(
    *,
    omgeving: Omgeving,
    aantal: int,
    jaren: int = 20,
    seed: int = 2026,
    voortgang: Callable[[int], None] | None = None,
    alleen: Collection[str] | None = None,
) -> Verslag:
    """Add `aantal` cases spread over every committee in the configuration (weighted by the
    corps' reports) and `jaren` years up to today, in blocks of BATCH cases (a transaction
    each). `alleen`: only these committees (a test that needs one committee's volume)."""
    r = random.Random(seed)
    nu = omgeving.klok()
    vandaag_ = nu.astimezone(AMSTERDAM).date()
    commissies = sorted(
        (c for c in omgeving.regios.commissies.values() if alleen is None or c.code in alleen),
        key=lambda c: c.code,
    )
    gewicht = [sum(k.meldingen_2jr + 1 for k in c.korpsen.values()) for c in commissies]
    # Days back from today, oldest first, so numbers rise with the date of receipt as registration makes them.
    dagen = sorted((r.randrange(jaren * 365) for _ in range(aantal)), reverse=True)
    verslag = Verslag(zaken=aantal)
    data = _adviesbestand()
    sleutel = await MapOpslag(omgeving.settings.data_dir / "documenten").bewaar(
        "gegenereerd", "advies.docx", data
    )
    bestand = Bestand(sleutel, hashlib.sha256(data).hexdigest(), len(data))
    sm = omgeving.sessionmaker
    async with sm() as s:
        leden = {c.code: await _leden(s, c, nu) for c in commissies}
        await s.commit()
        ids = {t: await _volgend_id(s, t) for t in MET_ID}
        tellers = {
            (t.commissie_code, t.jaar): t.laatste for t in await s.scalars(select(ZaakTeller))
        }
    totalen = Totalen()
    bouwer = Bouwer(r, vandaag_, omgeving.kalender, leden, bestand, ids, tellers)
    schrijvers = [
        Schrijver(omgeving.engine.dialect, Base.metadata.tables[t]) for t in (*TABELLEN, AGENDA)
    ]

    def bouw(blok: list[int]) -> tuple[list[list[tuple[Any, ...]]], dict[tuple[str, int], int]]:
        for dag in blok:
            c = r.choices(commissies, gewicht)[0]
            verslag.per_commissie[c.code] = verslag.per_commissie.get(c.code, 0) + 1
            bouwer.zaak(vandaag_ - timedelta(days=dag), c)
        totalen.tel(bouwer.rijen)
        bouwer.rijen[AGENDA] = agendaregels(bouwer.rijen)
        uit = [w.tupels(bouwer.rijen[w.tabel.name]) for w in schrijvers]
        for rijen in bouwer.rijen.values():
            rijen.clear()
        return uit, dict(tellers)

    async def schrijf(blok: list[list[tuple[Any, ...]]], stand: dict[Any, int], n: int) -> None:
        async with omgeving.engine.begin() as conn:
            if conn.dialect.name == "sqlite":
                # The default 2 MB page cache thrashes on indexes of a million rows.
                await conn.exec_driver_sql("PRAGMA cache_size=-262144")
            for w, tupels in zip(schrijvers, blok, strict=True):
                await w.schrijf(conn, tupels)
            await _bewaar_tellers(conn, stand)
        if voortgang:
            voortgang(n)

    # A block is built in a thread while the one before is written: the database works
    # (in its own process, or in C without the GIL) while Python builds.
    bezig: asyncio.Task[None] | None = None
    for start in range(0, aantal, BATCH):
        blok = dagen[start : start + BATCH]
        tupels, stand = await asyncio.to_thread(bouw, blok)
        if bezig is not None:
            await bezig
        bezig = asyncio.create_task(schrijf(tupels, stand, len(blok)))
    if bezig is not None:
        await bezig
    await _afronden(omgeving, totalen)
    return verslag


def agendaregels(rijen: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """The agenda lines of a block's cases: each hearing for each active seat on its case,
    as zittingen/agendaregels.py keeps them."""
    zetels: dict[int, list[int]] = {}
    for z in rijen["panelzetel"]:
        if z["actief"]:
            zetels.setdefault(z["zaak_id"], []).append(z["lid_id"])
    return [
        {"lid_id": lid_id, "zitting_id": zi["id"], "zaak_id": zi["zaak_id"], "begin": zi["begin"]}
        for zi in rijen["zitting"]
        for lid_id in zetels.get(zi["zaak_id"], ())
    ]


@dataclass
class Totalen:
    """The load overview's running totals of the generated rows, counted block by block with
    the same `tel` the recount uses (a recount of a million cases reads every seat)."""

    per_lid: Counter[tuple[int, date]] = field(default_factory=Counter)
    voorzitter: Counter[tuple[int, date]] = field(default_factory=Counter)
    zittingen: Counter[tuple[int, date]] = field(default_factory=Counter)
    per_dag: Counter[tuple[str, str, date]] = field(default_factory=Counter)

    def tel(self, rijen: dict[str, list[dict[str, Any]]]) -> None:
        zaken = {z["id"]: z for z in rijen["zaak"]}
        zetels = [
            (
                x["lid_id"],
                x["rol"],
                x["actief"],
                x["aangewezen_op"],
                zaken[x["zaak_id"]]["zitting_op"],
            )
            for x in rijen["panelzetel"]
        ]
        per_lid, per_dag = tel(
            zetels,
            [(z["commissie_code"], z["korps_code"], z["ontvangen_op"]) for z in zaken.values()],
        )
        for k, (n, v, zt) in per_lid.items():
            self.per_lid[k] += n
            self.voorzitter[k] += v
            self.zittingen[k] += zt
        self.per_dag.update(per_dag)

    async def bewaar(self, conn: AsyncConnection) -> None:
        """Add the generated totals to those already there (the demo's own cases)."""
        for rij in await conn.execute(select(Lastdag.__table__)):
            k = (rij.lid_id, rij.dag)
            self.per_lid[k] += rij.zetels
            self.voorzitter[k] += rij.voorzitter
            self.zittingen[k] += rij.zittingen
        for rij in await conn.execute(select(Zakendag.__table__)):
            self.per_dag[(rij.commissie_code, rij.korps_code, rij.dag)] += rij.zaken
        await conn.execute(delete(Lastdag.__table__))
        await conn.execute(delete(Zakendag.__table__))
        lastdag = [
            {"lid_id": k[0], "dag": k[1], "zetels": n, "voorzitter": self.voorzitter[k],
             "zittingen": self.zittingen[k]}
            for k, n in self.per_lid.items()
        ]  # fmt: skip
        zakendag = [
            {"commissie_code": c, "korps_code": k, "dag": d, "zaken": n}
            for (c, k, d), n in self.per_dag.items()
        ]
        for tabel, rijen in ((Lastdag.__table__, lastdag), (Zakendag.__table__, zakendag)):
            w = Schrijver(conn.dialect, tabel)  # type: ignore[arg-type]
            await w.schrijf(conn, w.tupels(rijen))


async def _afronden(omgeving: Omgeving, totalen: Totalen) -> None:
    async with omgeving.engine.begin() as conn:
        await totalen.bewaar(conn)
        if conn.dialect.name == "postgresql":
            # Ids were assigned here: move the sequences past them.
            for tabel in MET_ID:
                await conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {tabel}))"
                    )
                )
    await statistieken(omgeving.engine)


async def _bewaar_tellers(conn: AsyncConnection, tellers: dict[tuple[str, int], int]) -> None:
    tabel = ZaakTeller.__table__
    rijen = await conn.execute(select(tabel.c.commissie_code, tabel.c.jaar))
    bestaand = {(c, j) for c, j in rijen}
    for (code, jaar), laatste in tellers.items():
        if (code, jaar) in bestaand:
            await conn.execute(
                update(tabel)
                .where(tabel.c.commissie_code == code, tabel.c.jaar == jaar)
                .values(laatste=laatste)
            )
        else:
            await conn.execute(
                insert(tabel).values(commissie_code=code, jaar=jaar, laatste=laatste)
            )
