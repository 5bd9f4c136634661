"""Mijn zaken: a member's own cases and its seat in each; no secretariat tasks."""

from __future__ import annotations

from litestar import get
from litestar.response import Template

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor
from commissie.procedure import overzichten


@get("/mijn/zaken", guards=[vereis_rol(Rol.LID)], include_in_schema=False)
async def mijn_zaken(db_session: DbSession, actor: HuidigeActor) -> Template:
    zaken = await overzichten.lijst_zaken(session=db_session, actor=actor, limiet=200)
    zetels = await overzichten.mijn_zetels(session=db_session, actor=actor)
    return Template(
        "mijn_zaken.html",
        context={"zaken": [(z, zetels.get(z.nummer, "")) for z in zaken.zaken]},
    )


mijn_routes = [mijn_zaken]
