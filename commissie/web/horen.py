"""What the case page offers the secretary for hoor en wederhoor: the open wederhoor steps,
free slots from the proposals service, the planned hearings and the parties.

Only choices are computed here; the steps (commissie/zittingen) decide what is allowed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.omgeving import Omgeving
from commissie.tijd import AMSTERDAM, tijdstip_nl
from commissie.zaken.models import Zaak
from commissie.zaken.rechten import mag_behandelen
from commissie.zaken.regels import HOOR_EN_WEDERHOOR, Status
from commissie.zittingen import voorstellen as planhulp
from commissie.zittingen.regels import KLAGER, WederhoorStap, ZittingStatus

STAPLABEL = {
    WederhoorStap.AFSCHRIFT_BEKLAAGDE: "Afschrift klacht aan beklaagde (Awb 9:10)",
    WederhoorStap.VERWEER_ONTVANGEN: "Verweer ontvangen",
    WederhoorStap.STUKKEN_GEDEELD: "Stukken gedeeld met partijen",
}
# A value that carries the whole proposal, so the post plans exactly the slot shown.
SCHEIDING = "|"


@dataclass(frozen=True)
class Horen:
    stappen: list[tuple[str, str]]
    voorstellen: list[tuple[str, str]]
    waarschuwingen: list[str]
    partijen: list[tuple[str, str]]
    niet_gehoord: list[tuple[str, str]]
    gepland: list[Any] = field(default_factory=list)


def voorstelwaarde(begin: datetime, einde: datetime, locatie: str) -> str:
    lokaal = begin.astimezone(AMSTERDAM).strftime("%Y-%m-%dT%H:%M")
    minuten = int((einde - begin).total_seconds() // 60)
    return SCHEIDING.join((lokaal, str(minuten), locatie))


def lees_voorstel(waarde: str) -> tuple[str, int, str] | None:
    """(begin, duur_minuten, locatie) from a proposal's value; None when it is not one."""
    delen = waarde.split(SCHEIDING, 2)
    if len(delen) != 3 or not delen[1].isdigit():
        return None
    return delen[0], int(delen[1]), delen[2]


def partijlabels(uit: Any) -> list[tuple[str, str]]:
    return [(KLAGER, "de klager")] + [
        (f"beklaagde:{b.id}", f"beklaagde {b.naam}") for b in uit.beklaagden
    ]


def _open_stappen(w: Any) -> list[WederhoorStap]:
    if w is None or w.afschrift_beklaagde is None:
        return [WederhoorStap.AFSCHRIFT_BEKLAAGDE]
    uit = []
    if w.verweer_ontvangen is None:
        uit.append(WederhoorStap.VERWEER_ONTVANGEN)
    if w.stukken_gedeeld is None:
        uit.append(WederhoorStap.STUKKEN_GEDEELD)
    return uit


async def horen_context(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, uit: Any, omgeving: Omgeving, nu: datetime
) -> Horen | None:
    """None when this actor has no hearing step on this case now."""
    if not mag_behandelen(actor, zaak) or Status(zaak.status) not in HOOR_EN_WEDERHOOR:
        return None
    hulp = await planhulp.voorstellen(
        session=session,
        zaak=zaak,
        regios=omgeving.regios,
        kalender=omgeving.kalender,
        nu=nu,
        aantal=5,
        duur_minuten=120,
    )
    partijen = partijlabels(uit)
    klaar = {h.partij for h in uit.horen if h.gehoord or h.afgezien}
    return Horen(
        stappen=[(s.value, STAPLABEL[s]) for s in _open_stappen(uit.wederhoor)],
        voorstellen=[
            (
                voorstelwaarde(v.begin, v.einde, v.locatie),
                f"{tijdstip_nl(v.begin)} tot {v.einde.astimezone(AMSTERDAM):%H:%M}, {v.locatie}",
            )
            for v in hulp.voorstellen
        ],
        waarschuwingen=list(hulp.waarschuwingen),
        partijen=partijen,
        niet_gehoord=[(p, label) for p, label in partijen if p not in klaar],
        gepland=[z for z in uit.zittingen if z.status == ZittingStatus.GEPLAND.value],
    )
