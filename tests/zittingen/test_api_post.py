"""GET /api/post for the secretariat, and the parties' optional e-mail addresses."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from litestar.testing import TestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Rol
from commissie.panel.models import Panelzetel
from commissie.zaken.models import Partij, Zaak
from commissie.zittingen.verzender import Blijvend, Tijdelijk, verzend_ronde
from tests.conftest import Gebruikers, Klok, run_db, zaak_body
from tests.zittingen.hulp import afspraak, maak_omgeving, zet_testuitnodiging

Hdr = dict[str, str]


class Stub:
    """A mail server that refuses 'weg@' for good and is unreachable for 'later@'."""

    def __init__(self) -> None:
        self.verstuurd: list[str] = []

    def open(self) -> None:
        pass

    def verstuur(self, afzender: str, aan: str, bericht: EmailMessage) -> None:
        if aan.startswith("weg@"):
            raise Blijvend("SMTPRecipientsRefused: 550 onbekend")
        if aan.startswith("later@"):
            raise Tijdelijk("TimeoutError: timed out")
        self.verstuurd.append(aan)

    def sluit(self) -> None:
        pass


def _vul_post(db: str, tmp_path: Path, klok: Klok) -> None:
    async def scenario() -> None:
        o = maak_omgeving(db, tmp_path, klok)
        try:
            for aan in ("goed@ti.example", "weg@ti.example", "later@ti.example"):
                await zet_testuitnodiging(o, afspraak(aan=aan))
            await verzend_ronde(o, bezorger=Stub())
        finally:
            await o.engine.dispose()

    asyncio.run(scenario())


def test_post_overzicht_voor_het_secretariaat(
    client: TestClient[Any], secretaris: Hdr, db: str, tmp_path: Path, klok: Klok
) -> None:
    leeg = client.get("/api/post", headers=secretaris)
    assert leeg.status_code == 200, leeg.text
    assert leeg.json() == {"wachtrij": 0, "verzonden": 0, "mislukt": 0, "mails": []}

    _vul_post(db, tmp_path, klok)
    r = client.get("/api/post", headers=secretaris)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["wachtrij"], body["verzonden"], body["mislukt"]) == (1, 1, 1)
    per_adres = {m["aan"]: m for m in body["mails"]}
    assert [m["aan"] for m in body["mails"]] == [
        "later@ti.example",
        "weg@ti.example",
        "goed@ti.example",
    ]  # newest first
    later, weg, goed = (
        per_adres["later@ti.example"],
        per_adres["weg@ti.example"],
        per_adres["goed@ti.example"],
    )
    assert later["status"] == "wachtrij" and later["pogingen"] == 1
    assert later["laatste_fout"] == "TimeoutError: timed out"
    volgende = datetime.fromisoformat(later["volgende_poging"])
    assert volgende == klok() + timedelta(seconds=1)
    assert weg["status"] == "mislukt" and "550" in weg["laatste_fout"]
    assert weg["volgende_poging"] is None
    assert goed["status"] == "verzonden" and goed["laatste_fout"] is None
    assert datetime.fromisoformat(goed["verzonden_op"]) == klok()
    assert goed["methode"] == "REQUEST"
    assert goed["onderwerp"] == "Uitnodiging besloten zitting, zaak TI-2026-0001"

    alleen_mislukt = client.get("/api/post", params={"status": "mislukt"}, headers=secretaris)
    assert [m["aan"] for m in alleen_mislukt.json()["mails"]] == ["weg@ti.example"]
    wacht = client.get("/api/post", params={"status": "wachtrij"}, headers=secretaris)
    assert [m["aan"] for m in wacht.json()["mails"]] == ["later@ti.example"]


def test_post_alleen_voor_het_eigen_secretariaat(
    client: TestClient[Any], gebruikers: Gebruikers, db: str, tmp_path: Path, klok: Klok
) -> None:
    _vul_post(db, tmp_path, klok)
    nn = gebruikers.maak("secretaris-nn", Rol.SECRETARIS, commissie="NN")
    r = client.get("/api/post", headers=nn)
    assert r.status_code == 200
    assert r.json() == {"wachtrij": 0, "verzonden": 0, "mislukt": 0, "mails": []}
    lid = gebruikers.maak("lid", Rol.LID, lid_id=gebruikers.lid("L. Id", "TW"))
    beheerder = gebruikers.maak("beheerder", Rol.BEHEERDER, commissie=None)
    for hdr in (lid, beheerder):
        geweigerd = client.get("/api/post", headers=hdr)
        assert geweigerd.status_code == 403
        assert "secretaris" in geweigerd.json()["detail"]
    assert client.get("/api/post").status_code == 401


def test_post_onbekende_status_is_400(client: TestClient[Any], secretaris: Hdr) -> None:
    r = client.get("/api/post", params={"status": "onderweg"}, headers=secretaris)
    assert r.status_code == 400
    assert "Veld 'status'" in r.json()["detail"] and "onderweg" in r.json()["detail"]
    r = client.get("/api/post", params={"aantal": "0"}, headers=secretaris)
    assert r.status_code == 400
    assert "aantal" in r.json()["detail"]


# ---- e-mail addresses of the parties --------------------------------------------------------

MET_EMAIL = {
    "klager": {"naam": "K. Lager", "korps": "IJ", "email": "k.lager@example.invalid"},
    "beklaagden": [{"naam": "B. Klaagde", "korps": "IJ", "email": "b.klaagde@example.invalid"}],
    "vertrouwenspersoon": {"naam": "V. Trouwen", "email": "vp@example.invalid"},
}


def _panelzetel(db: str, nummer: str, lid_id: int) -> None:
    async def werk(s: AsyncSession) -> None:
        zaak_id = await s.scalar(select(Zaak.id).where(Zaak.nummer == nummer))
        s.add(
            Panelzetel(
                zaak_id=zaak_id,
                lid_id=lid_id,
                rol="lid",
                actief=True,
                uitleg={},
                aangewezen_op=datetime.now(UTC),
            )
        )

    run_db(db, werk)


def test_partijen_met_email_alleen_voor_het_secretariaat(
    client: TestClient[Any], secretaris: Hdr, gebruikers: Gebruikers, db: str
) -> None:
    r = client.post("/api/zaken", json=zaak_body(**MET_EMAIL), headers=secretaris)
    assert r.status_code == 201, r.text
    z = r.json()
    assert z["klager"]["email"] == "k.lager@example.invalid"
    assert z["beklaagden"][0]["email"] == "b.klaagde@example.invalid"
    assert z["vertrouwenspersoon"]["email"] == "vp@example.invalid"

    async def opgeslagen(s: AsyncSession) -> dict[str, str | None]:
        return {p.rol: p.email for p in await s.scalars(select(Partij))}

    assert run_db(db, opgeslagen) == {
        "klager": "k.lager@example.invalid",
        "beklaagde": "b.klaagde@example.invalid",
        "vertrouwenspersoon": "vp@example.invalid",
    }
    lid_id = gebruikers.lid("L. Id", "TW")
    lid = gebruikers.maak("lid", Rol.LID, lid_id=lid_id)
    _panelzetel(db, z["nummer"], lid_id)
    als_lid = client.get(f"/api/zaken/{z['nummer']}", headers=lid)
    assert als_lid.status_code == 200, als_lid.text
    gezien = als_lid.json()
    assert gezien["klager"]["email"] is None
    assert gezien["beklaagden"][0]["email"] is None
    assert gezien["vertrouwenspersoon"]["email"] is None
    assert "example.invalid" not in als_lid.text


def test_email_is_optioneel(client: TestClient[Any], secretaris: Hdr) -> None:
    r = client.post("/api/zaken", json=zaak_body(), headers=secretaris)
    assert r.status_code == 201, r.text
    assert r.json()["klager"]["email"] is None


def test_ongeldig_emailadres_noemt_het_veld(
    client: TestClient[Any], secretaris: Hdr, db: str
) -> None:
    gevallen = [
        ({"klager": {"naam": "K. Lager", "korps": "IJ", "email": "geen-adres"}}, "klager.email"),
        (
            {"beklaagden": [{"naam": "B. K", "korps": "IJ", "email": "a b@example.invalid"}]},
            "beklaagden[0].email",
        ),
        (
            {"vertrouwenspersoon": {"naam": "V. T", "email": "vp@example.invalid\r\nBcc: x@y"}},
            "vertrouwenspersoon.email",
        ),
        (
            {"klager": {"naam": "K. Lager", "korps": "IJ", "email": "x" * 250 + "@a.nl"}},
            "klager.email",
        ),
    ]
    for over, veld in gevallen:
        r = client.post("/api/zaken", json=zaak_body(**over), headers=secretaris)
        assert r.status_code == 400, r.text
        assert veld in r.json()["detail"], r.json()

    async def aantal(s: AsyncSession) -> int:
        return len((await s.scalars(select(Zaak))).all())

    assert run_db(db, aantal) == 0
