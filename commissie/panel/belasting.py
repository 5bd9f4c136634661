"""Load overview per corps and per member over a period, against the fair share."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.leden.models import Lid
from commissie.panel import regels
from commissie.panel.grootboek import lees_grootboek
from commissie.panel.models import Lastdag, Zakendag
from commissie.panel.schemas import BelastingUit, KorpsLast, LidLast
from commissie.regios import Commissie


async def belasting(
    *, session: AsyncSession, commissie: Commissie, van: date, tot: date
) -> BelastingUit:
    """Seats that count are the active ones assigned in [van, tot]: a replaced member did not
    carry that case. Hearings are active seats on cases heard in the period."""
    leden = list(
        await session.scalars(
            select(Lid).where(Lid.commissie_code == commissie.code).order_by(Lid.volgorde, Lid.id)
        )
    )
    ids = [lid.id for lid in leden]
    # From the running totals (commissie.panel.lasttotalen): days in the period, not seats.
    per_lid = {
        r.lid_id: r
        for r in (
            await session.execute(
                select(
                    Lastdag.lid_id,
                    func.sum(Lastdag.zetels).label("zetels"),
                    func.sum(Lastdag.voorzitter).label("voorzitter"),
                    func.sum(Lastdag.zittingen).label("zittingen"),
                )
                .where(Lastdag.lid_id.in_(ids), Lastdag.dag >= van, Lastdag.dag <= tot)
                .group_by(Lastdag.lid_id)
            )
        ).all()
    }
    zaken_per_korps = dict(
        (
            await session.execute(
                select(Zakendag.korps_code, func.sum(Zakendag.zaken))
                .where(
                    Zakendag.commissie_code == commissie.code,
                    Zakendag.dag >= van,
                    Zakendag.dag <= tot,
                )
                .group_by(Zakendag.korps_code)
            )
        ).all()
    )
    regel = regels.regel_voor(commissie)
    actief = [lid for lid in leden if lid.actief]
    gewicht = regels.gewichten(
        regel,
        [
            regels.Kandidaat(
                lid.id, lid.naam, lid.korps_code, lid.eenheid, lid.kan_voorzitten, lid.volgorde
            )
            for lid in actief
        ],
    )
    boek = await lees_grootboek(session, ids)
    totaal = sum(int(r.zetels or 0) for r in per_lid.values())
    rijen: list[LidLast] = []
    for lid in leden:
        r = per_lid.get(lid.id)
        zetels = int(r.zetels or 0) if r else 0
        eerlijk = float(totaal * gewicht.get(lid.id, Fraction(0)))
        rijen.append(
            LidLast(
                lid_id=lid.id,
                naam=lid.naam,
                korps=lid.korps_code,
                voorzitter=lid.kan_voorzitten,
                zetels=zetels,
                voorzitterschappen=int(r.voorzitter or 0) if r else 0,
                zittingen=int(r.zittingen or 0) if r else 0,
                eerlijk_aandeel=round(eerlijk, 2),
                afwijking=round(zetels - eerlijk, 2),
                tegoed=regels.getal(boek.zetels.get(lid.id, Fraction(0))),
            )
        )
    koppen = sum(k.koppen for k in commissie.korpsen.values())
    korpsen: list[KorpsLast] = []
    for code, korps in commissie.korpsen.items():
        eigen = [x for x in rijen if x.korps == code]
        zetels = sum(x.zetels for x in eigen)
        if regel.verdeling == "naar_koppen":
            doel = korps.koppen / koppen
        else:
            doel = sum(1 for lid in actief if lid.korps_code == code) / max(1, len(actief))
        aandeel = zetels / totaal if totaal else 0.0
        korpsen.append(
            KorpsLast(
                korps=code,
                zaken=int(zaken_per_korps.get(code) or 0),
                zetels=zetels,
                voorzitterschappen=sum(x.voorzitterschappen for x in eigen),
                zittingen=sum(x.zittingen for x in eigen),
                doel_pct=round(doel * 100, 1),
                aandeel_pct=round(aandeel * 100, 1),
                afwijking_pp=round((aandeel - doel) * 100, 1) if totaal else 0.0,
            )
        )
    return BelastingUit(
        commissie=commissie.code,
        van=van,
        tot=tot,
        verdeling=regel.verdeling,
        korpsen=korpsen,
        leden=rijen,
    )
