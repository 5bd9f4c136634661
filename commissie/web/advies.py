"""Advies opstellen: the report form per accused, draft versions, comments of the panel, a
preview, fixing by the chair (with the reasons it is refused) and the Word documents.

The same services as commissie/api/adviezen.py; who may draft, comment or fix is theirs."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen import service
from commissie.adviezen.documenten import document_uit, documenten
from commissie.adviezen.regels import OORDEEL_TEKST
from commissie.adviezen.schemas import AdviesIn, OpmerkingIn
from commissie.api.adviezen import documentomgeving
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import OngeldigeInvoer
from commissie.panel.toegang import haal_zaak
from commissie.web import formulieren as fm
from commissie.zaken.models import Zaak
from commissie.zaken.regels import Status

_COMMISSIE = [vereis_rol(Rol.SECRETARIS, Rol.LID)]
TEKSTEN = ("feiten", "standpunten", "overwegingen", "aanbevelingen")
OORDELEN = [(o.value, tekst) for o, tekst in OORDEEL_TEKST.items()]
MELDINGEN = {
    "concept": "De conceptversie is bewaard.",
    "opmerking": "Uw opmerking is toegevoegd.",
    "vastgesteld": "Het advies is vastgesteld; de adviezen per korps staan bij de documenten.",
}
_ONDERDEEL = re.compile(r"^onderdelen-(\d+)-(oordeel|motivering)$")


def _beklaagden(zaak: Zaak) -> list[Any]:
    return [p for p in zaak.partijen if p.rol == "beklaagde"]


async def advies_context(
    *,
    session: AsyncSession,
    actor: Actor,
    nummer: str,
    nu: datetime,
    fouten: fm.Fouten | None = None,
    waarden: dict[str, list[str]] | None = None,
    melding: str | None = None,
) -> dict[str, Any]:
    zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu)
    advies = await service.advies_weergave(session=session, actor=actor, zaak=zaak)
    huidig = advies.huidig
    voorzitter = await service.is_voorzitter(session, actor, zaak)
    opsteller = voorzitter or (
        actor.rol is Rol.SECRETARIS and actor.commissie_code == zaak.commissie_code
    )
    # The form starts from the current version, so a new draft changes only what is changed.
    if waarden is None:
        waarden = {}
        if huidig is not None:
            waarden = {f"advies-{t}": [getattr(huidig, t)] for t in TEKSTEN}
            for o in huidig.onderdelen:
                waarden[f"advies-oordeel-{o.beklaagde}"] = [o.oordeel]
                waarden[f"advies-motivering-{o.beklaagde}"] = [o.motivering]
    return {
        "nummer": zaak.nummer,
        "status": Status(zaak.status),
        "advies": advies,
        "oordeeltekst": {o: t for o, t in OORDELEN},
        "oordelen": OORDELEN,
        "beklaagden": _beklaagden(zaak),
        "mag_opstellen": opsteller and Status(zaak.status) in service.OPSTELLEN,
        "correctie": huidig is not None and huidig.status == "vastgesteld",
        "mag_vaststellen": voorzitter and huidig is not None and huidig.status == "concept",
        "documenten": [
            document_uit(d)
            for d in await documenten(session=session, actor=actor, zaak=zaak)
            if d.soort == "advies"
        ],
        "fouten": fouten or {},
        "f_waarden": waarden,
        "melding": melding,
    }


@get("/zaken/{nummer:str}/advies", guards=_COMMISSIE, include_in_schema=False)
async def advies_pagina(
    nummer: FromPath[str],
    db_session: DbSession,
    actor: HuidigeActor,
    nu: Nu,
    gedaan: FromQuery[str | None] = None,
) -> Template:
    context = await advies_context(
        session=db_session, actor=actor, nummer=nummer, nu=nu, melding=MELDINGEN.get(gedaan or "")
    )
    return Template("advies.html", context=context)


async def _voer_uit(
    request: Request[Any, Any, Any],
    session: AsyncSession,
    actor: Actor,
    nu: datetime,
    nummer: str,
    actie: str,
    stap: Callable[[Zaak, dict[str, list[str]]], Awaitable[Any]],
    anker: Callable[[str], str] = str,
) -> Response[Any]:
    formulier = await fm.lees(request)
    zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu, actie="behandeling")
    uitkomst = await fm.probeer(session, lambda: stap(zaak, formulier))
    if uitkomst is None:
        return Redirect(f"/zaken/{nummer}/advies?gedaan={actie}", status_code=303)
    fouten, status = uitkomst
    fouten = {(actie if k == "formulier" else f"advies-{anker(k)}"): v for k, v in fouten.items()}
    context = await advies_context(
        session=session, actor=actor, nummer=nummer, nu=nu, fouten=fouten, waarden=formulier
    )
    return Template("advies.html", context=context, status_code=status)


@post("/zaken/{nummer:str}/advies", guards=_COMMISSIE, include_in_schema=False)
async def bewaar_concept(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    nu: Nu,
) -> Response[Any]:
    volgorde: list[int] = []

    async def stap(zaak: Zaak, formulier: dict[str, list[str]]) -> None:
        onderdelen = []
        for b in _beklaagden(zaak):
            oordeel = fm.een(formulier, f"advies-oordeel-{b.id}")
            motivering = fm.een(formulier, f"advies-motivering-{b.id}")
            if not oordeel:
                if motivering:
                    raise OngeldigeInvoer(
                        f"Veld 'oordeel' ({b.naam}): kies een oordeel bij de motivering.",
                        veld=f"oordeel-{b.id}",
                    )
                continue  # a draft may leave an accused open; fixing names what is missing
            volgorde.append(b.id)
            onderdelen.append({"beklaagde": b.id, "oordeel": oordeel, "motivering": motivering})
        invoer = fm.naar_schema(
            {
                **{t: fm.een(formulier, f"advies-{t}") for t in TEKSTEN},
                "onderdelen": onderdelen,
            },
            AdviesIn,
        )
        huidig = (await service.versies(db_session, zaak) or [None])[-1]
        # After fixing, a change is a correction: a new version linked to the fixed one.
        maak = service.correctie if huidig and huidig.vastgesteld_op else service.concept
        await maak(session=db_session, actor=actor, zaak=zaak, invoer=invoer, nu=nu)

    def anker(k: str) -> str:
        """'onderdelen-1-oordeel' (the schema's path) -> 'oordeel-<accused>' (the control)."""
        m = _ONDERDEEL.match(k)
        return f"{m[2]}-{volgorde[int(m[1])]}" if m and int(m[1]) < len(volgorde) else k

    return await _voer_uit(request, db_session, actor, nu, nummer, "concept", stap, anker)


@post("/zaken/{nummer:str}/advies/opmerkingen", guards=_COMMISSIE, include_in_schema=False)
async def opmerking(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, formulier: dict[str, list[str]]) -> None:
        invoer = fm.naar_schema({"tekst": fm.een(formulier, "advies-tekst")}, OpmerkingIn)
        await service.opmerking(session=db_session, actor=actor, zaak=zaak, invoer=invoer, nu=nu)

    return await _voer_uit(request, db_session, actor, nu, nummer, "opmerking", stap)


@post(
    "/zaken/{nummer:str}/advies/vaststellen", guards=[vereis_rol(Rol.LID)], include_in_schema=False
)
async def vaststellen(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    async def stap(zaak: Zaak, _: dict[str, list[str]]) -> None:
        await service.vaststellen(
            session=db_session,
            actor=actor,
            zaak=zaak,
            regios=omgeving.regios,
            omg=documentomgeving(omgeving),
            nu=nu,
        )

    return await _voer_uit(request, db_session, actor, nu, nummer, "vastgesteld", stap)


advies_routes = [advies_pagina, bewaar_concept, opmerking, vaststellen]
