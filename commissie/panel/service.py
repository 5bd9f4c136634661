"""Panel services: compose and recompose. Replacing one member: vervanging.py; the chair:
voorzitter.py.

The pure rules live in regels.py; this module loads their inputs, stores the seats with their
explanation, keeps the fair-share ledger and writes the case timeline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.accounts.rollen import Actor
from commissie.eenheid import publiceer
from commissie.fouten import Conflict, OngeldigeInvoer
from commissie.leden.models import Lid
from commissie.leden.service import beschikbaarheid, leden_van
from commissie.panel import regels
from commissie.panel.events import (
    PanelGewisseld,
    PanelHerzien,
    PanelOnvolledig,
    VoorzitterVacant,
    VoorzitterViaTerugval,
    ZetelBeeindigd,
    ZetelToegewezen,
)
from commissie.panel.grootboek import bewaar_grootboek, lees_grootboek, vergrendel
from commissie.panel.models import Conflictmelding, Panelzetel, Voorzittersvacature
from commissie.regios import Commissie
from commissie.tijd import vandaag
from commissie.zaken.models import Zaak


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


async def _conflicten(session: AsyncSession, zaak_id: int) -> dict[int, str]:
    rijen = await session.scalars(select(Conflictmelding).where(Conflictmelding.zaak_id == zaak_id))
    # The free text stays in the declaration itself; the explanation names only the kind.
    return {c.lid_id: c.soort for c in rijen}


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
    actief: Sequence[Panelzetel],
    vervallen: Sequence[Panelzetel] = (),
    uitgesloten_extra: Mapping[int, str] | None = None,
    kandidaten_filter: set[int] | None = None,
    grond: str = "automatisch",
    toelichting: str | None = None,
    vervallen_uitsluiten: bool = True,
    vacature_mag: bool = True,
    handmatig_korps: str | None = None,
    voorzitter: int | None = None,
    alleen_voorzitter: bool = False,
    nieuwe_zaak: bool = False,
) -> list[Panelzetel]:
    """Fill every open seat of the case; store seats, explanation and ledger. No commit.

    The caller holds the committee lock (vergrendel) and passes the case's active seats.
    A chair the rules leave vacant is recorded with its warning (Voorzittersvacature) until a
    chair is seated. `alleen_voorzitter`: fill the vacant chair only (a manual choice).
    `nieuwe_zaak`: the case was registered in this unit of work, so it has no declared
    conflicts and no vacant chair yet (nothing to read)."""
    alle = await leden_van(session, commissie.code)
    leden = [lid for lid in alle if lid.actief]
    afwezig, terug = await beschikbaarheid(session, [lid.id for lid in leden], vandaag(nu))
    weg = {z.id for z in vervallen}
    vast = [regels.Zetel(z.rol, z.lid_id) for z in actief if z.id not in weg]  # type: ignore[arg-type]
    kandidaten = [_kandidaat(lid) for lid in leden]
    if kandidaten_filter is not None:
        houden = kandidaten_filter | {z.lid_id for z in vast} | {z.lid_id for z in vervallen}
        kandidaten = [k for k in kandidaten if k.id in houden]
    extra = dict(uitgesloten_extra or {})
    boek = await lees_grootboek(session, [lid.id for lid in alle])
    conflicten = {} if nieuwe_zaak else await _conflicten(session, zaak.id)
    regel = regels.regel_voor(commissie)
    if alleen_voorzitter:
        regel = replace(regel, grootte=len(vast) + 1)
    s = regels.stel_panel_samen(
        regel=regel,
        kandidaten=kandidaten,
        zaak=zaakfeiten(zaak),
        afwezig=frozenset(afwezig),
        conflicten=conflicten,
        grootboek=boek,
        vast=vast,
        uitgesloten_extra=extra,
        vervallen=[regels.Zetel(z.rol, z.lid_id) for z in vervallen],  # type: ignore[arg-type]
        vervallen_uitsluiten=vervallen_uitsluiten,
        terug_op=terug,
        vacature_mag=vacature_mag,
        handmatig_korps=handmatig_korps,
        voorzitter_kandidaten=frozenset({voorzitter}) if voorzitter is not None else None,
    )
    namen = {lid.id: lid for lid in alle}
    # Only now that the rules accepted: end the replaced seats (nothing changes on refusal).
    beeindigd: list[tuple[Panelzetel, str]] = []
    for z in vervallen:
        z.actief, z.beeindigd_op = False, nu
        z.einde_reden, z.einde_toelichting = grond, toelichting
        beeindigd.append((z, grond))
    blijft = {(z.lid_id, z.rol) for z in s.zetels}
    for z in actief:
        if z.actief and (z.lid_id, z.rol) not in blijft:  # moved up from member to chair
            z.actief, z.beeindigd_op = False, nu
            z.einde_reden, z.einde_toelichting = "doorgeschoven", "doorgeschoven naar voorzitter"
            beeindigd.append((z, "doorgeschoven"))
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
            aangewezen_door_id=actor.gebruiker_id if actor else None,
            uitleg=_uitleg(s, index, grond, toelichting),
        )
        session.add(pz)
        nieuw.append(pz)
    await bewaar_grootboek(session, boek, s.grootboek)
    await session.flush()
    for z, reden in beeindigd:
        await publiceer(
            session,
            ZetelBeeindigd(
                zaak=zaak,
                actor=actor,
                nu=nu,
                lid_id=z.lid_id,
                naam=namen[z.lid_id].naam,
                rol=z.rol,
                reden=reden,
                vacant=False,
            ),
        )
    for pz in nieuw:
        lid = namen[pz.lid_id]
        await publiceer(
            session,
            ZetelToegewezen(
                zaak=zaak,
                actor=actor,
                nu=nu,
                lid_id=lid.id,
                naam=lid.naam,
                korps=lid.korps_code,
                rol=pz.rol,
                grond=grond,
            ),
        )
    await publiceer(
        session,
        PanelGewisseld(
            zaak=zaak,
            actor=actor,
            nu=nu,
            weg=tuple(z.lid_id for z, _ in beeindigd),
            erbij=tuple(pz.lid_id for pz in nieuw),
        ),
    )
    if s.voorzittersgrond == "terugval":
        await publiceer(session, VoorzitterViaTerugval(zaak=zaak, actor=actor, nu=nu))
    vacature = None if nieuwe_zaak else await session.get(Voorzittersvacature, zaak.id)
    for v in s.vacatures:
        if vacature is None:
            vacature = Voorzittersvacature(zaak_id=zaak.id, waarschuwing=v.waarschuwing, sinds=nu)
            session.add(vacature)
        else:
            vacature.waarschuwing = v.waarschuwing
        await publiceer(
            session, VoorzitterVacant(zaak=zaak, actor=actor, nu=nu, waarschuwing=v.waarschuwing)
        )
    if vacature is not None and any(z.rol == "voorzitter" for z in nieuw):
        await session.delete(vacature)
    await session.flush()
    return nieuw


async def voorzittersvacature(session: AsyncSession, zaak_id: int) -> str | None:
    """The warning of the case's vacant chair, if it has one."""
    v = await session.get(Voorzittersvacature, zaak_id)
    return v.waarschuwing if v else None


