"""Leden: the roster of a committee. Add, edit, report an absence; the same services as the
API (an ill member is replaced on its open panels by the absence flow)."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import OngeldigeInvoer
from commissie.leden import service
from commissie.leden.schemas import AfwezigheidIn, LidIn, LidWijziging
from commissie.procedure import leden as flows
from commissie.regios import Regios
from commissie.web import formulieren as fm

_BEHEER = [vereis_rol(Rol.SECRETARIS, Rol.BEHEERDER)]
SOORTEN = [("vakantie", "vakantie"), ("ziekte", "ziekte"), ("overig", "overig")]
MELDINGEN = {
    "toegevoegd": "Het lid is toegevoegd.",
    "gewijzigd": "De gegevens van het lid zijn opgeslagen.",
    "afwezigheid": "De afwezigheid is vastgelegd.",
}


def _commissie(actor: Actor, regios: Regios, gevraagd: str | None) -> str:
    """The secretary's own committee; the administrator picks one (default: the first)."""
    if actor.rol is Rol.SECRETARIS and actor.commissie_code:
        return actor.commissie_code
    code = gevraagd or min(regios.commissies)
    if regios.commissie(code) is None:
        raise OngeldigeInvoer(
            f"Parameter 'commissie': onbekende commissie '{code}'.", veld="commissie"
        )
    return code


async def _lijst(
    session: AsyncSession,
    actor: Actor,
    regios: Regios,
    code: str,
    fouten: fm.Fouten | None = None,
    waarden: dict[str, list[str]] | None = None,
    melding: str | None = None,
    status: int = 200,
) -> Template:
    leden = await service.lijst_leden(session=session, actor=actor, commissie=code)
    commissie = regios.commissie(code)
    assert commissie is not None
    return Template(
        "leden.html",
        context={
            "leden": leden,
            "commissie": commissie,
            "commissies": sorted((c.code, c.naam) for c in regios.commissies.values()),
            "kan_kiezen": actor.rol is Rol.BEHEERDER,
            "korpsen": sorted((k.code, k.naam) for k in commissie.korpsen.values()),
            "fouten": fouten or {},
            "f_waarden": waarden or {},
            "melding": melding,
        },
        status_code=status,
    )


@get("/leden", guards=_BEHEER, include_in_schema=False)
async def leden_pagina(
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    commissie: FromQuery[str | None] = None,
    gedaan: FromQuery[str | None] = None,
) -> Template:
    code = _commissie(actor, omgeving.regios, commissie)
    return await _lijst(
        db_session, actor, omgeving.regios, code, melding=MELDINGEN.get(gedaan or "")
    )


@post("/leden", guards=_BEHEER, include_in_schema=False, status_code=200)
async def lid_toevoegen(
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    formulier = await fm.lees(request)
    code = _commissie(actor, omgeving.regios, fm.een(formulier, "commissie") or None)

    async def stap() -> None:
        gegevens = {
            "naam": fm.een(formulier, "nieuw-naam"),
            "commissie": code,
            "korps": fm.een(formulier, "nieuw-korps"),
            "eenheid": fm.of_none(fm.een(formulier, "nieuw-eenheid")),
            "voorzitter": bool(fm.een(formulier, "nieuw-voorzitter")),
            "email": fm.of_none(fm.een(formulier, "nieuw-email")),
        }
        await service.maak_lid(
            session=db_session,
            actor=actor,
            invoer=fm.naar_schema(gegevens, LidIn),
            regios=omgeving.regios,
            nu=nu,
        )

    fout = await fm.probeer(db_session, stap, "nieuw")
    if fout:
        return await _lijst(
            db_session, actor, omgeving.regios, code, fout[0], formulier, None, fout[1]
        )
    return Redirect(f"/leden?commissie={code}&gedaan=toegevoegd", status_code=303)


async def _lid_pagina(
    session: AsyncSession,
    actor: Actor,
    regios: Regios,
    lid_id: int,
    fouten: fm.Fouten | None = None,
    waarden: dict[str, list[str]] | None = None,
    melding: str | None = None,
    status: int = 200,
) -> Template:
    lid = await service.beheerd_lid(session, actor, lid_id)
    return Template(
        "lid.html",
        context={
            "lid": lid,
            "soorten": SOORTEN,
            "fouten": fouten or {},
            "f_waarden": waarden or {},
            "melding": melding,
        },
        status_code=status,
    )


@get("/leden/{lid_id:int}", guards=_BEHEER, include_in_schema=False)
async def lid_pagina(
    lid_id: FromPath[int],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    gedaan: FromQuery[str | None] = None,
) -> Template:
    return await _lid_pagina(
        db_session, actor, omgeving.regios, lid_id, melding=MELDINGEN.get(gedaan or "")
    )


@post("/leden/{lid_id:int}", guards=_BEHEER, include_in_schema=False, status_code=200)
async def lid_wijzigen(
    lid_id: FromPath[int],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    formulier = await fm.lees(request)

    async def stap() -> None:
        gegevens = {
            "eenheid": fm.een(formulier, "wijzig-eenheid"),
            "voorzitter": bool(fm.een(formulier, "wijzig-voorzitter")),
            "actief": bool(fm.een(formulier, "wijzig-actief")),
        }
        if email := fm.een(formulier, "wijzig-email"):
            gegevens["email"] = email
        await flows.wijzig_lid(
            session=db_session,
            actor=actor,
            lid_id=lid_id,
            invoer=fm.naar_schema(gegevens, LidWijziging),
            regios=omgeving.regios,
            nu=nu,
        )

    fout = await fm.probeer(db_session, stap, "wijzig")
    if fout:
        return await _lid_pagina(
            db_session, actor, omgeving.regios, lid_id, fout[0], formulier, None, fout[1]
        )
    return Redirect(f"/leden/{lid_id}?gedaan=gewijzigd", status_code=303)


@post("/leden/{lid_id:int}/afwezigheid", guards=_BEHEER, include_in_schema=False, status_code=200)
async def afwezigheid(
    lid_id: FromPath[int],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    formulier = await fm.lees(request)

    async def stap() -> None:
        await service.beheerd_lid(db_session, actor, lid_id)
        gegevens = {
            "van": fm.een(formulier, "afwezig-van"),
            "tot": fm.een(formulier, "afwezig-tot"),
            "soort": fm.een(formulier, "afwezig-soort"),
            "toelichting": fm.of_none(fm.een(formulier, "afwezig-toelichting")),
        }
        for veld in ("van", "tot", "soort"):
            if not gegevens[veld]:
                raise OngeldigeInvoer(f"Veld '{veld}': is verplicht maar ontbreekt.", veld=veld)
        await flows.meld_afwezigheid(
            session=db_session,
            actor=actor,
            lid_id=lid_id,
            invoer=fm.naar_schema(gegevens, AfwezigheidIn),
            regios=omgeving.regios,
            nu=nu,
        )

    fout = await fm.probeer(db_session, stap, "afwezig")
    if fout:
        return await _lid_pagina(
            db_session, actor, omgeving.regios, lid_id, fout[0], formulier, None, fout[1]
        )
    return Redirect(f"/leden/{lid_id}?gedaan=afwezigheid", status_code=303)


leden_routes = [leden_pagina, lid_toevoegen, lid_pagina, lid_wijzigen, afwezigheid]
