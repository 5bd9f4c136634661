"""The case page: the dossier, and the small forms for the steps that status and role allow.

Which forms show is decided by the same rule sets the steps enforce (zaken/regels.py,
zaken/rechten.py); the steps themselves refuse anything else."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from litestar import get
from litestar.params import FromPath, FromQuery
from litestar.response import Template
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.adviezen.weergave import advies_pagina
from commissie.api.deps import DbSession, HuidigeActor, HuidigeOmgeving, Nu
from commissie.leden.service import leden_van
from commissie.omgeving import Omgeving
from commissie.panel import acties as panelacties
from commissie.panel.toegang import haal_zaak
from commissie.procedure import zaakweergave
from commissie.tijd import vandaag
from commissie.web.briefkeuze import BRIEFSOORTEN, briefaan
from commissie.web.formulieren import Fouten
from commissie.web.horen import horen_context
from commissie.zaken.models import Zaak
from commissie.zaken.rechten import mag_behandelen
from commissie.zaken.regels import (
    AFGEROND,
    EIGEN_STAP,
    LABEL,
    PANEL_WIJZIGBAAR,
    VERDAGING_MOGELIJK,
    Status,
    toegestaan,
)

# Awb 9:8 lid 1: the grounds on which the committee need not handle a complaint.
GRONDEN_9_8 = [
    ("Awb 9:8 lid 1 sub a", "sub a: al eerder behandeld"),
    ("Awb 9:8 lid 1 sub b", "sub b: gedraging langer dan een jaar geleden"),
    ("Awb 9:8 lid 1 sub c", "sub c: bezwaar of beroep stond open"),
    ("Awb 9:8 lid 1 sub d", "sub d: bezwaar of beroep is ingesteld"),
    ("Awb 9:8 lid 1 sub e", "sub e: rechter heeft erover geoordeeld"),
    ("Awb 9:8 lid 1 sub f", "sub f: strafrechtelijk onderzoek of vervolging"),
    ("Awb 9:8 lid 2", "lid 2: belang of gewicht kennelijk onvoldoende"),
]

MELDINGEN = {
    "geregistreerd": "De klacht is geregistreerd.",
    "ontvangstbevestiging": "De ontvangstbevestiging is vastgelegd.",
    "ontvankelijkheid": "Het besluit over de ontvankelijkheid is vastgelegd.",
    "verdaging": "De verdaging is vastgelegd.",
    "verschoning": "De verschoning is vastgelegd.",
    "wraking": "De beslissing op de wraking is vastgelegd.",
    "ziektevervanging": "Het zieke lid is vervangen.",
    "handmatig": "De aanwijzing is vastgelegd.",
    "status": "De status is gewijzigd.",
    "wederhoor": "De wederhoorstap is vastgelegd.",
    "zitting": "De zitting is gepland.",
    "verplaatsen": "De zitting is verplaatst.",
    "annuleren": "De zitting is geannuleerd.",
    "verslag": "Het hoorverslag is vastgelegd.",
    "afzien": "Het afzien van horen is vastgelegd.",
    "brief": "De brief is gemaakt; hij staat bij de documenten.",
    "evaluatie": "De evaluatie is vastgelegd; de zaak kan nu worden afgesloten.",
}


@dataclass(frozen=True)
class Acties:
    """The forms this actor may use on this case now."""

    ontvangstbevestiging: bool
    ontvankelijkheid: bool
    verdaging: bool
    panel: bool
    # The next statuses the generic step may set (those with a step of their own excluded).
    statussen: tuple[Status, ...] = ()
    brief: bool = False  # the "Brief maken" form (commissie/web/brieven.py)
    evaluatie: bool = False  # the evaluation form (commissie/web/evaluatie.py)

    @property
    def enige(self) -> bool:
        return (
            self.ontvangstbevestiging
            or self.ontvankelijkheid
            or self.verdaging
            or self.panel
            or bool(self.statussen)
            or self.brief
            or self.evaluatie
        )


def acties_voor(actor: Actor, zaak: Zaak) -> Acties:
    if not mag_behandelen(actor, zaak):
        return Acties(False, False, False, False)
    status = Status(zaak.status)
    return Acties(
        ontvangstbevestiging=status not in AFGEROND and zaak.ontvangstbevestiging_op is None,
        ontvankelijkheid=status is Status.ONTVANGEN,
        verdaging=status in VERDAGING_MOGELIJK,
        panel=status in PANEL_WIJZIGBAAR,
        statussen=tuple(s for s in toegestaan(status) if s not in EIGEN_STAP),
        brief=True,
        # The service refuses a second one; the page hides the form once it is recorded.
        evaluatie=status is Status.BESLUIT_GENOMEN,
    )


async def zaak_context(
    *,
    session: AsyncSession,
    actor: Actor,
    nummer: str,
    nu: datetime,
    fouten: Fouten | None = None,
    waarden: dict[str, list[str]] | None = None,
    melding: str | None = None,
    omgeving: Omgeving | None = None,
) -> dict[str, Any]:
    zaak = await haal_zaak(session=session, actor=actor, nummer=nummer, nu=nu)
    uit = await zaakweergave.zaak_weergave(session=session, actor=actor, zaak=zaak, nu=nu)
    acties = acties_voor(actor, zaak)
    zetels: list[Any] = []
    leden: list[tuple[int, str]] = []
    if acties.panel:
        zetels = [
            z for z in (await panelacties.panel_uit(session=session, zaak=zaak)).zetels if z.actief
        ]
        leden = [
            (lid.id, lid.naam)
            for lid in await leden_van(session, zaak.commissie_code)
            if lid.actief
        ]
    horen = (
        await horen_context(
            session=session, actor=actor, zaak=zaak, uit=uit, omgeving=omgeving, nu=nu
        )
        if omgeving is not None
        else None
    )
    return {
        "actor": actor,
        "zaak": uit,
        "horen": horen,
        "vandaag": vandaag(nu),
        "acties": acties,
        "zetels": zetels,
        "leden": leden,
        "gronden": GRONDEN_9_8,
        "briefsoorten": BRIEFSOORTEN,
        "briefaan": briefaan(uit) if acties.brief else [],
        "statuskeuze": [(s.value, LABEL[s]) for s in acties.statussen],
        "fouten": fouten or {},
        "f_waarden": waarden or {},
        "melding": melding,
        **await advies_pagina(session=session, actor=actor, zaak=zaak),
    }


@get("/zaken/{nummer:str}", include_in_schema=False)
async def zaak_pagina(
    nummer: FromPath[str],
    db_session: DbSession,
    actor: HuidigeActor,
    omgeving: HuidigeOmgeving,
    nu: Nu,
    gedaan: FromQuery[str | None] = None,
) -> Template:
    context = await zaak_context(
        session=db_session,
        actor=actor,
        nummer=nummer,
        nu=nu,
        melding=MELDINGEN.get(gedaan or ""),
        omgeving=omgeving,
    )
    return Template("zaak.html", context=context)
