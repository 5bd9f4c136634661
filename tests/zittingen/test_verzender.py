"""The outbox against a real SMTP server in-process (aiosmtpd): delivery with the invite,
a server that is down, final refusals, the .eml fallback, concurrent senders."""

from __future__ import annotations

import asyncio
import logging
import time
from datetime import timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar
from litestar.testing import TestClient
from sqlalchemy import select

from commissie.app import create_app
from commissie.config import Smtp
from commissie.eenheid import werkeenheid
from commissie.zittingen.ical import Deelnemer
from commissie.zittingen.post import Mail, zet_in_post, zet_uitnodigingen_in_post
from commissie.zittingen.verzender import claim, verzend_ronde
from tests.conftest import Klok
from tests.zittingen.hulp import (
    afspraak,
    kalenderdeel,
    maak_omgeving,
    mails,
    smtp_server,
    vrije_poort,
    zet_testuitnodiging,
)


def geen_tls(poort: int) -> Smtp:
    return Smtp(host="127.0.0.1", port=poort, beveiliging="geen")


def test_uitnodiging_komt_aan_met_dezelfde_methode(db: str, tmp_path: Path, klok: Klok) -> None:
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()
    try:

        async def scenario() -> None:
            o = maak_omgeving(db, tmp_path, klok, smtp=geen_tls(poort))
            try:
                await zet_testuitnodiging(o, afspraak(aan="lid1@ti.example"))
                await zet_testuitnodiging(
                    o, afspraak(aan="lid2@ti.example", volgnummer=1, geannuleerd=True)
                )
                ronde = await verzend_ronde(o)
                assert (ronde.verzonden, ronde.uitgesteld, ronde.mislukt) == (2, 0, 0)
                rijen = await mails(o)
                assert [m.status for m in rijen] == ["verzonden", "verzonden"]
                assert all(m.pogingen == 1 and m.verzonden_op == klok() for m in rijen)
                # A second pass finds nothing: sent once.
                assert (await verzend_ronde(o)).geclaimd == 0
            finally:
                await o.engine.dispose()

        asyncio.run(scenario())
    finally:
        server.stop()

    assert [(van, aan) for van, aan, _ in ontvanger.berichten] == [
        ("secretariaat@klachtencommissie-ti.example", ["lid1@ti.example"]),
        ("secretariaat@klachtencommissie-ti.example", ["lid2@ti.example"]),
    ]
    verzoek, annulering = ontvanger.mime()
    for bericht, methode in ((verzoek, "REQUEST"), (annulering, "CANCEL")):
        deel = kalenderdeel(bericht)
        assert deel.get_param("method") == methode
        body = deel.get_payload(decode=True)
        assert f"METHOD:{methode}\r\n".encode() in body
        assert b"UID:zitting-1@klachtencommissie-ti.example" in body
    assert verzoek["Subject"] == "Uitnodiging besloten zitting, zaak TI-2026-0001"
    assert annulering["Subject"] == "Geannuleerd: besloten zitting, zaak TI-2026-0001"
    tekst = _tekstdeel(verzoek)
    assert "di 12 jan 2027 10:00 tot 12:00" in tekst
    assert "https://commissie.example/zaken/TI-2026-0001" in tekst


def _tekstdeel(bericht: Message) -> str:
    deel = next(d for d in bericht.walk() if d.get_content_type() == "text/plain")
    return deel.get_payload(decode=True).decode()


def test_server_plat_dan_wachtrij_en_later_precies_een_keer(
    db: str, tmp_path: Path, klok: Klok
) -> None:
    poort = vrije_poort()  # nothing listens here yet
    server, ontvanger = smtp_server(poort)

    async def scenario() -> None:
        o = maak_omgeving(db, tmp_path, klok, smtp=geen_tls(poort))
        try:
            ids = [await zet_testuitnodiging(o, afspraak(aan=f"lid{i}@ti.example")) for i in (1, 2)]
            ronde = await verzend_ronde(o)
            assert (ronde.verzonden, ronde.uitgesteld) == (0, 2)
            rijen = await mails(o)
            assert [m.id for m in rijen] == ids
            assert all(m.status == "wachtrij" and m.pogingen == 1 for m in rijen)
            assert all("ConnectionRefusedError" in (m.laatste_fout or "") for m in rijen)
            assert all(m.volgende_poging == klok() + timedelta(seconds=1) for m in rijen)
            # Not due yet: nothing is claimed before the back-off has passed.
            assert (await verzend_ronde(o)).geclaimd == 0
            # Down for a while: the back-off doubles, never beyond a minute.
            for _ in range(8):
                klok.moment += timedelta(seconds=60)
                await verzend_ronde(o)
            rijen = await mails(o)
            assert all(m.pogingen == 9 and m.status == "wachtrij" for m in rijen)
            assert all(m.volgende_poging == klok() + timedelta(seconds=60) for m in rijen)

            server.start()
            klok.moment += timedelta(seconds=60)
            ronde = await verzend_ronde(o)
            assert ronde.verzonden == 2
            klok.moment += timedelta(minutes=30)
            assert (await verzend_ronde(o)).geclaimd == 0
            rijen = await mails(o)
            assert all(m.status == "verzonden" and m.laatste_fout is None for m in rijen)
        finally:
            await o.engine.dispose()

    try:
        asyncio.run(scenario())
    finally:
        server.stop()
    assert sorted(aan[0] for _, aan, _ in ontvanger.berichten) == [
        "lid1@ti.example",
        "lid2@ti.example",
    ]


