"""The secretary's choice of chair: fill a vacant chair, or check a chosen chair against the
chair rule before an override seats them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.fouten import Conflict
from commissie.leden.models import Lid
from commissie.leden.service import afwezigen, leden_van
from commissie.panel import regels
from commissie.panel.grootboek import vergrendel
from commissie.panel.models import Panelzetel
from commissie.panel.service import (
    _conflicten,
    _kandidaat,
    _samenstellen,
    actieve_zetels,
    zaakfeiten,
)
from commissie.regios import Commissie
from commissie.tijd import vandaag
from commissie.zaken.models import Zaak


async def vul_voorzitter(
    *,
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    actor: Actor,
    nu: datetime,
    nieuw: Lid,
    reden: str,
) -> Panelzetel:
    """The secretary fills a vacant chair with a chosen member (reason required)."""
    await vergrendel(session, commissie.code)
    actief = await actieve_zetels(session, zaak.id)
    if any(z.rol == "voorzitter" for z in actief):
        raise Conflict(
            f"Het panel van {zaak.nummer} heeft een voorzitter; geef in 'lid' aan wie u vervangt."
        )
    korps = await toets_handmatige_voorzitter(
        session=session, zaak=zaak, commissie=commissie, oud=None, nieuw=nieuw, nu=nu
    )
    # A member of this panel may move up; their member seat is then filled by the rules.
    eigen = [z for z in actief if z.lid_id == nieuw.id]
    nieuwe = await _samenstellen(
        session=session,
        zaak=zaak,
        commissie=commissie,
        actor=actor,
        nu=nu,
        actief=actief,
        vervallen=eigen,
        vervallen_uitsluiten=False,
        grond="handmatig",
        toelichting=reden,
        vacature_mag=False,
        handmatig_korps=korps,
        voorzitter=nieuw.id,
        alleen_voorzitter=not eigen,
    )
    return next(z for z in nieuwe if z.rol == "voorzitter")


async def toets_handmatige_voorzitter(
    *,
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    oud: Lid | None,
    nieuw: Lid,
    nu: datetime,
) -> str | None:
    """An override may choose the person, not break the chair rule: the chair's corps is
    weighed against every member available for this case, as the automatic choice would.
    Only when that rule leaves the chair vacant may the secretary take it from an involved
    corps; the answer is then that corps (for the explanation), else None.

    `oud`: the member whose seat changes hands; None when a vacant chair is filled."""
    if oud is not None:
        zetel = next(
            (z for z in await actieve_zetels(session, zaak.id) if z.lid_id == oud.id), None
        )
        if zetel is None or zetel.rol != "voorzitter":
            return None
    if not nieuw.kan_voorzitten:
        raise Conflict(f"{nieuw.naam} kan niet voorzitten.")
    leden = [lid for lid in await leden_van(session, commissie.code) if lid.actief]
    afwezig = await afwezigen(session, [lid.id for lid in leden], vandaag(nu))
    conflicten = await _conflicten(session, zaak.id)
    feiten = zaakfeiten(zaak)
    mogelijk = {
        lid.korps_code
        for lid in leden
        if lid.kan_voorzitten
        and lid.id not in afwezig
        and lid.id not in conflicten
        and (oud is None or lid.id != oud.id)
        and not regels.partijbanden(_kandidaat(lid), feiten)
    }
    korpsen, grond, reden = regels.voorzitterskorpsen(
        regels.regel_voor(commissie), feiten, mogelijk
    )
    if grond == "vacant":
        # Nobody the rule allows is available: the secretary's explicit choice decides.
        return nieuw.korps_code if nieuw.korps_code in feiten.betrokken else None
    if nieuw.korps_code not in korpsen:
        raise Conflict(
            f"De voorzitter moet uit {', '.join(sorted(korpsen))} komen ({reden}); "
            f"{nieuw.naam} is van {nieuw.korps_code}. Kies een lid uit dat korps."
        )
    return None
