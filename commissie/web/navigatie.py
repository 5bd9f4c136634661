"""The navigation per role. A page adds itself with one line in NAVIGATIE; an entry shows
only for its roles and only once the app routes its path, so planned pages appear by
themselves when they land."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from litestar import Litestar
from litestar.routes import HTTPRoute

from commissie.accounts.rollen import Actor, Rol

ALLE_ROLLEN = frozenset(Rol)


@dataclass(frozen=True)
class Menupunt:
    label: str
    pad: str
    rollen: frozenset[Rol]


@dataclass(frozen=True)
class Menulink:
    label: str
    pad: str
    actief: bool


def _punt(label: str, pad: str, *rollen: Rol) -> Menupunt:
    return Menupunt(label, pad, frozenset(rollen))


NAVIGATIE: tuple[Menupunt, ...] = (
    Menupunt("Overzicht", "/", ALLE_ROLLEN),
    _punt("Termijnen", "/termijnen", Rol.SECRETARIS),
    _punt("Zaken", "/zaken", Rol.SECRETARIS),
    _punt("Klacht registreren", "/zaken/nieuw", Rol.SECRETARIS),
    _punt("Leden", "/leden", Rol.SECRETARIS, Rol.BEHEERDER),
    _punt("Belasting", "/belasting", Rol.SECRETARIS, Rol.BEHEERDER),
    _punt("Mijn zaken", "/mijn/zaken", Rol.LID),
    _punt("Mijn zittingen", "/mijn/zittingen", Rol.LID),
    _punt("Adviezen", "/korpsleiding", Rol.KORPSLEIDING),
    _punt("Beheer", "/beheer", Rol.BEHEERDER),
)


# Where each role lands after logging in: its daily work.
STARTPAGINA: dict[Rol, str] = {
    Rol.SECRETARIS: "/termijnen",
    Rol.LID: "/mijn/zaken",
    Rol.KORPSLEIDING: "/korpsleiding",
    Rol.BEHEERDER: "/beheer",
}


def paginapaden(app: Litestar) -> frozenset[str]:
    """Paths the app answers with GET (route templates such as '/zaken/{nummer:str}' included)."""
    return frozenset(r.path for r in app.routes if isinstance(r, HTTPRoute) and "GET" in r.methods)


def menu(
    actor: Actor | None,
    paden: Iterable[str],
    huidig_pad: str,
    punten: Iterable[Menupunt] = NAVIGATIE,
) -> list[Menulink]:
    """The links for this actor, in NAVIGATIE order; the current page is marked."""
    if actor is None:
        return []
    bestaand = set(paden)
    return [
        Menulink(p.label, p.pad, actief=p.pad == huidig_pad)
        for p in punten
        if actor.rol in p.rollen and p.pad in bestaand
    ]
