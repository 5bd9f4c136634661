"""`commissie sjablonen controleer`: every letter template rendered with sample data."""

from __future__ import annotations

import sys

import click

from commissie.config import Settings


@click.group()
def sjablonen() -> None:
    """Briefsjablonen (templates/brieven, of COMMISSIE_TEMPLATES_DIR/brieven)."""


@sjablonen.command("controleer")
def controleer() -> None:
    """Vul elk sjabloon met voorbeeldgegevens; meldt per bestand wat er mis is."""
    from commissie.adviezen.sjablonen import SJABLONEN, map_van
    from commissie.adviezen.sjablonen import controleer as controleer_alle

    templates_dir = Settings.from_env().templates_dir
    fouten = controleer_alle(templates_dir)
    for fout in fouten:
        click.echo(fout, err=True)
    if fouten:
        sys.exit(1)
    click.echo(f"{len(SJABLONEN)} sjablonen in orde ({map_van(templates_dir)}).")
