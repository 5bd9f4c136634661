"""Hoor en wederhoor: wederhoor steps, hearings, planning help, not hearing a party."""

from __future__ import annotations

from datetime import UTC

from litestar import Controller, Response, get, patch, post
from litestar.params import FromPath, JSONBody, Parameter

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.panel.toegang import haal_zaak
from commissie.procedure import zaakweergave
from commissie.zaken.schemas import ZaakUit
from commissie.zittingen import planning, service, uitnodigingen, voorstellen
from commissie.zittingen.regels import alle_partijen
from commissie.zittingen.schemas import (
    AfzienHorenIn,
    AnnuleerIn,
    VerslagIn,
    VoorstellenUit,
    VoorstelUit,
    WederhoorIn,
    ZittingIn,
    ZittingUit,
    ZittingWijzigIn,
)
from commissie.zittingen.weergave import zitting_uit

_SECRETARIS = [vereis_rol(Rol.SECRETARIS)]


class ZaakZittingenController(Controller):
    path = "/api/zaken/{nummer:str}"
    tags = ("zittingen",)

    @post("/wederhoor", guards=_SECRETARIS, status_code=200, summary="Wederhoorstap vastleggen")
    async def wederhoor(
        self,
        nummer: FromPath[str],
        data: JSONBody[WederhoorIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> ZaakUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await service.leg_wederhoor_vast(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
        )
        return await zaakweergave.zaak_weergave(session=db_session, actor=actor, zaak=zaak, nu=nu)

    @post("/zittingen", guards=_SECRETARIS, status_code=201, summary="Zitting plannen")
    async def plan(
        self,
        nummer: FromPath[str],
        data: JSONBody[ZittingIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> ZittingUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        z = await planning.plan_zitting(
            session=db_session, actor=actor, zaak=zaak, invoer=data, regios=omgeving.regios, nu=nu
        )
        return zitting_uit(z, zaak.nummer, alle_partijen(service.beklaagde_ids(zaak)), actor)

    @get("/zittingen", summary="Zittingen van een zaak")
    async def lijst(
        self, nummer: FromPath[str], db_session: DbSession, actor: HuidigeActor, nu: Nu
    ) -> list[ZittingUit]:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        partijen = alle_partijen(service.beklaagde_ids(zaak))
        return [
            zitting_uit(z, zaak.nummer, partijen, actor)
            for z in await service.zittingen_van(db_session, zaak.id)
        ]

    @get("/zitting-voorstellen", guards=_SECRETARIS, summary="Vrije tijdsloten voor een zitting")
    async def voorstellen(
        self,
        nummer: FromPath[str],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
        aantal: int = Parameter(default=5, ge=1, le=20),
        duur_minuten: int = Parameter(default=120, ge=15, le=600),
    ) -> VoorstellenUit:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        uit = await voorstellen.voorstellen(
            session=db_session,
            zaak=zaak,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=nu,
            aantal=aantal,
            duur_minuten=duur_minuten,
        )
        return VoorstellenUit(
            voorstellen=[
                # Instants leave the API in UTC, as everywhere.
                VoorstelUit(
                    begin=v.begin.astimezone(UTC), einde=v.einde.astimezone(UTC), locatie=v.locatie
                )
                for v in uit.voorstellen
            ],
            waarschuwingen=uit.waarschuwingen,
        )

    @post("/afzien-horen", guards=_SECRETARIS, status_code=200, summary="Afzien van horen")
    async def afzien_horen(
        self,
        nummer: FromPath[str],
        data: JSONBody[AfzienHorenIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> ZaakUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await service.zie_af_van_horen(
            session=db_session, actor=actor, zaak=zaak, invoer=data, nu=nu
        )
        return await zaakweergave.zaak_weergave(session=db_session, actor=actor, zaak=zaak, nu=nu)


class ZittingController(Controller):
    path = "/api/zittingen"
    tags = ("zittingen",)

    @patch("/{zitting_id:int}", guards=_SECRETARIS, summary="Zitting verplaatsen")
    async def wijzig(
        self,
        zitting_id: FromPath[int],
        data: JSONBody[ZittingWijzigIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> ZittingUit:
        zaak, z = await planning.haal_zitting(
            session=db_session, actor=actor, zitting_id=zitting_id, nu=nu, actie="behandeling"
        )
        await planning.wijzig_zitting(
            session=db_session,
            actor=actor,
            zaak=zaak,
            zitting=z,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )
        return zitting_uit(z, zaak.nummer, alle_partijen(service.beklaagde_ids(zaak)), actor)

    @post("/{zitting_id:int}/annuleren", guards=_SECRETARIS, status_code=200)
    async def annuleren(
        self,
        zitting_id: FromPath[int],
        data: JSONBody[AnnuleerIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> ZittingUit:
        zaak, z = await planning.haal_zitting(
            session=db_session, actor=actor, zitting_id=zitting_id, nu=nu, actie="behandeling"
        )
        await planning.annuleer_zitting(
            session=db_session, actor=actor, zaak=zaak, zitting=z, invoer=data, nu=nu
        )
        return zitting_uit(z, zaak.nummer, alle_partijen(service.beklaagde_ids(zaak)), actor)

    @post("/{zitting_id:int}/verslag", guards=_SECRETARIS, status_code=200)
    async def verslag(
        self,
        zitting_id: FromPath[int],
        data: JSONBody[VerslagIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> ZittingUit:
        zaak, z = await planning.haal_zitting(
            session=db_session, actor=actor, zitting_id=zitting_id, nu=nu, actie="behandeling"
        )
        await planning.leg_verslag_vast(
            session=db_session, actor=actor, zaak=zaak, zitting=z, invoer=data, nu=nu
        )
        return zitting_uit(z, zaak.nummer, alle_partijen(service.beklaagde_ids(zaak)), actor)

    @get("/{zitting_id:int}/uitnodiging.ics", summary="Uitnodiging (iCalendar) voor een zitting")
    async def uitnodiging(
        self,
        zitting_id: FromPath[int],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
        voor: str | None = Parameter(default=None),
    ) -> Response[bytes]:
        inhoud = await uitnodigingen.uitnodiging_voor(
            session=db_session,
            actor=actor,
            zitting_id=zitting_id,
            voor=voor,
            regios=omgeving.regios,
            basis_url=omgeving.settings.basis_url,
            nu=nu,
        )
        return Response(
            inhoud,
            # Cache-Control: no-store comes from the app's default (app.py).
            media_type="text/calendar; charset=utf-8",
        )
