"""The outbox sender: claims queued mails, delivers them by SMTP (or as .eml files when no
server is configured) and records the outcome.

Exactly once, as far as SMTP allows: a row is claimed by marking it with the sender's token
(on PostgreSQL its candidates are locked `FOR UPDATE SKIP LOCKED` first, so concurrent senders
skip each other's rows; SQLite has one writer, so one UPDATE is atomic), the claim is committed before the
server is contacted, and each delivery is recorded as soon as the server accepted it. A sender
that dies mid-delivery leaves its claim to expire (CLAIMDUUR); only that one mail can then go
twice, with the same Message-ID so mail clients see one. Nothing is ever dropped: a temporary
failure puts the row back with a back-off of at most a minute.

Logs name the mail's id and the error class, never an address, subject or text.
"""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from sqlalchemy import ColumnElement, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.config import Smtp
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving
from commissie.zittingen.post import Mail, Poststatus
from commissie.zittingen.postregels import Postbericht, blijvend_geweigerd, mime, wachttijd

log = logging.getLogger("commissie.post")

PARTIJ = 10  # mails per claim
SMTP_TIMEOUT = 20.0  # seconds per SMTP command
# Longer than a whole batch can take (PARTIJ x timeout), so a live sender's claim never expires.
CLAIMDUUR = timedelta(minutes=10)
POLL_INTERVAL = 1.0  # seconds between passes when idle: a mail leaves within seconds


class Tijdelijk(Exception):
    """The mail could not be delivered now; try again later."""


class Blijvend(Exception):
    """The server refused this mail for good."""


class Bezorger(Protocol):
    """One delivery session: open, send messages one by one, close."""

    def open(self) -> None: ...
    def verstuur(self, afzender: str, aan: str, bericht: EmailMessage) -> None: ...
    def sluit(self) -> None: ...


class SmtpBezorger:
    def __init__(self, smtp: Smtp) -> None:
        self.smtp = smtp
        self.verbinding: smtplib.SMTP | None = None

    def open(self) -> None:
        s = self.smtp
        try:
            if s.beveiliging == "ssl":
                context = ssl.create_default_context()
                self.verbinding = smtplib.SMTP_SSL(
                    s.host, s.port, timeout=SMTP_TIMEOUT, context=context
                )
            else:
                self.verbinding = smtplib.SMTP(s.host, s.port, timeout=SMTP_TIMEOUT)
                if s.beveiliging == "starttls":
                    # No silent fall-back to plain text: a server without STARTTLS is an error.
                    self.verbinding.starttls(context=ssl.create_default_context())
            if s.gebruiker and s.wachtwoord:
                self.verbinding.login(s.gebruiker, s.wachtwoord)
        except (OSError, smtplib.SMTPException) as e:
            self.sluit()
            raise Tijdelijk(_foutregel(e)) from e

    def verstuur(self, afzender: str, aan: str, bericht: EmailMessage) -> None:
        assert self.verbinding is not None
        try:
            self.verbinding.send_message(bericht, from_addr=afzender, to_addrs=[aan])
        except smtplib.SMTPRecipientsRefused as e:
            codes = [code for code, _ in e.recipients.values()]
            if codes and all(blijvend_geweigerd(c) for c in codes):
                raise Blijvend(_foutregel(e)) from e
            raise Tijdelijk(_foutregel(e)) from e
        except smtplib.SMTPDataError as e:
            if blijvend_geweigerd(e.smtp_code):
                raise Blijvend(_foutregel(e)) from e
            raise Tijdelijk(_foutregel(e)) from e
        except (OSError, smtplib.SMTPException) as e:
            # Sender refused, disconnected, timeouts: the configuration or the server, not
            # this mail. Keep it.
            raise Tijdelijk(_foutregel(e)) from e

    def sluit(self) -> None:
        if self.verbinding is not None:
            try:
                self.verbinding.quit()
            except (OSError, smtplib.SMTPException):
                self.verbinding.close()
            self.verbinding = None


class BestandBezorger:
    """Without COMMISSIE_SMTP_HOST: each mail becomes DATA_DIR/post/<id>.eml. Written under a
    temporary name and renamed, so a retry replaces a file rather than adding one."""

    def __init__(self, map_: Path) -> None:
        self.map = map_
        self.volgende_naam: str = ""

    def open(self) -> None:
        try:
            self.map.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise Tijdelijk(_foutregel(e)) from e

    def verstuur(self, afzender: str, aan: str, bericht: EmailMessage) -> None:
        doel = self.map / self.volgende_naam
        tijdelijk = doel.with_suffix(".tmp")
        try:
            tijdelijk.write_bytes(bericht.as_bytes())
            os.replace(tijdelijk, doel)
        except OSError as e:
            raise Tijdelijk(_foutregel(e)) from e

    def sluit(self) -> None:
        pass


def _foutregel(e: BaseException) -> str:
    tekst = f"{type(e).__name__}: {e}".replace("\n", " ")
    return tekst[:500]


def bezorger_voor(omgeving: Omgeving) -> Bezorger:
    s = omgeving.settings
    return SmtpBezorger(s.smtp) if s.smtp is not None else BestandBezorger(s.postmap)


@dataclass
class Ronde:
    verzonden: int = 0
    uitgesteld: int = 0
    mislukt: int = 0

    @property
    def geclaimd(self) -> int:
        return self.verzonden + self.uitgesteld + self.mislukt


def _claimbaar(nu: datetime) -> ColumnElement[bool]:
    return or_(
        (Mail.status == Poststatus.WACHTRIJ.value) & (Mail.volgende_poging <= nu),
        # A sender that died: its claim has run out.
        (Mail.status == Poststatus.BEZIG.value) & (Mail.claim_tot < nu),
    )


