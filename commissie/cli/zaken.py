"""Cases from the command line: register one from a JSON file, and the open deadlines."""

from __future__ import annotations

import click
import msgspec

from commissie.cli.hulp import cli_actor, draai
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving
from commissie.zaken.schemas import OpenTermijn, ZaakIn


@click.group()
def zaak() -> None:
    """Zaken."""


@zaak.command("registreren")
@click.argument("bestand", type=click.File("rb"))
def zaak_registreren(bestand: click.utils.LazyFile) -> None:
    """Registreer een klacht uit een JSON-bestand (zoals POST /api/zaken; '-' leest stdin)."""
    from commissie.panel.weergave import panel_van_zaak
    from commissie.procedure.registratie import registreer

    # The same schema as the API: the same checks, the same Dutch messages.
    invoer = msgspec.json.decode(bestand.read(), type=ZaakIn)

    async def werk(o: Omgeving) -> tuple[str, list[str], list[str], list[str]]:
        async with werkeenheid(o.sessionmaker) as s:
            z, waarschuwingen = await registreer(
                session=s,
                actor=cli_actor(invoer.commissie),
                invoer=invoer,
                regios=o.regios,
                kalender=o.kalender,
                nu=o.klok(),
            )
            panel = [
                f"{x['rol']}: {x['naam']} ({x['korps']})"
                for x in await panel_van_zaak(session=s, zaak_id=z.id)
            ]
            termijnen = [f"{t.soort}: uiterlijk {t.einddatum.isoformat()}" for t in z.termijnen]
            return z.nummer, panel, termijnen, waarschuwingen

    nummer, panel, termijnen, waarschuwingen = draai(werk)
    click.echo(f"Zaak {nummer} geregistreerd.")
    for regel in panel:
        click.echo(f"  panel    {regel}")
    for regel in termijnen:
        click.echo(f"  termijn  {regel}")
    for w in waarschuwingen:
        click.echo(f"  let op   {w}")


@click.command()
@click.option("--commissie", "commissie_code", default=None, help="Alleen deze commissie.")
@click.option(
    "--zaak",
    "nummer",
    default=None,
    help="Alle termijnen van één zaak, ook voldane (met te late) en vervallen.",
)
def termijnen(commissie_code: str | None, nummer: str | None) -> None:
    """Open termijnen van alle zaken, verlopen eerst (of alle termijnen van één zaak)."""
    from commissie.procedure.overzichten import open_termijnen

    if nummer is not None:
        _termijnen_van_zaak(nummer)
        return

    async def werk(o: Omgeving) -> list[tuple[str, list[OpenTermijn]]]:
        codes = [commissie_code] if commissie_code else sorted(o.regios.commissies)
        if commissie_code and o.regios.commissie(commissie_code) is None:
            raise click.BadParameter(
                f"onbekende commissie '{commissie_code}'", param_hint="--commissie"
            )
        uit = []
        async with werkeenheid(o.sessionmaker) as s:
            for code in codes:
                # The terminal is the secretariat's tool: it sees what the secretary sees.
                actor = cli_actor(code)
                uit.append(
                    (
                        code,
                        await open_termijnen(session=s, actor=actor, nu=o.klok(), regios=o.regios),
                    )
                )
        return uit

    for code, rijen in draai(werk):
        click.echo(f"Commissie {code}: {len(rijen)} open termijn(en)")
        for t in rijen:
            status = (
                f"{-t.dagen_resterend} dagen TE LAAT"
                if t.te_laat
                else f"nog {t.dagen_resterend} dagen"
            )
            click.echo(f"  {t.einddatum.isoformat()}  {t.nummer:<14} {t.omschrijving:<40} {status}")
            for w in t.waarschuwingen:
                click.echo(f"      let op: {w}")


def _termijnen_van_zaak(nummer: str) -> None:
    from commissie.fouten import NietGevonden
    from commissie.panel.toegang import haal_zaak
    from commissie.procedure.zaakweergave import zaak_weergave

    async def werk(o: Omgeving):  # type: ignore[no-untyped-def]
        code = nummer.split("-", 1)[0]
        if o.regios.commissie(code) is None:
            raise click.BadParameter(f"zaak {nummer} bestaat niet", param_hint="--zaak")
        async with werkeenheid(o.sessionmaker) as s:
            actor = cli_actor(code)
            try:
                zaak = await haal_zaak(session=s, actor=actor, nummer=nummer, nu=o.klok())
            except NietGevonden:
                raise click.BadParameter(
                    f"zaak {nummer} bestaat niet", param_hint="--zaak"
                ) from None
            return await zaak_weergave(session=s, actor=actor, zaak=zaak, nu=o.klok())

    uit = draai(werk)
    click.echo(f"Zaak {uit.nummer}: {uit.status_label}")
    for t in uit.termijnoverzicht:
        if t.status == "voldaan_te_laat":
            stand = f"voldaan op {t.voldaan_op}, {t.dagen_te_laat} dagen TE LAAT"
        elif t.status == "voldaan":
            stand = f"voldaan op {t.voldaan_op}"
        elif t.status == "open" and t.dagen_te_laat:
            stand = f"open, {t.dagen_te_laat} dagen TE LAAT"
        else:
            stand = t.status
        click.echo(f"  {t.einddatum.isoformat()}  {t.omschrijving:<40} {stand}")
        click.echo(f"      {t.grondslag}; {t.toelichting}")
        if t.waarschuwing:
            click.echo(f"      let op: {t.waarschuwing}")