def test_blijvende_weigering_wordt_mislukt_de_rest_gaat_door(
    db: str, tmp_path: Path, klok: Klok
) -> None:
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()

    async def scenario() -> None:
        o = maak_omgeving(db, tmp_path, klok, smtp=geen_tls(poort))
        try:
            await zet_testuitnodiging(o, afspraak(aan="onbekend@ti.example"))
            await zet_testuitnodiging(o, afspraak(aan="lid1@ti.example"))
            ronde = await verzend_ronde(o)
            assert (ronde.verzonden, ronde.mislukt) == (1, 1)
            fout, goed = await mails(o)
            assert fout.status == "mislukt" and "550" in (fout.laatste_fout or "")
            assert goed.status == "verzonden"
            klok.moment += timedelta(hours=1)
            assert (await verzend_ronde(o)).geclaimd == 0  # a final refusal is not retried
        finally:
            await o.engine.dispose()

    try:
        asyncio.run(scenario())
    finally:
        server.stop()
    assert [aan for _, aan, _ in ontvanger.berichten] == [["lid1@ti.example"]]


def test_starttls_zonder_ondersteuning_valt_niet_terug_op_platte_tekst(
    db: str, tmp_path: Path, klok: Klok
) -> None:
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()

    async def scenario() -> None:
        smtp = Smtp(host="127.0.0.1", port=poort, beveiliging="starttls")
        o = maak_omgeving(db, tmp_path, klok, smtp=smtp)
        try:
            await zet_testuitnodiging(o, afspraak())
            assert (await verzend_ronde(o)).uitgesteld == 1
            (m,) = await mails(o)
            assert m.status == "wachtrij" and "STARTTLS" in (m.laatste_fout or "")
        finally:
            await o.engine.dispose()

    try:
        asyncio.run(scenario())
    finally:
        server.stop()
    assert ontvanger.berichten == []


def test_zonder_smtp_host_eml_bestanden(db: str, tmp_path: Path, klok: Klok) -> None:
    async def scenario() -> int:
        o = maak_omgeving(db, tmp_path / "data", klok)
        try:
            mail_id = await zet_testuitnodiging(o, afspraak())
            assert (await verzend_ronde(o)).verzonden == 1
            assert (await verzend_ronde(o)).geclaimd == 0
            return mail_id
        finally:
            await o.engine.dispose()

    mail_id = asyncio.run(scenario())
    postmap = tmp_path / "data" / "post"
    assert [p.name for p in postmap.iterdir()] == [f"{mail_id:08d}.eml"]
    bericht = message_from_bytes((postmap / f"{mail_id:08d}.eml").read_bytes())
    assert kalenderdeel(bericht).get_param("method") == "REQUEST"
    assert bericht["To"] == "lid1@klachtencommissie-ti.example"


def test_teruggedraaide_stap_verstuurt_niets(db: str, tmp_path: Path, klok: Klok) -> None:
    class Fout(Exception):
        pass

    async def scenario() -> None:
        o = maak_omgeving(db, tmp_path, klok)
        try:
            with pytest.raises(Fout):
                async with werkeenheid(o.sessionmaker) as s:
                    await zet_in_post(
                        session=s,
                        commissie=o.regios.commissies["TI"],
                        aan="lid1@ti.example",
                        onderwerp="Onderwerp",
                        tekst="Tekst",
                        nu=klok(),
                    )
                    raise Fout
            assert await mails(o) == []
        finally:
            await o.engine.dispose()

    asyncio.run(scenario())


def test_verzender_in_de_server_binnen_tien_seconden(db: str, tmp_path: Path, klok: Klok) -> None:
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()
    o = maak_omgeving(db, tmp_path, klok, smtp=geen_tls(poort))
    app = create_app(omgeving=o, postbezorging=True)
    try:
        with TestClient(app) as client:
            assert client.get("/health").status_code == 200

            async def zet() -> None:
                # A separate engine: the app's belongs to the app's event loop.
                eigen = maak_omgeving(db, tmp_path, klok)
                try:
                    await zet_testuitnodiging(eigen, afspraak())
                finally:
                    await eigen.engine.dispose()

            asyncio.run(zet())
            start = time.monotonic()
            while not ontvanger.berichten and time.monotonic() - start < 10:
                time.sleep(0.1)
            assert len(ontvanger.berichten) == 1
    finally:
        server.stop()


