from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
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
