"""Mijn zaken and Mijn zittingen: a member's own cases, its seat in each and its upcoming
hearings; no secretariat tasks."""

from __future__ import annotations

from typing import Any

from litestar import Request, get
from litestar.response import Template

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.procedure import overzichten
from commissie.zittingen import agenda
from commissie.zittingen.overzicht import komende_zittingen

ICS_PAD = "/api/zittingen/{zitting_id:int}/uitnodiging.ics"


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
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Template:
    zittingen = await komende_zittingen(session=db_session, nu=nu, actor=actor, limiet=200)
    zetels = await overzichten.mijn_zetels(session=db_session, actor=actor)
    # The member's own feed address (the same one GET /api/agenda gives).
    geheim = await agenda.agendageheim(
        session=db_session, actor=actor, app_geheim=request.app.state.geheim, nu=nu
    )
    return Template(
        "mijn_zittingen.html",
        context={
            "zittingen": [(z, zetels.get(z.zaak, "")) for z in zittingen],
            "ics": True,
            "agenda": omgeving.settings.basis_url.rstrip("/") + agenda.feed_pad(geheim),
        },
    )


mijn_routes = [mijn_zaken, mijn_zittingen]
