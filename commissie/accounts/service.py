"""Users, passwords (argon2), browser sessions and bearer tokens."""

from __future__ import annotations

import asyncio
import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from commissie.accounts.models import Gebruiker, MisluktePoging, Sessie, Token
from commissie.accounts.rollen import Actor, Rol
from commissie.eenheid import werkeenheid
from commissie.fouten import Conflict, OngeldigeInvoer, TeVaak
from commissie.regios import Regios
from commissie.typen import STUURTEKENS

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


TOKEN_DAGEN = 90


async def maak_token(
    *, session: AsyncSession, gebruikersnaam: str, nu: datetime, dagen: int = TOKEN_DAGEN
) -> str:
    g = await _gebruiker(session, gebruikersnaam)
    token = secrets.token_urlsafe(32)
    session.add(
        Token(
            token_hash=_sha256(token),
            gebruiker_id=g.id,
            aangemaakt_op=nu,
            verloopt_op=nu + timedelta(days=dagen),
        )
    )
    await session.flush()
    return token


async def tokens(*, session: AsyncSession, gebruikersnaam: str) -> list[Token]:
    g = await _gebruiker(session, gebruikersnaam)
    return list(
        await session.scalars(select(Token).where(Token.gebruiker_id == g.id).order_by(Token.id))
    )


async def trek_in(
    *, session: AsyncSession, gebruikersnaam: str, token_id: int | None = None
) -> int:
    """Revoke one token of the user, or all; returns how many were revoked."""
    g = await _gebruiker(session, gebruikersnaam)
    waar = [Token.gebruiker_id == g.id, ~Token.ingetrokken]
    if token_id is not None:
        bestaat = await session.scalar(
            select(Token.id).where(Token.gebruiker_id == g.id, Token.id == token_id)
        )
        if bestaat is None:
            raise OngeldigeInvoer(
                f"Veld 'token': {gebruikersnaam} heeft geen token {token_id}.", veld="token"
            )
        waar.append(Token.id == token_id)
    uit = await session.execute(update(Token).where(*waar).values(ingetrokken=True))
    return uit.rowcount or 0


async def trek_token_in(*, session: AsyncSession, token: str) -> None:
    await session.execute(
        update(Token).where(Token.token_hash == _sha256(token)).values(ingetrokken=True)
    )


async def blokkeer(*, session: AsyncSession, gebruikersnaam: str) -> None:
    """Deactivate an account: its sessions end and its tokens are revoked at once."""
    g = await _gebruiker(session, gebruikersnaam)
    g.actief = False
    await session.execute(delete(Sessie).where(Sessie.gebruiker_id == g.id))
    await session.execute(update(Token).where(Token.gebruiker_id == g.id).values(ingetrokken=True))
    await session.flush()


@dataclass(frozen=True)
class Drempels:
    """How many failed logins within POGING_VENSTER pause further attempts."""

    paar: int = MAX_POGINGEN  # one name from one address
    adres: int = 30  # any names from one address
    # A name from everywhere: only after many failures from several addresses, so nobody can
    # lock someone else's account at will from one machine.
    naam: int = 20
    naam_adressen: int = 3
    # How long an attempt waits for a free password check before it is told to come back.
    wachten: float = 2.0


