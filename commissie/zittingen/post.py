"""The mail outbox: a step writes its mails as rows in its own transaction; the sender
(commissie.zittingen.verzender) delivers them later. A rolled-back step sends nothing, and a
mail server that is down loses nothing."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from enum import StrEnum

import msgspec
from sqlalchemy import ForeignKey, Index, String, Text, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from commissie.accounts.rollen import Actor, Rol
from commissie.db import Base
from commissie.fouten import GeenToegang, OngeldigeInvoer
from commissie.regios import Commissie
from commissie.tijd import tijdstip_nl
from commissie.zittingen.ical import Afspraak, Deelnemer, Methode, methode, uitnodiging


class Poststatus(StrEnum):
    WACHTRIJ = "wachtrij"
    BEZIG = "bezig"  # claimed by a sender; back to wachtrij if that sender dies (claim_tot)
    VERZONDEN = "verzonden"
    MISLUKT = "mislukt"  # the server refused it for good (5xx): the secretariat must act


class Mail(Base):
    __tablename__ = "post"
    __table_args__ = (Index("ix_post_status_volgende_poging", "status", "volgende_poging"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    commissie_code: Mapped[str] = mapped_column(String(8))
    zaak_id: Mapped[int | None] = mapped_column(
        ForeignKey("zaak.id", ondelete="SET NULL"), index=True
    )
    # Fixed when queued, so a retry after a crash carries the same Message-ID.
    message_id: Mapped[str] = mapped_column(String(200), unique=True)
    afzender: Mapped[str] = mapped_column(String(254))
    aan: Mapped[str] = mapped_column(String(254))
    onderwerp: Mapped[str] = mapped_column(String(200))
    tekst: Mapped[str] = mapped_column(Text)
    # The invite (.ics) and its iTIP method, the same in the MIME type as in the file.
    ics: Mapped[str | None] = mapped_column(Text)
    methode: Mapped[str | None] = mapped_column(String(10))
    uid: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default=Poststatus.WACHTRIJ.value)
    pogingen: Mapped[int] = mapped_column(default=0)
    laatste_fout: Mapped[str | None] = mapped_column(String(500))
    volgende_poging: Mapped[datetime]
    claim: Mapped[str | None] = mapped_column(String(40))
    claim_tot: Mapped[datetime | None]
    aangemaakt_op: Mapped[datetime]
    verzonden_op: Mapped[datetime | None]


async def zet_in_post(
    *,
    session: AsyncSession,
    commissie: Commissie,
    aan: str,
    onderwerp: str,
    tekst: str,
    nu: datetime,
    ics: bytes | None = None,
    methode_: Methode | None = None,
    uid: str | None = None,
    zaak_id: int | None = None,
) -> Mail:
    """Queue one mail in the caller's unit of work (flush, no commit). The sender address is
    the committee's secretariat."""
    if (ics is None) != (methode_ is None):
        raise ValueError("an invite needs its method, and a method its invite")
    if "\n" in onderwerp or "\r" in onderwerp:
        raise ValueError("a subject is one line")
    domein = commissie.secretariaat_email.rsplit("@", 1)[1]
    mail = Mail(
        commissie_code=commissie.code,
        zaak_id=zaak_id,
        message_id=f"<{secrets.token_hex(16)}@{domein}>",
        afzender=commissie.secretariaat_email,
        aan=aan,
        onderwerp=onderwerp[:200],
        tekst=tekst,
        ics=ics.decode() if ics is not None else None,
        methode=methode_.value if methode_ is not None else None,
        uid=uid,
        status=Poststatus.WACHTRIJ.value,
        pogingen=0,
        volgende_poging=nu,
        aangemaakt_op=nu,
    )
    session.add(mail)
    await session.flush()
    return mail


def uitnodigingstekst(afspraak: Afspraak) -> tuple[str, str]:
    """Subject and body of an invite mail: short Dutch text, the case number and the place,
    never a party's name or what the complaint is about."""
    wanneer = tijdstip_nl(afspraak.begin)
    tot = tijdstip_nl(afspraak.einde).rsplit(" ", 1)[1]
    if afspraak.geannuleerd:
        onderwerp = f"Geannuleerd: besloten zitting, zaak {afspraak.zaaknummer}"
        kern = (
            f"De besloten zitting van de klachtencommissie in zaak {afspraak.zaaknummer} op "
            f"{wanneer} gaat niet door. De bijlage haalt de afspraak uit uw agenda."
        )
    else:
        onderwerp = f"Uitnodiging besloten zitting, zaak {afspraak.zaaknummer}"
        kern = (
            f"U wordt uitgenodigd voor de besloten zitting van de klachtencommissie in zaak "
            f"{afspraak.zaaknummer} op {wanneer} tot {tot}, {afspraak.locatie.naam}, "
            f"{afspraak.locatie.adres}. De bijlage zet de afspraak in uw agenda."
        )
    tekst = (
        f"Geachte heer, mevrouw,\n\n{kern}\n\nDe stukken staan in het zaaksysteem: "
        f"{afspraak.zaak_url}\n\nDit bericht is vertrouwelijk.\n\nHet secretariaat van de "
        "klachtencommissie\n"
    )
    return onderwerp, tekst


