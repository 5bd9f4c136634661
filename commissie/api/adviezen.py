"""Advice, letters, documents, the decision and the evaluation of a case."""

from __future__ import annotations

from litestar import Controller, Response, get, post, put
from litestar.params import FromPath, JSONBody

from commissie.adviezen import besluit as besluiten
from commissie.adviezen import documenten, service
from commissie.adviezen.brieven import maak_brief
from commissie.adviezen.documenten import INHOUDSTYPE, Documentomgeving, document_uit
from commissie.adviezen.opslag import MapOpslag
from commissie.adviezen.schemas import (
    AdviesIn,
    AdviesUit,
    BesluitenUit,
    BesluitIn,
    BesluitUit,
    BriefIn,
    DocumentUit,
    EvaluatieIn,
    EvaluatieUit,
    OpmerkingIn,
)
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.omgeving import Omgeving
from commissie.panel.toegang import haal_zaak
from commissie.zaken.rechten import vereis_behandelaar


def documentomgeving(omgeving: Omgeving) -> Documentomgeving:
    s = omgeving.settings
    return Documentomgeving(
        templates_dir=s.templates_dir, opslag=MapOpslag(s.data_dir / "documenten"), pdf=s.pdf
    )


class AdviezenController(Controller):
    path = "/api/zaken/{nummer:str}"
    tags = ("advies",)

    @get("/advies", summary="Het advies: huidige versie, eerdere versies, opmerkingen")
    async def advies(
        self, nummer: FromPath[str], db_session: DbSession, actor: HuidigeActor, nu: Nu
    ) -> AdviesUit:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await service.advies_weergave(session=db_session, actor=actor, zaak=zaak)

    @put("/advies", summary="Nieuwe conceptversie van het advies")
    async def concept(
        self,
        nummer: FromPath[str],
        data: JSONBody[AdviesIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> AdviesUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await service.concept(session=db_session, actor=actor, zaak=zaak, invoer=data, nu=nu)
        return await service.advies_weergave(session=db_session, actor=actor, zaak=zaak)

    @post("/advies/correctie", status_code=201, summary="Verbetering van het vastgestelde advies")
    async def correctie(
        self,
        nummer: FromPath[str],
        data: JSONBody[AdviesIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> AdviesUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        await service.correctie(session=db_session, actor=actor, zaak=zaak, invoer=data, nu=nu)
        return await service.advies_weergave(session=db_session, actor=actor, zaak=zaak)

    @post("/advies/opmerkingen", status_code=201, summary="Opmerking bij het concept-advies")
    async def opmerking(
        self,
        nummer: FromPath[str],
        data: JSONBody[OpmerkingIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> AdviesUit:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        await service.opmerking(session=db_session, actor=actor, zaak=zaak, invoer=data, nu=nu)
        return await service.advies_weergave(session=db_session, actor=actor, zaak=zaak)

    @post("/advies/vaststellen", status_code=200, summary="Advies vaststellen (voorzitter)")
    async def vaststellen(
        self,
        nummer: FromPath[str],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> list[DocumentUit]:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        docs = await service.vaststellen(
            session=db_session,
            actor=actor,
            zaak=zaak,
            regios=omgeving.regios,
            omg=documentomgeving(omgeving),
            nu=nu,
        )
        return [document_uit(d) for d in docs]

    @post("/brieven", status_code=201, summary="Brief maken uit een sjabloon")
    async def brief(
        self,
        nummer: FromPath[str],
        data: JSONBody[BriefIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> DocumentUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        vereis_behandelaar(actor, zaak)
        doc = await maak_brief(
            session=db_session,
            omg=documentomgeving(omgeving),
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            zaak=zaak,
            invoer=data,
            actor=actor,
            nu=nu,
        )
        return document_uit(doc)

    @get("/documenten", summary="Documenten van de zaak die u mag zien")
    async def documenten(
        self, nummer: FromPath[str], db_session: DbSession, actor: HuidigeActor, nu: Nu
    ) -> list[DocumentUit]:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        docs = await documenten.documenten(session=db_session, actor=actor, zaak=zaak)
        return [document_uit(d) for d in docs]

    @get("/documenten/{document_id:int}", summary="Een document downloaden")
    async def document(
        self,
        nummer: FromPath[str],
        document_id: FromPath[int],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> Response[bytes]:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="document"
        )
        doc, inhoud = await documenten.lees_document(
            session=db_session,
            actor=actor,
            zaak=zaak,
            document_id=document_id,
            opslag=documentomgeving(omgeving).opslag,
        )
        return Response(
            content=inhoud,
            media_type=INHOUDSTYPE[doc.formaat],
            headers={"Content-Disposition": f'attachment; filename="{doc.bestandsnaam}"'},
        )

    @post("/besluit", status_code=201, summary="Besluit van de korpsleiding op het advies")
    async def besluit(
        self,
        nummer: FromPath[str],
        data: JSONBody[BesluitIn],
        db_session: DbSession,
        actor: HuidigeActor,
        omgeving: HuidigeOmgeving,
        nu: Nu,
    ) -> BesluitUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        b = await besluiten.neem_besluit(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=data,
            regios=omgeving.regios,
            omg=documentomgeving(omgeving),
            nu=nu,
        )
        return besluiten.besluit_uit(b)

    @get("/besluit", summary="Besluiten per korps en de evaluatie")
    async def besluiten(
        self, nummer: FromPath[str], db_session: DbSession, actor: HuidigeActor, nu: Nu
    ) -> BesluitenUit:
        zaak = await haal_zaak(session=db_session, actor=actor, nummer=nummer, nu=nu)
        return await besluiten.besluiten_weergave(session=db_session, actor=actor, zaak=zaak)

    @post("/evaluatie", status_code=201, summary="Evaluatieformulier (seed 3.3)")
    async def evaluatie(
        self,
        nummer: FromPath[str],
        data: JSONBody[EvaluatieIn],
        db_session: DbSession,
        actor: HuidigeActor,
        nu: Nu,
    ) -> EvaluatieUit:
        zaak = await haal_zaak(
            session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
        )
        e = await besluiten.leg_evaluatie_vast(
            session=db_session, actor=actor, zaak=zaak, invoer=data, nu=nu
        )
        return besluiten.evaluatie_uit(e)
