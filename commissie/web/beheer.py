"""Beheer (administrator): the committees and corps as configured in regios/, the accounts,
a new account with a generated password, a bearer token for scripts. Both secrets are shown
once, on the answer page, and never stored in plain text."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.response import Template
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts import service as accounts
from commissie.accounts.middleware import vereis_rol
from commissie.accounts.models import Token
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeOmgeving, Nu
from commissie.fouten import OngeldigeInvoer
from commissie.procedure import gebruikers
from commissie.regios import Regios
from commissie.web import formulieren as fm

BEHEERDER = [vereis_rol(Rol.BEHEERDER)]
ROLLEN = [(r.value, r.value) for r in Rol]


@dataclass(frozen=True)
class SjabloonUitslag:
    """One letter template as checked from the Beheer page: its file and its problems."""

    soort: str
    bestand: str
    problemen: list[str]


def _tokenstatus(t: Token, nu: datetime) -> str:
    if t.ingetrokken:
        return "ingetrokken"
    return "verlopen" if t.verloopt_op <= nu else "geldig"


async def pagina(
    session: AsyncSession,
    regios: Regios,
    fouten: fm.Fouten | None = None,
    waarden: dict[str, list[str]] | None = None,
    geheim: dict[str, str] | None = None,
    status: int = 200,
    *,
    nu: datetime,
    melding: str | None = None,
    controle: list[SjabloonUitslag] | None = None,
) -> Template:
    lijst = await gebruikers.lijst_gebruikers(session=session)
    tokens = {
        g.gebruikersnaam: [
            (t.id, t.aangemaakt_op, t.verloopt_op, _tokenstatus(t, nu))
            for t in await accounts.tokens(session=session, gebruikersnaam=g.gebruikersnaam)
        ]
        for g in lijst
    }
    return Template(
        "beheer.html",
        context={
            "commissies": sorted(regios.commissies.values(), key=lambda c: c.code),
            "gebruikers": lijst,
            "tokens": tokens,
            "melding": melding,
            "controle": controle,
            "rollen": ROLLEN,
            "commissiekeuze": sorted((c.code, c.naam) for c in regios.commissies.values()),
            "korpskeuze": sorted(
                (k.code, k.naam) for c in regios.commissies.values() for k in c.korpsen.values()
            ),
            "fouten": fouten or {},
            "f_waarden": waarden or {},
            "geheim": geheim,
        },
        # A page with a password or token must not stay in any cache: every page carries
        # Cache-Control: no-store (app.py), tested in tests/web/test_beheer.py.
        status_code=status,
    )


@get("/beheer", guards=BEHEERDER, include_in_schema=False)
async def beheer_pagina(db_session: DbSession, omgeving: HuidigeOmgeving, nu: Nu) -> Template:
    return await pagina(db_session, omgeving.regios, nu=nu)


@post("/beheer/gebruikers", guards=BEHEERDER, include_in_schema=False, status_code=200)
async def gebruiker_maken(
    request: Request[Any, Any, Any], db_session: DbSession, omgeving: HuidigeOmgeving, nu: Nu
) -> Response[Any]:
    formulier = await fm.lees(request)
    wachtwoord = secrets.token_urlsafe(12)
    naam = fm.een(formulier, "account-gebruikersnaam")

    async def stap() -> None:
        if not naam:
            raise OngeldigeInvoer(
                "Veld 'gebruikersnaam': mag niet leeg zijn.", veld="gebruikersnaam"
            )
        if len(naam) > 80:
            raise OngeldigeInvoer(
                "Veld 'gebruikersnaam': is te lang (hoogstens 80 tekens).", veld="gebruikersnaam"
            )
        rol, commissie, korps = accounts.valideer_rolgegevens(
            rol=fm.een(formulier, "account-rol"),
            commissie=fm.of_none(fm.een(formulier, "account-commissie")),
            korps=fm.of_none(fm.een(formulier, "account-korps")),
            regios=omgeving.regios,
        )
        lid = fm.een(formulier, "account-lid")
        if lid and not (lid.isdigit() and len(lid) <= 9):
            raise OngeldigeInvoer("Veld 'lid': verwacht het nummer van een lid.", veld="lid")
        await gebruikers.maak_gebruiker(
            session=db_session,
            gebruikersnaam=naam,
            wachtwoord_hash=accounts.hash_wachtwoord(wachtwoord),
            rol=rol,
            commissie=commissie,
            korps=korps,
            lid_id=int(lid) if lid else None,
            nu=nu,
        )

    fout = await fm.probeer(db_session, stap, "account")
    if fout:
        return await pagina(db_session, omgeving.regios, fout[0], formulier, status=fout[1], nu=nu)
    geheim = {"soort": "wachtwoord", "naam": naam, "waarde": wachtwoord}
    return await pagina(db_session, omgeving.regios, geheim=geheim, status=201, nu=nu)


@post("/beheer/token", guards=BEHEERDER, include_in_schema=False, status_code=200)
async def token_maken(
    request: Request[Any, Any, Any], db_session: DbSession, omgeving: HuidigeOmgeving, nu: Nu
) -> Response[Any]:
    formulier = await fm.lees(request)
    naam = fm.een(formulier, "gebruikersnaam")
    token = ""

    async def stap() -> None:
        nonlocal token
        token = await accounts.maak_token(session=db_session, gebruikersnaam=naam, nu=nu)

    fout = await fm.probeer(db_session, stap, "token")
    if fout:
        return await pagina(db_session, omgeving.regios, fout[0], formulier, status=fout[1], nu=nu)
    geheim = {"soort": "token", "naam": naam, "waarde": token}
    return await pagina(db_session, omgeving.regios, geheim=geheim, status=201, nu=nu)


beheer_routes = [beheer_pagina, gebruiker_maken, token_maken]
