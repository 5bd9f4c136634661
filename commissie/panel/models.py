from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from commissie.db import Base


class Panelzetel(Base):
    """One seat on a case's panel. Replaced seats stay (actief=False) to keep the history."""

    __tablename__ = "panelzetel"
    __table_args__ = (
        Index("ix_panelzetel_lid_actief", "lid_id", "actief"),
        Index("ix_panelzetel_zaak_actief", "zaak_id", "actief"),
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