def test_gelijktijdige_verzenders_elke_rij_een_keer(db: str, tmp_path: Path, klok: Klok) -> None:
    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    server.start()
    aantal = 40

    async def scenario() -> None:
        omgevingen = [maak_omgeving(db, tmp_path, klok, smtp=geen_tls(poort)) for _ in range(3)]
        try:
            for i in range(aantal):
                await zet_testuitnodiging(omgevingen[0], afspraak(aan=f"lid{i}@ti.example"))

            async def werker(o: Any) -> int:
                totaal = 0
                while True:
                    ronde = await verzend_ronde(o, aantal=3)
                    totaal += ronde.verzonden
                    if ronde.geclaimd == 0:
                        return totaal

            per_werker = await asyncio.gather(*(werker(o) for o in omgevingen))
            assert sum(per_werker) == aantal
            rijen = await mails(omgevingen[0])
            assert all(m.status == "verzonden" and m.pogingen == 1 for m in rijen)
        finally:
            for o in omgevingen:
                await o.engine.dispose()

    try:
        asyncio.run(scenario())
    finally:
        server.stop()
    ontvangen = sorted(aan[0] for _, aan, _ in ontvanger.berichten)
    assert ontvangen == sorted(f"lid{i}@ti.example" for i in range(aantal))


def test_postgres_claim_slaat_vergrendelde_rijen_over(db: str, tmp_path: Path, klok: Klok) -> None:
    """Two open transactions claim at once: the second skips the first's locked rows instead
    of waiting for them or taking them too (FOR UPDATE SKIP LOCKED)."""
    if not db.startswith("postgresql"):
        pytest.skip("SKIP LOCKED is PostgreSQL's; SQLite has one writer at a time")

    async def scenario() -> None:
        o = maak_omgeving(db, tmp_path, klok)
        try:
            for i in range(4):
                await zet_testuitnodiging(o, afspraak(aan=f"lid{i}@ti.example"))
            async with o.sessionmaker() as eerste, o.sessionmaker() as tweede:
                a = await claim(session=eerste, token="a", aantal=2, nu=klok())
                b = await asyncio.wait_for(
                    claim(session=tweede, token="b", aantal=4, nu=klok()), timeout=5
                )
                assert len(a) == 2 and len(b) == 2
                assert {m.id for m in a}.isdisjoint({m.id for m in b})
                await eerste.commit()
                await tweede.commit()
            async with o.sessionmaker() as s:
                claims = (await s.scalars(select(Mail.claim).order_by(Mail.id))).all()
            assert claims == ["a", "a", "b", "b"]
        finally:
            await o.engine.dispose()

    asyncio.run(scenario())


def test_een_mail_per_ontvanger_met_alleen_die_ontvanger(
    db: str, tmp_path: Path, klok: Klok
) -> None:
    async def scenario() -> list[Mail]:
        o = maak_omgeving(db, tmp_path, klok)
        try:
            async with werkeenheid(o.sessionmaker) as s:
                await zet_uitnodigingen_in_post(
                    session=s,
                    commissie=o.regios.commissies["TI"],
                    afspraak=afspraak(aan=None, volgnummer=2),
                    ontvangers=[
                        Deelnemer("voorzitter@ti.example", "voorzitter"),
                        Deelnemer("lid2@ti.example", "lid"),
                        Deelnemer("LID2@ti.example ", "lid"),  # the same mailbox
                    ],
                    nu=klok(),
                )
            return await mails(o)
        finally:
            await o.engine.dispose()

    rijen = asyncio.run(scenario())
    assert [m.aan for m in rijen] == ["voorzitter@ti.example", "lid2@ti.example"]
    assert len({m.message_id for m in rijen}) == 2
    for m in rijen:
        cal = Calendar.from_ical((m.ics or "").encode())
        (ev,) = cal.walk("VEVENT")
        assert str(ev["ATTENDEE"]) == f"mailto:{m.aan}"
        assert ev.decoded("SEQUENCE") == 2
        assert m.methode == "REQUEST" and m.status == "wachtrij"


def test_logboek_zonder_adressen_of_onderwerp(
    db: str, tmp_path: Path, klok: Klok, caplog: pytest.LogCaptureFixture
) -> None:
    poort = vrije_poort()
    server, _ = smtp_server(poort)

    async def scenario() -> None:
        o = maak_omgeving(db, tmp_path, klok, smtp=geen_tls(poort))
        try:
            await zet_testuitnodiging(o, afspraak(aan="onbekend@ti.example"))
            await verzend_ronde(o)  # server down: retried later
            server.start()
            klok.moment += timedelta(minutes=1)
            await verzend_ronde(o)  # refused for good
        finally:
            await o.engine.dispose()

    caplog.set_level(logging.DEBUG, logger="commissie")
    try:
        asyncio.run(scenario())
    finally:
        server.stop()
    berichten = [r.getMessage() for r in caplog.records if r.name.startswith("commissie")]
    assert any("later opnieuw" in b for b in berichten)
    assert any("blijvend geweigerd" in b for b in berichten)
    for b in berichten:
        assert "@" not in b and "TI-2026" not in b and "zitting" not in b.lower()
