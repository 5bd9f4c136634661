"""The page on which users change their own password."""

from __future__ import annotations

import msgspec
from litestar import Request, get, post
from litestar.params import URLEncodedBody
from litestar.response import Template

from commissie.accounts import wachtwoord
from commissie.accounts.middleware import SESSIE_COOKIE
from commissie.api.deps import HuidigeActor, HuidigeOmgeving
from commissie.fouten import OngeldigeInvoer


class WachtwoordForm(msgspec.Struct):
    huidig_wachtwoord: str = ""
    nieuw_wachtwoord: str = ""
    herhaal_wachtwoord: str = ""


def _pagina(
    actor: object, fouten: dict[str, str], gelukt: bool = False, status: int = 200
) -> Template:
    return Template(
        "wachtwoord.html",
        context={"actor": actor, "fouten": fouten, "gelukt": gelukt},
        status_code=status,
    )


@get("/wachtwoord", include_in_schema=False)
async def wachtwoord_pagina(actor: HuidigeActor) -> Template:
    return _pagina(actor, {})


@post("/wachtwoord", include_in_schema=False, status_code=200)
async def wachtwoord_formulier(
    request: Request,
    data: URLEncodedBody[WachtwoordForm],
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
) -> Template:
    fouten: dict[str, str] = {}
    if not data.huidig_wachtwoord:
        fouten["huidig_wachtwoord"] = "Vul uw huidige wachtwoord in."
    if data.nieuw_wachtwoord != data.herhaal_wachtwoord:
        fouten["herhaal_wachtwoord"] = "De herhaling is niet gelijk aan het nieuwe wachtwoord."
    if not fouten:
        try:
            await wachtwoord.wijzig_wachtwoord(
                maker=omgeving.sessionmaker,
                controles=omgeving.controles,
                gebruiker_id=actor.id,
                huidig=data.huidig_wachtwoord,
                nieuw=data.nieuw_wachtwoord,
                houd_sessie=request.cookies.get(SESSIE_COOKIE),
            )
        except OngeldigeInvoer as fout:
            # The service names the field in its sentence; the page shows it at that field.
            fouten[fout.veld or "formulier"] = fout.bericht.split(": ", 1)[-1]
    if fouten:
        return _pagina(actor, fouten, status=400)
    return _pagina(actor, {}, gelukt=True)


wachtwoord_routes = [wachtwoord_pagina, wachtwoord_formulier]
