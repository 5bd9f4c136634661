"""The outbox from the command line: one delivery pass, and what is queued, sent or failed."""

from __future__ import annotations

import click

from commissie.cli.hulp import draai
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving
from commissie.tijd import tijdstip_nl
from commissie.zittingen.post import PostOverzicht, postlijst
from commissie.zittingen.verzender import Ronde, verzend_ronde


@click.group()
def post() -> None:
    """Uitgaande post (uitnodigingen voor zittingen)."""


def bestemming(o: Omgeving) -> str:
    smtp = o.settings.smtp
    if smtp is None:
        return f"als .eml-bestand naar {o.settings.postmap} (COMMISSIE_SMTP_HOST is niet gezet)"
    return f"via {smtp.host}:{smtp.port} ({smtp.beveiliging})"


@post.command("verzenden")
def post_verzenden() -> None:
    """Verzend wat klaarstaat (één ronde; `commissie serve` doet dit doorlopend)."""

    async def werk(o: Omgeving) -> tuple[Ronde, str]:
        totaal = Ronde()
        # Passes until nothing due is left; a failed mail waits for its back-off.
        while True:
            ronde = await verzend_ronde(o)
            totaal.verzonden += ronde.verzonden
            totaal.uitgesteld += ronde.uitgesteld
            totaal.mislukt += ronde.mislukt
            if ronde.geclaimd == 0 or ronde.uitgesteld or ronde.mislukt:
                return totaal, bestemming(o)

    ronde, waar = draai(werk)
    click.echo(
        f"Verzonden: {ronde.verzonden}, later opnieuw: {ronde.uitgesteld}, "
        f"mislukt: {ronde.mislukt} ({waar})."
    )


@post.command("lijst")
@click.option("--commissie", "commissie_code", default=None, help="Alleen deze commissie.")
@click.option("--status", type=click.Choice(["wachtrij", "verzonden", "mislukt"]), default=None)
@click.option("--aantal", type=click.IntRange(1, 10000), default=100, show_default=True)
def post_lijst(commissie_code: str | None, status: str | None, aantal: int) -> None:
    """Toon de uitgaande post, nieuwste eerst, met pogingen en laatste fout."""

    async def werk(o: Omgeving) -> PostOverzicht:
        async with werkeenheid(o.sessionmaker) as s:
            return await postlijst(
                session=s, commissie=commissie_code, status=status, aantal=aantal
            )

    overzicht = draai(werk)
    click.echo(
        f"In wachtrij: {overzicht.wachtrij}, verzonden: {overzicht.verzonden}, "
        f"mislukt: {overzicht.mislukt}"
    )
    for m in overzicht.mails:
        wanneer = tijdstip_nl(m.verzonden_op or m.aangemaakt_op)
        regel = f"  {m.id:>6}  {m.status:<9}  {wanneer}  {m.aan}  {m.onderwerp}"
        if m.pogingen:
            regel += f"  (pogingen: {m.pogingen})"
        click.echo(regel)
        if m.laatste_fout:
            click.echo(f"          laatste fout: {m.laatste_fout}")
