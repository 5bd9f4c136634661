"""Creating an account: the account itself (accounts) checked against the roster (leden)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts import service as accounts
from commissie.accounts.models import Gebruiker
from commissie.accounts.rollen import Rol
from commissie.fouten import OngeldigeInvoer
from commissie.leden.models import Lid


async def maak_gebruiker(
    *,
    session: AsyncSession,
    gebruikersnaam: str,
    wachtwoord_hash: str,
    rol: Rol,
    commissie: str | None,
    korps: str | None,
    lid_id: int | None,
    nu: datetime,
) -> Gebruiker:
    if rol is Rol.LID and lid_id is None:
        raise OngeldigeInvoer(
            "Veld 'lid': een account met rol lid hoort bij een commissielid.", veld="lid"
        )
    if lid_id is not None:
        lid = await session.get(Lid, lid_id)
        if lid is None or lid.commissie_code != commissie:
            raise OngeldigeInvoer("Veld 'lid': geen lid van deze commissie.", veld="lid")
    return await accounts.maak_gebruiker(
        session=session,
        gebruikersnaam=gebruikersnaam,
        wachtwoord_hash=wachtwoord_hash,
        rol=rol,
        commissie=commissie,
        korps=korps,
        lid_id=lid_id,
        nu=nu,
    )


async def lijst_gebruikers(*, session: AsyncSession) -> list[Gebruiker]:
    """Every account, by name (the administrator's overview)."""
    return list(await session.scalars(select(Gebruiker).order_by(Gebruiker.gebruikersnaam)))
