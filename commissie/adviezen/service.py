"""Drafting, commenting on and fixing the advice (Awb 9:15). Services flush, never commit."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor, Rol
from commissie.adviezen.brieven import advies_context, basis, hoorverslagen
from commissie.adviezen.documenten import Documentomgeving, maak_document
from commissie.adviezen.events import AdviesVastgesteld
from commissie.adviezen.models import Adviesopmerking, Adviesversie, Document
from commissie.adviezen.regels import (
    Onderdeel,
    Oordeel,
    dubbele_beklaagden,
    onbekende_beklaagden,
    ontbrekende_oordelen,
    per_korps,
)
from commissie.adviezen.schemas import (
    AdviesIn,
    AdviesUit,
    AdviesversieUit,
    OnderdeelUit,
    OpmerkingIn,
    OpmerkingUit,
)
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, GeenToegang, OngeldigeInvoer
from commissie.panel.models import Panelzetel
from commissie.regios import Regios
from commissie.tijd import datum_nl, vandaag
from commissie.zaken.models import Zaak
from commissie.zaken.regels import LABEL, Status
from commissie.zaken.stappen import overgang
from commissie.zittingen.hoor import hoor_tekortkomingen

# Drafting starts once the case is heard; a correction is possible until the decision.
OPSTELLEN = frozenset({Status.ZITTING, Status.ADVIES_UITGEBRACHT})


async def is_voorzitter(session: AsyncSession, actor: Actor, zaak: Zaak) -> bool:
    """The `lid` account linked to the member in the case's chair seat."""
    if actor.rol is not Rol.LID or actor.lid_id is None:
        return False
    zetel = await session.scalar(
        select(Panelzetel.id).where(
            Panelzetel.zaak_id == zaak.id,
            Panelzetel.lid_id == actor.lid_id,
            Panelzetel.rol == "voorzitter",
            Panelzetel.actief,
        )
    )
    return zetel is not None


def _is_secretaris(actor: Actor, zaak: Zaak) -> bool:
    return actor.rol is Rol.SECRETARIS and actor.commissie_code == zaak.commissie_code


async def vereis_opsteller(session: AsyncSession, actor: Actor, zaak: Zaak) -> None:
    if not (_is_secretaris(actor, zaak) or await is_voorzitter(session, actor, zaak)):
        raise GeenToegang(
            "Alleen de voorzitter van het panel of het secretariaat stelt het advies op."
        )


def vereis_commissie(actor: Actor) -> None:
    """Advice drafts are the committee's: never the corps leadership's before fixing."""
    if actor.rol not in (Rol.SECRETARIS, Rol.LID):
        raise GeenToegang("Het concept-advies is alleen voor het panel en het secretariaat.")


async def versies(session: AsyncSession, zaak: Zaak) -> list[Adviesversie]:
    rijen = await session.scalars(
        select(Adviesversie).where(Adviesversie.zaak_id == zaak.id).order_by(Adviesversie.versie)
    )
    return list(rijen)


def _onderdelen(versie: Adviesversie) -> list[Onderdeel]:
    return [
        Onderdeel(o["beklaagde"], Oordeel(o["oordeel"]), o.get("motivering", ""))
        for o in versie.onderdelen.get("onderdelen", [])
    ]


def _beklaagden(zaak: Zaak) -> dict[int, str]:
    return {p.id: p.naam for p in zaak.partijen if p.rol == "beklaagde"}


async def concept(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, invoer: AdviesIn, nu: datetime
) -> Adviesversie:
    """PUT: a new draft version. Refused once the current version is fixed."""
    await vereis_opsteller(session, actor, zaak)
    status = Status(zaak.status)
    alle = await versies(session, zaak)
    huidig = alle[-1] if alle else None
    if huidig is not None and huidig.vastgesteld_op is not None:
        raise Conflict(
            f"Het advies (versie {huidig.versie}) is vastgesteld en verandert niet meer; een "
            f"verbetering is een nieuwe versie: POST /api/zaken/{zaak.nummer}/advies/correctie."
        )
    if status is not Status.ZITTING and not (huidig and huidig.corrigeert_id):
        raise Conflict(f"Het advies wordt opgesteld na de zitting; de zaak is {LABEL[status]}.")
    return await _nieuwe_versie(
        session, actor, zaak, invoer, nu, alle, corrigeert=huidig.corrigeert_id if huidig else None
    )


