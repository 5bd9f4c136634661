"""The case page's "Brief maken" form: the same letter service as POST
/api/zaken/{nummer}/brieven; a plain form post that returns to the case page, where the new
document is listed. With HTMX the page shows "Bezig…" while the letter is made."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from litestar import Request, Response, post
from litestar.params import FromPath

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.adviezen.brieven import maak_brief
from commissie.adviezen.schemas import BriefIn
from commissie.api.adviezen import documentomgeving
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import OngeldigeInvoer
from commissie.web import formulieren as fm
from commissie.web.zaakacties import voer_uit
from commissie.zaken.models import Zaak
from commissie.zaken.rechten import vereis_behandelaar

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]


def _verplicht(waarde: str, veld: str) -> str:
    if not waarde:
        raise OngeldigeInvoer(f"Veld '{veld}': is verplicht maar ontbreekt.", veld=veld)
    return waarde


@post("/zaken/{nummer:str}/brieven", guards=_SECRETARIS, include_in_schema=False)
async def brief_maken(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        vereis_behandelaar(actor, zaak)
        invoer = fm.naar_schema(
            {
                "soort": _verplicht(veld("soort"), "soort"),
                "aan": _verplicht(veld("aan"), "aan"),
            },
            BriefIn,
        )
        await maak_brief(
            session=db_session,
            omg=documentomgeving(omgeving),
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            zaak=zaak,
            invoer=invoer,
            actor=actor,
            nu=nu,
        )

    return await voer_uit(request, db_session, actor, nu, nummer, "brief", stap, omgeving=omgeving)


brief_routes = [brief_maken]
