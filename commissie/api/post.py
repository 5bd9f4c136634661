"""The outbox for the secretariat: queued, sent and failed mails with attempts and last error."""

from __future__ import annotations

from litestar import get
from litestar.params import FromQuery, Parameter

from commissie.accounts.middleware import vereis_rol
from commissie.accounts.rollen import Rol
from commissie.api.deps import DbSession, HuidigeActor
from commissie.zittingen.post import PostOverzicht, postoverzicht


@get(
    "/api/post",
    guards=[vereis_rol(Rol.SECRETARIS)],
    tags=["post"],
    summary="Uitgaande post (wachtrij, verzonden, mislukt)",
)
async def post_route(
    db_session: DbSession,
    actor: HuidigeActor,
    status: FromQuery[str | None] = None,
    aantal: int = Parameter(default=100, ge=1, le=500),
) -> PostOverzicht:
    return await postoverzicht(session=db_session, actor=actor, status=status, aantal=aantal)
