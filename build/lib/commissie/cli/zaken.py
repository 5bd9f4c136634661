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
def termijnen(commissie_code: str | None) -> None:
    """Open termijnen van alle zaken, verlopen eerst."""
    from commissie.procedure.overzichten import open_termijnen

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
                uit.append((code, await open_termijnen(session=s, actor=actor, nu=o.klok())))
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
