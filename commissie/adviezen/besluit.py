"""The corps leadership's decision on the advice (Awb 9:12, 9:16) and the evaluation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen.brieven import basis, beklaagde, geadresseerde
from commissie.adviezen.documenten import Documentomgeving, maak_document
from commissie.adviezen.events import BesluitVastgelegd, EvaluatieVastgelegd
from commissie.adviezen.models import Adviesversie, Besluit, Evaluatie
from commissie.adviezen.regels import MAATREGEL_TEKST, Maatregel, alinea_s, alle_korpsen_besloten
from commissie.adviezen.schemas import (
    BesluitenUit,
    BesluitIn,
    BesluitUit,
    EvaluatieIn,
    EvaluatieUit,
    MaatregelIn,
)
from commissie.adviezen.sjablonen import Besluitbrief, MaatregelRegel
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, GeenToegang, OngeldigeInvoer
from commissie.regios import Regios
from commissie.tijd import datum_nl, vandaag
from commissie.zaken import stappen
from commissie.zaken.models import Zaak
from commissie.zaken.rechten import vereis_behandelaar
from commissie.zaken.regels import LABEL, Status
from commissie.zaken.stappen import overgang
from commissie.zaken.termijnen import Soort, dagen_te_laat


def betrokken_korpsen(zaak: Zaak) -> list[str]:
    return sorted({p.korps_code for p in zaak.partijen if p.rol == "beklaagde" and p.korps_code})


async def besluiten_van(session: AsyncSession, zaak: Zaak) -> list[Besluit]:
    rijen = await session.scalars(
        select(Besluit).where(Besluit.zaak_id == zaak.id).order_by(Besluit.korps_code)
    )
    return list(rijen)


def _maatregel_voor(zaak: Zaak, voor: str, korps: str, i: int) -> str:
    """The accused or complainant a measure is for, as the letter names it."""
    veld = f"maatregelen[{i}].voor"
    if voor == "klager":
        return "klager"
    soort, _, rest = voor.partition(":")
    if soort != "beklaagde" or not rest.isdigit():
        raise OngeldigeInvoer(f"Veld '{veld}': verwacht 'klager' of 'beklaagde:ID'.", veld=veld)
    b = beklaagde(zaak, int(rest), veld)
    if b.korps_code != korps:
        raise GeenToegang(
            f"Veld '{veld}': beklaagde {b.id} werkt bij een ander korps; daarover beslist de "
            "korpsleiding van dat korps."
        )
    return b.naam


async def neem_besluit(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: BesluitIn,
    regios: Regios,
    omg: Documentomgeving,
    nu: datetime,
) -> Besluit:
    if actor.rol is not Rol.KORPSLEIDING or not actor.korps_code:
        raise GeenToegang("Alleen de korpsleiding van een beklaagde beslist op het advies.")
    korps = actor.korps_code
    if korps not in betrokken_korpsen(zaak):
        raise GeenToegang("Uw korps heeft geen beklaagde in deze zaak.")
    status = Status(zaak.status)
    if status is not Status.ADVIES_UITGEBRACHT:
        raise Conflict(f"Op het advies kan nu niet worden beslist; de zaak is {LABEL[status]}.")
    motivering = (invoer.motivering or "").strip()
    if not invoer.volgt_advies and not motivering:
        raise OngeldigeInvoer(
            "Veld 'motivering': wie afwijkt van het advies moet zeggen waarom (Awb 9:16).",
            veld="motivering",
        )
    if any(b.korps_code == korps for b in await besluiten_van(session, zaak)):
        raise Conflict(f"De korpsleiding van {korps} heeft in deze zaak al besloten.")
    namen = [_maatregel_voor(zaak, m.voor, korps, i) for i, m in enumerate(invoer.maatregelen)]
    op = invoer.besloten_op or vandaag(nu)
    if op > vandaag(nu):
        raise OngeldigeInvoer("Veld 'besloten_op': ligt in de toekomst.", veld="besloten_op")
    vastgesteld = await session.scalar(
        select(Adviesversie.vastgesteld_op)
        .where(Adviesversie.zaak_id == zaak.id, Adviesversie.vastgesteld_op.is_not(None))
        .order_by(Adviesversie.versie)
        .limit(1)
    )
    if vastgesteld is not None and op < vandaag(vastgesteld):
        raise OngeldigeInvoer(
            "Veld 'besloten_op': ligt vóór de vaststelling van het advies.", veld="besloten_op"
        )
    termijn = next(t for t in zaak.termijnen if t.soort == Soort.BESLUIT.value)
    te_laat = dagen_te_laat(termijn.einddatum, op, vandaag(nu))
    besluit = Besluit(
        zaak_id=zaak.id,
        korps_code=korps,
        volgt_advies=invoer.volgt_advies,
        motivering=motivering,
        maatregelen={"maatregelen": [_maatregel_json(m) for m in invoer.maatregelen]},
        besloten_op=op,
        dagen_te_laat=te_laat,
        door_id=actor.gebruiker_id,
        door_naam=actor.gebruikersnaam,
        aangemaakt_op=nu,
    )
    session.add(besluit)
    await session.flush()
    await publiceer(
        session,
        BesluitVastgelegd(
            zaak=zaak, actor=actor, nu=nu, korps=korps, volgt_advies=invoer.volgt_advies,
            besloten_op=op, dagen_te_laat=te_laat,
        ),
    )  # fmt: skip
    alle = await besluiten_van(session, zaak)
    if alle_korpsen_besloten(betrokken_korpsen(zaak), [b.korps_code for b in alle]):
        laatste = max(b.besloten_op for b in alle)
        await overgang(session, zaak, Status.BESLUIT_GENOMEN, actor=actor, nu=nu, op=laatste)
    await _besluitbrief(session, zaak, besluit, namen, regios, omg, actor, nu)
    return besluit


def _maatregel_json(m: MaatregelIn) -> dict[str, str]:
    return {"voor": m.voor, "soort": m.soort, "toelichting": m.toelichting.strip()}


async def _besluitbrief(
    session: AsyncSession,
    zaak: Zaak,
    besluit: Besluit,
    namen: list[str],
    regios: Regios,
    omg: Documentomgeving,
    actor: Actor,
    nu: datetime,
) -> None:
    aan, _ = geadresseerde(zaak, "klager", regios)
    k = regios.korps(besluit.korps_code)
    ondertekening = f"{k.korpsleiding.titel}, {k.korpsleiding.naam}" if k else besluit.korps_code
    context = Besluitbrief(
        **await basis(session, zaak, regios, actor, nu),
        aan=aan,
        korps=besluit.korps_code,
        korpsleiding=ondertekening,
        volgt_advies=besluit.volgt_advies,
        motivering=alinea_s(besluit.motivering),
        maatregelen=[
            MaatregelRegel(
                voor=naam,
                soort=MAATREGEL_TEKST[Maatregel(m["soort"])],
                toelichting=m["toelichting"],
            )
            for naam, m in zip(namen, besluit.maatregelen["maatregelen"], strict=True)
        ],
        besloten_op=datum_nl(besluit.besloten_op),
        # Awb 9:16 lid 2: a deviating decision goes with the advice.
        advies_bijgevoegd=not besluit.volgt_advies,
    )
    await maak_document(
        session=session, omg=omg, zaak=zaak, soort="besluit", context=context, aan="klager",
        korps=besluit.korps_code, actor=actor, nu=nu,
    )  # fmt: skip


def besluit_uit(b: Besluit) -> BesluitUit:
    return BesluitUit(
        korps=b.korps_code,
        volgt_advies=b.volgt_advies,
        motivering=b.motivering,
        maatregelen=[MaatregelIn(**m) for m in b.maatregelen.get("maatregelen", [])],
        besloten_op=b.besloten_op,
        te_laat=b.dagen_te_laat > 0,
        dagen_te_laat=b.dagen_te_laat,
        door=b.door_naam,
    )


async def leg_evaluatie_vast(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, invoer: EvaluatieIn, nu: datetime
) -> Evaluatie:
    if not (actor.rol is Rol.SECRETARIS and actor.commissie_code == zaak.commissie_code):
        raise GeenToegang("Alleen het secretariaat legt de evaluatie vast.")
    status = Status(zaak.status)
    if status is not Status.BESLUIT_GENOMEN:
        raise Conflict(f"De evaluatie volgt op het besluit; de zaak is {LABEL[status]}.")
    if await session.get(Evaluatie, zaak.id) is not None:
        raise Conflict("De evaluatie van deze zaak is al vastgelegd.")
    for veld in ("afhandeling", "ervaring_uitkomst", "ervaring_procedure"):
        if not getattr(invoer, veld).strip():
            raise OngeldigeInvoer(f"Veld '{veld}': mag niet leeg zijn.", veld=veld)
    if invoer.vervolg_nodig and not invoer.vervolg.strip():
        raise OngeldigeInvoer("Veld 'vervolg': zeg welk vervolg nodig is.", veld="vervolg")
    besluiten = await besluiten_van(session, zaak)
    evaluatie = Evaluatie(
        zaak_id=zaak.id,
        afhandeling=invoer.afhandeling.strip(),
        maatregelen=invoer.maatregelen.strip(),
        ervaring_uitkomst=invoer.ervaring_uitkomst.strip(),
        ervaring_procedure=invoer.ervaring_procedure.strip(),
        vervolg_nodig=invoer.vervolg_nodig,
        vervolg=invoer.vervolg.strip(),
        advies_gevolgd=all(b.volgt_advies for b in besluiten),
        doorlooptijd_dagen=(vandaag(nu) - zaak.ontvangen_op).days,
        door_id=actor.gebruiker_id,
        door_naam=actor.gebruikersnaam,
        op=nu,
    )
    session.add(evaluatie)
    await session.flush()
    await publiceer(session, EvaluatieVastgelegd(zaak=zaak, actor=actor, nu=nu))
    return evaluatie


def evaluatie_uit(e: Evaluatie) -> EvaluatieUit:
    return EvaluatieUit(
        afhandeling=e.afhandeling,
        maatregelen=e.maatregelen,
        ervaring_uitkomst=e.ervaring_uitkomst,
        ervaring_procedure=e.ervaring_procedure,
        vervolg_nodig=e.vervolg_nodig,
        vervolg=e.vervolg,
        advies_gevolgd=e.advies_gevolgd,
        doorlooptijd_dagen=e.doorlooptijd_dagen,
        door=e.door_naam,
        op=e.op,
    )


async def besluiten_weergave(*, session: AsyncSession, actor: Actor, zaak: Zaak) -> BesluitenUit:
    alle = await besluiten_van(session, zaak)
    if actor.rol is Rol.KORPSLEIDING:
        alle = [b for b in alle if b.korps_code == actor.korps_code]
    besloten = {b.korps_code for b in await besluiten_van(session, zaak)}
    evaluatie = await session.get(Evaluatie, zaak.id) if actor.rol is Rol.SECRETARIS else None
    return BesluitenUit(
        besluiten=[besluit_uit(b) for b in alle],
        nog_te_besluiten=[k for k in betrokken_korpsen(zaak) if k not in besloten],
        evaluatie=evaluatie_uit(evaluatie) if evaluatie else None,
    )


async def wijzig_status(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, naar: str, toelichting: str, nu: datetime
) -> Zaak:
    """The generic status change; closing a decided case waits for its evaluation (seed 3.3)."""
    vereis_behandelaar(actor, zaak)
    if (
        naar == Status.AFGESLOTEN.value
        and zaak.status == Status.BESLUIT_GENOMEN.value
        and await session.get(Evaluatie, zaak.id) is None
    ):
        raise Conflict(
            "De zaak kan pas worden afgesloten na de evaluatie: leg die eerst vast met "
            f"POST /api/zaken/{zaak.nummer}/evaluatie."
        )
    return await stappen.wijzig_status(
        session=session, actor=actor, zaak=zaak, naar=naar, toelichting=toelichting, nu=nu
    )
