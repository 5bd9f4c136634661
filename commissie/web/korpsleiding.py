"""Korpsleiding: the inbox of adviezen for its corps (the outcome per own accused and the
advice document) and the form to record its decision (Awb 9:16). The same services as
commissie/api/adviezen.py: the decision's rules (motivation when deviating, measures only for
its own accused) are theirs."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from litestar import Request, Response, get, post
from litestar.params import FromPath, FromQuery
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen import besluit as besluiten
from commissie.adviezen.documenten import document_uit, documenten
from commissie.adviezen.regels import MAATREGEL_TEKST, OORDEEL_TEKST
from commissie.adviezen.schemas import BesluitIn
from commissie.adviezen.weergave import advies_voor_korps
from commissie.api.adviezen import documentomgeving
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import OngeldigeInvoer
from commissie.panel.toegang import haal_zaak
from commissie.procedure import overzichten
from commissie.tijd import vandaag
from commissie.web import formulieren as fm
from commissie.zaken.regels import LABEL, Status

_KORPSLEIDING = [vereis_rol(Rol.KORPSLEIDING)]
OORDELEN = {o.value: t for o, t in OORDEEL_TEKST.items()}
MAATREGELEN = [(m.value, t) for m, t in MAATREGEL_TEKST.items()]
_MAATREGEL = re.compile(r"^maatregelen-(\d+)-\w+$")


async def _dossier(
    session: AsyncSession, actor: Actor, nummer: str, nu: datetime, actie: str = "inzage"
) -> dict[str, Any]:
    """What the corps leadership may see of one case: its part of the fixed advice, its
    documents and its own decision."""
    zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu, actie=actie)
    besluit = await besluiten.besluiten_weergave(session=session, actor=actor, zaak=zaak)
    eigen = besluit.besluiten[0] if besluit.besluiten else None
    return {
        "zaak": zaak,
        "nummer": zaak.nummer,
        "status": LABEL[Status(zaak.status)],
        "advies": await advies_voor_korps(session=session, actor=actor, zaak=zaak),
        "documenten": [
            document_uit(d) for d in await documenten(session=session, actor=actor, zaak=zaak)
        ],
        "besluit": eigen,
        "open": eigen is None and Status(zaak.status) is Status.ADVIES_UITGEBRACHT,
    }


@get("/korpsleiding", guards=_KORPSLEIDING, include_in_schema=False)
async def inbox(db_session: DbSession, actor: HuidigeActor, nu: Nu) -> Template:
    lijst = await overzichten.lijst_zaken(session=db_session, actor=actor, limiet=200)
    dossiers = [await _dossier(db_session, actor, z.nummer, nu) for z in lijst.zaken]
    return Template(
        "korpsleiding.html",
        context={
            "dossiers": dossiers,
            "open": sum(1 for d in dossiers if d["open"]),
            "oordelen": OORDELEN,
        },
    )


async def _pagina(
    session: AsyncSession,
    actor: Actor,
    nummer: str,
    nu: datetime,
    *,
    fouten: fm.Fouten | None = None,
    waarden: dict[str, list[str]] | None = None,
    melding: str | None = None,
    status_code: int = 200,
) -> Template:
    context = await _dossier(session, actor, nummer, nu)
    context.update(
        oordelen=OORDELEN,
        maatregelen=MAATREGELEN,
        vandaag=vandaag(nu),
        fouten=fouten or {},
        f_waarden=waarden or {},
        melding=melding,
    )
    return Template("korpsleiding_zaak.html", context=context, status_code=status_code)


@get("/korpsleiding/{nummer:str}", guards=_KORPSLEIDING, include_in_schema=False)
async def zaak_pagina(
    nummer: FromPath[str],
    db_session: DbSession,
    actor: HuidigeActor,
    nu: Nu,
    gedaan: FromQuery[str | None] = None,
) -> Template:
    melding = "Het besluit is vastgelegd." if gedaan == "besluit" else None
    return await _pagina(db_session, actor, nummer, nu, melding=melding)


@post("/korpsleiding/{nummer:str}/besluit", guards=_KORPSLEIDING, include_in_schema=False)
async def neem_besluit(
    nummer: FromPath[str],
    request: Request[Any, Any, Any],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
) -> Response[Any]:
    formulier = await fm.lees(request)
    zaak = await haal_zaak(
        session=db_session, actor=actor, nummer=nummer, nu=nu, actie="behandeling"
    )
    eigen = [p for p in zaak.partijen if p.rol == "beklaagde" and p.korps_code == actor.korps_code]
    voor: list[int] = []  # the accused of each measure, in the order sent

    async def stap() -> None:
        keuze = fm.een(formulier, "besluit-volgt_advies")
        if keuze not in ("ja", "nee"):
            raise OngeldigeInvoer(
                "Veld 'volgt_advies': kies of u het advies volgt.", veld="volgt_advies"
            )
        maatregelen = []
        for b in eigen:
            soort = fm.een(formulier, f"besluit-maatregel-{b.id}")
            if soort:
                voor.append(b.id)
                maatregelen.append(
                    {
                        "voor": f"beklaagde:{b.id}",
                        "soort": soort,
                        "toelichting": fm.een(formulier, f"besluit-toelichting-{b.id}"),
                    }
                )
        invoer = fm.naar_schema(
            {
                "volgt_advies": keuze == "ja",
                "motivering": fm.of_none(fm.een(formulier, "besluit-motivering")),
                "maatregelen": maatregelen,
                "besloten_op": fm.of_none(fm.een(formulier, "besluit-besloten_op")),
            },
            BesluitIn,
        )
        await besluiten.neem_besluit(
            session=db_session,
            actor=actor,
            zaak=zaak,
            invoer=invoer,
            regios=omgeving.regios,
            omg=documentomgeving(omgeving),
            nu=nu,
        )

    uitkomst = await fm.probeer(db_session, stap)
    if uitkomst is None:
        return Redirect(f"/korpsleiding/{nummer}?gedaan=besluit", status_code=303)
    fouten, status = uitkomst

    def anker(k: str) -> str:
        # 'maatregelen-0-soort' (the schema's path) -> the measure's control for that accused.
        m = _MAATREGEL.match(k)
        if m and int(m[1]) < len(voor):
            return f"besluit-maatregel-{voor[int(m[1])]}"
        return "besluit" if k == "formulier" else f"besluit-{k}"

    return await _pagina(
        db_session,
        actor,
        nummer,
        nu,
        fouten={anker(k): v for k, v in fouten.items()},
        waarden=formulier,
        status_code=status,
    )


korpsleiding_routes = [inbox, zaak_pagina, neem_besluit]
