"""The case page's hearing forms (secretary): wederhoor steps, planning from a proposed slot,
moving, cancelling, the hoorverslag and not hearing a party. The same services as
commissie/api/zittingen.py; a refusal shows the case page again with the error at its field."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from litestar import Request, Response, post
from litestar.params import FromPath
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import NietGevonden, OngeldigeInvoer
from commissie.omgeving import Omgeving
from commissie.web import formulieren as fm
from commissie.web.horen import lees_voorstel
from commissie.web.zaakacties import voer_uit
from commissie.zaken.models import Zaak
from commissie.zittingen import planning, service
from commissie.zittingen.models import Zitting
from commissie.zittingen.schemas import (
    AfzienHorenIn,
    AnnuleerIn,
    VerslagIn,
    WederhoorIn,
    ZittingIn,
    ZittingWijzigIn,
)

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]
_INDEX = re.compile(r"-\d+$")


def _lijst_anker(k: str) -> str:
    """'gehoord-0' (the step names one entry) -> 'gehoord' (the group of checkboxes)."""
    return _INDEX.sub("", k)


async def _zitting(session: AsyncSession, zaak: Zaak, zitting_id: int) -> Zitting:
    """The hearing, only when it belongs to this case (the case's access is already checked)."""
    z = next((z for z in await service.zittingen_van(session, zaak.id) if z.id == zitting_id), None)
    if z is None:
        raise NietGevonden(f"Zitting {zitting_id} hoort niet bij zaak {zaak.nummer}.")
    return z


async def _uitvoeren(
    request: Request[Any, Any, Any],
    session: AsyncSession,
    actor: Actor,
    omgeving: Omgeving,
    nu: Any,
    nummer: str,
    actie: str,
    stap: Callable[[Zaak, Callable[[str], str]], Any],
    melding: str | None = None,
) -> Response[Any]:
    # Several forms of one kind (one per hearing) share one message (`melding`).
    return await voer_uit(
        request,
        session,
        actor,
        nu,
        nummer,
        actie,
        stap,
        omgeving=omgeving,
        anker=_lijst_anker,
        gedaan=melding,
    )


@post("/zaken/{nummer:str}/wederhoor", guards=_SECRETARIS, include_in_schema=False)
async def wederhoor(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        if not veld("stap"):
            raise OngeldigeInvoer("Veld 'stap': kies een wederhoorstap.", veld="stap")
        invoer = fm.naar_schema(
            {
                "stap": veld("stap"),
                "op": fm.of_none(veld("op")),
                "toelichting": veld("toelichting"),
            },
            WederhoorIn,
        )
        await service.leg_wederhoor_vast(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=invoer,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
        )

    return await _uitvoeren(request, db_session, actor, omgeving, nu, nummer, "wederhoor", stap)


@post("/zaken/{nummer:str}/zitting", guards=_SECRETARIS, include_in_schema=False)
async def plan(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    partijen = (await fm.lees(request)).get("zitting-partijen", [])

    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        voorstel = lees_voorstel(veld("voorstel"))
        if voorstel is None:
            raise OngeldigeInvoer(
                "Veld 'voorstel': kies een van de voorgestelde tijdstippen.", veld="voorstel"
            )
        begin, duur, locatie = voorstel
        invoer = fm.naar_schema(
            {
                "begin": begin,
                "duur_minuten": duur,
                "locatie": locatie,
                "partijen": partijen,
                "reden_afwijking": fm.of_none(veld("reden_afwijking")),
            },
            ZittingIn,
        )
        await planning.plan_zitting(
            session=db_session, actor=actor, zaak=zaak, invoer=invoer, regios=omgeving.regios, nu=nu
        )

    return await _uitvoeren(request, db_session, actor, omgeving, nu, nummer, "zitting", stap)


@post(
    "/zaken/{nummer:str}/zittingen/{zitting_id:int}/verplaatsen",
    guards=_SECRETARIS,
    include_in_schema=False,
)
async def verplaatsen(
    nummer: FromPath[str],
    zitting_id: FromPath[int],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        invoer = fm.naar_schema(
            {
                k: v
                for k, v in {
                    "begin": veld("begin"),
                    "duur_minuten": veld("duur_minuten"),
                    "reden_afwijking": veld("reden_afwijking"),
                }.items()
                if v
            },
            ZittingWijzigIn,
        )
        await planning.wijzig_zitting(
            session=db_session,
            actor=actor,
            zaak=zaak,
            zitting=await _zitting(db_session, zaak, zitting_id),
            invoer=invoer,
            regios=omgeving.regios,
            nu=nu,
        )

    actie = f"verplaatsen-{zitting_id}"
    return await _uitvoeren(
        request, db_session, actor, omgeving, nu, nummer, actie, stap, "verplaatsen"
    )


@post(
    "/zaken/{nummer:str}/zittingen/{zitting_id:int}/annuleren",
    guards=_SECRETARIS,
    include_in_schema=False,
)
async def annuleren(
    nummer: FromPath[str],
    zitting_id: FromPath[int],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        await planning.annuleer_zitting(
            session=db_session,
            actor=actor,
            zaak=zaak,
            zitting=await _zitting(db_session, zaak, zitting_id),
            invoer=fm.naar_schema({"reden": veld("reden")}, AnnuleerIn),
            nu=nu,
        )

    actie = f"annuleren-{zitting_id}"
    return await _uitvoeren(
        request, db_session, actor, omgeving, nu, nummer, actie, stap, "annuleren"
    )


@post(
    "/zaken/{nummer:str}/zittingen/{zitting_id:int}/verslag",
    guards=_SECRETARIS,
    include_in_schema=False,
)
async def verslag(
    nummer: FromPath[str],
    zitting_id: FromPath[int],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    actie = f"verslag-{zitting_id}"
    formulier = await fm.lees(request)
    gehoord = formulier.get(f"{actie}-gehoord", [])
    getuigen = [r.strip() for r in fm.een(formulier, f"{actie}-getuigen").splitlines() if r.strip()]

    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        invoer = fm.naar_schema(
            {
                "gehoord": gehoord,
                "verslag": veld("verslag"),
                "bijstand": fm.of_none(veld("bijstand")),
                "getuigen": getuigen,
                "naar_partijen_op": fm.of_none(veld("naar_partijen_op")),
            },
            VerslagIn,
        )
        await planning.leg_verslag_vast(
            session=db_session,
            actor=actor,
            zaak=zaak,
            zitting=await _zitting(db_session, zaak, zitting_id),
            invoer=invoer,
            nu=nu,
        )

    return await _uitvoeren(
        request, db_session, actor, omgeving, nu, nummer, actie, stap, "verslag"
    )


@post("/zaken/{nummer:str}/afzien-horen", guards=_SECRETARIS, include_in_schema=False)
async def afzien_horen(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        if not veld("partij"):
            raise OngeldigeInvoer(
                "Veld 'partij': kies de partij die niet wordt gehoord.", veld="partij"
            )
        invoer = fm.naar_schema({"partij": veld("partij"), "grond": veld("grond")}, AfzienHorenIn)
        await service.zie_af_van_horen(
            session=db_session, actor=actor, zaak=zaak, invoer=invoer, nu=nu
        )

    return await _uitvoeren(request, db_session, actor, omgeving, nu, nummer, "afzien", stap)


zitting_routes = [wederhoor, plan, verplaatsen, annuleren, verslag, afzien_horen]
