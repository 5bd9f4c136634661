"""Cases: register, list, read, and the secretariat's procedural steps."""

from __future__ import annotations

from datetime import datetime

from litestar import Controller, Response, get, post
from litestar.datastructures import ResponseHeader
from litestar.params import FromPath, FromQuery, JSONBody, Parameter
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen import besluit
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.panel.toegang import haal_zaak
from commissie.procedure import overzichten, zaakweergave
from commissie.procedure.registratie import registreer
from commissie.zaken import stappen
from commissie.zaken.models import Zaak
from commissie.zaken.schemas import (
    CommissieUit,
    KorpsUit,
    OntvangstbevestigingIn,
    OntvankelijkheidIn,
    OpenTermijn,
    StatusIn,
    VerdagingIn,
    ZaakIn,
    ZaakLijst,
    ZaakUit,
)

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]


async def _weergave(session: AsyncSession, actor: Actor, zaak: Zaak, nu: datetime) -> ZaakUit:
    return await zaakweergave.zaak_weergave(session=session, actor=actor, zaak=zaak, nu=nu)


class ZakenController(Controller):
    path = "/api/zaken"
    tags = ("zaken",)

    @post("/", guards=_SECRETARIS, status_code=201, summary="Klacht registreren")
    async def registreer(
        self,
        data: JSONBody[ZaakIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> ZaakUit:
        zaak, waarschuwingen = await registreer(
            session=db_session,
            actor=actor,
            invoer=data,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
        )
        uit = await _weergave(db_session, actor, zaak, nu)
        uit.waarschuwingen = list(dict.fromkeys([*waarschuwingen, *uit.waarschuwingen]))
        return uit

    @get("/", summary="Zaken die u mag zien")
    async def lijst(
        self,
        db_session: DbSession,
        actor: HuidigeActor,
        status: FromQuery[str | None] = None,
        na: str | None = Parameter(default=None, description="cursor uit 'volgende'"),
        limiet: int = Parameter(default=50, ge=1, le=200),
    ) -> ZaakLijst:
        return await overzichten.lijst_zaken(
            session=db_session, actor=actor, status=status, na=na, limiet=limiet
        )

    @get("/{nummer:str}", summary="Eén zaak")
    async def detail(
        self, nummer: FromPath[str], db_session: DbSession, actor: HuidigeActor, nu: Nu
    ) -> ZaakUit:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await _weergave(db_session, actor, zaak, nu)

    @post("/{nummer:str}/ontvankelijkheid", guards=_SECRETARIS, status_code=200)
    async def ontvankelijkheid(
        self,
        nummer: FromPath[str],
        data: JSONBody[OntvankelijkheidIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> ZaakUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await stappen.beslis_ontvankelijkheid(
            session=db_session, actor=actor, zaak=zaak, invoer=data, nu=nu
        )
        return await _weergave(db_session, actor, zaak, nu)

    @post("/{nummer:str}/verdaging", guards=_SECRETARIS, status_code=200)
    async def verdaging(
        self,
        nummer: FromPath[str],
        data: JSONBody[VerdagingIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> ZaakUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await stappen.verdaag(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
        )
        return await _weergave(db_session, actor, zaak, nu)

    @post("/{nummer:str}/status", guards=_SECRETARIS, status_code=200)
    async def status(
        self,
        nummer: FromPath[str],
        data: JSONBody[StatusIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> ZaakUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await besluit.wijzig_status(
            session=db_session,
            actor=actor,
            zaak=zaak,
            naar=data.status,
            toelichting=data.toelichting,
            nu=nu,
        )
        return await _weergave(db_session, actor, zaak, nu)

    @post("/{nummer:str}/ontvangstbevestiging", guards=_SECRETARIS, status_code=200)
    async def ontvangstbevestiging(
        self,
        nummer: FromPath[str],
        data: JSONBody[OntvangstbevestigingIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> ZaakUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await stappen.registreer_ontvangstbevestiging(
            session=db_session, actor=actor, zaak=zaak, verzonden_op=data.verzonden_op, nu=nu
        )
        return await _weergave(db_session, actor, zaak, nu)


@get(
    "/api/termijnen",
    tags=["zaken"],
    summary="Open termijnen, verlopen eerst",
    description=(
        "Een lijst open termijnen (verlopen eerst). Is er meer, dan staat de cursor voor de "
        'volgende pagina in de kop `X-Volgende` en als `Link: <...>; rel="next"`; geef hem '
        "mee als `?na=`."
    ),
    response_headers=[
        ResponseHeader(
            name="X-Volgende", description="cursor voor de volgende pagina", documentation_only=True
        ),
        ResponseHeader(
            name="Link", description='de volgende pagina (rel="next")', documentation_only=True
        ),
    ],
)
async def termijnen(
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
    na: str | None = Parameter(default=None, description="cursor uit 'X-Volgende'"),
    limiet: int = Parameter(default=500, ge=1, le=500),
) -> Response[list[OpenTermijn]]:
    # The body stays the bare list clients already read (issue 2); paging rides in the headers.
    pagina = await overzichten.pagina_termijnen(
        session=db_session, actor=actor, nu=nu, regios=omgeving.regios, na=na, limiet=limiet
    )
    koppen: dict[str, str] = {}
    if pagina.volgende:
        koppen["X-Volgende"] = pagina.volgende
        koppen["Link"] = f'</api/termijnen?na={pagina.volgende}&limiet={limiet}>; rel="next"'
    return Response(pagina.termijnen, headers=koppen)


@get("/api/commissies", tags=["configuratie"], summary="Uw commissies en hun korpsen")
async def commissies(actor: HuidigeActor, omgeving: HuidigeOmgeving) -> list[CommissieUit]:
    alle = omgeving.regios.commissies.values()
    if actor.rol is not Rol.BEHEERDER:
        alle = [c for c in alle if c.code == actor.commissie_code]
    return [
        CommissieUit(
            code=c.code,
            naam=c.naam,
            korpsen=[KorpsUit(code=k.code, naam=k.naam) for k in c.korpsen.values()],
        )
        for c in sorted(alle, key=lambda c: c.code)
    ]
