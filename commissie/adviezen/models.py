"""Advice versions, comments, documents, the corps' decisions and the evaluation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from commissie.db import Base


class Adviesversie(Base):
    """One version of the advice. Each PUT adds one; a fixed version never changes, and a
    correction is a new version pointing at the fixed one it corrects."""

    __tablename__ = "adviesversie"
    __table_args__ = (UniqueConstraint("zaak_id", "versie"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    versie: Mapped[int]
    feiten: Mapped[str] = mapped_column(Text)
    standpunten: Mapped[str] = mapped_column(Text)
    overwegingen: Mapped[str] = mapped_column(Text)
    aanbevelingen: Mapped[str] = mapped_column(Text)
    # {"onderdelen": [{"beklaagde": id, "oordeel": ..., "motivering": ...}]}
    onderdelen: Mapped[dict[str, Any]] = mapped_column(default=dict)
    corrigeert_id: Mapped[int | None] = mapped_column(ForeignKey("adviesversie.id"))
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    door_naam: Mapped[str] = mapped_column(String(80))
    aangemaakt_op: Mapped[datetime]
    vastgesteld_op: Mapped[datetime | None]
    vastgesteld_door: Mapped[str | None] = mapped_column(String(80))


class Adviesopmerking(Base):
    __tablename__ = "adviesopmerking"

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    # The version that was current when the comment was made (None: before any draft).
    versie: Mapped[int | None]
    tekst: Mapped[str] = mapped_column(Text)
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    door_naam: Mapped[str] = mapped_column(String(80))
    op: Mapped[datetime]


class Document(Base):
    """A generated letter or advice, kept with the case; the bytes live in the storage."""

    __tablename__ = "document"
    __table_args__ = (Index("ix_document_zaak_soort", "zaak_id", "soort"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"))
    soort: Mapped[str] = mapped_column(String(40))
    titel: Mapped[str] = mapped_column(String(200))
    versie: Mapped[int] = mapped_column(default=1)
    korps_code: Mapped[str | None] = mapped_column(String(8))
    aan: Mapped[str] = mapped_column(String(40))  # klager | beklaagde:ID | korps:CODE
    formaat: Mapped[str] = mapped_column(String(8))  # docx | pdf
    bestandsnaam: Mapped[str] = mapped_column(String(200))
    sleutel: Mapped[str] = mapped_column(String(300))
    sha256: Mapped[str] = mapped_column(String(64))
    grootte: Mapped[int]
    adviesversie_id: Mapped[int | None] = mapped_column(ForeignKey("adviesversie.id"))
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    aangemaakt_door: Mapped[str] = mapped_column(String(80))
    aangemaakt_op: Mapped[datetime]


class Besluit(Base):
    """The decision of one corps' leadership on the part of the complaint about its accused."""

    __tablename__ = "besluit"
    __table_args__ = (UniqueConstraint("zaak_id", "korps_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    zaak_id: Mapped[int] = mapped_column(ForeignKey("zaak.id", ondelete="CASCADE"), index=True)
    korps_code: Mapped[str] = mapped_column(String(8))
    volgt_advies: Mapped[bool]
    motivering: Mapped[str] = mapped_column(Text, default="")
    # {"maatregelen": [{"voor": "beklaagde:ID" | "klager", "soort": ..., "toelichting": ...}]}
    maatregelen: Mapped[dict[str, Any]] = mapped_column(default=dict)
    besloten_op: Mapped[date] = mapped_column(Date)
    dagen_te_laat: Mapped[int] = mapped_column(default=0)
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    door_naam: Mapped[str] = mapped_column(String(80))
    aangemaakt_op: Mapped[datetime]


class Evaluatie(Base):
    """The evaluation form (seed 3.3) recorded after the decision, before closing."""

    __tablename__ = "evaluatie"

    zaak_id: Mapped[int] = mapped_column(
        ForeignKey("zaak.id", ondelete="CASCADE"), primary_key=True
    )
    afhandeling: Mapped[str] = mapped_column(Text)
    maatregelen: Mapped[str] = mapped_column(Text, default="")
    ervaring_uitkomst: Mapped[str] = mapped_column(Text)
    ervaring_procedure: Mapped[str] = mapped_column(Text)
    vervolg_nodig: Mapped[bool]
    vervolg: Mapped[str] = mapped_column(Text, default="")
    advies_gevolgd: Mapped[bool]
    doorlooptijd_dagen: Mapped[int]
    door_id: Mapped[int | None] = mapped_column(ForeignKey("gebruiker.id"))
    door_naam: Mapped[str] = mapped_column(String(80))
    op: Mapped[datetime]
