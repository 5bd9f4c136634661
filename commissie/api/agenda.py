"""A member's agenda feed: the URL to subscribe to, renewing it, and the feed itself."""

from __future__ import annotations

import msgspec
from litestar import Response, get, post
from litestar.datastructures import State
from litestar.params import FromPath

from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.fouten import NietGevonden
from commissie.zittingen import agenda

# A feed URL is a key: no cache or proxy may keep a copy (app.py sets no-store on all).


class AgendaUit(msgspec.Struct):
    url: str


def _uit(omgeving: HuidigeOmgeving, geheim: str) -> AgendaUit:
    return AgendaUit(url=omgeving.settings.basis_url.rstrip("/") + agenda.feed_pad(geheim))


@get("/api/agenda", tags=["agenda"], summary="Adres van mijn agenda met zittingen")
async def agenda_adres(
    state: State, db_session: DbSession, actor: HuidigeActor, omgeving: HuidigeOmgeving, nu: Nu
) -> Response[AgendaUit]:
    geheim = await agenda.agendageheim(
        session=db_session, actor=actor, app_geheim=state.geheim, nu=nu
    )
    return Response(_uit(omgeving, geheim))


@post(
    "/api/agenda/vernieuwen",
    tags=["agenda"],
    status_code=200,
    summary="Nieuw agenda-adres; het oude werkt niet meer",
)
async def agenda_vernieuwen(
    state: State, db_session: DbSession, actor: HuidigeActor, omgeving: HuidigeOmgeving, nu: Nu
) -> Response[AgendaUit]:
    geheim = await agenda.agendageheim(
        session=db_session, actor=actor, app_geheim=state.geheim, nu=nu, vernieuw=True
    )
    return Response(_uit(omgeving, geheim))


@get("/agenda/{bestand:str}", tags=["agenda"], summary="Agenda (iCalendar), zonder inloggen")
async def agenda_feed(
    bestand: FromPath[str], db_session: DbSession, omgeving: HuidigeOmgeving, nu: Nu
) -> Response[bytes]:
    geheim, punt, soort = bestand.rpartition(".")
    if not punt or soort != "ics":
        raise NietGevonden("Deze agenda bestaat niet (meer).")
    inhoud = await agenda.agendafeed(
        session=db_session,
        geheim=geheim,
        regios=omgeving.regios,
        basis_url=omgeving.settings.basis_url,
        nu=nu,
    )
    return Response(inhoud, media_type="text/calendar; charset=utf-8")
