"""Jinja set-up for the pages: filters and globals every template can use.

Filters: datum, tijdstip, datums_nl (ISO dates in system text), korps (code -> name),
termijnstand(vandaag).
Globals: menu() (navigation for the logged-in actor), statisch(naam) (asset URL),
commissienaam() (header title), csrf_token() (Litestar's).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from jinja2 import pass_context
from litestar import Request
from litestar.plugins.jinja import JinjaTemplateEngine

from commissie.accounts.rollen import Actor
from commissie.omgeving import Omgeving
from commissie.web import opmaak
from commissie.web.navigatie import Menulink, menu, paginapaden
from commissie.web.statisch import statisch_url


def _request(context: Mapping[str, Any]) -> Request[Any, Any, Any]:
    return context["request"]


def _omgeving(context: Mapping[str, Any]) -> Omgeving:
    return _request(context).app.state.omgeving


def _actor(context: Mapping[str, Any]) -> Actor | None:
    # Pages outside authentication (login) have no user in scope.
    user = _request(context).scope.get("user")
    return user if isinstance(user, Actor) else None


@pass_context
def _korps(context: Mapping[str, Any], code: str | None) -> str:
    return opmaak.korpsnaam(_omgeving(context).regios, code)


@pass_context
def _commissie(context: Mapping[str, Any], code: str | None) -> str:
    """The committee's name; empty for no committee."""
    return opmaak.commissienaam(_omgeving(context).regios, code) if code else ""


@pass_context
def _termijnstand(
    context: Mapping[str, Any], einddatum: date, vandaag: date
) -> opmaak.Termijnstand:
    return opmaak.termijnstand(einddatum, vandaag, _omgeving(context).kalender)


@pass_context
def _menu(context: Mapping[str, Any]) -> list[Menulink]:
    request = _request(context)
    return menu(_actor(context), paginapaden(request.app), request.url.path)


@pass_context
def _commissienaam(context: Mapping[str, Any]) -> str:
    actor = _actor(context)
    return opmaak.commissienaam(_omgeving(context).regios, actor.commissie_code if actor else None)


@pass_context
def _ingelogd(context: Mapping[str, Any]) -> Actor | None:
    return _actor(context)


def richt_sjablonen_in(engine: JinjaTemplateEngine) -> None:
    """Register the shared filters and globals on the page engine."""
    env = engine.engine
    env.filters["datum"] = opmaak.datum
    env.filters["tijdstip"] = opmaak.tijdstip
    env.filters["datums_nl"] = opmaak.datums_nl
    env.filters["getal"] = opmaak.getal
    env.filters["korps"] = _korps
    env.filters["commissie"] = _commissie
    env.filters["termijnstand"] = _termijnstand
    env.globals["menu"] = _menu
    env.globals["statisch"] = statisch_url
    env.globals["commissienaam"] = _commissienaam
    env.globals["ingelogd"] = _ingelogd
    env.trim_blocks = True
    env.lstrip_blocks = True
