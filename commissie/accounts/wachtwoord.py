"""Changing one's own password: at least 12 characters, not a common one."""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path

import anyio.to_thread
from sqlalchemy import delete, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from commissie.accounts import service
from commissie.accounts.models import Gebruiker, Sessie
from commissie.eenheid import werkeenheid
from commissie.fouten import OngeldigeInvoer, TeVaak

MIN_WACHTWOORD = 12
_VEELGEBRUIKT = Path(__file__).with_name("veelgebruikt.txt")


@cache
def veelgebruikte_wachtwoorden() -> frozenset[str]:
    regels = _VEELGEBRUIKT.read_text(encoding="utf-8").splitlines()
    return frozenset(r.strip().lower() for r in regels if r.strip() and not r.startswith("#"))


def controleer_nieuw_wachtwoord(wachtwoord: str, gebruikersnaam: str) -> None:
    veld = "nieuw_wachtwoord"
    if len(wachtwoord) < MIN_WACHTWOORD:
        raise OngeldigeInvoer(
            f"Veld '{veld}': moet minstens {MIN_WACHTWOORD} tekens lang zijn.", veld=veld
        )
    kern = wachtwoord.strip().lower()
    if kern in veelgebruikte_wachtwoorden() or kern == gebruikersnaam.lower():
        raise OngeldigeInvoer(
            f"Veld '{veld}': dit wachtwoord is te bekend en wordt snel geraden; kies een ander.",
            veld=veld,
        )
    if len(set(wachtwoord)) < 4:
        raise OngeldigeInvoer(f"Veld '{veld}': gebruik meer verschillende tekens.", veld=veld)


async def wijzig_wachtwoord(
    *,
    maker: async_sessionmaker[AsyncSession],
    controles: asyncio.Semaphore,
    gebruiker_id: int,
    huidig: str,
    nieuw: str,
    houd_sessie: str | None,
    wachten: float = 2.0,
) -> None:
    """Change a password after checking the current one. Other browser sessions of the user
    end (someone who knew the old password is logged out); this one stays."""
    async with werkeenheid(maker) as s:
        g = await s.get(Gebruiker, gebruiker_id)
        if g is None or not g.actief:
            raise OngeldigeInvoer("Dit account is niet actief.")
        naam, oud_hash = g.gebruikersnaam, g.wachtwoord_hash
    controleer_nieuw_wachtwoord(nieuw, naam)
    try:
        await asyncio.wait_for(controles.acquire(), timeout=wachten)
    except TimeoutError:
        raise TeVaak(
            "Het is nu erg druk; probeer het over enkele seconden opnieuw.", retry_na=5
        ) from None
    try:
        ok = await anyio.to_thread.run_sync(service._klopt, oud_hash, huidig)
        nieuw_hash = await anyio.to_thread.run_sync(service.hash_wachtwoord, nieuw) if ok else ""
    finally:
        controles.release()
    if not ok:
        raise OngeldigeInvoer(
            "Veld 'huidig_wachtwoord': het huidige wachtwoord klopt niet.", veld="huidig_wachtwoord"
        )
    async with werkeenheid(maker) as s:
        await s.execute(
            update(Gebruiker).where(Gebruiker.id == gebruiker_id).values(wachtwoord_hash=nieuw_hash)
        )
        andere = delete(Sessie).where(Sessie.gebruiker_id == gebruiker_id)
        if houd_sessie:
            andere = andere.where(Sessie.sleutel_hash != service._sha256(houd_sessie))
        await s.execute(andere)
