from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from commissie.db import Base


class Gebruiker(Base):
    __tablename__ = "gebruiker"

    id: Mapped[int] = mapped_column(primary_key=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(80), unique=True)
    rol: Mapped[str] = mapped_column(String(20))
    commissie_code: Mapped[str | None] = mapped_column(String(8))
    korps_code: Mapped[str | None] = mapped_column(String(8))
    lid_id: Mapped[int | None] = mapped_column(ForeignKey("lid.id"))
    wachtwoord_hash: Mapped[str] = mapped_column(String(255))
    actief: Mapped[bool] = mapped_column(default=True)
    aangemaakt_op: Mapped[datetime]


class Sessie(Base):
    """Browser session kept in the database, so any worker or host can serve the user."""

    __tablename__ = "sessie"

    sleutel_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True
    )
    aangemaakt_op: Mapped[datetime]
    verloopt_op: Mapped[datetime] = mapped_column(index=True)


class Token(Base):
    """Bearer token for scripts; only its SHA-256 is stored."""

    __tablename__ = "token"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    gebruiker_id: Mapped[int] = mapped_column(
        ForeignKey("gebruiker.id", ondelete="CASCADE"), index=True
    )
    aangemaakt_op: Mapped[datetime]
    ingetrokken: Mapped[bool] = mapped_column(default=False)
    verloopt_op: Mapped[datetime]


class MisluktePoging(Base):
    """A login attempt, kept briefly: written before the password is checked (so parallel
    attempts count each other) and removed when it succeeds. Too many for a (name, address)
    pair, an address, or a name from many addresses pause further attempts."""

    __tablename__ = "mislukte_poging"
    __table_args__ = (
        Index("ix_mislukte_poging_naam_op", "gebruikersnaam", "op"),
        Index("ix_mislukte_poging_adres_op", "adres", "op"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    gebruikersnaam: Mapped[str] = mapped_column(String(80))
    adres: Mapped[str] = mapped_column(String(64), default="")
    op: Mapped[datetime]
