"""The evaluation form (seed section 3.3) on the case page: the secretariat records it after
the corps decided, and only then can the case be closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request, post
from litestar.params import FromPath
from litestar.response import Response

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.adviezen import besluit as besluiten
from commissie.adviezen.schemas import EvaluatieIn
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.web.zaakacties import voer_uit
from commissie.zaken.models import Zaak


@post(
    "/zaken/{nummer:str}/evaluatie",
    guards=[vereis_rol(Rol.SECRETARIS)],
    include_in_schema=False,
)
async def evaluatie(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        invoer = EvaluatieIn(
            afhandeling=veld("afhandeling"),
            maatregelen=veld("maatregelen"),
            ervaring_uitkomst=veld("ervaring_uitkomst"),
            ervaring_procedure=veld("ervaring_procedure"),
            vervolg_nodig=veld("vervolg_nodig") == "ja",
            vervolg=veld("vervolg"),
        )
        await besluiten.leg_evaluatie_vast(
            session=db_session, actor=actor, zaak=zaak, invoer=invoer, nu=nu
        )

    return await voer_uit(
        request, db_session, actor, nu, nummer, "evaluatie", stap, omgeving=omgeving
    )


evaluatie_routes = [evaluatie]
