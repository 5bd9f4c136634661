"""Panel and load endpoints. Thin: load the case with its access check, call the step."""

from __future__ import annotations

from datetime import date

from litestar import Controller, get, post
from litestar.params import FromPath, FromQuery, JSONBody

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import GeenToegang, OngeldigeInvoer
from commissie.panel import acties
from commissie.panel.belasting import belasting
from commissie.panel.schemas import (
    BelastingUit,
    HandmatigIn,
    PanelUit,
    SamenstellenIn,
    VerschoningIn,
    VervangingIn,
    WrakingIn,
)
from commissie.panel.stapzaak import zaak_voor_stap
from commissie.panel.toegang import haal_zaak
from commissie.regios import commissie_of_fout
from commissie.tijd import vandaag
from commissie.typen import LAATSTE_DATUM, VROEGSTE_ONTVANGST

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]


class PanelController(Controller):
    path = "/api/zaken/{nummer:str}/panel"
    tags = ("panel",)
    guards = _SECRETARIS

    @get("/", summary="Panel met geschiedenis en uitleg")
    async def toon(
        self, nummer: FromPath[str], db_session: DbSession, actor: HuidigeActor, nu: Nu
    ) -> PanelUit:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu, actie="panel")
        return await acties.panel_uit(session=db_session, zaak=zaak)

    @post("/", status_code=200, summary="Panel (opnieuw) samenstellen")
    async def samenstellen(
        self,
        nummer: FromPath[str],
        data: JSONBody[SamenstellenIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> PanelUit:
        zaak = await zaak_voor_stap(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await acties.samenstellen(
            session=db_session,
            actor=actor,
            zaak=zaak,
            opnieuw=data.opnieuw,
            reden=data.reden,
            regios=omgeving.regios,
            nu=nu,
        )

    @post("/verschoning", status_code=200, summary="Verschoning of gemeld belangenconflict")
    async def verschoning(
        self,
        nummer: FromPath[str],
        data: JSONBody[VerschoningIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> PanelUit:
        zaak = await zaak_voor_stap(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await acties.verschoning(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )

    @post("/wraking", status_code=200, summary="Wraking met beslissing van de commissie")
    async def wraking(
        self,
        nummer: FromPath[str],
        data: JSONBody[WrakingIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> PanelUit:
        zaak = await zaak_voor_stap(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await acties.wraking(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )

    @post("/ziektevervanging", status_code=200, summary="Ziek lid vervangen in deze zaak")
    async def ziektevervanging(
        self,
        nummer: FromPath[str],
        data: JSONBody[VervangingIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> PanelUit:
        zaak = await zaak_voor_stap(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await acties.vervanging(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )

    @post("/handmatig", status_code=200, summary="Handmatige aanwijzing door het secretariaat")
    async def handmatig(
        self,
        nummer: FromPath[str],
        data: JSONBody[HandmatigIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> PanelUit:
        zaak = await zaak_voor_stap(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await acties.handmatig(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )


@get(
    "/api/belasting",
    tags=["panel"],
    guards=[vereis_rol(Rol.SECRETARIS, Rol.BEHEERDER)],
    summary="Belasting per korps en per lid over een periode",
)
async def belasting_route(
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
    commissie: FromQuery[str | None] = None,
    van: FromQuery[date | None] = None,
    tot: FromQuery[date | None] = None,
) -> BelastingUit:
    code = commissie or actor.commissie_code
    if code is None:
        raise OngeldigeInvoer("Parameter 'commissie': geef de commissie op.", veld="commissie")
    c = commissie_of_fout(omgeving.regios, code)
    if actor.rol is Rol.SECRETARIS and actor.commissie_code != c.code:
        raise GeenToegang(f"U mag de belasting van commissie {c.code} niet inzien.")
    # Checked before any arithmetic: a year 1 or 9999 would overflow the default period.
    for veld, dag in (("tot", tot), ("van", van)):
        if dag is not None and not VROEGSTE_ONTVANGST <= dag <= LAATSTE_DATUM:
            raise OngeldigeInvoer(
                f"Parameter '{veld}': controleer het jaartal ({dag.isoformat()}).", veld=veld
            )
    tot_ = tot or vandaag(nu)
    van_ = van or date(tot_.year - 1, tot_.month, min(tot_.day, 28))
    if van_ > tot_:
        raise OngeldigeInvoer("Parameter 'van': ligt na 'tot'.", veld="van")
    return await belasting(session=db_session, commissie=c, van=van_, tot=tot_)