async def bij_registratie(
    *, session: AsyncSession, zaak: Zaak, commissie: Commissie, actor: Actor, nu: datetime
) -> str | None:
    """Compose the panel of a new case. A committee without enough members does not block
    the registration: the reason goes on the timeline and is returned as a warning."""
    await vergrendel(session, commissie.code)
    # The rules raise before anything is written, so a refusal leaves the session clean.
    try:
        nieuw = await _samenstellen(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            actief=(),
            nieuwe_zaak=True,
        )
    except Conflict as fout:
        # The timeline is read by the panel too: the reasons (who is excluded and why) go
        # only to the secretary, in the answer to this registration.
        await publiceer(session, PanelOnvolledig(zaak=zaak, actor=actor, nu=nu))
        return fout.bericht
    if any(z.rol == "voorzitter" for z in nieuw):
        return None  # a new case has no earlier vacancy that could remain
    # A vacant chair does not block the registration either: the secretary hears why (the
    # vacancy was just stored, so this comes from the session, not the database).
    return await voorzittersvacature(session, zaak.id)


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
    """Compose the panel: fill vacant seats, or with `opnieuw` start over (with a reason)."""
    await vergrendel(session, commissie.code)
    actief = await actieve_zetels(session, zaak.id)
    if not opnieuw:
        if len(actief) >= commissie.panel.grootte:
            raise Conflict(
                "Het panel is compleet; stuur 'opnieuw': true met een reden om het opnieuw "
                "samen te stellen, of vervang één lid."
            )
        grond = "aanvulling" if actief else "automatisch"
        return await _samenstellen(
            session=session,
            zaak=zaak,
            commissie=commissie,
            actor=actor,
            nu=nu,
            actief=actief,
            grond=grond,
            toelichting=reden.strip() or None,
        )
    if not reden.strip():
        raise OngeldigeInvoer(
            "Veld 'reden': zeg waarom het panel opnieuw wordt samengesteld.", veld="reden"
        )
    nieuw = await _samenstellen(
        session=session,
        zaak=zaak,
        commissie=commissie,
        actor=actor,
        nu=nu,
        actief=actief,
        vervallen=actief,
        grond="herindeling",
        vervallen_uitsluiten=False,
        toelichting=reden.strip(),
    )
    await publiceer(session, PanelHerzien(zaak=zaak, actor=actor, nu=nu, reden=reden.strip()))
    return nieuw
