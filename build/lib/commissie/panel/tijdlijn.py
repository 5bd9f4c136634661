"""The case timeline for panel events. Reasons of verschoning and wraking and anything about
health stay with the panel records (the secretary sees them there), never on the timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.eenheid import Abonnee
from commissie.panel.events import (
    HandmatigAangewezen,
    LidAfwezig,
    LidUitPanel,
    PanelHerzien,
    PanelOnvolledig,
    VerschoningGemeld,
    VoorzitterVacant,
    VoorzitterViaTerugval,
    WrakingBeslist,
    ZetelBeeindigd,
    ZetelToegewezen,
    ZiekVervangen,
)
from commissie.tijd import datum_nl
from commissie.zaken.tijdlijn import schrijf


async def _toegewezen(_: AsyncSession, e: ZetelToegewezen) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="panel",
        tekst=f"{e.rol.capitalize()}: {e.naam} ({e.korps}) aangewezen ({e.grond}).",
        lid_id=e.lid_id,
        rol=e.rol,
    )


async def _beeindigd(_: AsyncSession, e: ZetelBeeindigd) -> None:
    if not e.vacant:
        return  # the step that ended it (verschoning, wraking, ...) has its own entry
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="panel",
        tekst=(
            f"Zetel ({e.rol}) vacant na {e.reden}: er is nu geen geschikt lid beschikbaar. "
            "Vul het panel aan zodra dat kan."
        ),
    )


async def _terugval(_: AsyncSession, e: VoorzitterViaTerugval) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="panel",
        tekst="Let op: de voorzitter komt via de terugvalregel; zie de uitleg bij het panel.",
    )


async def _onvolledig(_: AsyncSession, e: PanelOnvolledig) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="panel",
        tekst="Panel nog niet samengesteld: onvoldoende beschikbare leden.",
    )


async def _verschoning(_: AsyncSession, e: VerschoningGemeld) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="verschoning",
        tekst=f"Verschoning: {e.naam} ({e.korps}) treedt terug; belangenconflict vastgelegd.",
        lid_id=e.lid_id,
    )


async def _wraking(_: AsyncSession, e: WrakingBeslist) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="wraking",
        datum=e.beslist_op,
        tekst=(
            f"Wraking van {e.naam} door de {e.ingediend_door} (ingediend "
            f"{datum_nl(e.ingediend_op)}): {e.beslissing} op {datum_nl(e.beslist_op)}."
        ),
        lid_id=e.lid_id,
        beslissing=e.beslissing,
    )


async def _ziek(_: AsyncSession, e: ZiekVervangen) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="ziektevervanging",
        tekst=f"Ziektevervanging: {e.naam} is vervangen.",
        lid_id=e.lid_id,
    )


async def _handmatig(_: AsyncSession, e: HandmatigAangewezen) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="handmatig",
        tekst=(
            f"Handmatig: {e.nieuw_naam} in plaats van {e.oud_naam}."
            if e.oud_naam
            else f"Handmatig: {e.nieuw_naam} aangewezen als voorzitter (de zetel was vacant)."
        ),
        toelichting=e.reden,
        oud=e.oud_id,
        nieuw=e.nieuw_id,
    )


async def _herzien(_: AsyncSession, e: PanelHerzien) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="herindeling",
        tekst="Panel opnieuw samengesteld.",
        toelichting=e.reden,
    )


async def _afwezig(_: AsyncSession, e: LidAfwezig) -> None:
    # The kind of absence (holiday, illness) is not shown: only that planning must allow for it.
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort="afwezigheid",
        tekst=(
            f"{e.naam} is afwezig van {datum_nl(e.van)} t/m {datum_nl(e.tot)}; houd er "
            "rekening mee bij het plannen."
        ),
        lid_id=e.lid_id,
    )


async def _uit_panel(_: AsyncSession, e: LidUitPanel) -> None:
    schrijf(
        e.zaak,
        actor=e.actor,
        nu=e.nu,
        soort=e.reden,
        tekst=f"{e.reden.capitalize()}: {e.naam} is uit het panel gegaan"
        + ("; de zetel is vacant." if e.vacant else "."),
        lid_id=e.lid_id,
    )


async def _vacant(_: AsyncSession, e: VoorzitterVacant) -> None:
    schrijf(e.zaak, actor=e.actor, nu=e.nu, soort="panel", tekst=e.waarschuwing)


ABONNEMENTEN: Mapping[type, Sequence[Abonnee]] = {
    VoorzitterVacant: [_vacant],
    ZetelToegewezen: [_toegewezen],
    ZetelBeeindigd: [_beeindigd],
    VoorzitterViaTerugval: [_terugval],
    PanelOnvolledig: [_onvolledig],
    VerschoningGemeld: [_verschoning],
    WrakingBeslist: [_wraking],
    ZiekVervangen: [_ziek],
    HandmatigAangewezen: [_handmatig],
    PanelHerzien: [_herzien],
    LidAfwezig: [_afwezig],
    LidUitPanel: [_uit_panel],
}
