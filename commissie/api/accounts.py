"""Logging in and out, and who am I."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Request, Response, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody

from commissie.accounts import service
from commissie.accounts import wachtwoord as wachtwoord_service
from commissie.accounts.middleware import SESSIE_COOKIE
from commissie.accounts.rollen import Actor
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving
from commissie.omgeving import Omgeving


class LoginIn(msgspec.Struct, forbid_unknown_fields=True):
    gebruikersnaam: Annotated[str, msgspec.Meta(min_length=1, max_length=80, pattern=r"^[^\x00]*$")]
    wachtwoord: Annotated[str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[^\x00]*$")]


class IkUit(msgspec.Struct):
    gebruikersnaam: str
    rol: str
    commissie: str | None
    korps: str | None


def ik_uit(actor: Actor) -> IkUit:
    return IkUit(actor.gebruikersnaam, actor.rol.value, actor.commissie_code, actor.korps_code)


def sessie_cookie(omgeving: Omgeving, waarde: str, max_age: int) -> Cookie:
    return Cookie(
        key=SESSIE_COOKIE,
        value=waarde,
        httponly=True,
        samesite="strict",  # no cross-site requests carry the session: CSRF defence
        secure=omgeving.settings.secure_cookies,
        max_age=max_age,
        path="/",
    )


def client_adres(request: Request) -> str:
    return request.client.host if request.client else ""


@post("/api/login", exclude_from_auth=True, status_code=200, summary="Inloggen")
async def login(
    request: Request, data: JSONBody[LoginIn], omgeving: HuidigeOmgeving
) -> Response[Any]:
    # No request session here: log_in opens short ones itself, so no connection is held
    # while the password hash is computed.
    uitkomst = await service.log_in(
        maker=omgeving.sessionmaker,
        controles=omgeving.controles,
        beurten=omgeving.inlogbeurten,
        gebruikersnaam=data.gebruikersnaam,
        wachtwoord=data.wachtwoord,
        adres=client_adres(request),
        nu=omgeving.klok(),
        uren=omgeving.settings.sessie_uren,
    )
    if uitkomst is None:
        return Response(
            {"status_code": 401, "detail": "Gebruikersnaam of wachtwoord klopt niet."},
            status_code=401,
        )
    sleutel, actor = uitkomst
    return Response(
        ik_uit(actor),
        cookies=[sessie_cookie(omgeving, sleutel, omgeving.settings.sessie_uren * 3600)],
    )


@post("/api/logout", status_code=200, summary="Uitloggen")
async def logout(
    request: Request, db_session: DbSession, omgeving: HuidigeOmgeving
) -> Response[dict[str, str]]:
    """Ends the browser session, or revokes the bearer token the request carries."""
    if request.auth == "token":
        _, _, token = request.headers.get("authorization", "").partition(" ")
        await service.trek_token_in(session=db_session, token=token.strip())
        return Response({"detail": "Uitgelogd; het token is ingetrokken."})
    sleutel = request.cookies.get(SESSIE_COOKIE)
    if sleutel:
        await service.log_uit(session=db_session, sleutel=sleutel)
    return Response({"detail": "Uitgelogd."}, cookies=[sessie_cookie(omgeving, "", 0)])


@get("/api/ik", summary="Wie ben ik")
async def ik(actor: HuidigeActor) -> IkUit:
    return ik_uit(actor)


class WachtwoordIn(msgspec.Struct, forbid_unknown_fields=True):
    huidig_wachtwoord: Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
    nieuw_wachtwoord: Annotated[
        str, msgspec.Meta(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*\Z")
    ]


@post("/api/wachtwoord", status_code=200, summary="Eigen wachtwoord wijzigen")
async def wachtwoord(
    request: Request, data: JSONBody[WachtwoordIn], actor: HuidigeActor, omgeving: HuidigeOmgeving
) -> dict[str, str]:
    await wachtwoord_service.wijzig_wachtwoord(
        maker=omgeving.sessionmaker,
        controles=omgeving.controles,
        gebruiker_id=actor.id,
        huidig=data.huidig_wachtwoord,
        nieuw=data.nieuw_wachtwoord,
        houd_sessie=request.cookies.get(SESSIE_COOKIE),
    )
    return {"detail": "Het wachtwoord is gewijzigd."}
