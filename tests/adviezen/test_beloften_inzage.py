"""README promise: every look at a case file is recorded (who, when, what), and files and pages
are sent with Cache-Control: no-store."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.models import Gebruiker
from commissie.zaken.models import Inzage
from tests.adviezen.conftest import Zaak
from tests.conftest import run_db

HTML = {"Accept": "text/html"}


def _inzagen(db: str) -> list[tuple[str, str, datetime]]:
    async def werk(s: AsyncSession) -> list[tuple[str, str, datetime]]:
        rijen = await s.execute(
            select(Gebruiker.gebruikersnaam, Inzage.actie, Inzage.op)
            .join(Gebruiker, Gebruiker.id == Inzage.gebruiker_id)
            .order_by(Inzage.id)
        )
        return [(n, a, op if op.tzinfo else op.replace(tzinfo=UTC)) for n, a, op in rijen]

    return run_db(db, werk)


def test_download_door_korpsleiding_is_een_inzage_en_niet_te_cachen(zaak: Zaak, db: str) -> None:
    docs = zaak.vastgesteld()
    [gm] = [d for d in docs if d["korps"] == "GM"]
    zaak.klok.moment += timedelta(hours=3)
    voor = _inzagen(db)
    r = zaak.download(gm["id"], zaak.korpsleiding["GM"])
    assert r.status_code == 200
    assert "no-store" in r.headers["cache-control"]
    nieuw = _inzagen(db)[len(voor) :]
    assert len(nieuw) == 1
    assert nieuw == [("kl-GM", "document", zaak.klok.moment)]
    # A refused download (another corps) leaves no record: the request rolls back.
    assert zaak.download(gm["id"], zaak.korpsleiding["GZ"]).status_code == 404
    assert [n for n, _, _ in _inzagen(db)[len(voor) :]] == ["kl-GM"]


def test_adviespagina_is_een_inzage_en_niet_te_cachen(zaak: Zaak, db: str) -> None:
    zaak.klok.moment += timedelta(minutes=7)
    voor = _inzagen(db)
    r = zaak.client.get(f"/zaken/{zaak.nummer}/advies", headers={**HTML, **zaak.voorzitter})
    assert r.status_code == 200
    assert "no-store" in r.headers["cache-control"]
    nieuw = _inzagen(db)[len(voor) :]
    assert nieuw == [("vz", "inzage", zaak.klok.moment)]