async def claim(*, session: AsyncSession, token: str, aantal: int, nu: datetime) -> list[Mail]:
    """Claim up to `aantal` due mails for `token`, oldest first."""
    kandidaten = select(Mail.id).where(_claimbaar(nu)).order_by(Mail.id).limit(aantal)
    if session.get_bind().dialect.name == "postgresql":
        # Lock the candidates first, skipping rows another sender holds. Not as a subquery of
        # the UPDATE: PostgreSQL may rescan it, and a rescan skips the rows this very
        # statement just updated and hands out more than `aantal`.
        ids = list((await session.scalars(kandidaten.with_for_update(skip_locked=True))).all())
        if not ids:
            return []
        doel = Mail.id.in_(ids)
    else:
        # SQLite: one writer at a time, and a statement runs whole: claiming in one UPDATE
        # is atomic (a SELECT first would risk a stale read snapshot under WAL).
        doel = Mail.id.in_(kandidaten.scalar_subquery())
    await session.execute(
        update(Mail)
        .where(doel, _claimbaar(nu))
        .values(status=Poststatus.BEZIG.value, claim=token, claim_tot=nu + CLAIMDUUR)
        .execution_options(synchronize_session=False)
    )
    return list(
        (await session.scalars(select(Mail).where(Mail.claim == token).order_by(Mail.id))).all()
    )


async def _leg_vast(omgeving: Omgeving, mail_id: int, token: str, fout: Exception | None) -> str:
    nu = omgeving.klok()
    async with werkeenheid(omgeving.sessionmaker) as s:
        mail = await s.scalar(select(Mail).where(Mail.id == mail_id, Mail.claim == token))
        if mail is None:  # our claim expired and another sender took it over
            log.warning("post %s: claim verlopen tijdens verzenden", mail_id)
            return "verlopen"
        mail.pogingen += 1
        mail.claim = None
        mail.claim_tot = None
        if fout is None:
            mail.status = Poststatus.VERZONDEN.value
            mail.verzonden_op = nu
            mail.laatste_fout = None
            return "verzonden"
        mail.laatste_fout = str(fout)[:500]
        if isinstance(fout, Blijvend):
            mail.status = Poststatus.MISLUKT.value
            log.warning("post %s: blijvend geweigerd (%s)", mail_id, type(fout.__cause__).__name__)
            return "mislukt"
        mail.status = Poststatus.WACHTRIJ.value
        mail.volgende_poging = nu + wachttijd(mail.pogingen)
        log.info("post %s: later opnieuw (%s)", mail_id, type(fout.__cause__).__name__)
        return "uitgesteld"


async def verzend_ronde(
    omgeving: Omgeving, *, bezorger: Bezorger | None = None, aantal: int = PARTIJ
) -> Ronde:
    """One pass: claim due mails, deliver them over one connection, record each outcome."""
    token = secrets.token_hex(16)
    nu = omgeving.klok()
    async with werkeenheid(omgeving.sessionmaker) as s:
        mails = await claim(session=s, token=token, aantal=aantal, nu=nu)
    ronde = Ronde()
    if not mails:
        return ronde
    bezorger = bezorger or bezorger_voor(omgeving)
    namen = {c.secretariaat_email: c.naam for c in omgeving.regios.commissies.values()}
    try:
        await asyncio.to_thread(bezorger.open)
    except Tijdelijk as e:
        for mail in mails:
            await _leg_vast(omgeving, mail.id, token, e)
            ronde.uitgesteld += 1
        return ronde
    try:
        for i, mail in enumerate(mails):
            fout: Exception | None = None
            try:
                bericht = mime(
                    Postbericht(
                        message_id=mail.message_id,
                        afzender=mail.afzender,
                        afzender_naam=namen.get(mail.afzender, "Klachtencommissie"),
                        aan=mail.aan,
                        onderwerp=mail.onderwerp,
                        tekst=mail.tekst,
                        aangemaakt_op=mail.aangemaakt_op,
                        ics=mail.ics,
                        methode=mail.methode,
                    )
                )
                if isinstance(bezorger, BestandBezorger):
                    bezorger.volgende_naam = f"{mail.id:08d}.eml"
                await asyncio.to_thread(bezorger.verstuur, mail.afzender, mail.aan, bericht)
            except (Tijdelijk, Blijvend) as e:
                fout = e
            except ValueError as e:  # a row that cannot become a message never will
                fout = Blijvend(_foutregel(e))
                fout.__cause__ = e
            uitkomst = await _leg_vast(omgeving, mail.id, token, fout)
            if uitkomst == "verzonden":
                ronde.verzonden += 1
            elif uitkomst == "mislukt":
                ronde.mislukt += 1
            else:
                ronde.uitgesteld += 1
            if isinstance(fout, Tijdelijk):
                # The connection is likely gone: the rest waits for the next pass.
                for rest in mails[i + 1 :]:
                    await _leg_vast(omgeving, rest.id, token, fout)
                    ronde.uitgesteld += 1
                break
    finally:
        await asyncio.to_thread(bezorger.sluit)
    return ronde


async def bezorg_doorlopend(omgeving: Omgeving, *, interval: float = POLL_INTERVAL) -> None:
    """The sender inside `commissie serve`: a pass every `interval` seconds while idle, at
    once again after a full batch. Runs until cancelled; an error in one pass is logged
    (class only) and the next pass tries again."""
    while True:
        try:
            ronde = await verzend_ronde(omgeving)
        except asyncio.CancelledError:
            raise
        except Exception as e:
            log.error("post: verzendronde mislukt (%s)", type(e).__name__)
            ronde = Ronde()
        if ronde.geclaimd < PARTIJ:
            await asyncio.sleep(interval)
