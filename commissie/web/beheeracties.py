"""Beheer actions on existing accounts and on the letter templates: block an account, revoke
a token, check every letter template as `commissie sjablonen controleer` does. Each posts a
plain form (works without JavaScript) and answers with the Beheer page."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Template

from commissie.accounts import service as accounts
from commissie.adviezen.sjablonen import SJABLONEN, controleer_bestand, map_van
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import OngeldigeInvoer
from commissie.web import formulieren as fm
from commissie.web.beheer import BEHEERDER, SjabloonUitslag, pagina


def controleer_sjablonen(templates_dir: Path) -> list[SjabloonUitslag]:
    """Every letter template with its problems (none: in order), the CLI's check per file."""
    map_ = map_van(templates_dir)
    uit = []
    for soort in sorted(SJABLONEN):
        s = SJABLONEN[soort]
        uit.append(SjabloonUitslag(soort, s.bestand, controleer_bestand(map_ / s.bestand, s)))
    return uit


@post("/beheer/blokkeren", guards=BEHEERDER, include_in_schema=False, status_code=200)
async def blokkeren(
    request: Request[Any, Any, Any],
    db_session: DbSession,
    omgeving: HuidigeOmgeving,
    actor: HuidigeActor,
    nu: Nu,
) -> Response[Any]:
    formulier = await fm.lees(request)
    naam = fm.een(formulier, "gebruikersnaam")
    # Errors go next to this account's own confirmation box.
    voorvoegsel = f"blokkeer-{naam}"

    async def stap() -> None:
        if naam == actor.gebruikersnaam:
            raise OngeldigeInvoer(
                "Veld 'bevestig': u kunt uw eigen account niet blokkeren.", veld="bevestig"
            )
        if fm.een(formulier, "bevestig") != "ja":
            raise OngeldigeInvoer(
                f"Veld 'bevestig': vink aan dat u het account {naam} wilt blokkeren.",
                veld="bevestig",
            )
        await accounts.blokkeer(session=db_session, gebruikersnaam=naam)

    fout = await fm.probeer(db_session, stap, voorvoegsel)
    if fout:
        return await pagina(db_session, omgeving.regios, fout[0], formulier, status=fout[1], nu=nu)
    melding = f"Account {naam} is geblokkeerd; sessies en tokens zijn beëindigd."
    return await pagina(db_session, omgeving.regios, nu=nu, melding=melding)


@post("/beheer/tokens/intrekken", guards=BEHEERDER, include_in_schema=False, status_code=200)
async def token_intrekken(
    request: Request[Any, Any, Any], db_session: DbSession, omgeving: HuidigeOmgeving, nu: Nu
) -> Response[Any]:
    formulier = await fm.lees(request)
    naam = fm.een(formulier, "gebruikersnaam")
    token = fm.een(formulier, "token")
    aantal = 0

    async def stap() -> None:
        nonlocal aantal
        if not (token.isdigit() and 0 < len(token) <= 9):
            raise OngeldigeInvoer("Veld 'token': verwacht het nummer van een token.", veld="token")
        aantal = await accounts.trek_in(
            session=db_session, gebruikersnaam=naam, token_id=int(token)
        )

    fout = await fm.probeer(db_session, stap, "intrekken")
    if fout:
        return await pagina(db_session, omgeving.regios, fout[0], formulier, status=fout[1], nu=nu)
    melding = (
        f"Token {token} van {naam} is ingetrokken."
        if aantal
        else f"Token {token} van {naam} was al ingetrokken."
    )
    return await pagina(db_session, omgeving.regios, nu=nu, melding=melding)


@get("/beheer/sjablonen", guards=BEHEERDER, include_in_schema=False)
async def sjablonen_controleren(
    db_session: DbSession, omgeving: HuidigeOmgeving, nu: Nu
) -> Template:
    # Rendering .docx files blocks: off the event loop.
    controle = await asyncio.to_thread(controleer_sjablonen, omgeving.settings.templates_dir)
    return await pagina(db_session, omgeving.regios, nu=nu, controle=controle)


beheeractie_routes = [blokkeren, token_intrekken, sjablonen_controleren]
