"""Need-to-know: the one place that decides which cases a person may see.

Every query for cases goes through `zichtbaar`, so access is checked in the query,
not only in the page.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, exists, false, select

from commissie.accounts.rollen import Actor, Rol
from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel
from commissie.zaken.models import Partij, Zaak
from commissie.zaken.regels import Status

# The corps leadership sees a case once the advice addressed to it exists.
_VOOR_KORPSLEIDING = (Status.ADVIES_UITGEBRACHT, Status.BESLUIT_GENOMEN, Status.AFGESLOTEN)


def zichtbaar(actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause on Zaak for what `actor` may see."""
    if actor.rol is Rol.SECRETARIS and actor.commissie_code:
        return Zaak.commissie_code == actor.commissie_code
    if actor.rol is Rol.LID and actor.lid_id is not None:
        # An active seat of a member who is still on the committee.
        return exists(
            select(Panelzetel.id)
            .join(Lid, Lid.id == Panelzetel.lid_id)
            .where(
                Panelzetel.zaak_id == Zaak.id,
                Panelzetel.lid_id == actor.lid_id,
                Panelzetel.actief,
                Lid.actief,
            )
        )
    if actor.rol is Rol.KORPSLEIDING and actor.korps_code:
        # Addressed to the corps where the accused works (Awb 9:15).
        return and_(
            Zaak.status.in_([s.value for s in _VOOR_KORPSLEIDING]),
            exists(
                select(Partij.id).where(
                    Partij.zaak_id == Zaak.id,
                    Partij.rol == "beklaagde",
                    Partij.korps_code == actor.korps_code,
                )
            ),
        )
    # The functional administrator manages configuration, not case content.
    return false()


def mag_registreren(actor: Actor, commissie: str) -> bool:
    return actor.rol is Rol.SECRETARIS and actor.commissie_code == commissie


def mag_behandelen(actor: Actor, zaak: Zaak) -> bool:
    """Procedural steps (admissibility, postponement, status) are the secretary's work."""
    return actor.rol is Rol.SECRETARIS and actor.commissie_code == zaak.commissie_code
