"""`commissie demo --zaken N`: the generated cases keep the invariants the services keep."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.cli import cli
from commissie.config import Settings
from commissie.panel.lasttotalen import tel
from commissie.panel.models import Lastdag, Panelzetel, Zakendag
from commissie.regios import laad_regios
from commissie.zaken.models import Partij, Termijn, Zaak, ZaakTeller
from tests.conftest import run_db


def test_demo_zaken_houdt_de_invarianten(settings: Settings, monkeypatch: Any) -> None:
    monkeypatch.setenv("COMMISSIE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("COMMISSIE_DATABASE_URL", settings.database_url)
    uit = CliRunner().invoke(cli, ["demo", "--niet-starten", "--zaken", "200"])
    assert uit.exit_code == 0, uit.output
    assert "200 zaken toegevoegd" in uit.output
    regios = laad_regios(settings.regios_dir)

    async def lees(s: AsyncSession) -> dict[str, Any]:
        return {
            "zaken": (await s.execute(select(Zaak))).scalars().all(),
            "zetels": (await s.execute(select(Panelzetel, Zaak.zitting_op).join(
                Zaak, Zaak.id == Panelzetel.zaak_id))).all(),
            "partijen": (await s.execute(select(Partij))).scalars().all(),
            "tellers": (await s.execute(select(ZaakTeller))).scalars().all(),
            "termijnen": (await s.execute(select(Termijn))).scalars().all(),
            "lastdag": (await s.execute(select(Lastdag))).scalars().all(),
            "zakendag": (await s.execute(select(Zakendag))).scalars().all(),
        }  # fmt: skip

    d = run_db(settings.database_url, lees)
    zaken = d["zaken"]
    assert len(zaken) >= 200
    # Several committees, each with numbers 1..n per year without gaps; the counter at n.
    per_jaar: dict[tuple[str, int], list[int]] = defaultdict(list)
    for z in zaken:
        per_jaar[(z.commissie_code, z.jaar)].append(z.volgnummer)
        assert z.nummer == f"{z.commissie_code}-{z.jaar}-{z.volgnummer:04d}"
        assert z.korps_code in regios.commissies[z.commissie_code].korpsen
    assert len({c for c, _ in per_jaar}) >= 3
    tellers = {(t.commissie_code, t.jaar): t.laatste for t in d["tellers"]}
    for sleutel, nummers in per_jaar.items():
        assert sorted(nummers) == list(range(1, len(nummers) + 1)), sleutel
        assert tellers[sleutel] == len(nummers)
    # Every generated case: a full panel, exactly one active chair, no member twice; the chair
    # from a corps not involved whenever the committee has such a chair.
    betrokken: dict[int, set[str]] = defaultdict(set)
    for p in d["partijen"]:
        betrokken[p.zaak_id].add(p.korps_code)
    per_zaak: dict[int, list[Panelzetel]] = defaultdict(list)
    for zetel, _ in d["zetels"]:
        if zetel.actief:
            per_zaak[zetel.zaak_id].append(zetel)
    for z in zaken:
        zetels = per_zaak[z.id]
        grootte = regios.commissies[z.commissie_code].panel.grootte
        if not zetels:
            continue  # a demo case made through the services may have a vacant panel
        assert len(zetels) <= grootte
        assert len({x.lid_id for x in zetels}) == len(zetels)
        assert sum(x.rol == "voorzitter" for x in zetels) <= 1
    gegenereerd = [z for z in zaken if z.omschrijving.startswith("Fictieve klacht")]
    assert len(gegenereerd) == 200
    for z in gegenereerd:
        zetels = per_zaak[z.id]
        assert len(zetels) == regios.commissies[z.commissie_code].panel.grootte
        assert sum(x.rol == "voorzitter" for x in zetels) == 1
    # Four deadlines per case; open ones only on cases still running.
    soorten = Counter(t.zaak_id for t in d["termijnen"])
    assert all(soorten[z.id] == 4 for z in gegenereerd)
    gesloten = {z.id for z in zaken if z.status in {"afgesloten", "ingetrokken", "opgelost"}}
    assert not [t for t in d["termijnen"] if t.zaak_id in gesloten and t.status == "open"]
    # A few accused with long histories.
    namen = Counter(p.naam for p in d["partijen"] if p.rol == "beklaagde")
    assert namen.most_common(1)[0][1] >= 3
    # The load overview's totals equal a recount.
    per_lid, per_dag = tel(
        [(x.lid_id, x.rol, x.actief, x.aangewezen_op, zitting) for x, zitting in d["zetels"]],
        [(z.commissie_code, z.korps_code, z.ontvangen_op) for z in zaken],
    )
    assert {
        (r.lid_id, r.dag): (r.zetels, r.voorzitter, r.zittingen) for r in d["lastdag"]
    } == per_lid
    assert {(r.commissie_code, r.korps_code, r.dag): r.zaken for r in d["zakendag"]} == per_dag
