"""CLI commands for panels: a case's panel with its explanation, load, and the simulation."""

from __future__ import annotations

from datetime import date

import click
from sqlalchemy import func, select

from commissie.cli.hulp import cli_actor, draai
from commissie.eenheid import werkeenheid
from commissie.omgeving import Omgeving
from commissie.panel import regels
from commissie.panel.simulatie import simuleer, verslag_als_tekst
from commissie.regios import commissie_of_fout
from commissie.tijd import vandaag
from commissie.typen import LAATSTE_DATUM, VROEGSTE_ONTVANGST


@click.command()
@click.option("--commissie", "commissie_code", default="TI", show_default=True)
@click.option(
    "--van",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Begin (JJJJ-MM-DD); standaard een jaar terug.",
)
@click.option(
    "--tot",
    type=click.DateTime(["%Y-%m-%d"]),
    default=None,
    help="Einde (JJJJ-MM-DD); standaard vandaag.",
)
def belasting(commissie_code: str, van, tot) -> None:  # type: ignore[no-untyped-def]
    """Belasting per korps en per lid: zaken, voorzitterschappen, zittingen, afwijking van het eerlijk aandeel."""
    from commissie.panel.belasting import belasting as bereken

    async def werk(o: Omgeving):  # type: ignore[no-untyped-def]
        c = commissie_of_fout(o.regios, commissie_code, "--commissie")
        # Checked before any arithmetic: year 1 would make the default period overflow.
        for optie, waarde in (("--tot", tot), ("--van", van)):
            if waarde is not None and not VROEGSTE_ONTVANGST <= waarde.date() <= LAATSTE_DATUM:
                raise click.BadParameter(
                    f"controleer het jaartal ({waarde.date().isoformat()}); verwacht tussen "
                    f"{VROEGSTE_ONTVANGST.year} en {LAATSTE_DATUM.year}",
                    param_hint=optie,
                )
        tot_ = tot.date() if tot else vandaag(o.klok())
        van_ = van.date() if van else date(tot_.year - 1, tot_.month, min(tot_.day, 28))
        if van_ > tot_:
            raise click.BadParameter("ligt na --tot", param_hint="--van")
        async with werkeenheid(o.sessionmaker) as s:
            return await bereken(session=s, commissie=c, van=van_, tot=tot_)

    b = draai(werk)
    click.echo(
        f"Belasting commissie {b.commissie} van {b.van.isoformat()} t/m {b.tot.isoformat()} (verdeling {b.verdeling})"
    )
    click.echo(
        f"{'Korps':<7}{'Zaken':>6}{'Zetels':>8}{'Voorz.':>8}{'Zittingen':>11}{'Doel %':>8}{'Aandeel %':>11}{'Afw. pp':>9}"
    )
    for k in b.korpsen:
        click.echo(
            f"{k.korps:<7}{k.zaken:>6}{k.zetels:>8}{k.voorzitterschappen:>8}{k.zittingen:>11}"
            f"{k.doel_pct:>8.1f}{k.aandeel_pct:>11.1f}{k.afwijking_pp:>+9.1f}"
        )
    click.echo("")
    click.echo(
        f"{'Lid':<32}{'Korps':<7}{'Zetels':>7}{'Voorz.':>8}{'Zittingen':>11}{'Eerlijk':>9}{'Afw.':>7}{'Tegoed':>8}"
    )
    for x in b.leden:
        click.echo(
            f"{x.naam:<32}{x.korps:<7}{x.zetels:>7}{x.voorzitterschappen:>8}{x.zittingen:>11}"
            f"{x.eerlijk_aandeel:>9.2f}{x.afwijking:>+7.2f}{x.tegoed:>8}"
        )


def _voorbeeldleden(korpsen: list[str], per_korps: int) -> list[regels.Kandidaat]:
    uit = []
    for i, k in enumerate(korpsen):
        for j in range(per_korps):
            n = i * per_korps + j + 1
            uit.append(
                regels.Kandidaat(
                    n,
                    f"Voorbeeldlid {k}-{j + 1}",
                    k,
                    f"Eenheid {j + 1}",
                    j < (per_korps + 1) // 2,
                    n,
                )
            )
    return uit


