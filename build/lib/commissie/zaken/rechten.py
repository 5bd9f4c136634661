"""Who may do what to a case: the secretariat registers and takes the procedural steps. Pure.

Who may *see* which case is decided in the query, in commissie/panel/toegang.py (it needs
the panel seats)."""

from __future__ import annotations

from commissie.accounts.rollen import Actor, Rol
from commissie.fouten import GeenToegang
from commissie.zaken.models import Zaak


def mag_registreren(actor: Actor, commissie: str) -> bool:
    return actor.rol is Rol.SECRETARIS and actor.commissie_code == commissie


def mag_behandelen(actor: Actor, zaak: Zaak) -> bool:
    """Procedural steps (admissibility, postponement, status) are the secretary's work."""
    return actor.rol is Rol.SECRETARIS and actor.commissie_code == zaak.commissie_code


def vereis_behandelaar(actor: Actor, zaak: Zaak) -> None:
    if not mag_behandelen(actor, zaak):
        raise GeenToegang("Alleen het secretariaat van de commissie zet procedurestappen.")
