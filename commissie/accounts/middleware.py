"""Authentication: a bearer token (scripts) or the session cookie (browsers)."""

from __future__ import annotations

from collections.abc import Callable

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult

from commissie.accounts import service
from commissie.accounts.rollen import Actor, Rol

SESSIE_COOKIE = "commissie_sessie"
# Paths that answer without authentication: login, health and the static assets (no data);
# the agenda feed, whose unguessable URL is its key (calendar apps cannot log in).
OPEN_PADEN = ["^/health$", "^/api/login$", "^/login$", "^/static/", "^/agenda/"]


class AuthMiddleware(AbstractAuthenticationMiddleware):
    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        omgeving = connection.app.state.omgeving
        header = connection.headers.get("authorization", "")
        async with omgeving.sessionmaker() as session:
            if header:
                schema, _, token = header.partition(" ")
                if schema.lower() != "bearer" or not token.strip():
                    raise NotAuthorizedException("Authorization-header: verwacht 'Bearer <token>'.")
                actor = await service.actor_voor_token(
                    session=session, token=token.strip(), nu=omgeving.klok()
                )
                if actor is None:
                    raise NotAuthorizedException(
                        "Het bearer-token is onbekend, verlopen of ingetrokken."
                    )
                return AuthenticationResult(user=actor, auth="token")
            sleutel = connection.cookies.get(SESSIE_COOKIE)
            if sleutel:
                actor = await service.actor_voor_sessie(
                    session=session, sleutel=sleutel, nu=omgeving.klok()
                )
                if actor is not None:
                    return AuthenticationResult(user=actor, auth="sessie")
        raise NotAuthorizedException("Niet ingelogd: log in of stuur een geldig bearer-token mee.")


def vereis_rol(*rollen: Rol) -> Callable[[ASGIConnection, BaseRouteHandler], None]:
    namen = " of ".join(r.value for r in rollen)

    def guard(connection: ASGIConnection, _: BaseRouteHandler) -> None:
        actor = connection.user
        if not isinstance(actor, Actor) or actor.rol not in rollen:
            raise PermissionDeniedException(f"Hiervoor is de rol {namen} nodig.")

    return guard
