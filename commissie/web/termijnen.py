"""Termijnen: the secretary's home. Every open deadline, overdue first, with its state in
colour and words, filtered per corps and per kind, the counts on top."""

from __future__ import annotations

from collections import Counter

from litestar import get
from litestar.params import FromQuery
from litestar.response import Template

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.procedure import overzichten
from commissie.tijd import vandaag
from commissie.web.opmaak import korpsnaam, termijnstand
from commissie.zaken.termijnen import OMSCHRIJVING

STANDEN = (("te-laat", "te laat"), ("binnenkort", "binnen 3 werkdagen"), ("op-schema", "op schema"))


@get("/termijnen", guards=[vereis_rol(Rol.SECRETARIS)], include_in_schema=False)
async def termijnen_pagina(
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
    korps: FromQuery[str | None] = None,
    soort: FromQuery[str | None] = None,
) -> Template:
    dag = vandaag(nu)
    alle = await overzichten.open_termijnen(
        session=db_session, actor=actor, nu=nu, regios=omgeving.regios
    )
    # Choices from what is open, so a filter never offers an empty list.
    korpsen = sorted(
        {(t.korps, korpsnaam(omgeving.regios, t.korps)) for t in alle}, key=lambda k: k[1]
    )
    soorten = [(s.value, label) for s, label in OMSCHRIJVING.items()]
    gekozen = [
        t for t in alle if (not korps or t.korps == korps) and (not soort or t.soort == soort)
    ]
    rijen = [(t, termijnstand(t.einddatum, dag, omgeving.kalender)) for t in gekozen]
    telling = Counter(s.code for _, s in rijen)
    return Template(
        "termijnen.html",
        context={
            "rijen": rijen,
            "tellingen": [(code, tekst, telling[code]) for code, tekst in STANDEN],
            "korpsen": korpsen,
            "soorten": soorten,
            "korps": korps or "",
            "soort": soort or "",
            "vandaag": dag,
        },
    )


termijnen_routes = [termijnen_pagina]
