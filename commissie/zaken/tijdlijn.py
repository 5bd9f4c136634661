"""The case timeline: written from the domain events, read per audience.

An entry has a text of facts (`omschrijving`) and, apart from it, the free text typed with the
step (`toelichting`: reasons, references), which only the secretariat sees. What each audience
sees is decided here, once (README "Wie ziet wat").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from sqlalchemy import inspect
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.eenheid import Abonnee
from commissie.tijd import datum_nl
from commissie.zaken.events import (
    OntvangstBevestigd,
    StatusGewijzigd,
    Verdaagd,
    ZaakGeregistreerd,
)
from commissie.zaken.models import Gebeurtenis, Zaak
from commissie.zaken.regels import LABEL
from commissie.zaken.schemas import GebeurtenisUit
from commissie.zaken.termijnen import weken_tekst

# The corps leadership follows the procedure, not the committee's internal work.
VOOR_KORPSLEIDING = frozenset({"ontvangen", "status", "verdaging"})
# Changes of the panel: a panel member reads only that a seat changed, not why or who.
PANELWIJZIGING = frozenset(
    {"panel", "verschoning", "wraking", "ziektevervanging", "handmatig", "vertrek", "herindeling"}
)
PANELWIJZIGING_VOOR_LEDEN = "Een zetel in het panel is gewijzigd."


def schrijf(
    zaak: Zaak,
    *,
    actor: Actor | None,
    nu: datetime,
    soort: str,
    tekst: str,
    datum: date | None = None,
    toelichting: str | None = None,
    **gegevens: object,
) -> None:
    """Add a timeline entry. Facts only in `tekst`: never the complaint's content."""
    gebeurtenis = Gebeurtenis(
        op=nu,
        datum=datum,
        door_id=actor.gebruiker_id if actor else None,
        door_naam=actor.gebruikersnaam if actor else "systeem",
        soort=soort,
        omschrijving=tekst,
        toelichting=(toelichting or "").strip() or None,
        gegevens=dict(gegevens),
    )
    staat = inspect(zaak)
    if "gebeurtenissen" in staat.unloaded and staat.session is not None:
        # A step that loaded the case without its timeline (its cost grows with the case's
        # history) adds the entry by itself: same row, same unit of work.
        gebeurtenis.zaak_id = zaak.id
        staat.session.add(gebeurtenis)
    else:
        zaak.gebeurtenissen.append(gebeurtenis)


async def _geregistreerd(_: AsyncSession, e: ZaakGeregistreerd) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="ontvangen",
        datum=e.zaak.ontvangen_op,
        tekst=f"Klacht geregistreerd (ontvangen op {datum_nl(e.zaak.ontvangen_op)}).",
    )


async def _ontvangst(_: AsyncSession, e: OntvangstBevestigd) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="ontvangstbevestiging",
        datum=e.verzonden_op,
        tekst=(
            f"Ontvangstbevestiging verzonden op {datum_nl(e.verzonden_op)} (Awb 9:6), met "
            "vermelding dat de commissie adviseert (Awb 9:15)."
        ),
    )


async def _status(_: AsyncSession, e: StatusGewijzigd) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="status",
        datum=e.op,
        tekst=f"Status: {LABEL[e.van]} → {LABEL[e.naar]}.",
        toelichting=e.toelichting,
        van=e.van.value,
        naar=e.naar.value,
    )


async def _verdaagd(_: AsyncSession, e: Verdaagd) -> None:
    v = e.verdaging
    toelichting = v.reden
    if v.instemming_datum:
        toelichting += (
            f" Instemming klager: {v.instemming_kenmerk} van {datum_nl(v.instemming_datum)}."
        )
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="verdaging",
        datum=v.besloten_op,
        tekst=(
            f"Afhandeling verdaagd met {weken_tekst(v.weken)} (totaal "
            f"{weken_tekst(e.totaal_weken)}); besluit nu uiterlijk "
            f"{datum_nl(e.besluit_uiterlijk)}."
            + (
                f" Klager en beklaagde(n) schriftelijk ingelicht op {datum_nl(v.mededeling_op)} "
                "(Awb 9:11 lid 2)."
                if v.mededeling_op
                else ""
            )
            + (" Vastgelegd na afloop van de verdaagde termijn." if v.te_laat_vastgelegd else "")
        ),
        toelichting=toelichting,
        weken=v.weken,
        totaal=e.totaal_weken,
    )


ABONNEMENTEN: Mapping[type, Sequence[Abonnee]] = {
    ZaakGeregistreerd: [_geregistreerd],
    OntvangstBevestigd: [_ontvangst],
    StatusGewijzigd: [_status],
    Verdaagd: [_verdaagd],
}


def tijdlijn_voor(gebeurtenissen: Iterable[Gebeurtenis], actor: Actor) -> list[GebeurtenisUit]:
    """The timeline as this actor may read it."""
    uit = []
    for g in gebeurtenissen:
        tekst, toelichting = g.omschrijving, g.toelichting
        if actor.rol is not Rol.SECRETARIS:
            toelichting = None
        if actor.rol is Rol.KORPSLEIDING and g.soort not in VOOR_KORPSLEIDING:
            continue
        if actor.rol is Rol.LID and g.soort in PANELWIJZIGING:
            tekst = PANELWIJZIGING_VOOR_LEDEN
        uit.append(
            GebeurtenisUit(
                op=g.op,
                datum=g.datum,
                door=g.door_naam,
                soort=g.soort,
                omschrijving=tekst,
                toelichting=toelichting,
            )
        )
    return uit
