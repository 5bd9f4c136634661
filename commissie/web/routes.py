"""Pages: log in, the overview (cases and deadlines) and one case. Same services as the API."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import Request, Response, get, post
from litestar.params import URLEncodedBody
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Redirect, Template
from litestar.template.config import TemplateConfig

from commissie.accounts import service as accounts
from commissie.accounts.middleware import SESSIE_COOKIE
from commissie.accounts.rollen import Rol
from commissie.api.accounts import client_adres, sessie_cookie
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.config import Settings
from commissie.fouten import OngeldigeInvoer, TeVaak
from commissie.procedure import overzichten
from commissie.tijd import vandaag
from commissie.web.advies import advies_routes
from commissie.web.beheer import beheer_routes
from commissie.web.beheeracties import beheeractie_routes
from commissie.web.belasting import belasting_routes
from commissie.web.brieven import brief_routes
from commissie.web.evaluatie import evaluatie_routes
from commissie.web.korpsleiding import korpsleiding_routes
from commissie.web.leden import leden_routes
from commissie.web.mijn import mijn_routes
from commissie.web.navigatie import STARTPAGINA
from commissie.web.registratie import registratie_routes
from commissie.web.sjablonen import richt_sjablonen_in
from commissie.web.termijnen import termijnen_routes
from commissie.web.zaak import zaak_pagina
from commissie.web.zaakacties import zaakactie_routes
from commissie.web.zittingen import zitting_routes
from commissie.zaken.regels import LABEL, Status
from commissie.zaken.schemas import CATEGORIE_LABEL, Categorie
from commissie.zittingen.overzicht import komende_zittingen


class LoginForm(msgspec.Struct):
    gebruikersnaam: str = ""
    wachtwoord: str = ""


def web_template_config(settings: Settings) -> TemplateConfig[JinjaTemplateEngine]:
    def filters(engine: JinjaTemplateEngine) -> None:
        richt_sjablonen_in(engine)
        engine.engine.filters["statuslabel"] = lambda s: LABEL[Status(s)]
        engine.engine.filters["categorie"] = lambda c: CATEGORIE_LABEL[Categorie(c)]

    return TemplateConfig(
        directory=settings.templates_dir / "web",
        engine=JinjaTemplateEngine,
        engine_callback=filters,
    )


@get("/login", exclude_from_auth=True, include_in_schema=False)
async def login_pagina() -> Template:
    return Template("login.html", context={"fout": None})


@post("/login", exclude_from_auth=True, include_in_schema=False, status_code=200)
async def login_formulier(
    request: Request,
    data: URLEncodedBody[LoginForm],
    omgeving: HuidigeOmgeving,
) -> Response[Any]:
    uitkomst = None
    if data.gebruikersnaam.strip() and data.wachtwoord:
        try:
            uitkomst = await accounts.log_in(
                maker=omgeving.sessionmaker,
                controles=omgeving.controles,
                beurten=omgeving.inlogbeurten,
                gebruikersnaam=data.gebruikersnaam.strip()[:80],
                wachtwoord=data.wachtwoord,
                adres=client_adres(request),
                nu=omgeving.klok(),
                uren=omgeving.settings.sessie_uren,
            )
        except OngeldigeInvoer as fout:
            return Template("login.html", context={"fout": fout.bericht}, status_code=400)
        except TeVaak as fout:
            return Template(
                "login.html",
                context={"fout": fout.bericht, "naam": data.gebruikersnaam},
                status_code=429,
                headers={"Retry-After": str(fout.retry_na)},
            )
    if uitkomst is None:
        return Template(
            "login.html",
            context={
                "fout": "Gebruikersnaam of wachtwoord klopt niet.",
                "naam": data.gebruikersnaam,
            },
            status_code=401,
        )
    sleutel, actor = uitkomst
    return Redirect(
        STARTPAGINA[actor.rol],
        status_code=303,
        cookies=[sessie_cookie(omgeving, sleutel, omgeving.settings.sessie_uren * 3600)],
    )


@post("/uitloggen", include_in_schema=False, status_code=303)
async def uitloggen(request: Request, db_session: DbSession, omgeving: HuidigeOmgeving) -> Redirect:
    sleutel = request.cookies.get(SESSIE_COOKIE)
    if sleutel:
        await accounts.log_uit(session=db_session, sleutel=sleutel)
    return Redirect("/login", status_code=303, cookies=[sessie_cookie(omgeving, "", 0)])


@get("/", include_in_schema=False)
async def overzicht_pagina(
    db_session: DbSession, actor: HuidigeActor, omgeving: HuidigeOmgeving, nu: Nu
) -> Template:
    zaken = await overzichten.lijst_zaken(session=db_session, actor=actor, limiet=200)
    # Deadlines are the secretariat's work; a member's start page shows none of them.
    termijnen = (
        await overzichten.open_termijnen(
            session=db_session, actor=actor, nu=nu, regios=omgeving.regios, limiet=100
        )
        if actor.rol is Rol.SECRETARIS
        else []
    )
    zittingen = await komende_zittingen(session=db_session, nu=nu, actor=actor, limiet=50)
    return Template(
        "overzicht.html",
        context={
            "actor": actor,
            "zaken": zaken.zaken,
            "termijnen": termijnen,
            "zittingen": zittingen,
            "vandaag": vandaag(nu),
            "is_secretaris": actor.rol is Rol.SECRETARIS,
        },
    )


web_routes = [
    login_pagina,
    login_formulier,
    uitloggen,
    overzicht_pagina,
    zaak_pagina,
    *registratie_routes,
    *zaakactie_routes,
    *evaluatie_routes,
    *brief_routes,
    *zitting_routes,
    *advies_routes,
    *korpsleiding_routes,
    *termijnen_routes,
    *mijn_routes,
    *leden_routes,
    *belasting_routes,
    *beheer_routes,
    *beheeractie_routes,
]
