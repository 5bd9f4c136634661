"""Demo cases past the hearing, through the real steps: the chair drafts and fixes the advice,
each corps' leadership decides, the secretariat records the evaluation and closes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.models import Gebruiker
from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen import besluit, service
from commissie.adviezen.documenten import Documentomgeving
from commissie.adviezen.opslag import MapOpslag
from commissie.adviezen.schemas import AdviesIn, BesluitIn, EvaluatieIn, OnderdeelIn
from commissie.omgeving import Omgeving
from commissie.panel.models import Panelzetel
from commissie.tijd import AMSTERDAM
from commissie.zaken.models import Zaak
from commissie.zaken.regels import Status


def _moment(dag: date, uur: int) -> datetime:
    return datetime.combine(dag, time(uur), tzinfo=AMSTERDAM).astimezone(UTC)


def _actor(g: Gebruiker) -> Actor:
    return Actor(
        id=g.id,
        gebruikersnaam=g.gebruikersnaam,
        rol=Rol(g.rol),
        commissie_code=g.commissie_code,
        korps_code=g.korps_code,
        lid_id=g.lid_id,
    )


async def _account(session: AsyncSession, *voorwaarden: object) -> Actor:
    g = await session.scalar(select(Gebruiker).where(*voorwaarden).order_by(Gebruiker.id))  # type: ignore[arg-type]
    if g is None:
        raise RuntimeError("Demogegevens: geen account voor deze stap.")
    return _actor(g)


def documentomgeving(omgeving: Omgeving) -> Documentomgeving:
    s = omgeving.settings
    return Documentomgeving(
        templates_dir=s.templates_dir, opslag=MapOpslag(s.data_dir / "documenten"), pdf=s.pdf
    )


async def na_zitting(
    s: AsyncSession,
    omgeving: Omgeving,
    secretaris: Actor,
    zaak: Zaak,
    doel: Status,
    dagen: list[date],
) -> None:
    """From a held hearing to `doel`; `dagen`: the days of advice, decision and closing."""
    omg = documentomgeving(omgeving)
    lid_id = await s.scalar(
        select(Panelzetel.lid_id).where(
            Panelzetel.zaak_id == zaak.id, Panelzetel.rol == "voorzitter", Panelzetel.actief
        )
    )
    voorzitter = await _account(s, Gebruiker.lid_id == lid_id)
    beklaagden = [p for p in zaak.partijen if p.rol == "beklaagde"]
    nu = _moment(dagen[0], 11)
    await service.concept(
        session=s,
        actor=voorzitter,
        zaak=zaak,
        nu=nu,
        invoer=AdviesIn(
            feiten="Fictief: de gedraging vond plaats tijdens een dienstoverdracht.",
            standpunten="Klager voelde zich gekleineerd; beklaagde ontkent de toon.",
            overwegingen="Op grond van het horen acht de commissie de klacht aannemelijk.",
            onderdelen=[
                OnderdeelIn(beklaagde=b.id, oordeel="gegrond", motivering="Gehoord en bevestigd.")
                for b in beklaagden
            ],
            aanbevelingen="Een gesprek onder begeleiding.",
        ),
    )
    await service.vaststellen(
        session=s, actor=voorzitter, zaak=zaak, regios=omgeving.regios, omg=omg, nu=nu
    )
    if doel is Status.ADVIES_UITGEBRACHT:
        return
    for korps in besluit.betrokken_korpsen(zaak):
        leiding = await _account(
            s, Gebruiker.rol == Rol.KORPSLEIDING.value, Gebruiker.korps_code == korps
        )
        await besluit.neem_besluit(
            session=s,
            actor=leiding,
            zaak=zaak,
            regios=omgeving.regios,
            omg=omg,
            nu=_moment(dagen[1], 11),
            invoer=BesluitIn(volgt_advies=True, besloten_op=dagen[1]),
        )
    if doel is Status.BESLUIT_GENOMEN:
        return
    nu = _moment(dagen[2], 11)
    await besluit.leg_evaluatie_vast(
        session=s,
        actor=secretaris,
        zaak=zaak,
        nu=nu,
        invoer=EvaluatieIn(
            afhandeling="Advies gevolgd; gesprek gevoerd.",
            ervaring_uitkomst="Klager is tevreden met de uitkomst.",
            ervaring_procedure="De procedure was duidelijk, wel lang.",
            vervolg_nodig=False,
        ),
    )
    await besluit.wijzig_status(
        session=s, actor=secretaris, zaak=zaak, naar=Status.AFGESLOTEN.value, toelichting="",
        nu=nu,
    )  # fmt: skip
