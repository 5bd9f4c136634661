"""Hearings from the command line: the upcoming ones, without party names."""

from __future__ import annotations

import click

from commissie.cli.hulp import draai
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving
from commissie.tijd import lokaal, tijdstip_nl
from commissie.zittingen.overzicht import KomendeZitting


@click.command()
@click.option("--commissie", "commissie_code", default=None, help="Alleen deze commissie.")
def zittingen(commissie_code: str | None) -> None:
    """Komende zittingen, vroegste eerst (zaaknummer, tijd, locatie; geen namen)."""
    from commissie.zittingen.overzicht import komende_zittingen

    async def werk(o: Omgeving) -> list[KomendeZitting]:
        if commissie_code and o.regios.commissie(commissie_code) is None:
            raise click.BadParameter(
                f"onbekende commissie '{commissie_code}'", param_hint="--commissie"
            )
        async with werkeenheid(o.sessionmaker) as s:
            return await komende_zittingen(session=s, nu=o.klok(), commissie=commissie_code)

    rijen = draai(werk)
    click.echo(f"{len(rijen)} komende zitting(en)")
    for z in rijen:
        wie = ", ".join(p.replace(":", " ") for p in z.partijen)
        click.echo(
            f"  {tijdstip_nl(z.begin)}-{lokaal(z.einde):%H:%M}  {z.zaak:<14} {z.locatie}  "
            f"(horen: {wie}; zitting {z.id}, volgnummer {z.volgnummer})"
        )
