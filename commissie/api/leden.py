"""Members API: the administrator and the committee's secretary manage the roster."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, patch, post
from litestar.params import FromQuery, JSONBody, Parameter

from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.leden import service
from commissie.leden.schemas import AfwezigheidIn, AfwezigheidUit, LidIn, LidUit, LidWijziging
from commissie.procedure import leden as flows


class LedenController(Controller):
    path = "/api/leden"
    tags = ("leden",)

    @get("/", summary="Leden van een commissie")
    async def lijst(
        self, db_session: DbSession, actor: HuidigeActor, commissie: FromQuery[str | None] = None
    ) -> list[LidUit]:
        leden = await service.lijst_leden(session=db_session, actor=actor, commissie=commissie)
        return [service.lid_uit(lid) for lid in leden]

    @post("/", status_code=201, summary="Lid aanmaken")
    async def maak(
        self,
        data: JSONBody[LidIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> LidUit:
        lid = await service.maak_lid(
            session=db_session, actor=actor, invoer=data, regios=omgeving.regios, nu=nu
        )
        return service.lid_uit(lid)

    @patch("/{lid_id:int}", summary="Lid wijzigen")
    async def wijzig(
        self,
        lid_id: Annotated[int, Parameter(ge=1, le=2**31 - 1)],
        data: JSONBody[LidWijziging],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> LidUit:
        lid = await flows.wijzig_lid(
            session=db_session,
            actor=actor,
            lid_id=lid_id,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )
        return service.lid_uit(lid)

    @post(
        "/{lid_id:int}/afwezigheden",
        status_code=201,
        summary="Afwezigheid melden (ziekte vervangt)",
    )
    async def afwezigheid(
        self,
        lid_id: Annotated[int, Parameter(ge=1, le=2**31 - 1)],
        data: JSONBody[AfwezigheidIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> AfwezigheidUit:
        return await flows.meld_afwezigheid(
            session=db_session,
            actor=actor,
            lid_id=lid_id,
            invoer=data,
            regios=omgeving.regios,
            nu=nu,
        )