async def correctie(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, invoer: AdviesIn, nu: datetime
) -> Adviesversie:
    """A correction of the fixed advice: a new draft linked to it, to be fixed in its turn."""
    await vereis_opsteller(session, actor, zaak)
    if Status(zaak.status) is not Status.ADVIES_UITGEBRACHT:
        raise Conflict(
            "Een verbetering van het advies kan alleen na vaststelling en vóór het besluit; "
            f"de zaak is {LABEL[Status(zaak.status)]}."
        )
    alle = await versies(session, zaak)
    if alle[-1].vastgesteld_op is None:
        raise Conflict(
            f"Er is al een concept-verbetering (versie {alle[-1].versie}); wijzig die met PUT."
        )
    return await _nieuwe_versie(session, actor, zaak, invoer, nu, alle, corrigeert=alle[-1].id)


async def _nieuwe_versie(
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    invoer: AdviesIn,
    nu: datetime,
    alle: list[Adviesversie],
    *,
    corrigeert: int | None,
) -> Adviesversie:
    onderdelen = [
        Onderdeel(o.beklaagde, Oordeel(o.oordeel), o.motivering) for o in invoer.onderdelen
    ]
    onbekend = onbekende_beklaagden(_beklaagden(zaak), onderdelen)
    if onbekend:
        raise OngeldigeInvoer(
            f"Veld 'onderdelen': beklaagde {onbekend[0]} hoort niet bij deze zaak.",
            veld="onderdelen",
        )
    dubbel = dubbele_beklaagden(onderdelen)
    if dubbel:
        raise OngeldigeInvoer(
            f"Veld 'onderdelen': beklaagde {dubbel[0]} staat er meer dan eens in.",
            veld="onderdelen",
        )
    versie = Adviesversie(
        zaak_id=zaak.id,
        versie=(alle[-1].versie + 1) if alle else 1,
        feiten=invoer.feiten,
        standpunten=invoer.standpunten,
        overwegingen=invoer.overwegingen,
        aanbevelingen=invoer.aanbevelingen,
        onderdelen={
            "onderdelen": [
                {"beklaagde": o.beklaagde, "oordeel": o.oordeel.value, "motivering": o.motivering}
                for o in onderdelen
            ]
        },
        corrigeert_id=corrigeert,
        door_id=actor.gebruiker_id,
        door_naam=actor.gebruikersnaam,
        aangemaakt_op=nu,
    )
    session.add(versie)
    await session.flush()
    return versie


async def opmerking(
    *, session: AsyncSession, actor: Actor, zaak: Zaak, invoer: OpmerkingIn, nu: datetime
) -> None:
    vereis_commissie(actor)
    if not invoer.tekst.strip():
        raise OngeldigeInvoer("Veld 'tekst': mag niet leeg zijn.", veld="tekst")
    alle = await versies(session, zaak)
    session.add(
        Adviesopmerking(
            zaak_id=zaak.id,
            versie=alle[-1].versie if alle else None,
            tekst=invoer.tekst.strip(),
            door_id=actor.gebruiker_id,
            door_naam=actor.gebruikersnaam,
            op=nu,
        )
    )
    await session.flush()


