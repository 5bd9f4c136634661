"""What the case view needs from the other domains, in one statement: the panel, the vacant
chair, the wederhoor steps, the hearings with their history, the recorded not-hearings and the
names of whoever recorded an adjournment.

Each part joins on its own k (`soorten`), so the rows add up instead of multiplying and the
number of statements stays one, whatever the number of seats, hearings or changes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from commissie.accounts.models import Gebruiker
from commissie.db import soorten
from commissie.leden.models import Lid
from commissie.panel.models import Panelzetel, Voorzittersvacature
from commissie.panel.weergave import zetel_uit
from commissie.zaken.models import Verdaging
from commissie.zittingen.models import AfzienHoren, Wederhoor, Zitting, Zittingwijziging


@dataclass
class Zaakdelen:
    panel: list[dict[str, Any]] = field(default_factory=list)
    vacature: str | None = None
    wederhoor: Wederhoor | None = None
    zittingen: list[Zitting] = field(default_factory=list)
    afzien: list[AfzienHoren] = field(default_factory=list)
    door: dict[int, str] = field(default_factory=dict)


def _vraag() -> Select[Any]:
    """Built once, with the case as a parameter: building it costs milliseconds a request."""
    zaak_id_ = bindparam("zaak_id", type_=Integer)
    soort = soorten(7)
    k = soort.c.k
    return (
        select(
            k,
            Zitting,
            Zittingwijziging,
            Wederhoor,
            AfzienHoren,
            Panelzetel.rol,
            Panelzetel.uitleg,
            Lid.naam,
            Lid.korps_code,
            Voorzittersvacature.waarschuwing,
            Gebruiker.id,
            Gebruiker.gebruikersnaam,
        )
        .select_from(soort)
        # k = 1: the hearings; k = 2: each hearing again beside each of its changes.
        .outerjoin(Zitting, and_(k.in_([1, 2]), Zitting.zaak_id == zaak_id_))
        .outerjoin(Zittingwijziging, and_(k == 2, Zittingwijziging.zitting_id == Zitting.id))
        .outerjoin(Wederhoor, and_(k == 3, Wederhoor.zaak_id == zaak_id_))
        .outerjoin(AfzienHoren, and_(k == 4, AfzienHoren.zaak_id == zaak_id_))
        .outerjoin(Panelzetel, and_(k == 5, Panelzetel.zaak_id == zaak_id_, Panelzetel.actief))
        .outerjoin(Lid, Lid.id == Panelzetel.lid_id)
        .outerjoin(Voorzittersvacature, and_(k == 6, Voorzittersvacature.zaak_id == zaak_id_))
        .outerjoin(
            Gebruiker,
            and_(
                k == 7,
                Gebruiker.id.in_(select(Verdaging.door_id).where(Verdaging.zaak_id == zaak_id_)),
            ),
        )
        # The orders of zittingen_van, afzien_van and panel_van_zaak.
        .order_by(
            k,
            Zitting.begin,
            Zitting.id,
            Zittingwijziging.id,
            AfzienHoren.id,
            Panelzetel.rol.desc(),
            Panelzetel.id,
        )
    )


_VRAAG = _vraag()


async def zaakdelen(*, session: AsyncSession, zaak_id: int) -> Zaakdelen:
    rijen = await session.execute(_VRAAG, {"zaak_id": zaak_id})
    uit = Zaakdelen()
    wijzigingen: dict[int, list[Zittingwijziging]] = defaultdict(list)
    for nr, z, w, wh, af, rol, uitleg, naam, korps, vacature, g_id, g_naam in rijen.all():
        if nr == 1 and z is not None:
            uit.zittingen.append(z)
        elif nr == 2 and w is not None:
            wijzigingen[z.id].append(w)
        elif nr == 3:
            uit.wederhoor = wh
        elif nr == 4 and af is not None:
            uit.afzien.append(af)
        elif nr == 5 and rol is not None:
            uit.panel.append(zetel_uit(rol, naam, korps, uitleg))
        elif nr == 6:
            uit.vacature = vacature
        elif nr == 7 and g_id is not None:
            uit.door[g_id] = g_naam
    for z in uit.zittingen:
        # As selectinload would: a history this session already holds is left as it is.
        if "wijzigingen" in inspect(z).unloaded:
            set_committed_value(z, "wijzigingen", wijzigingen[z.id])
    return uit
