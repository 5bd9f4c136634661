"""Users, passwords (argon2), browser sessions and bearer tokens."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.models import Gebruiker, MisluktePoging, Sessie, Token
from commissie.accounts.rollen import Actor, Rol
from commissie.fouten import Conflict, OngeldigeInvoer, TeVaak
from commissie.regios import Regios

_hasher = PasswordHasher()
MAX_POGINGEN = 5
POGING_VENSTER = timedelta(minutes=15)
# Verifying against this keeps the time of a login for an unknown user like a known one.
_DUMMY_HASH = _hasher.hash("geen-gebruiker")


def _sha256(tekst: str) -> str:
    return hashlib.sha256(tekst.encode()).hexdigest()


def hash_wachtwoord(wachtwoord: str) -> str:
    return _hasher.hash(wachtwoord)


def _klopt(hash_: str, wachtwoord: str) -> bool:
    try:
        return _hasher.verify(hash_, wachtwoord)
    except (VerificationError, InvalidHashError):
        return False


def _actor(g: Gebruiker) -> Actor:
    return Actor(
        id=g.id,
        gebruikersnaam=g.gebruikersnaam,
        rol=Rol(g.rol),
        commissie_code=g.commissie_code,
        korps_code=g.korps_code,
        lid_id=g.lid_id,
    )


def valideer_rolgegevens(
    *, rol: str, commissie: str | None, korps: str | None, regios: Regios
) -> tuple[Rol, str | None, str | None]:
    """Which committee/corps a role needs; returns the normalised (rol, commissie, korps)."""
    try:
        r = Rol(rol)
    except ValueError:
        namen = ", ".join(x.value for x in Rol)
        raise OngeldigeInvoer(
            f"Veld 'rol': onbekende rol '{rol}'; kies uit {namen}.", veld="rol"
        ) from None
    if commissie is not None and regios.commissie(commissie) is None:
        raise OngeldigeInvoer(
            f"Veld 'commissie': onbekende commissie '{commissie}'.", veld="commissie"
        )
    if korps is not None and regios.korps(korps) is None:
        raise OngeldigeInvoer(f"Veld 'korps': onbekend korps '{korps}'.", veld="korps")
    if r in (Rol.SECRETARIS, Rol.LID) and commissie is None:
        raise OngeldigeInvoer(
            f"Veld 'commissie': een {r.value} hoort bij een commissie.", veld="commissie"
        )
    if r is Rol.KORPSLEIDING:
        if korps is None:
            raise OngeldigeInvoer("Veld 'korps': korpsleiding hoort bij een korps.", veld="korps")
        eigen = regios.commissie_van_korps(korps)
        assert eigen is not None
        if commissie is not None and commissie != eigen.code:
            raise OngeldigeInvoer(
                f"Veld 'korps': korps {korps} hoort niet bij commissie {commissie}.", veld="korps"
            )
        commissie = eigen.code
    if r is Rol.LID and korps is not None:
        c = regios.commissie(commissie or "")
        if c is not None and korps not in c.korpsen:
            raise OngeldigeInvoer(
                f"Veld 'korps': korps {korps} hoort niet bij commissie {commissie}.", veld="korps"
            )
    return r, commissie, korps


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
    """Create an account. That `lid_id` is a member of `commissie` is checked by the caller
    (commissie.procedure.gebruikers), which knows the roster."""
    naam = gebruikersnaam.strip()
    if not naam:
        raise OngeldigeInvoer("Veld 'gebruikersnaam': mag niet leeg zijn.", veld="gebruikersnaam")
    g = Gebruiker(
        gebruikersnaam=naam,
        rol=rol.value,
        commissie_code=commissie,
        korps_code=korps,
        lid_id=lid_id,
        wachtwoord_hash=wachtwoord_hash,
        aangemaakt_op=nu,
    )
    try:
        # A savepoint: a duplicate name undoes only this insert, not the unit of work.
        async with session.begin_nested():
            session.add(g)
            await session.flush()
    except IntegrityError:
        raise Conflict(f"Gebruikersnaam '{naam}' bestaat al.", veld="gebruikersnaam") from None
    return g


async def _gebruiker(session: AsyncSession, gebruikersnaam: str) -> Gebruiker:
    g = await session.scalar(select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam))
    if g is None:
        raise OngeldigeInvoer(f"Gebruiker '{gebruikersnaam}' bestaat niet.", veld="gebruikersnaam")
    return g


async def maak_token(*, session: AsyncSession, gebruikersnaam: str, nu: datetime) -> str:
    g = await _gebruiker(session, gebruikersnaam)
    token = secrets.token_urlsafe(32)
    session.add(Token(token_hash=_sha256(token), gebruiker_id=g.id, aangemaakt_op=nu))
    await session.flush()
    return token


async def log_in(
    *, session: AsyncSession, gebruikersnaam: str, wachtwoord: str, nu: datetime, uren: int
) -> tuple[str, Actor] | None:
    """Check the password (in a thread: argon2 is CPU work); open a session on success.

    After MAX_POGINGEN failures within POGING_VENSTER a name is paused for that window, so
    passwords cannot be guessed at speed; the pause says so without revealing whether the
    name exists."""
    venster = nu - POGING_VENSTER
    mislukt = await session.scalar(
        select(func.count()).where(
            MisluktePoging.gebruikersnaam == gebruikersnaam, MisluktePoging.op > venster
        )
    )
    if (mislukt or 0) >= MAX_POGINGEN:
        raise TeVaak(
            "Te veel mislukte pogingen voor deze gebruikersnaam; probeer het over "
            f"{int(POGING_VENSTER.total_seconds() // 60)} minuten opnieuw."
        )
    g = await session.scalar(
        select(Gebruiker).where(Gebruiker.gebruikersnaam == gebruikersnaam, Gebruiker.actief)
    )
    hash_ = g.wachtwoord_hash if g else _DUMMY_HASH
    ok = await anyio.to_thread.run_sync(_klopt, hash_, wachtwoord)
    if g is None or not ok:
        # Recorded in this unit of work: the login route answers 401 without raising, so the
        # failure is committed with it.
        session.add(MisluktePoging(gebruikersnaam=gebruikersnaam[:80], op=nu))
        await session.execute(delete(MisluktePoging).where(MisluktePoging.op < venster))
        return None
    await session.execute(
        delete(MisluktePoging).where(MisluktePoging.gebruikersnaam == gebruikersnaam)
    )
    sleutel = secrets.token_urlsafe(32)
    session.add(
        Sessie(
            sleutel_hash=_sha256(sleutel),
            gebruiker_id=g.id,
            aangemaakt_op=nu,
            verloopt_op=nu + timedelta(hours=uren),
        )
    )
    # Expired sessions are cleared as people log in; no scheduler needed for that.
    await session.execute(delete(Sessie).where(Sessie.verloopt_op < nu))
    return sleutel, _actor(g)


async def log_uit(*, session: AsyncSession, sleutel: str) -> None:
    await session.execute(delete(Sessie).where(Sessie.sleutel_hash == _sha256(sleutel)))


async def actor_voor_sessie(*, session: AsyncSession, sleutel: str, nu: datetime) -> Actor | None:
    g = await session.scalar(
        select(Gebruiker)
        .join(Sessie, Sessie.gebruiker_id == Gebruiker.id)
        .where(Sessie.sleutel_hash == _sha256(sleutel), Sessie.verloopt_op > nu, Gebruiker.actief)
    )
    return _actor(g) if g else None


async def actor_voor_token(*, session: AsyncSession, token: str) -> Actor | None:
    g = await session.scalar(
        select(Gebruiker)
        .join(Token, Token.gebruiker_id == Gebruiker.id)
        .where(Token.token_hash == _sha256(token), ~Token.ingetrokken, Gebruiker.actief)
    )
    return _actor(g) if g else None