async def vaststellen(
    *,
    session: AsyncSession,
    actor: Actor,
    zaak: Zaak,
    regios: Regios,
    omg: Documentomgeving,
    nu: datetime,
) -> list[Document]:
    """The chair fixes the current version: the case moves to advies_uitgebracht (first time)
    and every corps of the accused gets its own advice document."""
    if not await is_voorzitter(session, actor, zaak):
        raise GeenToegang("Alleen de voorzitter van het panel stelt het advies vast.")
    status = Status(zaak.status)
    alle = await versies(session, zaak)
    huidig = alle[-1] if alle else None
    if huidig is None:
        raise Conflict("Er is nog geen concept-advies om vast te stellen.")
    if huidig.vastgesteld_op is not None:
        raise Conflict(f"Versie {huidig.versie} van het advies is al vastgesteld.")
    if status not in OPSTELLEN:
        raise Conflict(f"Het advies kan nu niet worden vastgesteld; de zaak is {LABEL[status]}.")
    onderdelen = _onderdelen(huidig)
    bezwaren = ontbrekende_oordelen(_beklaagden(zaak), onderdelen)
    for veld in ("feiten", "overwegingen"):
        if not getattr(huidig, veld).strip():
            bezwaren.append(f"Het onderdeel '{veld}' is leeg.")
    bezwaren += await hoor_tekortkomingen(session=session, zaak=zaak)
    if bezwaren:
        raise Conflict("Het advies kan niet worden vastgesteld: " + " ".join(bezwaren))
    huidig.vastgesteld_op = nu
    huidig.vastgesteld_door = actor.gebruikersnaam
    gecorrigeerd = next((v for v in alle if v.id == huidig.corrigeert_id), None)
    if status is Status.ZITTING:
        await overgang(session, zaak, Status.ADVIES_UITGEBRACHT, actor=actor, nu=nu, op=vandaag(nu))
    korps_van = {p.id: p.korps_code or "" for p in zaak.partijen if p.rol == "beklaagde"}
    korpsen = tuple(per_korps(onderdelen, korps_van))
    await publiceer(
        session,
        AdviesVastgesteld(
            zaak=zaak,
            actor=actor,
            nu=nu,
            versie=huidig.versie,
            correctie_van=gecorrigeerd.versie if gecorrigeerd else None,
            korpsen=korpsen,
        ),
    )
    gemeen = await basis(session, zaak, regios, actor, nu)
    gemaakt = []
    for korps in korpsen:
        context = advies_context(
            zaak=zaak,
            versie=huidig,
            korps=korps,
            regios=regios,
            gemeen=gemeen,
            hoorverslagen=await hoorverslagen(session, zaak, korps),
            correctie_van=datum_nl(vandaag(gecorrigeerd.vastgesteld_op))
            if gecorrigeerd and gecorrigeerd.vastgesteld_op
            else "",
        )
        gemaakt.append(
            await maak_document(
                session=session,
                omg=omg,
                zaak=zaak,
                soort="advies",
                context=context,
                aan=f"korps:{korps}",
                korps=korps,
                actor=actor,
                nu=nu,
                versie=huidig.versie,
                adviesversie_id=huidig.id,
            )
        )
    return gemaakt


def _versie_uit(v: Adviesversie, zaak: Zaak, alle: list[Adviesversie]) -> AdviesversieUit:
    partijen = {p.id: p for p in zaak.partijen}
    return AdviesversieUit(
        versie=v.versie,
        status="vastgesteld" if v.vastgesteld_op else "concept",
        feiten=v.feiten,
        standpunten=v.standpunten,
        overwegingen=v.overwegingen,
        onderdelen=[
            OnderdeelUit(
                beklaagde=o["beklaagde"],
                naam=partijen[o["beklaagde"]].naam if o["beklaagde"] in partijen else "",
                korps=partijen[o["beklaagde"]].korps_code if o["beklaagde"] in partijen else None,
                oordeel=o["oordeel"],
                motivering=o.get("motivering", ""),
            )
            for o in v.onderdelen.get("onderdelen", [])
        ],
        aanbevelingen=v.aanbevelingen,
        door=v.door_naam,
        aangemaakt_op=v.aangemaakt_op,
        vastgesteld_op=v.vastgesteld_op,
        vastgesteld_door=v.vastgesteld_door,
        corrigeert_versie=next((a.versie for a in alle if a.id == v.corrigeert_id), None),
    )


async def advies_weergave(*, session: AsyncSession, actor: Actor, zaak: Zaak) -> AdviesUit:
    vereis_commissie(actor)
    alle = await versies(session, zaak)
    opmerkingen = await session.scalars(
        select(Adviesopmerking)
        .where(Adviesopmerking.zaak_id == zaak.id)
        .order_by(Adviesopmerking.id)
    )
    return AdviesUit(
        huidig=_versie_uit(alle[-1], zaak, alle) if alle else None,
        eerdere=[_versie_uit(v, zaak, alle) for v in reversed(alle[:-1])],
        opmerkingen=[
            OpmerkingUit(versie=o.versie, tekst=o.tekst, door=o.door_naam, op=o.op)
            for o in opmerkingen
        ],
    )
