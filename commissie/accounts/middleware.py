"""Authentication: a bearer token (scripts) or the session cookie (browsers)."""

from __future__ import annotations

from collections.abc import Callable

from litestar.connection import ASGIConnection
from litestar.exceptions import NotAuthorizedException, PermissionDeniedException
from litestar.handlers.base import BaseRouteHandler
from litestar.middleware import AbstractAuthenticationMiddleware, AuthenticationResult
from litestar.middleware.base import should_bypass_middleware
from litestar.types import Receive, Scope, Send
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts import service
from commissie.accounts.rollen import Actor, Rol

SESSIE_COOKIE = "commissie_sessie"
# Where the request's database session waits for the handler's unit of work (api/deps.py).
DB_SESSIE = "commissie.db_sessie"
# Paths that answer without authentication: login, health and the static assets (no data);
# the agenda feed, whose unguessable URL is its key (calendar apps cannot log in).
OPEN_PADEN = ["^/health$", "^/api/login$", "^/login$", "^/static/", "^/agenda/"]


class AuthMiddleware(AbstractAuthenticationMiddleware):
    """Checks the credential on every request, so a revoked token or ended session stops at
    once. The check runs in the session the handler then uses for its unit of work: one
    connection per request instead of two (a checkout, a transaction and a reset fewer)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if should_bypass_middleware(
            exclude_http_methods=self.exclude_http_methods,
            exclude_opt_key=self.exclude_opt_key,
            exclude_path_pattern=self.exclude,
            scope=scope,
            scopes=self.scopes,
        ):
            await self.app(scope, receive, send)
            return
        async with scope["app"].state.omgeving.sessionmaker() as session:
            resultaat = await self._authenticeer(ASGIConnection(scope), session)
            scope["user"] = resultaat.user
            scope["auth"] = resultaat.auth
            scope.setdefault("state", {})[DB_SESSIE] = session
            await self.app(scope, receive, send)

    async def authenticate_request(self, connection: ASGIConnection) -> AuthenticationResult:
        async with connection.app.state.omgeving.sessionmaker() as session:
            return await self._authenticeer(connection, session)

    async def _authenticeer(
        self, connection: ASGIConnection, session: AsyncSession
    ) -> AuthenticationResult:
        omgeving = connection.app.state.omgeving
        header = connection.headers.get("authorization", "")
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
