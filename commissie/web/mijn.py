"""Mijn zaken and Mijn zittingen: a member's own cases, its seat in each and its upcoming
hearings; no secretariat tasks."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.response import Template

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor, Nu
from commissie.procedure import overzichten
from commissie.web.navigatie import paginapaden
from commissie.zittingen.overzicht import komende_zittingen

ICS_PAD = "/api/zittingen/{zitting_id:int}/uitnodiging.ics"
AGENDA_PAD = "/api/agenda"


@get("/mijn/zaken", guards=[vereis_rol(Rol.LID)], include_in_schema=False)
async def mijn_zaken(db_session: DbSession, actor: HuidigeActor) -> Template:
    zaken = await overzichten.lijst_zaken(session=db_session, actor=actor, limiet=200)
    zetels = await overzichten.mijn_zetels(session=db_session, actor=actor)
    return Template(
        "mijn_zaken.html",
        context={"zaken": [(z, zetels.get(z.nummer, "")) for z in zaken.zaken]},
    )


@get("/mijn/zittingen", guards=[vereis_rol(Rol.LID)], include_in_schema=False)
async def mijn_zittingen(
    request: Request[Any, Any, Any], db_session: DbSession, actor: HuidigeActor, nu: Nu
) -> Template:
    zittingen = await komende_zittingen(session=db_session, nu=nu, actor=actor, limiet=200)
    zetels = await overzichten.mijn_zetels(session=db_session, actor=actor)
    # The invite and the feed are served by the agenda routes; link them once they exist.
    paden = paginapaden(request.app)
    return Template(
        "mijn_zittingen.html",
        context={
            "zittingen": [(z, zetels.get(z.zaak, "")) for z in zittingen],
            "ics": ICS_PAD in paden,
            "agenda": AGENDA_PAD if AGENDA_PAD in paden else None,
        },
    )


mijn_routes = [mijn_zaken, mijn_zittingen]
