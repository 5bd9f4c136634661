"""Timeline entries for hoor en wederhoor. Facts only: no party names, no content."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.eenheid import Abonnee
from commissie.tijd import datum_nl, tijdstip_nl, vandaag
from commissie.zaken.tijdlijn import schrijf
from commissie.zittingen.events import (
    HorenAfgezien,
    WederhoorVastgelegd,
    ZittingEvent,
    ZittingGeannuleerd,
    ZittingGehouden,
    ZittingGepland,
    ZittingVerplaatst,
)
from commissie.zittingen.regels import WederhoorStap

_STAP = {
    WederhoorStap.AFSCHRIFT_BEKLAAGDE: "Afschrift van de klacht aan de beklaagde(n) (Awb 9:9)",
    WederhoorStap.VERWEER_ONTVANGEN: "Verweerschrift ontvangen",
    WederhoorStap.STUKKEN_GEDEELD: "Stukken met de partijen gedeeld",
}


def _partij(p: str) -> str:
    # The timeline names a role, never a person: "klager", "beklaagde 12".
    return p.replace(":", " ")


async def _wederhoor(_: AsyncSession, e: WederhoorVastgelegd) -> None:
    tekst = f"{_STAP[e.stap]} op {datum_nl(e.op)}."
    if e.verweertermijn is not None:
        tekst += f" Verweer uiterlijk {datum_nl(e.verweertermijn)}."
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="wederhoor",
        datum=e.op,
        tekst=tekst,
        toelichting=e.toelichting,
        stap=e.stap.value,
    )


def _afwijking(e: ZittingEvent) -> None:
    if not e.bezwaren:
        return
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="afwijking",
        datum=vandaag(e.nu),
        tekst="Zitting gepland ondanks: " + " ".join(e.bezwaren),
        toelichting=e.reden_afwijking,
        zitting=e.zitting.id,
        reden_afwijking=e.reden_afwijking,
    )


def _zitting(e: ZittingEvent, wat: str) -> None:
    z = e.zitting
    wie = ", ".join(_partij(p) for p in z.partijen)
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="zitting",
        datum=vandaag(z.begin),
        tekst=f"Zitting {wat}: {tijdstip_nl(z.begin)}, {z.locatie} (horen: {wie}; "
        f"volgnummer {z.volgnummer}).",
        zitting=z.id,
        volgnummer=z.volgnummer,
    )
    _afwijking(e)


async def _gepland(_: AsyncSession, e: ZittingGepland) -> None:
    _zitting(e, "gepland")


async def _verplaatst(_: AsyncSession, e: ZittingVerplaatst) -> None:
    _zitting(e, "verplaatst")


async def _geannuleerd(_: AsyncSession, e: ZittingGeannuleerd) -> None:
    z = e.zitting
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="zitting",
        datum=vandaag(e.nu),
        tekst=f"Zitting van {tijdstip_nl(z.begin)} geannuleerd (volgnummer {z.volgnummer}).",
        toelichting=e.reden,
        zitting=z.id,
    )


async def _gehouden(_: AsyncSession, e: ZittingGehouden) -> None:
    z = e.zitting
    gehoord = ", ".join(_partij(p) for p in z.gehoord) or "niemand"
    tekst = (
        f"Zitting van {tijdstip_nl(z.begin)} gehouden; gehoord: {gehoord}; hoorverslag vastgelegd."
    )
    if z.naar_partijen_op:
        tekst += f" Hoorverslag naar de partijen op {datum_nl(z.naar_partijen_op)}."
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="hoorverslag",
        datum=vandaag(z.begin),
        tekst=tekst,
        zitting=z.id,
    )


async def _afgezien(_: AsyncSession, e: HorenAfgezien) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="horen",
        datum=vandaag(e.nu),
        tekst=f"Afgezien van het horen van {_partij(e.partij)} (Awb 9:10 lid 2).",
        toelichting=e.grond,
        partij=e.partij,
    )


ABONNEMENTEN: Mapping[type, Sequence[Abonnee]] = {
    WederhoorVastgelegd: [_wederhoor],
    ZittingGepland: [_gepland],
    ZittingVerplaatst: [_verplaatst],
    ZittingGeannuleerd: [_geannuleerd],
    ZittingGehouden: [_gehouden],
    HorenAfgezien: [_afgezien],
}