@click.command()
@click.option("--jaren", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--commissie", "commissie_code", default="TI", show_default=True)
@click.option(
    "--bron",
    type=click.Choice(["meldingen", "geschiedenis"]),
    default="meldingen",
    show_default=True,
    help="Verhouding tussen de korpsen: meldingen uit het rapport (2001) of de eigen zaken.",
)
@click.option(
    "--per-jaar",
    type=click.FloatRange(0.1, 10000),
    default=None,
    help="Klachten per jaar; standaard de helft van de meldingen in twee jaar (of de eigen historie).",
)
@click.option(
    "--voorbeeldleden",
    type=click.IntRange(1, 50),
    default=None,
    help="Simuleer met N fictieve leden per korps in plaats van de leden in de database.",
)
@click.option("--seed", type=int, default=2001, show_default=True)
def simulatie(
    jaren: int,
    commissie_code: str,
    bron: str,
    per_jaar: float | None,
    voorbeeldleden: int | None,
    seed: int,
) -> None:
    """Simuleer jaren aan klachten en toon de belasting die de regels per korps en lid geven."""
    from commissie.leden.models import Lid
    from commissie.zaken.models import Zaak

    async def werk(o: Omgeving):  # type: ignore[no-untyped-def]
        c = commissie_of_fout(o.regios, commissie_code, "--commissie")
        async with werkeenheid(o.sessionmaker) as s:
            leden = list(
                await s.scalars(select(Lid).where(Lid.commissie_code == c.code, Lid.actief))
            )
            historie = dict(
                (
                    await s.execute(
                        select(Zaak.korps_code, func.count())
                        .where(Zaak.commissie_code == c.code)
                        .group_by(Zaak.korps_code)
                    )
                ).all()
            )
            eerste = await s.scalar(
                select(func.min(Zaak.ontvangen_op)).where(Zaak.commissie_code == c.code)
            )
        return c, leden, historie, eerste

    c, leden, historie, eerste = draai(werk)
    if bron == "geschiedenis":
        if not historie:
            raise click.UsageError(
                f"Commissie {c.code} heeft nog geen zaken; gebruik --bron meldingen."
            )
        kansen = {k: float(historie.get(k, 0)) for k in c.korpsen}
        jaren_historie = max(1.0, ((date.today() - eerste).days / 365.25) if eerste else 1.0)  # noqa: DTZ011
        standaard = sum(historie.values()) / jaren_historie
        herkomst = f"eigen zaken ({sum(historie.values())} sinds {eerste})"
    else:
        kansen = {k: float(x.meldingen_2jr) for k, x in c.korpsen.items()}
        standaard = sum(kansen.values()) / 2
        herkomst = "meldingen per korps in twee jaar (rapport, 2001)"
    per_jaar_ = per_jaar or standaard
    aantal = max(1, round(per_jaar_ * jaren))
    if voorbeeldleden or not leden:
        kandidaten = _voorbeeldleden(list(c.korpsen), voorbeeldleden or 4)
        wie = f"{len(kandidaten)} fictieve leden" + (
            "" if voorbeeldleden else " (de database heeft nog geen leden)"
        )
    else:
        kandidaten = [
            regels.Kandidaat(x.id, x.naam, x.korps_code, x.eenheid, x.kan_voorzitten, x.volgorde)
            for x in leden
        ]
        wie = f"de {len(kandidaten)} actieve leden uit de database"
    click.echo(
        f"Commissie {c.code}, {jaren} jaar, {aantal} klachten ({per_jaar_:.1f} per jaar); verhouding: {herkomst}; met {wie}."
    )
    verslag = simuleer(
        regel=regels.regel_voor(c),
        kandidaten=kandidaten,
        aantal_zaken=aantal,
        kansen=kansen,
        seed=seed,
    )
    click.echo(verslag_als_tekst(verslag))


@click.command()
@click.argument("nummer")
def panel(nummer: str) -> None:
    """Toon het panel van een zaak met de uitleg: wie overwogen, wie uitgesloten en waarom."""
    from commissie.fouten import NietGevonden
    from commissie.panel.acties import panel_uit
    from commissie.panel.toegang import haal_zaak

    async def werk(o: Omgeving):  # type: ignore[no-untyped-def]
        # Case numbers start with the committee's code: the look is that committee's
        # secretariat's, recorded like any other (the actor: cli:<os user>).
        code = nummer.split("-", 1)[0]
        if o.regios.commissie(code) is None:
            raise click.BadParameter(f"zaak {nummer} bestaat niet", param_hint="NUMMER")
        async with werkeenheid(o.sessionmaker) as s:
            try:
                zaak = await haal_zaak(
                    session=s, actor=cli_actor(code), nummer=nummer, nu=o.klok(), actie="panel"
                )
            except NietGevonden:
                raise click.BadParameter(
                    f"zaak {nummer} bestaat niet", param_hint="NUMMER"
                ) from None
            return await panel_uit(session=s, zaak=zaak)

    uit = draai(werk)
    if not uit.zetels:
        click.echo(f"Zaak {nummer} heeft nog geen panel.")
    for z in uit.zetels:
        status = "" if z.actief else f"  [beëindigd: {z.einde_reden}; {z.einde_toelichting or ''}]"
        click.echo(f"{z.rol:<11}{z.naam} ({z.korps}){status}")
        click.echo(f"    waarom: {z.uitleg.get('waarom', '')}")
        for o in z.uitleg.get("overwogen", []):
            click.echo(f"    overwogen: {o['naam']} ({o['korps']}), tegoed {o['tegoed']}")
        for u in z.uitleg.get("uitgesloten", []):
            click.echo(f"    uitgesloten: {u['naam']} ({u['korps']}): {u['reden']}")
