"""Roles and the authenticated actor. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Rol(StrEnum):
    BEHEERDER = "beheerder"
    SECRETARIS = "secretaris"
    LID = "lid"
    KORPSLEIDING = "korpsleiding"


@dataclass(frozen=True)
class Actor:
    """Who is asking: what every access check and every timeline entry is based on."""

    id: int
    gebruikersnaam: str
    rol: Rol
    commissie_code: str | None
    korps_code: str | None
    lid_id: int | None

    @property
    def gebruiker_id(self) -> int | None:
        """The account behind the actor: None for the command line, which has none (id 0)."""
        return self.id or None
