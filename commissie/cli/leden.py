"""Members from the command line."""

from __future__ import annotations

import click
import msgspec

from commissie.cli.hulp import cli_actor, draai
from commissie.eenheid import werkeenheid
from commissie.leden.schemas import LidIn
from commissie.omgeving import Omgeving
from commissie.regios import commissie_of_fout


@click.group()
def lid() -> None:
    """Commissieleden."""


@lid.command("aanmaken")
@click.argument("naam")
@click.option(
    "--commissie", "commissie_code", required=True, help="Code van de commissie, bijv. TI."
)
@click.option("--korps", "korps_code", required=True, help="Thuiskorps, bijv. TW.")
@click.option("--eenheid", default=None, help="Eenheid binnen het korps.")
@click.option("--voorzitter", is_flag=True, help="Kan voorzitten.")
@click.option("--email", default=None)
def lid_aanmaken(
    naam: str,
    commissie_code: str,
    korps_code: str,
    eenheid: str | None,
    voorzitter: bool,
    email: str | None,
) -> None:
    """Voeg een lid toe aan een commissie."""
    from commissie.leden.service import maak_lid

    async def werk(o: Omgeving) -> int:
        async with werkeenheid(o.sessionmaker) as s:
            # Through msgspec, so the command line gets the same checks as the API.
            invoer = msgspec.convert(
                {
                    "naam": naam,
                    "commissie": commissie_code,
                    "korps": korps_code,
                    "eenheid": eenheid,
                    "voorzitter": voorzitter,
                    "email": email,
                },
                LidIn,
            )
            nieuw = await maak_lid(
                session=s,
                actor=cli_actor(commissie_code),
                invoer=invoer,
                regios=o.regios,
                nu=o.klok(),
            )
            return nieuw.id

    lid_id = draai(werk)
    click.echo(
        f"Lid {naam} ({korps_code}{', kan voorzitten' if voorzitter else ''}) aangemaakt met id {lid_id}."
    )


@lid.command("lijst")
@click.option("--commissie", "commissie_code", required=True)
def lid_lijst(commissie_code: str) -> None:
    """Toon de leden van een commissie."""
    from commissie.leden.models import Lid
    from commissie.leden.service import leden_van

    async def werk(o: Omgeving) -> list[Lid]:
        commissie_of_fout(o.regios, commissie_code, "--commissie")
        async with werkeenheid(o.sessionmaker) as s:
            return await leden_van(s, commissie_code)

    for x in draai(werk):
        click.echo(
            f"{x.id:>4}  {x.naam:<32} {x.korps_code:<5} {x.eenheid or '-':<22} "
            f"{'voorzitter' if x.kan_voorzitten else '':<11}{'' if x.actief else 'inactief'}"
        )
