"""Test-only ways into the outbox while no hearing endpoints exist: an invite for a case
number, queued as the hearing steps will queue it, and a real SMTP server in-process."""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from sqlalchemy import select

from commissie.config import PROJECT_ROOT, Settings, Smtp
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving
from commissie.procedure.opstart import bouw_omgeving
from commissie.tijd import Klok
from commissie.zittingen.ical import Afspraak, Deelnemer, Locatie
from commissie.zittingen.post import Mail, zet_uitnodiging_in_post

BEGIN = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)  # 10:00 in Amsterdam (winter time)


def afspraak(
    *,
    uid: str = "zitting-1@klachtencommissie-ti.example",
    volgnummer: int = 0,
    begin: datetime = BEGIN,
    minuten: int = 120,
    zaaknummer: str = "TI-2026-0001",
    aan: str | None = "lid1@klachtencommissie-ti.example",
    rol: str = "lid",
    geannuleerd: bool = False,
) -> Afspraak:
    return Afspraak(
        uid=uid,
        volgnummer=volgnummer,
        begin=begin,
        einde=begin + timedelta(minutes=minuten),
        locatie=Locatie("Hoofdbureau Enschede, zaal Twente", "Hengelosestraat 1, 7514 AA Enschede"),
        zaaknummer=zaaknummer,
        organisator="secretariaat@klachtencommissie-ti.example",
        zaak_url=f"https://commissie.example/zaken/{zaaknummer}",
        deelnemer=Deelnemer(aan, rol) if aan else None,
        geannuleerd=geannuleerd,
    )


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def maak_omgeving(db: str, data_dir: Path, klok: Klok, *, smtp: Smtp | None = None) -> Omgeving:
    settings = Settings(
        data_dir=data_dir,
        database_url=db,
        regios_dir=PROJECT_ROOT / "regios",
        templates_dir=PROJECT_ROOT / "templates",
        smtp=smtp,
        basis_url="https://commissie.example",
    )
    return bouw_omgeving(settings, klok)


async def zet_testuitnodiging(omgeving: Omgeving, a: Afspraak) -> int:
    """Queue one invite in its own unit of work, as a hearing step will."""
    async with werkeenheid(omgeving.sessionmaker) as s:
        mail = await zet_uitnodiging_in_post(
            session=s, commissie=omgeving.regios.commissies["TI"], afspraak=a, nu=omgeving.klok()
        )
        return mail.id


async def mails(omgeving: Omgeving) -> list[Mail]:
    async with omgeving.sessionmaker() as s:
        return list((await s.scalars(select(Mail).order_by(Mail.id))).all())


@dataclass
class Ontvanger:
    """aiosmtpd handler: keeps every message; refuses mailboxes starting with 'onbekend'."""

    berichten: list[tuple[str, list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address.startswith("onbekend"):
            return "550 5.1.1 Mailbox bestaat niet"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.berichten.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"

    def mime(self) -> list[Message]:
        return [message_from_bytes(inhoud) for _, _, inhoud in self.berichten]


def smtp_server(poort: int) -> tuple[Controller, Ontvanger]:
    ontvanger = Ontvanger()
    controller = Controller(ontvanger, hostname="127.0.0.1", port=poort)
    return controller, ontvanger


def kalenderdeel(bericht: Message) -> Message:
    delen = [d for d in bericht.walk() if d.get_content_type() == "text/calendar"]
    assert len(delen) == 1
    return delen[0]