_STUUR = re.compile(f"[{STUURTEKENS}]")
_MINUTEN = int(POGING_VENSTER.total_seconds() // 60)


async def _weigering(
    session: AsyncSession, naam: str, adres: str, venster: datetime, d: Drempels
) -> str | None:
    """Why this attempt is refused, counting its own (already committed) record."""
    recent = MisluktePoging.op > venster
    paar = await session.scalar(
        select(func.count()).where(
            MisluktePoging.gebruikersnaam == naam, MisluktePoging.adres == adres, recent
        )
    )
    if (paar or 0) > d.paar:
        return (
            "Te veel mislukte pogingen voor deze gebruikersnaam vanaf dit adres; probeer het "
            f"over {_MINUTEN} minuten opnieuw."
        )
    per_adres = await session.scalar(
        select(func.count()).where(MisluktePoging.adres == adres, recent)
    )
    if (per_adres or 0) > d.adres:
        return f"Te veel mislukte pogingen vanaf dit adres; probeer het over {_MINUTEN} minuten opnieuw."
    naam_rij = (
        await session.execute(
            select(func.count(), func.count(func.distinct(MisluktePoging.adres))).where(
                MisluktePoging.gebruikersnaam == naam, recent
            )
        )
    ).one()
    if naam_rij[0] > d.naam and naam_rij[1] >= d.naam_adressen:
        return (
            "Te veel mislukte pogingen voor deze gebruikersnaam vanaf verschillende adressen: "
            f"de naam is tijdelijk geblokkeerd. Probeer het over {_MINUTEN} minuten opnieuw of "
            "neem contact op met de beheerder."
        )
    return None


async def log_in(
    *,
    maker: async_sessionmaker[AsyncSession],
    controles: asyncio.Semaphore,
    gebruikersnaam: str,
    wachtwoord: str,
    adres: str,
    nu: datetime,
    uren: int,
    drempels: Drempels = Drempels(),
    beurten: asyncio.Semaphore | None = None,
) -> tuple[str, Actor] | None:
    """Check the password; open a session on success (see `_log_in`).

    At most `beurten` logins run at once; one that gets no turn within `drempels.wachten`
    seconds, or finds no free database connection, is answered 429, never 500."""
    if beurten is not None:
        try:
            await asyncio.wait_for(beurten.acquire(), timeout=drempels.wachten)
        except TimeoutError:
            raise _te_druk() from None
    try:
        return await _log_in(
            maker=maker,
            controles=controles,
            gebruikersnaam=gebruikersnaam,
            wachtwoord=wachtwoord,
            adres=adres,
            nu=nu,
            uren=uren,
            drempels=drempels,
        )
    except PoolTimeout:
        raise _te_druk() from None
    finally:
        if beurten is not None:
            beurten.release()


def _te_druk() -> TeVaak:
    return TeVaak(
        "Het is nu erg druk met inloggen; probeer het over enkele seconden opnieuw.", retry_na=5
    )


async def _log_in(
    *,
    maker: async_sessionmaker[AsyncSession],
    controles: asyncio.Semaphore,
    gebruikersnaam: str,
    wachtwoord: str,
    adres: str,
    nu: datetime,
    uren: int,
    drempels: Drempels = Drempels(),
) -> tuple[str, Actor] | None:
    """Check the password; open a session on success.

    No database connection is held while argon2 runs (it takes 64 MiB and real CPU time):
    the attempt is recorded and committed first, so parallel attempts count each other, then
    the hash is checked in a thread, at most `controles` at once. An attempt that finds no free
    check within `drempels.wachten` seconds is answered 429 instead of piling up."""
    naam = gebruikersnaam[:80]
    adres = adres[:64]
    if _STUUR.search(naam):
        raise OngeldigeInvoer(
            "Veld 'gebruikersnaam': bevat stuur- of richtingstekens.", veld="gebruikersnaam"
        )
    venster = nu - POGING_VENSTER
    async with werkeenheid(maker) as s:
        poging = MisluktePoging(gebruikersnaam=naam, adres=adres, op=nu)
        s.add(poging)
        await s.flush()
        poging_id = poging.id
    async with werkeenheid(maker) as s:
        reden = await _weigering(s, naam, adres, venster, drempels)
        g = await s.scalar(
            select(Gebruiker).where(Gebruiker.gebruikersnaam == naam, Gebruiker.actief)
        )
        if reden is not None:
            # A refused attempt does not count: the pause ends when the window says it does.
            await s.execute(delete(MisluktePoging).where(MisluktePoging.id == poging_id))
    if reden is not None:
        raise TeVaak(reden, retry_na=int(POGING_VENSTER.total_seconds()))
    hash_ = g.wachtwoord_hash if g else _DUMMY_HASH
    try:
        await asyncio.wait_for(controles.acquire(), timeout=drempels.wachten)
    except TimeoutError:
        async with werkeenheid(maker) as s:
            await s.execute(delete(MisluktePoging).where(MisluktePoging.id == poging_id))
        raise _te_druk() from None
    try:
        ok = await anyio.to_thread.run_sync(_klopt, hash_, wachtwoord)
    finally:
        controles.release()
    async with werkeenheid(maker) as s:
        if g is None or not ok:
            await s.execute(delete(MisluktePoging).where(MisluktePoging.op < venster))
            return None
        await s.execute(
            delete(MisluktePoging).where(
                MisluktePoging.gebruikersnaam == naam, MisluktePoging.adres == adres
            )
        )
        sleutel = secrets.token_urlsafe(32)
        s.add(
            Sessie(
                sleutel_hash=_sha256(sleutel),
                gebruiker_id=g.id,
                aangemaakt_op=nu,
                verloopt_op=nu + timedelta(hours=uren),
            )
        )
        # Expired sessions are cleared as people log in; no scheduler needed for that.
        await s.execute(delete(Sessie).where(Sessie.verloopt_op < nu))
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


async def actor_voor_token(*, session: AsyncSession, token: str, nu: datetime) -> Actor | None:
    g = await session.scalar(
        select(Gebruiker)
        .join(Token, Token.gebruiker_id == Gebruiker.id)
        .where(
            Token.token_hash == _sha256(token),
            ~Token.ingetrokken,
            Token.verloopt_op > nu,
            Gebruiker.actief,
        )
    )
    return _actor(g) if g else None
