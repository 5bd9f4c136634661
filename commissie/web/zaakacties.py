"""The case page's forms: each posts to its own path, calls the same step as the API and
returns to the case page; a refusal shows the page again with the error next to the field.

Field names are '<actie>-<schema path>', so an error the step names ('besloten_op') lands
next to its field ('ontvankelijkheid-besloten_op') in the right form."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import msgspec
from litestar import Request, Response, post
from litestar.params import FromPath
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen import besluit
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import DomeinFout, GeenToegang, NietGevonden, OngeldigeInvoer
from commissie.omgeving import Omgeving
from commissie.panel import acties as panel
from commissie.panel.schemas import HandmatigIn, VerschoningIn, VervangingIn, WrakingIn
from commissie.panel.toegang import haal_zaak
from commissie.web import formulieren as fm
from commissie.web.zaak import zaak_context
from commissie.zaken import stappen
from commissie.zaken.models import Zaak
from commissie.zaken.schemas import OntvankelijkheidIn, VerdagingIn

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]
Stap = Callable[[Zaak, Callable[[str], str]], Awaitable[Any]]


async def voer_uit(
    request: Request[Any, Any, Any],
    session: AsyncSession,
    actor: Actor,
    nu: Any,
    nummer: str,
    actie: str,
    stap: Stap,
    inzage: str = "behandeling",
    omgeving: Omgeving | None = None,
    anker: Callable[[str], str] = str,
    gedaan: str | None = None,
) -> Response[Any]:
    """`anker` maps a field the step names to the control that shows its error."""
    formulier = await fm.lees(request)

    def veld(naam: str) -> str:
        return fm.een(formulier, f"{actie}-{naam}")

    try:
        zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu, actie=inzage)
        await stap(zaak, veld)
    except (NietGevonden, GeenToegang):
        raise  # not found or not yours: the usual error page
    except (DomeinFout, msgspec.ValidationError) as exc:
        await fm.herstel(session)
        fouten = {
            (actie if k == "formulier" else f"{actie}-{anker(k)}"): zin
            for k, zin in fm.fout_van(exc).items()
        }
        status = exc.status_code if isinstance(exc, DomeinFout) else 400
        context = await zaak_context(
            session=session,
            actor=actor,
            nummer=nummer,
            nu=nu,
            fouten=fouten,
            waarden=formulier,
            omgeving=omgeving,
        )
        return Template("zaak.html", context=context, status_code=status)
    return Redirect(f"/zaken/{nummer}?gedaan={gedaan or actie}", status_code=303)


def _verplicht(waarde: str, veld: str, zin: str = "is verplicht maar ontbreekt") -> str:
    if not waarde:
        raise OngeldigeInvoer(f"Veld '{veld}': {zin}.", veld=veld)
    return waarde


@post("/zaken/{nummer:str}/ontvangstbevestiging", guards=_SECRETARIS, include_in_schema=False)
async def ontvangstbevestiging(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        op = fm.datum(_verplicht(veld("verzonden_op"), "verzonden_op"), "verzonden_op")
        await stappen.registreer_ontvangstbevestiging(
            session=db_session, actor=actor, zaak=zaak, verzonden_op=op, nu=nu
        )

    return await voer_uit(
        request, db_session, actor, nu, nummer, "ontvangstbevestiging", stap, omgeving=omgeving
    )


@post("/zaken/{nummer:str}/ontvankelijkheid", guards=_SECRETARIS, include_in_schema=False)
async def ontvankelijkheid(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        keuze = _verplicht(
            veld("ontvankelijk"), "ontvankelijk", "kies ontvankelijk of niet-ontvankelijk"
        )
        # The 9:8 ground chosen from the list heads the explanation of the decision.
        toelichting = ": ".join(d for d in (veld("grond"), veld("toelichting")) if d)
        invoer = fm.naar_schema(
            {
                "ontvankelijk": keuze == "ja",
                "toelichting": toelichting,
                "besloten_op": fm.of_none(veld("besloten_op")),
            },
            OntvankelijkheidIn,
        )
        await stappen.beslis_ontvankelijkheid(
            session=db_session, actor=actor, zaak=zaak, invoer=invoer, nu=nu
        )

    return await voer_uit(
        request, db_session, actor, nu, nummer, "ontvankelijkheid", stap, omgeving=omgeving
    )


@post("/zaken/{nummer:str}/verdaging", guards=_SECRETARIS, include_in_schema=False)
async def verdaging(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        gegevens: dict[str, Any] = {
            "weken": _verplicht(veld("weken"), "weken"),
            "reden": _verplicht(veld("reden"), "reden"),
            "mededeling_op": _verplicht(veld("mededeling_op"), "mededeling_op"),
            "besloten_op": fm.of_none(veld("besloten_op")),
        }
        datum, kenmerk = veld("instemming_klager-datum"), veld("instemming_klager-kenmerk")
        if datum or kenmerk:
            gegevens["instemming_klager"] = {
                "datum": _verplicht(datum, "instemming_klager.datum"),
                "kenmerk": _verplicht(kenmerk, "instemming_klager.kenmerk"),
            }
        await stappen.verdaag(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=fm.naar_schema(gegevens, VerdagingIn),
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
        )

    return await voer_uit(
        request, db_session, actor, nu, nummer, "verdaging", stap, omgeving=omgeving
    )


@post("/zaken/{nummer:str}/status", guards=_SECRETARIS, include_in_schema=False)
async def status(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
        await besluit.wijzig_status(
            session=db_session,
            actor=actor,
            zaak=zaak,
            naar=_verplicht(veld("status"), "status"),
            toelichting=veld("toelichting"),
            nu=nu,
        )

    return await voer_uit(request, db_session, actor, nu, nummer, "status", stap, omgeving=omgeving)


def _panelstap(
    soort: str, schema: type[Any], velden: tuple[str, ...], uitvoeren: Callable[..., Awaitable[Any]]
) -> Any:
    """One panel change: the listed fields into the API's schema, then the panel action."""

    @post(
        f"/zaken/{{nummer:str}}/panel/{soort}",
        guards=_SECRETARIS,
        include_in_schema=False,
        name=f"web-panel-{soort}",
    )
    async def route(
        nummer: FromPath[str],
        request: Request[Any, Any, Any],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> Response[Any]:
        async def stap(zaak: Zaak, veld: Callable[[str], str]) -> None:
            gegevens = {v: veld(v) for v in velden if veld(v)}
            await uitvoeren(
                session=db_session,
                actor=actor,
                zaak=zaak,
                invoer=fm.naar_schema(gegevens, schema),
                regios=omgeving.regios,
                nu=nu,
            )

        return await voer_uit(
            request, db_session, actor, nu, nummer, soort, stap, "panel", omgeving
        )

    return route


zaakactie_routes = [
    ontvangstbevestiging,
    ontvankelijkheid,
    verdaging,
    status,
    _panelstap("verschoning", VerschoningIn, ("lid", "reden"), panel.verschoning),
    _panelstap(
        "wraking",
        WrakingIn,
        (
            "lid",
            "ingediend_door",
            "reden",
            "ingediend_op",
            "beslissing",
            "toelichting",
            "beslist_op",
        ),
        panel.wraking,
    ),
    _panelstap("ziektevervanging", VervangingIn, ("lid", "reden"), panel.vervanging),
    _panelstap("handmatig", HandmatigIn, ("nieuw_lid", "lid", "reden"), panel.handmatig),
]
