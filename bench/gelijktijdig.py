"""Concurrency run (issue 12, item 6): many clients reading and writing at once, then checks.

    BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/bench_test .venv/bin/python -m bench.gelijktijdig

A fresh PostgreSQL database (its name must end in `_test`; it is wiped) filled with BENCH_ZAKEN
cases (5000), `commissie serve --workers BENCH_WORKERS` (2), then BENCH_KLANTEN (50) clients for
BENCH_LAST_SECONDEN (60) seconds, each picking at random: the case list (30%), a case's detail
(30%), the deadline list (20%) or a registration (20%). Afterwards, in the database: case numbers
gap-free per committee and year, each counter equal to the highest number, one case per accepted
registration, and the running load totals and agenda lines equal to a recount. Prints a table; writes
bench/resultaten/gelijktijdig-postgres-<N>.json. Exits 1 on any error or inconsistency."""

from __future__ import annotations

import asyncio
import json
import os
import random
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, make_url, select
from sqlalchemy.ext.asyncio import create_async_engine

from bench.last import UIT, _registratie, _samenvatting, _start, _voorbereid, _vrije_poort
from commissie.config import normaliseer_database_url
from commissie.panel.lasttotalen import tel
from commissie.panel.models import Lastdag, Panelzetel, Zakendag
from commissie.zaken.models import Zaak, ZaakTeller
from commissie.zittingen.models import Agendaregel, Zitting

SECONDEN = float(os.environ.get("BENCH_LAST_SECONDEN", "60"))
KLANTEN = int(os.environ.get("BENCH_KLANTEN", "50"))
ZAKEN = int(os.environ.get("BENCH_ZAKEN", "5000"))
SOORTEN = {"lijst": 30, "detail": 30, "termijnen": 20, "registratie": 20}


async def _last(poort: int, token: str) -> dict[str, Any]:
    """KLANTEN clients until the time is up; every request's kind, duration and outcome."""
    basis = f"http://127.0.0.1:{poort}"
    kop = {"Authorization": f"Bearer {token}"}
    limits = httpx.Limits(max_connections=KLANTEN)
    metingen: list[tuple[str, float, int]] = []  # kind, ms, status (0: no response)
    fouten: list[str] = []
    async with httpx.AsyncClient(base_url=basis, headers=kop, limits=limits, timeout=30) as c:
        nummers = [
            z["nummer"] for z in (await c.get("/api/zaken")).raise_for_status().json()["zaken"]
        ]
        einde = time.perf_counter() + SECONDEN
        soorten, gewichten = list(SOORTEN), list(SOORTEN.values())

        async def klant(k: int) -> None:
            r = random.Random(k)
            i = 0
            while time.perf_counter() < einde:
                soort = r.choices(soorten, gewichten)[0]
                i += 1
                t = time.perf_counter()
                try:
                    if soort == "lijst":
                        antw = await c.get("/api/zaken")
                    elif soort == "detail":
                        antw = await c.get(f"/api/zaken/{r.choice(nummers)}")
                    elif soort == "termijnen":
                        antw = await c.get("/api/termijnen")
                    else:
                        antw = await c.post("/api/zaken", json=_registratie(100_000 * k + i))
                        if antw.status_code == 201:
                            nummers.append(antw.json()["nummer"])
                    status = antw.status_code
                    if status >= 400:
                        fouten.append(f"{soort}: {status} {antw.text[:200]}")
                except httpx.HTTPError as e:
                    status = 0
                    fouten.append(f"{soort}: {type(e).__name__}")
                metingen.append((soort, (time.perf_counter() - t) * 1000, status))

        begin = time.perf_counter()
        await asyncio.gather(*(klant(k) for k in range(KLANTEN)))
        duur = time.perf_counter() - begin
    per_soort: dict[str, Any] = {}
    for soort in [*SOORTEN, "alles"]:
        ms = [m for s, m, _ in metingen if soort in (s, "alles")]
        if not ms:
            continue
        n_fout = sum(1 for s, _, st in metingen if soort in (s, "alles") and not 200 <= st < 300)
        per_soort[soort] = {
            "verzoeken": len(ms),
            "fouten": n_fout,
            "per_s": round(len(ms) / duur, 1),
            **_samenvatting(ms),
        }
    geregistreerd = sum(1 for s, _, st in metingen if s == "registratie" and st == 201)
    return {
        "duur_s": round(duur, 1),
        "per_soort": per_soort,
        "geregistreerd": geregistreerd,
        "fouten_voorbeelden": fouten[:20],
    }