async def zet_uitnodiging_in_post(
    *,
    session: AsyncSession,
    commissie: Commissie,
    afspraak: Afspraak,
    nu: datetime,
    zaak_id: int | None = None,
) -> Mail:
    """Queue the invite (or cancellation) for `afspraak.deelnemer`: one mail per recipient,
    the .ics attached with the same method as in its body."""
    if afspraak.deelnemer is None:
        raise ValueError("an invite needs its recipient (deelnemer)")
    onderwerp, tekst = uitnodigingstekst(afspraak)
    return await zet_in_post(
        session=session,
        commissie=commissie,
        aan=afspraak.deelnemer.email,
        onderwerp=onderwerp,
        tekst=tekst,
        nu=nu,
        ics=uitnodiging(afspraak, dtstamp=nu),
        methode_=methode(afspraak),
        uid=afspraak.uid,
        zaak_id=zaak_id,
    )


async def zet_uitnodigingen_in_post(
    *,
    session: AsyncSession,
    commissie: Commissie,
    afspraak: Afspraak,
    ontvangers: Iterable[Deelnemer],
    nu: datetime,
    zaak_id: int | None = None,
) -> list[Mail]:
    """One mail per recipient (an address that occurs twice gets one), each with an invite
    that names only that recipient as ATTENDEE. For planning, moving and cancelling a hearing
    and for a panel change (the leaving member a cancelled copy, the new one a request)."""
    gezien: set[str] = set()
    uit: list[Mail] = []
    for ontvanger in ontvangers:
        sleutel = ontvanger.email.strip().casefold()
        if sleutel in gezien:
            continue
        gezien.add(sleutel)
        uit.append(
            await zet_uitnodiging_in_post(
                session=session,
                commissie=commissie,
                afspraak=replace(afspraak, deelnemer=ontvanger),
                nu=nu,
                zaak_id=zaak_id,
            )
        )
    return uit


# ---- the overview for the secretariat ------------------------------------------------------


class MailUit(msgspec.Struct):
    id: int
    aan: str
    onderwerp: str
    methode: str | None
    status: str
    pogingen: int
    laatste_fout: str | None
    volgende_poging: datetime | None
    aangemaakt_op: datetime
    verzonden_op: datetime | None


class PostOverzicht(msgspec.Struct):
    wachtrij: int
    verzonden: int
    mislukt: int
    mails: list[MailUit]


def _status_of_fout(status: str | None) -> list[str]:
    if status is None:
        return [s.value for s in Poststatus]
    if status == "wachtrij":
        # A claimed mail still waits for delivery from the reader's point of view.
        return [Poststatus.WACHTRIJ.value, Poststatus.BEZIG.value]
    if status in {Poststatus.VERZONDEN.value, Poststatus.MISLUKT.value}:
        return [status]
    raise OngeldigeInvoer(
        f"Veld 'status': onbekende status '{status}'; kies wachtrij, verzonden of mislukt.",
        veld="status",
    )


async def postoverzicht(
    *, session: AsyncSession, actor: Actor, status: str | None = None, aantal: int = 100
) -> PostOverzicht:
    """The secretary's own committee's mails, newest first, with counts per status."""
    if actor.rol is not Rol.SECRETARIS or actor.commissie_code is None:
        raise GeenToegang("Alleen het secretariaat ziet de uitgaande post.")
    return await postlijst(
        session=session, commissie=actor.commissie_code, status=status, aantal=aantal
    )


async def postlijst(
    *, session: AsyncSession, commissie: str | None, status: str | None = None, aantal: int = 100
) -> PostOverzicht:
    """Mails of one committee (None: all, for the command line on the server)."""
    statussen = _status_of_fout(status)
    eigen = [Mail.commissie_code == commissie] if commissie is not None else []
    rijen = (
        await session.scalars(
            select(Mail)
            .where(*eigen, Mail.status.in_(statussen))
            .order_by(Mail.id.desc())
            .limit(aantal)
        )
    ).all()
    resultaat = await session.execute(
        select(Mail.status, func.count()).where(*eigen).group_by(Mail.status)
    )
    tellingen: dict[str, int] = {status: aantal for status, aantal in resultaat.all()}
    return PostOverzicht(
        wachtrij=tellingen.get("wachtrij", 0) + tellingen.get("bezig", 0),
        verzonden=tellingen.get("verzonden", 0),
        mislukt=tellingen.get("mislukt", 0),
        mails=[mail_uit(m) for m in rijen],
    )


def mail_uit(m: Mail) -> MailUit:
    wacht = m.status in {Poststatus.WACHTRIJ.value, Poststatus.BEZIG.value}
    return MailUit(
        id=m.id,
        aan=m.aan,
        onderwerp=m.onderwerp,
        methode=m.methode,
        status=Poststatus.WACHTRIJ.value if wacht else m.status,
        pogingen=m.pogingen,
        laatste_fout=m.laatste_fout,
        volgende_poging=m.volgende_poging if wacht else None,
        aangemaakt_op=m.aangemaakt_op,
        verzonden_op=m.verzonden_op,
    )
