"""Load benchmark: p50/p95/p99 per endpoint beside its floors, 1 and 16 clients.

    make bench                       # SQLite, 10,000 cases
    BENCH_ZAKEN=10000,100000 BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/x_bench_test \\
        make bench

Per database and size: a fresh database filled by `commissie demo --zaken N`'s generator, the
server started as `commissie serve --workers W` (BENCH_WORKERS, default 2), then per endpoint
BENCH_AANTAL sequential requests (one client) and 16 concurrent clients. Floors from the same
run: `/health` (HTTP + one trivial query) and the endpoint's main query as hand-written SQL
through the driver. Endpoints: lists, detail (also of a long-history accused), deadlines, load
overview, registration, a member's agenda feed and a panel assignment. Prints a table; writes
bench/resultaten/<db>-<N>.json, with each worker's peak memory. BENCH_BEWAAR=<dir> keeps the
filled databases there and uses them again on the next run of the same size (a million cases
take minutes to fill; the open deadlines of earlier runs' registrations are closed first). Not part of `make test`. The 50-client mixed run with its
consistency checks is bench/gelijktijdig.py."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import func, make_url, select, text, update

from commissie.accounts import service as accounts
from commissie.accounts.rollen import Rol
from commissie.cli.massa import VETERANEN, vul
from commissie.config import PROJECT_ROOT, Settings, normaliseer_database_url
from commissie.db import PG_SESSIE
from commissie.migraties import upgrade
from commissie.panel.models import Panelzetel
from commissie.procedure.opstart import bouw_omgeving
from commissie.zaken.models import Partij, Termijn, Zaak
from commissie.zittingen.models import Agendaregel, Zitting

UIT = Path(__file__).resolve().parent / "resultaten"
AANTAL = int(os.environ.get("BENCH_AANTAL", "200"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
GELIJKTIJDIG = 16
# Keep each filled database here and use it again on the next run of the same size.
BEWAAR = Path(os.environ["BENCH_BEWAAR"]).resolve() if os.environ.get("BENCH_BEWAAR") else None


def _pct(waarden: list[float], p: float) -> float:
    s = sorted(waarden)
    return s[min(len(s) - 1, round(p / 100 * (len(s) - 1)))]


def _samenvatting(ms: list[float]) -> dict[str, float]:
    return {
        "p50": round(statistics.median(ms), 2),
        "p95": round(_pct(ms, 95), 2),
        "p99": round(_pct(ms, 99), 2),
    }


async def _voorbereid(url: str, data: Path, aantal: int) -> dict[str, Any]:
    """Fill the database; accounts with tokens; the numbers the requests will use."""
    settings = Settings(
        data_dir=data,
        database_url=url,
        regios_dir=PROJECT_ROOT / "regios",
        templates_dir=PROJECT_ROOT / "templates",
    )
    o = bouw_omgeving(settings)
    try:
        vullen_s = await _vul(o, url, aantal)
        nu = datetime.now(UTC)
        # Names of this run: a kept database may hold the accounts of an earlier one.
        naam = f"bench-{int(nu.timestamp())}"
        async with o.sessionmaker() as s:
            await accounts.maak_gebruiker(
                session=s, gebruikersnaam=naam, wachtwoord_hash="x", rol=Rol.SECRETARIS,
                commissie="NN", korps=None, lid_id=None, nu=nu,
            )  # fmt: skip
            token = await accounts.maak_token(session=s, gebruikersnaam=naam, nu=nu)
            recent = await s.scalar(
                select(Zaak.nummer).where(Zaak.commissie_code == "NN").order_by(Zaak.id.desc())
            )
            veteraan = await s.scalar(
                select(Zaak.nummer)
                .join(Partij, Partij.zaak_id == Zaak.id)
                .where(Zaak.commissie_code == "NN", Partij.naam == VETERANEN[0])
                .order_by(Zaak.id.desc())
                .limit(1)
            )
            lid_id, lid_token = await _lid_met_zittingen(s, nu, naam)
            await s.commit()
        return {
            "token": token,
            "recent": recent,
            "veteraan": veteraan,
            "vullen_s": vullen_s,
            "lid_id": lid_id,
            "lid_token": lid_token,
        }
    finally:
        await o.engine.dispose()


async def _vul(o: Any, url: str, aantal: int) -> float | None:
    """A fresh database with `aantal` generated cases; with BENCH_BEWAAR the one of an earlier
    run of the same size is used again (filling a million cases takes minutes)."""
    if BEWAAR and await _gevuld(o) == aantal:
        await upgrade(o.engine)
        # Earlier runs registered thousands of cases today: their deadlines, all on one day,
        # would fill the deadline page that the generated cases fill in a real committee.
        async with o.engine.begin() as conn:
            await conn.execute(
                update(Termijn)
                .where(
                    Termijn.status == "open",
                    Termijn.zaak_id.in_(select(Zaak.id).where(Zaak.omschrijving == "Bench")),
                )
                .values(status="vervallen")
            )
        return None
    if url.startswith("postgresql"):
        async with o.engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
    await upgrade(o.engine)
    begin = time.perf_counter()
    await vul(omgeving=o, aantal=aantal)
    return time.perf_counter() - begin


async def _gevuld(o: Any) -> int:
    try:
        async with o.sessionmaker() as s:
            return int(
                await s.scalar(
                    select(func.count(Zaak.id)).where(Zaak.omschrijving.startswith("Fictieve"))
                )
                or 0
            )
    except Exception:  # no tables yet
        return -1


async def _lid_met_zittingen(s: Any, nu: datetime, naam: str) -> tuple[int, str]:
    """The NN member with the most seats, a `lid` account for it, and coming hearings in its
    feed: the generated hearings lie in the past, so twenty are planned here in the coming
    weeks on cases where the member holds an active seat (once per kept database)."""
    lid_id = await s.scalar(
        select(Panelzetel.lid_id)
        .join(Zaak, Zaak.id == Panelzetel.zaak_id)
        .where(Zaak.commissie_code == "NN", Panelzetel.actief)
        .group_by(Panelzetel.lid_id)
        .order_by(func.count().desc(), Panelzetel.lid_id)
        .limit(1)
    )
    # A kept database already has the coming hearings of an earlier run: top up to twenty,
    # or every run would make the feed longer.
    komend = await s.scalar(
        select(func.count()).where(Agendaregel.lid_id == lid_id, Agendaregel.begin > nu)
    )
    zaak_ids = (
        await s.scalars(
            select(Panelzetel.zaak_id)
            .where(Panelzetel.lid_id == lid_id, Panelzetel.actief)
            .order_by(Panelzetel.zaak_id.desc())
            .limit(max(0, 20 - komend))
        )
    ).all()
    for i, zaak_id in enumerate(zaak_ids):
        begin = nu.replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=7 + i)
        s.add(
            Zitting(
                zaak_id=zaak_id, uid=f"{naam}-{zaak_id}@commissie", begin=begin,
                einde=begin + timedelta(hours=2), locatie="Zaal 1", locatie_adres="Bench 1",
                partijen=["klager"], aangemaakt_op=nu,
            )
        )  # fmt: skip
    await accounts.maak_gebruiker(
        session=s, gebruikersnaam=f"{naam}-lid", wachtwoord_hash="x", rol=Rol.LID,
        commissie="NN", korps=None, lid_id=lid_id, nu=nu,
    )  # fmt: skip
    await s.flush()
    return int(lid_id), await accounts.maak_token(session=s, gebruikersnaam=f"{naam}-lid", nu=nu)


def _geheugen(pid: int) -> dict[str, float]:
    """Peak resident memory (VmHWM) of each worker process of the server, in MB."""
    uit: dict[str, float] = {}
    kinderen = Path(f"/proc/{pid}/task/{pid}/children")
    for kind in kinderen.read_text().split() if kinderen.exists() else []:
        status = Path(f"/proc/{kind}/status")
        if not status.exists():
            continue
        for regel in status.read_text().splitlines():
            if regel.startswith("VmHWM:"):
                uit[kind] = round(int(regel.split()[1]) / 1024, 1)
    return uit


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(url: str, data: Path, poort: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "COMMISSIE_DATA_DIR": str(data), "COMMISSIE_DATABASE_URL": url}
    cmd = [sys.executable, "-m", "commissie", "serve", "--port", str(poort)]
    proc = subprocess.Popen([*cmd, "--workers", str(WORKERS)], env=env)
    for _ in range(600):
        try:
            if httpx.get(f"http://127.0.0.1:{poort}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("server niet gestart")


def _registratie(i: int) -> dict[str, Any]:
    return {
        "commissie": "NN",
        "ontvangen_op": datetime.now(UTC).date().isoformat(),
        "klager": {"naam": f"K. Bench{i}", "korps": "GR"},
        "beklaagden": [{"naam": f"B. Bench{i}", "korps": "GR"}],
        "categorieen": ["verbale_agressie"],
        "omschrijving": "Bench",
        "gedraging_op": "2026-01-05",
    }


async def _meet(
    client: httpx.AsyncClient, verzoek: Callable[[int], Awaitable[httpx.Response]]
) -> dict[str, Any]:
    for i in range(10):  # warm up
        (await verzoek(i)).raise_for_status()
    ms: list[float] = []
    for i in range(AANTAL):
        t = time.perf_counter()
        r = await verzoek(i)
        ms.append((time.perf_counter() - t) * 1000)
        r.raise_for_status()
    uit: dict[str, Any] = {"1": _samenvatting(ms)}
    # 16 clients, each AANTAL/4 requests: throughput and latency under contention.
    samen: list[float] = []
    fouten = 0

    async def klant(k: int) -> None:
        nonlocal fouten
        for i in range(max(10, AANTAL // 4)):
            t = time.perf_counter()
            try:
                r = await verzoek(10_000 * (k + 1) + i)
                fouten += r.status_code >= 400
            except httpx.HTTPError:  # a timeout counts as an error, the run goes on
                fouten += 1
            samen.append((time.perf_counter() - t) * 1000)

    t = time.perf_counter()
    await asyncio.gather(*(klant(k) for k in range(GELIJKTIJDIG)))
    duur = time.perf_counter() - t
    uit["16"] = {**_samenvatting(samen), "per_s": round(len(samen) / duur, 1), "fouten": fouten}
    return uit


def _sql_vloer(url: str, nummer: str, lid_id: int) -> dict[str, float]:
    """The main query of each endpoint as hand-written SQL through the driver (for the panel
    assignment: reading the case's seats; the write has no hand-written equivalent)."""
    vragen: dict[str, str | list[str]] = {
        "lijst": "SELECT id, nummer, commissie_code, status, ontvangen_op, korps_code FROM zaak "
        "WHERE commissie_code = 'NN' ORDER BY id DESC LIMIT 51",
        # The same rows the page shows: the case and each of its collections.
        "detail": [f"SELECT * FROM zaak WHERE nummer = '{nummer}'"]
        + [
            f"SELECT * FROM {t} WHERE zaak_id = (SELECT id FROM zaak WHERE nummer = '{nummer}')"
            for t in (
                "partij",
                "zaak_categorie",
                "gedraging",
                "termijn",
                "verdaging",
                "gebeurtenis",
                "panelzetel",
                "wederhoor",
                "zitting",
            )
        ],
        # The page of 500 and one more, each row with what the list shows of its case.
        "termijnen": "SELECT t.soort, t.einddatum, t.grondslag, t.waarschuwing, z.nummer, "
        "z.commissie_code, z.korps_code, z.status, v.waarschuwing, (SELECT count(*) FROM "
        "panelzetel p WHERE p.zaak_id = z.id AND p.actief) FROM termijn t JOIN zaak z ON "
        "z.id = t.zaak_id LEFT JOIN voorzittersvacature v ON v.zaak_id = z.id "
        "WHERE t.status = 'open' AND t.commissie_code = 'NN' "
        "ORDER BY t.einddatum, z.nummer LIMIT 501",
        "belasting": "SELECT lid_id, sum(zetels), sum(voorzitter), sum(zittingen) FROM lastdag "
        "WHERE lid_id IN (SELECT id FROM lid WHERE commissie_code = 'NN') "
        "AND dag >= '2025-01-01' GROUP BY lid_id",
        "agenda": "SELECT zi.*, z.nummer FROM agendaregel a JOIN zitting zi ON zi.id = "
        f"a.zitting_id JOIN zaak z ON z.id = a.zaak_id WHERE a.lid_id = {lid_id} AND a.begin "
        f">= '{(datetime.now(UTC) - timedelta(days=91)).strftime('%Y-%m-%d')}' "
        "ORDER BY a.begin, zi.id",
        "panel": "SELECT p.* FROM panelzetel p JOIN zaak z ON z.id = p.zaak_id "
        f"WHERE z.nummer = '{nummer}'",
    }
    uit: dict[str, float] = {}
    if url.startswith("sqlite"):
        pad = make_url(url).database or ""
        conn = sqlite3.connect(pad)
        for naam, sql in vragen.items():
            ms = []
            for _ in range(AANTAL):
                t = time.perf_counter()
                for q in [sql] if isinstance(sql, str) else sql:
                    conn.execute(q).fetchall()
                ms.append((time.perf_counter() - t) * 1000)
            uit[naam] = round(statistics.median(ms), 3)
        conn.close()
        return uit
    import asyncpg

    async def pg() -> None:
        # The app's session settings (no JIT, no parallel workers): the same plans it gets.
        conn = await asyncpg.connect(
            url.replace("postgresql+asyncpg", "postgresql"), server_settings=PG_SESSIE
        )
        for naam, sql in vragen.items():
            ms = []
            for _ in range(AANTAL):
                t = time.perf_counter()
                for q in [sql] if isinstance(sql, str) else sql:
                    await conn.fetch(q)
                ms.append((time.perf_counter() - t) * 1000)
            uit[naam] = round(statistics.median(ms), 3)
        await conn.close()

    asyncio.run(pg())
    return uit


async def _alle(poort: int, prep: dict[str, Any]) -> dict[str, Any]:
    kop = {"Authorization": f"Bearer {prep['token']}"}
    basis = f"http://127.0.0.1:{poort}"
    limits = httpx.Limits(max_connections=GELIJKTIJDIG)
    async with (
        httpx.AsyncClient(base_url=basis, headers=kop, limits=limits, timeout=60) as c,
        httpx.AsyncClient(base_url=basis, limits=limits, timeout=60) as anoniem,
    ):
        eerste = (await c.get("/api/zaken")).json()
        lid = {"Authorization": f"Bearer {prep['lid_token']}"}
        feed = httpx.URL((await c.get("/api/agenda", headers=lid)).raise_for_status().json()["url"])
        if "BEGIN:VEVENT" not in (await anoniem.get(feed.path)).raise_for_status().text:
            raise RuntimeError("de agenda van het benchlid heeft geen zittingen")
        opnieuw = {"opnieuw": True, "reden": "Bench: opnieuw samenstellen"}
        # The panel is composed anew once for each case the registration phase made, as a
        # secretary does: re-composing one case a thousand times would measure a history of
        # three thousand seats that no case has. (A generated case may be closed.)
        geregistreerd: list[str] = []
        volgende = itertools.count()

        async def registreer(i: int) -> httpx.Response:
            r = await c.post("/api/zaken", json=_registratie(i))
            if r.status_code == 201:
                geregistreerd.append(r.json()["nummer"])
            return r

        def panelzaak() -> str:
            return geregistreerd[next(volgende)]

        verzoeken: dict[str, Callable[[int], Awaitable[httpx.Response]]] = {
            "health": lambda i: c.get("/health"),
            "lijst": lambda i: c.get("/api/zaken"),
            "lijst_status": lambda i: c.get("/api/zaken", params={"status": "afgesloten"}),
            "lijst_pagina2": lambda i: c.get("/api/zaken", params={"na": eerste["volgende"]}),
            "detail": lambda i: c.get(f"/api/zaken/{prep['recent']}"),
            "termijnen": lambda i: c.get("/api/termijnen"),
            "belasting": lambda i: c.get("/api/belasting"),
            "registratie": registreer,
            # The feed needs no login: its URL is the key.
            "agenda": lambda i: anoniem.get(feed.path),
            "panel": lambda i: c.post(f"/api/zaken/{panelzaak()}/panel", json=opnieuw),
        }
        if prep["veteraan"]:
            verzoeken["detail_veteraan"] = lambda i: c.get(f"/api/zaken/{prep['veteraan']}")
        # How many rows the deadline page and the agenda feed hold (they grow with the size;
        # counted before the registrations add deadlines).
        termijnen = len((await c.get("/api/termijnen")).raise_for_status().json())
        uit = {naam: await _meet(c, v) for naam, v in verzoeken.items()}
        uit["termijnen"]["rijen"] = termijnen
        uit["agenda"]["rijen"] = (await anoniem.get(feed.path)).text.count("BEGIN:VEVENT")
        return uit


def draai(db: str, url: str, aantal: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        data = Path(tmp)
        if BEWAAR:
            data = BEWAAR / f"{db}-{aantal}"
            data.mkdir(parents=True, exist_ok=True)
        if db == "sqlite":
            url = f"sqlite+aiosqlite:///{data / 'bench.db'}"
        prep = asyncio.run(_voorbereid(url, data, aantal))
        poort = _vrije_poort()
        proc = _start(url, data, poort)
        try:
            metingen = asyncio.run(_alle(poort, prep))
            geheugen = _geheugen(proc.pid)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        vloer = _sql_vloer(url, prep["recent"], prep["lid_id"])
    http = metingen["health"]["1"]["p50"]
    for naam, m in metingen.items():
        sql = vloer.get(naam.split("_")[0], 0.0) if naam != "health" else 0.0
        m["vloer_ms"] = round(http + sql, 2)
        m["verhouding"] = round(m["1"]["p50"] / m["vloer_ms"], 1) if m["vloer_ms"] else None
    return {
        "database": db,
        "zaken": aantal,
        "workers": WORKERS,
        "vullen_s": None if prep["vullen_s"] is None else round(prep["vullen_s"], 1),
        "sql_vloer_ms": vloer,
        "geheugen_mb": geheugen,
        "metingen": metingen,
    }


def tabel(r: dict[str, Any]) -> str:
    regels = [
        f"{r['database']}, {r['zaken']} zaken, {r['workers']} workers "
        f"(gevuld in {r['vullen_s']} s; piekgeheugen per worker "
        f"{', '.join(f'{v} MB' for v in r['geheugen_mb'].values())}); ms",
        f"{'endpoint':<16}{'p50':>8}{'p95':>8}{'p99':>8}{'vloer':>8}{'x':>6}"
        f"{'16:p50':>9}{'16:p95':>9}{'16:req/s':>10}{'fout':>6}",
    ]
    for naam, m in r["metingen"].items():
        een, zes = m["1"], m["16"]
        regels.append(
            f"{naam:<16}{een['p50']:>8}{een['p95']:>8}{een['p99']:>8}{m['vloer_ms']:>8}"
            f"{m['verhouding'] or '':>6}{zes['p50']:>9}{zes['p95']:>9}{zes['per_s']:>10}"
            f"{zes['fouten']:>6}"
        )
    m = r["metingen"]
    regels.append(
        f"termijnen: {m['termijnen'].get('rijen')} rijen; agenda: {m['agenda'].get('rijen')} "
        "zittingen"
    )
    return "\n".join(regels)


def main() -> None:
    groottes = [int(x) for x in os.environ.get("BENCH_ZAKEN", "10000").split(",")]
    pg = os.environ.get("BENCH_PG_URL")
    databases = [("sqlite", "")]
    if pg:
        url = normaliseer_database_url(pg)
        if not (make_url(url).database or "").endswith("_test"):
            raise SystemExit(
                "BENCH_PG_URL: de database wordt gewist; de naam moet op _test eindigen."
            )
        databases.append(("postgres", url))
    if os.environ.get("BENCH_DB"):  # only these, e.g. BENCH_DB=postgres
        databases = [d for d in databases if d[0] in os.environ["BENCH_DB"].split(",")]
    UIT.mkdir(exist_ok=True)
    for aantal in groottes:
        for db, url in databases:
            r = draai(db, url, aantal)
            print(tabel(r), flush=True)
            (UIT / f"{db}-{aantal}.json").write_text(json.dumps(r, indent=2))


if __name__ == "__main__":
    main()