async def _controle(url: str, geregistreerd: int) -> dict[str, Any]:
    """The invariants the load must leave intact; each entry lists what is wrong (empty: ok)."""
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            groepen = (
                await conn.execute(
                    select(
                        Zaak.commissie_code,
                        Zaak.jaar,
                        func.count(),
                        func.count(func.distinct(Zaak.volgnummer)),
                        func.min(Zaak.volgnummer),
                        func.max(Zaak.volgnummer),
                    ).group_by(Zaak.commissie_code, Zaak.jaar)
                )
            ).all()
            tellers = {
                (c, j): laatste for c, j, laatste in (await conn.execute(select(ZaakTeller))).all()
            }
            bench_zaken = await conn.scalar(
                select(func.count()).select_from(Zaak).where(Zaak.omschrijving == "Bench")
            )
            zetels = (
                await conn.execute(
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
                await conn.execute(select(Zaak.commissie_code, Zaak.korps_code, Zaak.ontvangen_op))
            ).all()
            lastdag = (
                await conn.execute(
                    select(
                        Lastdag.lid_id,
                        Lastdag.dag,
                        Lastdag.zetels,
                        Lastdag.voorzitter,
                        Lastdag.zittingen,
                    )
                )
            ).all()
            zakendag = (
                await conn.execute(
                    select(
                        Zakendag.commissie_code, Zakendag.korps_code, Zakendag.dag, Zakendag.zaken
                    )
                )
            ).all()
            agenda = set(
                (
                    await conn.execute(
                        select(
                            Agendaregel.lid_id,
                            Agendaregel.zitting_id,
                            Agendaregel.zaak_id,
                            Agendaregel.begin,
                        )
                    )
                ).all()
            )
            agenda_herteld = set(
                (
                    await conn.execute(
                        select(Panelzetel.lid_id, Zitting.id, Zitting.zaak_id, Zitting.begin)
                        .join(Panelzetel, Panelzetel.zaak_id == Zitting.zaak_id)
                        .where(Panelzetel.actief)
                    )
                ).all()
            )
    finally:
        await engine.dispose()
    agenda_fout = [
        f"agendaregel {r}: {'opgeslagen, niet herteld' if r in agenda else 'ontbreekt'}"
        for r in sorted(agenda ^ agenda_herteld)
    ][:20]
    gaten = [
        f"{c}-{j}: {n} zaken, nummers {lo}..{hi}, {d} verschillend"
        for c, j, n, d, lo, hi in groepen
        if not (lo == 1 and hi == n == d)
    ]
    teller_fout = [
        f"{c}-{j}: teller {tellers.get((c, j))}, hoogste nummer {hi}"
        for c, j, _n, _d, _lo, hi in groepen
        if tellers.get((c, j)) != hi
    ]
    per_lid, per_dag = tel(zetels, zaken)  # type: ignore[arg-type]
    opgeslagen_lid = {(r[0], r[1]): (r[2], r[3], r[4]) for r in lastdag if any(r[2:])}
    opgeslagen_dag = {(r[0], r[1], r[2]): r[3] for r in zakendag if r[3]}
    last_fout = [
        f"lastdag {k}: opgeslagen {opgeslagen_lid.get(k)}, herteld {per_lid.get(k)}"
        for k in sorted(set(per_lid) | set(opgeslagen_lid))
        if per_lid.get(k) != opgeslagen_lid.get(k)
    ][:20]
    dag_fout = [
        f"zakendag {k}: opgeslagen {opgeslagen_dag.get(k)}, herteld {per_dag.get(k)}"
        for k in sorted(set(per_dag) | set(opgeslagen_dag))
        if per_dag.get(k) != opgeslagen_dag.get(k)
    ][:20]
    registraties = (
        []
        if bench_zaken == geregistreerd
        else [f"{geregistreerd} registraties aanvaard, {bench_zaken} zaken in de database"]
    )
    return {
        "nummers_zonder_gaten": gaten,
        "teller_gelijk_aan_hoogste": teller_fout,
        "een_zaak_per_registratie": registraties,
        "lastdag_gelijk_aan_hertelling": last_fout,
        "zakendag_gelijk_aan_hertelling": dag_fout,
        "agendaregels_gelijk_aan_hertelling": agenda_fout,
    }


def tabel(r: dict[str, Any]) -> str:
    regels = [
        f"postgres, {r['zaken']} zaken vooraf, {r['workers']} workers, {r['klanten']} clients, "
        f"{r['last']['duur_s']} s; ms",
        f"{'soort':<13}{'verzoeken':>10}{'fouten':>8}{'req/s':>8}{'p50':>8}{'p95':>8}{'p99':>8}",
    ]
    for soort, m in r["last"]["per_soort"].items():
        regels.append(
            f"{soort:<13}{m['verzoeken']:>10}{m['fouten']:>8}{m['per_s']:>8}{m['p50']:>8}"
            f"{m['p95']:>8}{m['p99']:>8}"
        )
    for naam, fout in r["controle"].items():
        regels.append(f"{naam}: {'in orde' if not fout else '; '.join(fout[:3])}")
    return "\n".join(regels)


def main() -> None:
    pg = os.environ.get("BENCH_PG_URL", "postgresql://postgres@127.0.0.1:5432/bench_test")
    url = normaliseer_database_url(pg)
    if not (make_url(url).database or "").endswith("_test"):
        raise SystemExit("BENCH_PG_URL: de database wordt gewist; de naam moet op _test eindigen.")
    from bench.last import WORKERS

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        data = Path(tmp)
        prep = asyncio.run(_voorbereid(url, data, ZAKEN))
        poort = _vrije_poort()
        proc = _start(url, data, poort)
        try:
            last = asyncio.run(_last(poort, prep["token"]))
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    controle = asyncio.run(_controle(url, last["geregistreerd"]))
    r = {
        "database": "postgres",
        "zaken": ZAKEN,
        "workers": WORKERS,
        "klanten": KLANTEN,
        "seconden": SECONDEN,
        "vullen_s": round(prep["vullen_s"], 1),
        "last": last,
        "controle": controle,
    }
    print(tabel(r), flush=True)
    UIT.mkdir(exist_ok=True)
    (UIT / f"gelijktijdig-postgres-{ZAKEN}.json").write_text(json.dumps(r, indent=2))
    fout = last["per_soort"]["alles"]["fouten"] or any(controle.values())
    raise SystemExit(1 if fout else 0)


if __name__ == "__main__":
    main()
