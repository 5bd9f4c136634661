"""Demo data: the Twente–IJsselland committee with fictitious members, accounts and cases."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts import service as accounts
from commissie.accounts.models import Gebruiker
from commissie.accounts.rollen import Actor, Rol
from commissie.cli.demo_advies import na_zitting
from commissie.cli.demo_gegevens import COMMISSIE, GEBRUIKERS, LEDEN, OMSCHRIJVING, ZAKEN
from commissie.eenheid import werkeenheid
from commissie.leden.models import Lid
from commissie.migraties import upgrade
from commissie.omgeving import Omgeving
from commissie.procedure.gebruikers import maak_gebruiker
from commissie.procedure.registratie import registreer
from commissie.tijd import AMSTERDAM, vandaag
from commissie.zaken import stappen
from commissie.zaken.models import Zaak
from commissie.zaken.regels import Status
from commissie.zaken.schemas import (
    BeklaagdeIn,
    Categorie,
    InstemmingIn,
    KlagerIn,
    OntvankelijkheidIn,
    StrafonderzoekIn,
    VerdagingIn,
    VertrouwenspersoonIn,
    ZaakIn,
)
from commissie.zittingen.planning import leg_verslag_vast, plan_zitting
from commissie.zittingen.regels import WederhoorStap
from commissie.zittingen.schemas import VerslagIn, WederhoorIn, ZittingIn
from commissie.zittingen.service import leg_wederhoor_vast


def _moment(dag: date, uur: int = 10) -> datetime:
    return datetime.combine(dag, time(uur), tzinfo=AMSTERDAM).astimezone(UTC)


def _werkdag_na(dag: date, dagen: int) -> date:
    dag += timedelta(days=dagen)
    while dag.weekday() >= 5:
        dag += timedelta(days=1)
    return dag


async def _demo_zitting(
    s: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    omgeving: Omgeving,
    dag: date,
    vandaag_: date,
    *,
    gehouden: bool,
) -> None:
    """A hearing a few working days on; for cases past it, held with its report sent."""
    begin = _werkdag_na(dag if gehouden else max(dag, vandaag_), 3)
    z = await plan_zitting(
        session=s,
        actor=actor,
        zaak=zaak,
        regios=omgeving.regios,
        nu=_moment(dag, 11),
        invoer=ZittingIn(
            begin=f"{begin.isoformat()}T10:00",
            duur_minuten=120,
            locatie="Hoofdbureau Zwolle, zaal De IJssel",
            reden_afwijking="Demogegevens.",
        ),
    )
    if gehouden and begin < vandaag_:
        await leg_verslag_vast(
            session=s,
            actor=actor,
            zaak=zaak,
            zitting=z,
            nu=_moment(begin, 16),
            invoer=VerslagIn(
                gehoord=list(z.partijen),
                verslag="Klager en beklaagde gezamenlijk gehoord.",
                naar_partijen_op=begin,
            ),
        )


async def maak_demo(*, omgeving: Omgeving) -> list[tuple[str, str, str]]:
    """Idempotent: members, accounts and cases are made once; passwords are new every run."""
    await upgrade(omgeving.engine)
    nu = omgeving.klok()
    logins: list[tuple[str, str, str]] = []
    async with werkeenheid(omgeving.sessionmaker) as s:
        # The demo's own members, found by name or added (next to any members already there).
        bestaand = {
            lid.naam: lid
            for lid in await s.scalars(select(Lid).where(Lid.commissie_code == COMMISSIE))
        }
        hoogste = max((lid.volgorde for lid in bestaand.values()), default=0)
        leden: list[Lid] = []
        for i, (naam, korps, eenheid, vz) in enumerate(LEDEN):
            lid = bestaand.get(naam)
            if lid is None:
                lid = Lid(
                    commissie_code=COMMISSIE,
                    naam=naam,
                    korps_code=korps,
                    eenheid=eenheid,
                    kan_voorzitten=vz,
                    email=f"lid{i + 1}@klachtencommissie-ti.example",
                    volgorde=hoogste + i + 1,
                    aangemaakt_op=nu,
                )
                s.add(lid)
            leden.append(lid)
        await s.flush()
        for naam, rol, korps, lid_index in GEBRUIKERS:
            wachtwoord = secrets.token_urlsafe(9)
            hash_ = accounts.hash_wachtwoord(wachtwoord)
            bestaand = await s.scalar(select(Gebruiker).where(Gebruiker.gebruikersnaam == naam))
            if bestaand is None:
                await maak_gebruiker(
                    session=s,
                    gebruikersnaam=naam,
                    wachtwoord_hash=hash_,
                    rol=rol,
                    commissie=COMMISSIE,
                    korps=korps,
                    lid_id=leden[lid_index].id if lid_index is not None else None,
                    nu=nu,
                )
            else:
                await s.execute(
                    update(Gebruiker)
                    .where(Gebruiker.id == bestaand.id)
                    .values(wachtwoord_hash=hash_)
                )
            logins.append((naam, rol.value, wachtwoord))
        secretaris = await s.scalar(
            select(Gebruiker).where(Gebruiker.gebruikersnaam == "secretaris")
        )
        assert secretaris is not None
        actor = Actor(
            id=secretaris.id,
            gebruikersnaam="secretaris",
            rol=Rol.SECRETARIS,
            commissie_code=COMMISSIE,
            korps_code=None,
            lid_id=None,
        )
        aantal = await s.scalar(select(func.count(Zaak.id)).where(Zaak.commissie_code == COMMISSIE))
    if not aantal:
        for spec in ZAKEN:
            # One unit of work per case, as a secretary would enter them one by one.
            async with werkeenheid(omgeving.sessionmaker) as s:
                await _demozaak(s, omgeving, actor, vandaag(nu), *spec)
    return logins


async def _demozaak(
    s: AsyncSession,
    omgeving: Omgeving,
    actor: Actor,
    vandaag_: date,
    dagen: int,
    klager: str,
    korps: str,
    beklaagde: str,
    b_korps: str,
    eenheid: str,
    categorieen: list[str],
    gedrag: list[int],
    fase: str,
) -> None:
    ontvangen = vandaag_ - timedelta(days=dagen)
    invoer = ZaakIn(
        commissie=COMMISSIE,
        ontvangen_op=ontvangen,
        klager=KlagerIn(
            naam=klager, korps=korps, functie="Medewerker", contact="via de vertrouwenspersoon"
        ),
        beklaagden=[
            BeklaagdeIn(naam=beklaagde, korps=b_korps, eenheid=eenheid, functie="Leidinggevende")
        ],
        categorieen=[Categorie(c) for c in categorieen],
        omschrijving=OMSCHRIJVING,
        gedraging_op=[ontvangen - timedelta(days=d) for d in gedrag],
        vertrouwenspersoon=VertrouwenspersoonIn(
            naam="A. Vertrouwelijk", contact="vp@example.invalid"
        ),
        strafrechtelijk_onderzoek=StrafonderzoekIn(sinds=ontvangen - timedelta(days=5))
        if "criminaliteit" in categorieen
        else None,
    )
    zaak, _ = await registreer(
        session=s,
        actor=actor,
        invoer=invoer,
        regios=omgeving.regios,
        kalender=omgeving.kalender,
        nu=_moment(ontvangen),
    )
    if fase == "ontvangen":
        return
    dag = ontvangen + timedelta(days=1)
    await stappen.registreer_ontvangstbevestiging(
        session=s, actor=actor, zaak=zaak, verzonden_op=dag, nu=_moment(dag)
    )
    dag = ontvangen + timedelta(days=4)
    if fase == "niet_ontvankelijk":
        await stappen.beslis_ontvankelijkheid(
            session=s,
            actor=actor,
            zaak=zaak,
            nu=_moment(dag),
            invoer=OntvankelijkheidIn(
                ontvankelijk=False,
                toelichting="Gedraging langer dan een jaar voor de klacht (Awb 9:8 lid 1 sub b).",
                besloten_op=dag,
            ),
        )
        return
    await stappen.beslis_ontvankelijkheid(
        session=s,
        actor=actor,
        zaak=zaak,
        nu=_moment(dag),
        invoer=OntvankelijkheidIn(ontvankelijk=True, besloten_op=dag),
    )
    if fase == "ingetrokken":
        await stappen.wijzig_status(
            session=s,
            actor=actor,
            zaak=zaak,
            naar="ingetrokken",
            toelichting="Klager heeft de klacht schriftelijk ingetrokken.",
            nu=_moment(dag + timedelta(days=3)),
        )
        return
    volgorde = [
        Status.VERWEER,
        Status.ZITTING,
        Status.ADVIES_UITGEBRACHT,
        Status.BESLUIT_GENOMEN,
        Status.AFGESLOTEN,
    ]
    doel = {
        "ontvankelijk": 0,
        "verweer": 1,
        "zitting": 2,
        "verdaagd": 2,
        "advies_uitgebracht": 3,
        "besluit_genomen": 4,
        "afgesloten": 5,
    }[fase]
    dagen = [min(ontvangen + timedelta(days=7 + 12 * i), vandaag_) for i in range(len(volgorde))]
    for i, status in enumerate(volgorde[:doel]):
        dag = dagen[i]
        if status is Status.VERWEER:
            await leg_wederhoor_vast(
                session=s,
                actor=actor,
                zaak=zaak,
                invoer=WederhoorIn(stap=WederhoorStap.AFSCHRIFT_BEKLAAGDE, op=dag),
                regios=omgeving.regios,
                kalender=omgeving.kalender,
                nu=_moment(dag, 11),
            )
        elif status is Status.ZITTING:
            await _demo_zitting(s, actor, zaak, omgeving, dag, vandaag_, gehouden=doel > 2)
    if doel > 2:
        # Advice, decision and closing only through their own steps, as in the application.
        await na_zitting(s, omgeving, actor, zaak, volgorde[doel - 1], dagen[2:])
    if fase == "verdaagd":
        dag = ontvangen + timedelta(days=40)
        await stappen.verdaag(
            session=s,
            actor=actor,
            zaak=zaak,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=_moment(dag),
            invoer=VerdagingIn(
                weken=4,
                reden="Getuigen pas na de vakantie te horen.",
                besloten_op=dag,
                mededeling_op=dag,
            ),
        )
        dag = ontvangen + timedelta(days=45)
        await stappen.verdaag(
            session=s,
            actor=actor,
            zaak=zaak,
            regios=omgeving.regios,
            kalender=omgeving.kalender,
            nu=_moment(dag),
            invoer=VerdagingIn(
                weken=2,
                reden="Aanvullend verweer gevraagd.",
                besloten_op=dag,
                mededeling_op=dag,
                instemming_klager=InstemmingIn(
                    datum=dag - timedelta(days=1), kenmerk="TI/instemming/2026-014"
                ),
            ),
        )
