from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commissie.db import Base


class Lid(Base):
    __tablename__ = "lid"

    id: Mapped[int] = mapped_column(primary_key=True)
    commissie_code: Mapped[str] = mapped_column(String(8), index=True)
    naam: Mapped[str] = mapped_column(String(200))
    korps_code: Mapped[str] = mapped_column(String(8))
    eenheid: Mapped[str | None] = mapped_column(String(200))
    kan_voorzitten: Mapped[bool] = mapped_column(default=False)
    email: Mapped[str | None] = mapped_column(String(254))
    actief: Mapped[bool] = mapped_column(default=True)
    # Fixed rotation order: breaks ties in the fair-share choice deterministically.
    volgorde: Mapped[int] = mapped_column(default=0)
    aangemaakt_op: Mapped[datetime]


class Afwezigheid(Base):
    """A member's absence (holiday, illness): no new seats while it lasts."""

    __tablename__ = "afwezigheid"
    __table_args__ = (Index("ix_afwezigheid_lid_van_tot", "lid_id", "van", "tot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id", ondelete="CASCADE"))
    van: Mapped[date] = mapped_column(Date)
    tot: Mapped[date] = mapped_column(Date)  # inclusive
    soort: Mapped[str] = mapped_column(String(12))  # vakantie | ziekte | overig
    toelichting: Mapped[str | None] = mapped_column(Text)
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[datetime]
