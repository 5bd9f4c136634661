"""Hoor en wederhoor (Awb 9:9, 9:10): the copy to the accused, the answer, the hearings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from commissie.db import Base


class Wederhoor(Base):
    """The dates of the wederhoor steps of one case (one row per case, made at the first)."""

    __tablename__ = "wederhoor"

    zaak_id: Mapped[int] = mapped_column(
        ForeignKey("zaak.id", ondelete="CASCADE"), primary_key=True
    )
    afschrift_beklaagde_op: Mapped[date | None] = mapped_column(Date)
    verweer_ontvangen_op: Mapped[date | None] = mapped_column(Date)
    stukken_gedeeld_op: Mapped[date | None] = mapped_column(Date)


class Zitting(Base):
    """A closed hearing (besloten zitting). `uid` and `volgnummer` are the iCalendar UID and
    SEQUENCE: the UID never changes, the number grows with every change of time, place or
    status, so an invite built from this row replaces the one before."""

    __tablename__ = "zitting"
    __table_args__ = (
        Index("ix_zitting_status_begin", "status", "begin"),
        # A member's agenda feed: the recent and coming hearings (migration 0016).
        Index("ix_zitting_begin_zaak", "begin", "zaak_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    uid: Mapped[str] = mapped_column(String(120), unique=True)
    volgnummer: Mapped[int] = mapped_column(default=0)
    begin: Mapped[datetime]
    einde: Mapped[datetime]
    locatie: Mapped[str] = mapped_column(String(200))
    locatie_adres: Mapped[str] = mapped_column(String(400))
    # Who is heard at this session: "klager", "beklaagde:ID" (expanded when planned).
    partijen: Mapped[list[str]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), default="gepland")
    reden_afwijking: Mapped[str | None] = mapped_column(Text)
    annuleer_reden: Mapped[str | None] = mapped_column(Text)
    # What the hearing report records (Awb 9:10): set when it has been held.
    gehoord: Mapped[list[str]] = mapped_column(JSON, default=list)
    bijstand: Mapped[str | None] = mapped_column(Text)
    getuigen: Mapped[list[str]] = mapped_column(JSON, default=list)
    verslag: Mapped[str | None] = mapped_column(Text)
    naar_partijen_op: Mapped[date | None] = mapped_column(Date)
    aangemaakt_op: Mapped[datetime]
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))

    wijzigingen: Mapped[list[Zittingwijziging]] = relationship(
        cascade="all, delete-orphan", order_by="Zittingwijziging.id"
    )


class Zittingwijziging(Base):
    """Every version of a hearing (planned, moved, cancelled): its history, per SEQUENCE."""

    __tablename__ = "zittingwijziging"

    id: Mapped[int] = mapped_column(primary_key=True)
    zitting_id: Mapped[int] = mapped_column(
        ForeignKey("zitting.id", ondelete="CASCADE"), index=True
    )
    volgnummer: Mapped[int]
    soort: Mapped[str] = mapped_column(String(12))  # gepland | verplaatst | geannuleerd
    begin: Mapped[datetime]
    einde: Mapped[datetime]
    locatie: Mapped[str] = mapped_column(String(200))
    op: Mapped[datetime]
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    gegevens: Mapped[dict[str, Any]] = mapped_column(default=dict)


class AfzienHoren(Base):
    """A party not heard, with its Awb 9:10 lid 2 ground."""

    __tablename__ = "afzien_horen"
    __table_args__ = (UniqueConstraint("zaak_id", "partij"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"))
    partij: Mapped[str] = mapped_column(String(30))  # klager | beklaagde:ID
    grond: Mapped[str] = mapped_column(Text)
    op: Mapped[datetime]
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Agendaregel(Base):
    """A hearing in the agenda of a member seated on its case: one row per active seat and
    hearing, kept in the flush that changes either (zittingen/agendaregels.py). The feed
    reads a member's own recent and coming hearings by index, however long their history."""

    __tablename__ = "agendaregel"
    __table_args__ = (Index("ix_agendaregel_lid_begin", "lid_id", "begin"),)

    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id", ondelete="CASCADE"), primary_key=True)
    zitting_id: Mapped[int] = mapped_column(
        ForeignKey("zitting.id", ondelete="CASCADE"), primary_key=True
    )
    # Rebuilt per case: the rows of the cases a flush touched are replaced.
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    begin: Mapped[datetime]
