"""The `commissie` command: one group, its commands in the modules next to this one."""

from __future__ import annotations

import os
import secrets
import sys

import click
import msgspec

from commissie.api.foutafhandeling import vertaal_validatiefout
from commissie.cli.hulp import draai
from commissie.cli.leden import lid
from commissie.cli.panel import belasting, panel, simulatie
from commissie.cli.post import post
from commissie.cli.sjablonen import sjablonen
from commissie.cli.zaken import termijnen, zaak
from commissie.cli.zittingen import zittingen
from commissie.eenheid import werkeenheid
from commissie.fouten import ConfiguratieFout, DomeinFout
from commissie.omgeving import Omgeving


@click.group()
def cli() -> None:
    """Zaaksysteem van de gezamenlijke klachtencommissie ongewenste omgangsvormen."""


@cli.group()
def db() -> None:
    """Database."""


@db.command("upgrade")
def db_upgrade() -> None:
    """Breng het databaseschema naar de nieuwste versie."""
    from commissie.migraties import upgrade

    async def werk(o: Omgeving) -> None:
        await upgrade(o.engine)

    draai(werk)
    click.echo("Database bijgewerkt.")


def _serve(host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    click.echo(
        f"commissie draait op http://{host}:{port} met {workers} proces(sen) (stoppen met Ctrl+C)"
    )
    if workers == 1:
        from commissie.app import serverapp

        uvicorn.run(serverapp(), host=host, port=port, log_level="warning")
        return
    # Each worker process builds its own app and engine from the environment; sessions and
    # throttling live in the database, so any worker serves any user.
    uvicorn.run(
        "commissie.app:serverapp",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
    )


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Aantal processen (standaard: het aantal processorkernen).",
)
def serve(host: str, port: int, workers: int | None) -> None:
    """Start de webserver."""
    from commissie.migraties import upgrade

    async def werk(o: Omgeving) -> None:
        await upgrade(o.engine)

    draai(werk)
    _serve(host, port, workers or os.cpu_count() or 1)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--niet-starten", is_flag=True, help="Alleen de demogegevens aanmaken.")
@click.option(
    "--zaken",
    "aantal",
    default=0,
    type=click.IntRange(0, 1_000_000),
    help="Voeg zoveel gegenereerde zaken toe over alle commissies (belastingtests).",
)
def demo(host: str, port: int, niet_starten: bool, aantal: int) -> None:
    """Maak de demo aan (Twente-IJsselland), toon de logins en start de server."""
    from commissie.cli.demo import maak_demo
    from commissie.cli.post import bestemming

    async def werk(o: Omgeving) -> tuple[list[tuple[str, str, str]], str]:
        return await maak_demo(omgeving=o), bestemming(o)

    logins, post_bestemming = draai(werk)
    if aantal:
        _massa(aantal)
    click.echo("Demo-logins (wachtwoorden zijn bij elke start nieuw):")
    for naam, rol, wachtwoord in logins:
        click.echo(f"  {naam:<16} {rol:<13} {wachtwoord}")
    click.echo(f"Uitgaande post gaat {post_bestemming}.")
    if not niet_starten:
        _serve(host, port)


def _massa(aantal: int) -> None:
    from rich.progress import Progress

    from commissie.cli.massa import vul

    with Progress() as balk:
        taak = balk.add_task("Zaken aanmaken", total=aantal)
        verslag = draai(
            lambda o: vul(omgeving=o, aantal=aantal, voortgang=lambda n: balk.advance(taak, n))
        )
    per = ", ".join(f"{c}: {n}" for c, n in sorted(verslag.per_commissie.items()))
    click.echo(f"{verslag.zaken} zaken toegevoegd ({per}).")


@cli.group()
def gebruiker() -> None:
    """Gebruikers en tokens."""


