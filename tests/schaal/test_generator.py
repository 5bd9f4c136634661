"""`commissie demo --zaken N`: the generated cases keep the invariants the services keep."""

from __future__ import annotations

import hashlib
import io
from collections import Counter, defaultdict
from typing import Any

import docx
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.adviezen.models import Adviesversie, Besluit, Document, Evaluatie
from commissie.cli import cli
from commissie.config import Settings
from commissie.panel.lasttotalen import tel
from commissie.panel.models import Lastdag, Panelzetel, Zakendag
from commissie.regios import laad_regios
from commissie.tijd import vandaag
from commissie.zaken.models import Partij, Termijn, Zaak, ZaakTeller
from commissie.zittingen.models import Agendaregel, Wederhoor, Zitting, Zittingwijziging
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
            "zittingen": (await s.execute(select(Zitting))).scalars().all(),
            "agenda": (await s.execute(select(Agendaregel))).scalars().all(),
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
    # Each deadline carries its case's committee (the deadline list's index).
    commissie = {z.id: z.commissie_code for z in zaken}
    assert [t.id for t in d["termijnen"] if t.commissie_code != commissie[t.zaak_id]] == []
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
    # The agenda lines: every hearing once for each active seat on its case, and nothing else.
    verwacht = {
        (lid, zi.id, zi.zaak_id, zi.begin)
        for zi in d["zittingen"]
        for lid in (x.lid_id for x in per_zaak[zi.zaak_id])
    }
    assert len(verwacht) > 100
    assert {(a.lid_id, a.zitting_id, a.zaak_id, a.begin) for a in d["agenda"]} == verwacht


def test_demo_zaken_met_zittingen_adviezen_en_besluiten(
    settings: Settings, monkeypatch: Any
) -> None:
    """Each generated case carries what its status implies, as the services would have left
    it: a hearing from `zitting` on (the case's hearing date its date), a fixed advice with a
    document per accused corps that downloads, a decision per accused corps, an evaluation
    before closing after a decision."""
    monkeypatch.setenv("COMMISSIE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("COMMISSIE_DATABASE_URL", settings.database_url)
    uit = CliRunner().invoke(cli, ["demo", "--niet-starten", "--zaken", "400"])
    assert uit.exit_code == 0, uit.output

    async def lees(s: AsyncSession) -> dict[str, Any]:
        uit: dict[str, Any] = {}
        for naam, model in (
            ("zaken", Zaak), ("partijen", Partij), ("zittingen", Zitting),
            ("wijzigingen", Zittingwijziging), ("wederhoor", Wederhoor),
            ("versies", Adviesversie), ("documenten", Document), ("besluiten", Besluit),
            ("evaluaties", Evaluatie),
        ):  # fmt: skip
            uit[naam] = (await s.execute(select(model))).scalars().all()
        return uit

    d = run_db(settings.database_url, lees)
    zaken = [z for z in d["zaken"] if z.omschrijving.startswith("Fictieve klacht")]
    assert len(zaken) == 400
    per_zaak: dict[str, dict[int, list[Any]]] = {
        k: defaultdict(list) for k in ("zittingen", "versies", "documenten", "besluiten")
    }
    for k, lijst in per_zaak.items():
        for rij in d[k]:
            lijst[rij.zaak_id].append(rij)
    beklaagden: dict[int, set[str]] = defaultdict(set)
    for p in d["partijen"]:
        if p.rol == "beklaagde":
            beklaagden[p.zaak_id].add(p.korps_code)
    wederhoor = {w.zaak_id for w in d["wederhoor"]}
    evaluaties = {e.zaak_id for e in d["evaluaties"]}
    gezien: Counter[str] = Counter()
    na_zitting = {"zitting", "advies_uitgebracht", "besluit_genomen"}
    for z in zaken:
        zittingen = per_zaak["zittingen"][z.id]
        besluiten = per_zaak["besluiten"][z.id]
        if z.status in na_zitting or (z.status == "afgesloten" and besluiten):
            gezien["zitting"] += 1
            assert len(zittingen) == 1, z.nummer
            assert z.id in wederhoor
            assert vandaag(zittingen[0].begin) == z.zitting_op
            assert zittingen[0].begin.isoweekday() <= 5
        else:
            assert not zittingen and z.zitting_op is None, z.nummer
        if z.status in {"advies_uitgebracht", "besluit_genomen"} or besluiten:
            gezien["advies"] += 1
            (versie,) = per_zaak["versies"][z.id]
            assert versie.vastgesteld_op is not None
            docs = per_zaak["documenten"][z.id]
            assert {doc.korps_code for doc in docs} == beklaagden[z.id]
            assert all(doc.aan == f"korps:{doc.korps_code}" for doc in docs)
            assert all(doc.adviesversie_id == versie.id for doc in docs)
        else:
            assert not per_zaak["versies"][z.id] and not per_zaak["documenten"][z.id]
        if z.status == "besluit_genomen" or (z.status == "afgesloten" and besluiten):
            gezien["besluit"] += 1
            assert {b.korps_code for b in besluiten} == beklaagden[z.id]
        if z.status == "afgesloten" and besluiten:
            gezien["evaluatie"] += 1
            assert z.id in evaluaties
    assert min(gezien.values()) >= 5, gezien
    assert len(gezien) == 4
    # The stored document behind the rows is a real Word file with the recorded hash.
    doc = next(x for lijst in per_zaak["documenten"].values() for x in lijst
               if x.zaak_id in {z.id for z in zaken})  # fmt: skip
    inhoud = (settings.data_dir / "documenten" / doc.sleutel).read_bytes()
    assert hashlib.sha256(inhoud).hexdigest() == doc.sha256
    assert len(inhoud) == doc.grootte
    assert docx.Document(io.BytesIO(inhoud)).paragraphs[0].text.startswith("Gegenereerd advies")
    # Hearings carry their first version in their history.
    assert {w.zitting_id for w in d["wijzigingen"]} == {x.id for x in d["zittingen"]}
