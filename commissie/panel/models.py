from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from commissie.db import Base


class Panelzetel(Base):
    """One seat on a case's panel. Replaced seats stay (actief=False) to keep the history."""

    __tablename__ = "panelzetel"
    __table_args__ = (
        Index("ix_panelzetel_lid_actief", "lid_id", "actief"),
        Index("ix_panelzetel_zaak_actief", "zaak_id", "actief"),
        # The load overview: a member's seats in a period.
        Index("ix_panelzetel_lid_actief_aangewezen", "lid_id", "actief", "aangewezen_op"),
        # The database itself refuses a member seated twice or two chairs on one case.
        Index(
            "uq_panelzetel_zaak_lid_actief",
            "zaak_id",
            "lid_id",
            unique=True,
            sqlite_where=text("actief"),
            postgresql_where=text("actief"),
        ),
        Index(
            "uq_panelzetel_zaak_voorzitter_actief",
            "zaak_id",
            unique=True,
            sqlite_where=text("actief AND rol = 'voorzitter'"),
            postgresql_where=text("actief AND rol = 'voorzitter'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"))
    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id"))
    rol: Mapped[str] = mapped_column(String(12))  # voorzitter | lid
    actief: Mapped[bool] = mapped_column(default=True)
    aangewezen_op: Mapped[datetime]
    aangewezen_door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    # Who was considered, who was excluded and why, why this person was chosen.
    uitleg: Mapped[dict[str, Any]] = mapped_column(default=dict)
    beeindigd_op: Mapped[datetime | None]
    einde_reden: Mapped[str | None] = mapped_column(String(30))
    einde_toelichting: Mapped[str | None] = mapped_column(Text)


class Conflictmelding(Base):
    """A declared conflict of interest: this member never sits on this case."""

    __tablename__ = "conflictmelding"
    __table_args__ = (UniqueConstraint("zaak_id", "lid_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"))
    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id"))
    reden: Mapped[str] = mapped_column(Text)
    soort: Mapped[str] = mapped_column(String(12))  # verschoning | wraking
    gemeld_op: Mapped[datetime]
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))


class Wraking(Base):
    """A party's objection to a panel member, and the committee's decision on it."""

    __tablename__ = "wraking"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id"))
    ingediend_door: Mapped[str] = mapped_column(String(12))  # klager | beklaagde
    reden: Mapped[str] = mapped_column(Text)
    ingediend_op: Mapped[date] = mapped_column(Date)
    beslissing: Mapped[str] = mapped_column(String(12))  # toegewezen | afgewezen
    beslist_op: Mapped[date] = mapped_column(Date)
    toelichting: Mapped[str] = mapped_column(Text)
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[datetime]


class Grootboek(Base):
    """Fair-share ledger per member, as exact fractions ("1572/8691") so ties stay ties."""

    __tablename__ = "grootboek"

    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id", ondelete="CASCADE"), primary_key=True)
    zetels: Mapped[str] = mapped_column(String(80), default="0")
    voorzitter: Mapped[str] = mapped_column(String(80), default="0")


class Voorzittersvacature(Base):
    """A chair seat the rules left open, with the warning the secretary sees (the rule, the
    corps, who is back when) until someone takes the seat."""

    __tablename__ = "voorzittersvacature"

    zaak_id: Mapped[int] = mapped_column(
        ForeignKey("zaak.id", ondelete="CASCADE"), primary_key=True
    )
    waarschuwing: Mapped[str] = mapped_column(Text)
    sinds: Mapped[datetime]


class Lastdag(Base):
    """Running totals per member and day for the load overview, kept in the flush that changes
    a seat or a hearing date (see commissie.panel.lasttotalen): `zetels`/`voorzitter` count
    the active seats appointed that day (Amsterdam), `zittingen` the active seats on cases
    heard that day. The overview sums days, never seats."""

    __tablename__ = "lastdag"

    lid_id: Mapped[int] = mapped_column(ForeignKey("lid.id", ondelete="CASCADE"), primary_key=True)
    dag: Mapped[date] = mapped_column(Date, primary_key=True)
    zetels: Mapped[int] = mapped_column(default=0)
    voorzitter: Mapped[int] = mapped_column(default=0)
    zittingen: Mapped[int] = mapped_column(default=0)


class Zakendag(Base):
    """Cases received per committee, corps and day: the overview's cases per corps."""

    __tablename__ = "zakendag"

    commissie_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    korps_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    dag: Mapped[date] = mapped_column(Date, primary_key=True)
    zaken: Mapped[int] = mapped_column(default=0)
