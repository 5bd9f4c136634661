"""Panel services: compose, replace (verschoning, wraking, illness) and override.

The pure rules live in regels.py; this module loads their inputs, stores the seats with their
explanation, keeps the fair-share ledger and writes the case timeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.leden.models import Lid
from commissie.panel import regels
from commissie.panel.models import Afwezigheid, Conflictmelding, Grootboek, Panelzetel
from commissie.regios import Commissie
from commissie.tijd import vandaag
from commissie.zaken.models import Zaak
from commissie.zaken.service import gebeurtenis


def _kandidaat(lid: Lid) -> regels.Kandidaat:
    return regels.Kandidaat(
        id=lid.id,
        naam=lid.naam,
        korps=lid.korps_code,
        eenheid=lid.eenheid,
        kan_voorzitten=lid.kan_voorzitten,
        volgorde=lid.volgorde,
    )


def zaakfeiten(zaak: Zaak) -> regels.ZaakFeiten:
    partijen = tuple(
        regels.Partij(rol=p.rol, naam=p.naam, korps=p.korps_code, eenheid=p.eenheid)  # type: ignore[arg-type]
        for p in zaak.partijen
        if p.rol in ("klager", "beklaagde") and p.korps_code
    )
    return regels.ZaakFeiten(
        klager_korps=zaak.korps_code,
        beklaagde_korpsen=frozenset(p.korps for p in partijen if p.rol == "beklaagde"),
        partijen=partijen,
    )


async def leden_van(
    session: AsyncSession, commissie: str, *, vergrendel: bool = False
) -> list[Lid]:
    q = (
        select(Lid)
        .where(Lid.commissie_code == commissie, Lid.actief)
        .order_by(Lid.volgorde, Lid.id)
    )
    if vergrendel:
        # Serialises assignments per committee on PostgreSQL: the ledger is read-modify-write.
        q = q.with_for_update()
    return list(await session.scalars(q))


async def afwezigen(session: AsyncSession, lid_ids: Sequence[int], dag: date) -> dict[int, str]:
    rijen = await session.scalars(
        select(Afwezigheid).where(
            Afwezigheid.lid_id.in_(lid_ids), Afwezigheid.van <= dag, Afwezigheid.tot >= dag
        )
    )
    return {a.lid_id: f"{a.soort} t/m {a.tot.isoformat()}" for a in rijen}


async def _conflicten(session: AsyncSession, zaak_id: int) -> dict[int, str]:
    rijen = await session.scalars(select(Conflictmelding).where(Conflictmelding.zaak_id == zaak_id))
    return {c.lid_id: f"{c.soort}: {c.reden}" for c in rijen}


async def lees_grootboek(session: AsyncSession, lid_ids: Sequence[int]) -> regels.Grootboek:
    boek = regels.Grootboek()
    rijen = await session.execute(
        select(Grootboek.lid_id, Grootboek.zetels, Grootboek.voorzitter).where(
            Grootboek.lid_id.in_(lid_ids)
        )
    )
    for lid_id, zetels, voorzitter in rijen:
        boek.zetels[lid_id] = Fraction(zetels)
        boek.voorzitter[lid_id] = Fraction(voorzitter)
    return boek


async def _bewaar_grootboek(
    session: AsyncSession, oud: regels.Grootboek, nieuw: regels.Grootboek
) -> None:
    """Write the changed ledger lines in one statement each for updates and inserts."""
    bijwerken, toevoegen = [], []
    for lid_id in set(nieuw.zetels) | set(nieuw.voorzitter):
        regel = {
            "lid_id": lid_id,
            "zetels": str(nieuw.zetels.get(lid_id, regels.NUL)),
            "voorzitter": str(nieuw.voorzitter.get(lid_id, regels.NUL)),
        }
        if lid_id in oud.zetels or lid_id in oud.voorzitter:
            bijwerken.append(regel)
        else:
            toevoegen.append(regel)
    if bijwerken:
        await session.execute(update(Grootboek), bijwerken)
    if toevoegen:
        await session.execute(insert(Grootboek), toevoegen)


async def actieve_zetels(session: AsyncSession, zaak_id: int) -> list[Panelzetel]:
    return list(
        await session.scalars(
            select(Panelzetel)
            .where(Panelzetel.zaak_id == zaak_id, Panelzetel.actief)
            .order_by(Panelzetel.id)
        )
    )


def _uitleg(
    s: regels.Samenstelling, index: int, grond: str, toelichting: str | None
) -> dict[str, Any]:
    weging = [o for o in s.overwegingen if o.zetel == index]
    uit: dict[str, Any] = {
        "grond": grond,
        "waarom": s.zetels[index].uitleg,
        "overwogen": [
            {"lid_id": o.lid_id, "naam": o.naam, "korps": o.korps, "tegoed": regels.getal(o.tegoed)}
            for o in weging
            if o.uitgesloten is None
        ],
        "uitgesloten": [
            {"lid_id": o.lid_id, "naam": o.naam, "korps": o.korps, "reden": o.uitgesloten}
            for o in weging
            if o.uitgesloten is not None
        ],
        "waarschuwingen": list(s.waarschuwingen) if s.zetels[index].rol == "voorzitter" else [],
    }
    if toelichting:
        uit["toelichting"] = toelichting
    return uit


async def _samenstellen(
    *,
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    actor: Actor | None,
    nu: datetime,
    vervallen: Sequence[Panelzetel] = (),
    uitgesloten_extra: Mapping[int, str] | None = None,
    kandidaten_filter: set[int] | None = None,
    grond: str = "automatisch",
    toelichting: str | None = None,
    vervallen_uitsluiten: bool = True,
) -> list[Panelzetel]:
    """Fill every open seat of the case; store seats, explanation and ledger. No commit."""
    leden = await leden_van(session, commissie.code, vergrendel=True)
    ids = [lid.id for lid in leden]
    afwezig = await afwezigen(session, ids, vandaag(nu))
    actief = await actieve_zetels(session, zaak.id)
    weg = {z.id for z in vervallen}
    vast = [regels.Zetel(z.rol, z.lid_id) for z in actief if z.id not in weg]  # type: ignore[arg-type]
    kandidaten = [_kandidaat(lid) for lid in leden]
    if kandidaten_filter is not None:
        houden = kandidaten_filter | {z.lid_id for z in vast} | {z.lid_id for z in vervallen}
        kandidaten = [k for k in kandidaten if k.id in houden]
    extra = dict(uitgesloten_extra or {})
    boek = await lees_grootboek(session, ids)
    conflicten = await _conflicten(session, zaak.id)
    s = regels.stel_panel_samen(
        regel=regels.regel_voor(commissie),
        kandidaten=kandidaten,
        zaak=zaakfeiten(zaak),
        afwezig=frozenset(afwezig),
        conflicten=conflicten,
        grootboek=boek,
        vast=vast,
        uitgesloten_extra=extra,
        vervallen=[regels.Zetel(z.rol, z.lid_id) for z in vervallen],  # type: ignore[arg-type]
        vervallen_uitsluiten=vervallen_uitsluiten,
    )
    # Only now that the rules accepted: end the replaced seats (nothing changes on refusal).
    for z in vervallen:
        z.actief, z.beeindigd_op = False, nu
        z.einde_reden, z.einde_toelichting = grond, toelichting
    blijft = {(z.lid_id, z.rol) for z in s.zetels}
    for z in actief:
        if z.actief and (z.lid_id, z.rol) not in blijft:  # moved up from member to chair
            z.actief, z.beeindigd_op = False, nu
            z.einde_reden, z.einde_toelichting = "doorgeschoven", "doorgeschoven naar voorzitter"
    nieuw: list[Panelzetel] = []
    bezet = {(z.lid_id, z.rol) for z in vast}
    for index, zetel in enumerate(s.zetels):
        if (zetel.lid_id, zetel.rol) in bezet:
            continue
        pz = Panelzetel(
            zaak_id=zaak.id,
            lid_id=zetel.lid_id,
            rol=zetel.rol,
            actief=True,
            aangewezen_op=nu,
            aangewezen_door_id=actor.id if actor else None,
            uitleg=_uitleg(s, index, grond, toelichting),
        )
        session.add(pz)
        nieuw.append(pz)
    await _bewaar_grootboek(session, boek, s.grootboek)
    await session.flush()
    namen = {lid.id: lid for lid in leden}
    for pz in nieuw:
        lid = namen[pz.lid_id]
        gebeurtenis(
            zaak,
            actor=actor,
            nu=nu,
            soort="panel",
            tekst=f"{pz.rol.capitalize()}: {lid.naam} ({lid.korps_code}) aangewezen ({grond}).",
            lid_id=lid.id,
            rol=pz.rol,
        )
    for w in s.waarschuwingen:
        gebeurtenis(zaak, actor=actor, nu=nu, soort="panel", tekst=f"Let op: {w}")
    return nieuw


async def bij_registratie(
    *, session: AsyncSession, zaak: Zaak, commissie: Commissie, actor: Actor, nu: datetime
) -> str | None:
    """Compose the panel of a new case. A committee without enough members does not block
    the registration: the reason goes on the timeline and is returned as a warning."""
    # The rules raise before anything is written, so a refusal leaves the session clean.
    try:
        await _samenstellen(session=session, zaak=zaak, commissie=commissie, actor=actor, nu=nu)
    except Conflict as fout:
        gebeurtenis(
            zaak,
            actor=actor,
            nu=nu,
            soort="panel",
            tekst=f"Panel nog niet samengesteld: {fout.bericht}",
        )
        return fout.bericht
    return None


async def stel_opnieuw_samen(
    *,
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    actor: Actor,
    nu: datetime,
    opnieuw: bool,
    reden: str,
) -> list[Panelzetel]:
    actief = await actieve_zetels(session, zaak.id)
    if actief and not opnieuw:
        raise Conflict(
            "De zaak heeft al een panel; stuur 'opnieuw': true met een reden om het opnieuw "
            "samen te stellen, of vervang één lid."
        )
    if actief and not reden.strip():
        raise OngeldigeInvoer(
            "Veld 'reden': zeg waarom het panel opnieuw wordt samengesteld.", veld="reden"
        )
    nieuw = await _samenstellen(
        session=session,
        zaak=zaak,
        commissie=commissie,
        actor=actor,
        nu=nu,
        vervallen=actief,
        grond="herindeling" if actief else "automatisch",
        vervallen_uitsluiten=False,
        toelichting=reden.strip() or None,
    )
    if actief:
        gebeurtenis(
            zaak,
            actor=actor,
            nu=nu,
            soort="panel",
            tekst=f"Panel opnieuw samengesteld: {reden.strip()}",
        )
    return nieuw


async def vervang_lid(
    *,
    session: AsyncSession,
    zaak: Zaak,
    commissie: Commissie,
    actor: Actor | None,
    nu: datetime,
    lid_id: int,
    reden: str,
    toelichting: str,
    nieuw_lid: int | None = None,
) -> Panelzetel:
    """End the member's seat and fill it again, keeping the other seats and the history.

    `reden`: verschoning | wraking | ziektevervanging | handmatig. With `nieuw_lid` the
    secretary chooses the successor (override); the rules still refuse conflicts of interest.
    """
    zetel = next((z for z in await actieve_zetels(session, zaak.id) if z.lid_id == lid_id), None)
    if zetel is None:
        raise Conflict(f"Lid {lid_id} heeft geen zetel in het panel van zaak {zaak.nummer}.")
    nieuw = await _samenstellen(
        session=session,
        zaak=zaak,
        commissie=commissie,
        actor=actor,
        nu=nu,
        vervallen=[zetel],
        uitgesloten_extra={lid_id: f"{reden}: {toelichting}"},
        kandidaten_filter={nieuw_lid} if nieuw_lid is not None else None,
        grond=reden,
        toelichting=toelichting,
    )
    if not nieuw:
        raise Conflict("Er is geen opvolger aangewezen.")
    return nieuw[0]
