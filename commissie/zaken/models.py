from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Date,
    ForeignKey,
    Index,
    String,
    Text,
    UniqueConstraint,
    event,
    select,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from commissie.db import Base


class Zaak(Base):
    __tablename__ = "zaak"
    __table_args__ = (
        UniqueConstraint("commissie_code", "jaar", "volgnummer"),
        Index("ix_zaak_commissie_status", "commissie_code", "status"),
        # The case list: newest first within a committee, with and without a status filter.
        Index("ix_zaak_commissie_id", "commissie_code", "id"),
        Index("ix_zaak_commissie_status_id", "commissie_code", "status", "id"),
        # The load overview: cases received per corps in a period.
        Index("ix_zaak_commissie_ontvangen", "commissie_code", "ontvangen_op", "korps_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    nummer: Mapped[str] = mapped_column(String(20), unique=True)
    commissie_code: Mapped[str] = mapped_column(String(8))
    jaar: Mapped[int]
    volgnummer: Mapped[int]
    status: Mapped[str] = mapped_column(String(24))
    ontvangen_op: Mapped[date] = mapped_column(Date)
    geregistreerd_op: Mapped[datetime]
    # The corps the complaint comes from (the complainant's).
    korps_code: Mapped[str] = mapped_column(String(8))
    omschrijving: Mapped[str] = mapped_column(Text)
    verdaagd_weken: Mapped[int] = mapped_column(default=0)
    ontvangstbevestiging_op: Mapped[date | None] = mapped_column(Date)
    # Set when the case goes to hearing; the load overview counts hearings by it.
    zitting_op: Mapped[date | None] = mapped_column(Date)
    strafonderzoek_lopend: Mapped[bool] = mapped_column(default=False)
    strafonderzoek_sinds: Mapped[date | None] = mapped_column(Date)
    strafonderzoek_kenmerk: Mapped[str | None] = mapped_column(String(100))
    gewijzigd_op: Mapped[datetime]

    partijen: Mapped[list[Partij]] = relationship(
        back_populates="zaak", cascade="all, delete-orphan", order_by="Partij.id"
    )
    categorieen: Mapped[list[ZaakCategorie]] = relationship(cascade="all, delete-orphan")
    gedragingen: Mapped[list[Gedraging]] = relationship(
        cascade="all, delete-orphan", order_by="Gedraging.datum"
    )
    termijnen: Mapped[list[Termijn]] = relationship(
        cascade="all, delete-orphan", order_by="Termijn.einddatum"
    )
    verdagingen: Mapped[list[Verdaging]] = relationship(
        cascade="all, delete-orphan", order_by="Verdaging.id"
    )
    gebeurtenissen: Mapped[list[Gebeurtenis]] = relationship(
        cascade="all, delete-orphan", order_by="Gebeurtenis.id"
    )


class Partij(Base):
    """Complainant, accused or the complainant's confidential counsellor."""

    __tablename__ = "partij"
    __table_args__ = (
        Index("ix_partij_rol_korps_achternaam", "rol", "korps_code", "achternaam_sleutel"),
        # 9:8 lookup: the accused's earlier cases straight from the index, no table visit.
        Index(
            "ix_partij_rol_korps_achternaam_zaak",
            "rol",
            "korps_code",
            "achternaam_sleutel",
            "zaak_id",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    rol: Mapped[str] = mapped_column(String(20))
    naam: Mapped[str] = mapped_column(String(200))
    # casefolded, whitespace-collapsed name for matching (Awb 9:8 a, conflicts of interest)
    naam_sleutel: Mapped[str] = mapped_column(String(200))
    # Surname without initials or tussenvoegsels: finds "T. Beklaagde" for "Test Beklaagde"
    # (Awb 9:8 signals); the pure name match then decides same or possibly the same.
    achternaam_sleutel: Mapped[str] = mapped_column(String(200), default="")
    korps_code: Mapped[str | None] = mapped_column(String(8))
    eenheid: Mapped[str | None] = mapped_column(String(200))
    functie: Mapped[str | None] = mapped_column(String(200))
    contact: Mapped[str | None] = mapped_column(String(400))
    # Hearing invites are mailed here (optional).
    email: Mapped[str | None] = mapped_column(String(254))

    zaak: Mapped[Zaak] = relationship(back_populates="partijen")


class ZaakCategorie(Base):
    __tablename__ = "zaak_categorie"

    zaak_id: Mapped[int] = mapped_column(
        ForeignKey("zaak.id", ondelete="CASCADE"), primary_key=True
    )
    categorie: Mapped[str] = mapped_column(String(40), primary_key=True)


class Gedraging(Base):
    """A date on which the complained-of conduct took place."""

    __tablename__ = "gedraging"
    # 9:8 lookup: earlier cases on this case's conduct dates.
    __table_args__ = (Index("ix_gedraging_datum_zaak", "datum", "zaak_id"),)

    zaak_id: Mapped[int] = mapped_column(
        ForeignKey("zaak.id", ondelete="CASCADE"), primary_key=True
    )
    datum: Mapped[date] = mapped_column(Date, primary_key=True)


class Termijn(Base):
    __tablename__ = "termijn"
    __table_args__ = (
        UniqueConstraint("zaak_id", "soort"),
        # Only the open deadlines, in date order: the deadline list (see migration 0016).
        Index(
            "ix_termijn_open_einddatum",
            "einddatum",
            "zaak_id",
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
        # The case list's next deadline per case.
        Index("ix_termijn_zaak_status_einddatum", "zaak_id", "status", "einddatum"),
        # A secretary's deadline list: the committee's own open deadlines in date order
        # (migration 0018), not those of every committee filtered afterwards.
        Index(
            "ix_termijn_open_commissie_einddatum",
            "commissie_code",
            "einddatum",
            "zaak_id",
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"))
    # The case's committee (it never changes), copied for the index above. Filled on insert
    # from the case (zaken/service.py); nullable only so migration 0018 could add it to the
    # existing rows without rebuilding the table.
    commissie_code: Mapped[str | None] = mapped_column(String(8))
    soort: Mapped[str] = mapped_column(String(30))
    grondslag: Mapped[str] = mapped_column(String(200))
    wettelijke_einddatum: Mapped[date] = mapped_column(Date)
    einddatum: Mapped[date] = mapped_column(Date)
    verdaagd_weken: Mapped[int] = mapped_column(default=0)
    toelichting: Mapped[str] = mapped_column(String(400))
    # E.g. "controleer de gelijkgestelde dagen voor 2029": the Atw data do not cover its year.
    waarschuwing: Mapped[str | None] = mapped_column(String(200))
    # open | voldaan | vervallen
    status: Mapped[str] = mapped_column(String(12), default="open")
    voldaan_op: Mapped[date | None] = mapped_column(Date)


@event.listens_for(Termijn, "before_insert")
def _commissie_van_de_zaak(_mapper: Any, connection: Connection, termijn: Termijn) -> None:
    """A deadline made without its committee gets the case's: one left NULL would be missing
    from its secretary's deadline list."""
    if termijn.commissie_code is None:
        termijn.commissie_code = connection.scalar(
            select(Zaak.commissie_code).where(Zaak.id == termijn.zaak_id)
        )


class Verdaging(Base):
    """Awb 9:11 lid 2/3: postponement, with the complainant's consent beyond four weeks."""

    __tablename__ = "verdaging"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    weken: Mapped[int]
    reden: Mapped[str] = mapped_column(Text)
    besloten_op: Mapped[date] = mapped_column(Date)
    # Awb 9:11 lid 2: the written notice to complainant and accused (None only before 2026-11).
    mededeling_op: Mapped[date | None] = mapped_column(Date)
    # Typed in after the deadline it moved had passed (dates before it): who and when are
    # door_id and aangemaakt_op.
    te_laat_vastgelegd: Mapped[bool] = mapped_column(default=False)
    instemming_datum: Mapped[date | None] = mapped_column(Date)
    instemming_kenmerk: Mapped[str | None] = mapped_column(String(100))
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_op: Mapped[datetime]


class Gebeurtenis(Base):
    """The case timeline: every step, who, when. Written from the domain events."""

    __tablename__ = "gebeurtenis"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    # When it was recorded, and the legal date of the step (besloten_op, verzonden_op, ...).
    op: Mapped[datetime]
    datum: Mapped[date | None] = mapped_column(Date)
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    door_naam: Mapped[str] = mapped_column(String(80))
    soort: Mapped[str] = mapped_column(String(40))
    # Facts only, never the complaint's content: what every reader of the timeline may see.
    omschrijving: Mapped[str] = mapped_column(Text)
    # Free text typed with the step (reasons, references): for the secretariat only.
    toelichting: Mapped[str | None] = mapped_column(Text)
    gegevens: Mapped[dict[str, Any]] = mapped_column(default=dict)


class Inzage(Base):
    """Who looked at which case file, and when (need-to-know is checked, every look recorded).

    The command line has no account: it is recorded by name ("cli:<os user>")."""

    __tablename__ = "inzage"
    __table_args__ = (Index("ix_inzage_zaak_op", "zaak_id", "op"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"))
    gebruiker_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    door_naam: Mapped[str] = mapped_column(String(80))
    op: Mapped[datetime]
    actie: Mapped[str] = mapped_column(String(40))


class ZaakTeller(Base):
    """The last case number per committee and year, taken under a row lock: numbers never
    collide and have no gaps (a registration that rolls back takes its number back)."""

    __tablename__ = "zaak_teller"

    commissie_code: Mapped[str] = mapped_column(String(8), primary_key=True)
    jaar: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    laatste: Mapped[int] = mapped_column(default=0)