@gebruiker.command("aanmaken")
@click.argument("naam")
@click.option(
    "--rol", required=True, type=click.Choice(["beheerder", "secretaris", "lid", "korpsleiding"])
)
@click.option(
    "--commissie", "commissie_code", default=None, help="Code van de commissie, bijv. TI."
)
@click.option("--korps", "korps_code", default=None, help="Code van het korps, bijv. TW.")
@click.option(
    "--lid",
    "lid_id",
    type=click.IntRange(1, 2**31 - 1),
    default=None,
    help="Id van het commissielid (verplicht bij rol lid).",
)
@click.option(
    "--genereer", is_flag=True, help="Genereer een wachtwoord in plaats van erom te vragen."
)
def gebruiker_aanmaken(
    naam: str,
    rol: str,
    commissie_code: str | None,
    korps_code: str | None,
    lid_id: int | None,
    genereer: bool,
) -> None:
    """Maak een gebruiker aan; vraagt om een wachtwoord of genereert er een."""
    from commissie.accounts import service
    from commissie.procedure.gebruikers import maak_gebruiker

    if rol == "lid" and lid_id is None:
        raise click.UsageError("een account met rol lid hoort bij een commissielid: geef --lid ID.")
    if not naam.strip() or len(naam) > 80:
        raise click.BadParameter("1 tot 80 tekens", param_hint="NAAM")
    gegenereerd = genereer or not sys.stdin.isatty()
    if gegenereerd:
        wachtwoord = secrets.token_urlsafe(12)
    else:
        wachtwoord = click.prompt("Wachtwoord", hide_input=True, confirmation_prompt=True)
        if len(wachtwoord) < 10:
            raise click.BadParameter("minstens 10 tekens", param_hint="wachtwoord")

    async def werk(o: Omgeving) -> None:
        r, c, k = service.valideer_rolgegevens(
            rol=rol, commissie=commissie_code, korps=korps_code, regios=o.regios
        )
        async with werkeenheid(o.sessionmaker) as s:
            await maak_gebruiker(
                session=s,
                gebruikersnaam=naam,
                wachtwoord_hash=service.hash_wachtwoord(wachtwoord),
                rol=r,
                commissie=c,
                korps=k,
                lid_id=lid_id,
                nu=o.klok(),
            )

    draai(werk)
    click.echo(f"Gebruiker {naam} aangemaakt ({rol}).")
    if gegenereerd:
        click.echo(f"Wachtwoord: {wachtwoord}")


@gebruiker.command("token")
@click.argument("naam")
def gebruiker_token(naam: str) -> None:
    """Maak een bearer-token voor scripts; het token is het laatste woord van de uitvoer."""
    from commissie.accounts import service

    async def werk(o: Omgeving) -> str:
        async with werkeenheid(o.sessionmaker) as s:
            return await service.maak_token(
                session=s, gebruikersnaam=naam, nu=o.klok(), dagen=o.settings.token_dagen
            )

    token = draai(werk)
    click.echo(f"Bearer-token voor {naam}: {token}")


@gebruiker.command("tokens")
@click.argument("naam")
def gebruiker_tokens(naam: str) -> None:
    """Toon de bearer-tokens van een gebruiker (id, aangemaakt, verloopt, status)."""
    from commissie.accounts import service

    async def werk(o: Omgeving) -> list[tuple[int, str, str, str]]:
        async with werkeenheid(o.sessionmaker) as s:
            nu = o.klok()
            return [
                (
                    t.id,
                    f"{t.aangemaakt_op:%Y-%m-%d}",
                    f"{t.verloopt_op:%Y-%m-%d}",
                    "ingetrokken"
                    if t.ingetrokken
                    else "verlopen"
                    if t.verloopt_op <= nu
                    else "geldig",
                )
                for t in await service.tokens(session=s, gebruikersnaam=naam)
            ]

    rijen = draai(werk)
    if not rijen:
        click.echo(f"{naam} heeft geen tokens.")
    for id_, aangemaakt, verloopt, status in rijen:
        click.echo(f"{id_:>6}  aangemaakt {aangemaakt}  verloopt {verloopt}  {status}")


@gebruiker.command("intrekken")
@click.argument("naam")
@click.option(
    "--token",
    "token_id",
    type=click.IntRange(1, 2**31 - 1),
    default=None,
    help="Id van het token (zie 'gebruiker tokens'); zonder: alle tokens.",
)
def gebruiker_intrekken(naam: str, token_id: int | None) -> None:
    """Trek één of alle bearer-tokens van een gebruiker in."""
    from commissie.accounts import service

    async def werk(o: Omgeving) -> int:
        async with werkeenheid(o.sessionmaker) as s:
            return await service.trek_in(session=s, gebruikersnaam=naam, token_id=token_id)

    aantal = draai(werk)
    click.echo(f"{aantal} token(s) van {naam} ingetrokken.")


@gebruiker.command("blokkeren")
@click.argument("naam")
def gebruiker_blokkeren(naam: str) -> None:
    """Zet een account uit: sessies en tokens vervallen direct."""
    from commissie.accounts import service

    async def werk(o: Omgeving) -> None:
        async with werkeenheid(o.sessionmaker) as s:
            await service.blokkeer(session=s, gebruikersnaam=naam)

    draai(werk)
    click.echo(f"Account {naam} geblokkeerd; sessies en tokens zijn beëindigd.")


cli.add_command(lid)
cli.add_command(belasting)
cli.add_command(simulatie)
cli.add_command(panel)
cli.add_command(zaak)
cli.add_command(termijnen)
cli.add_command(post)
cli.add_command(zittingen)
cli.add_command(sjablonen)


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Afgebroken.", err=True)
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(e.exit_code)
    except ConfiguratieFout as e:
        click.echo(f"Configuratiefout in {e.bestand}, sleutel '{e.sleutel}': {e.reden}", err=True)
        sys.exit(2)
    except DomeinFout as e:
        click.echo(f"Fout: {e.bericht}", err=True)
        sys.exit(1)
    except msgspec.ValidationError as e:
        click.echo(f"Fout: {vertaal_validatiefout(str(e), None)[1]}", err=True)
        sys.exit(1)
