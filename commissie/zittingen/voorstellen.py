"""Planning help: free slots for a case's hearing, from its own facts and the panel's."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from commissie.atw import Kalender
from commissie.regios import Regios, commissie_of_fout
from commissie.tijd import AMSTERDAM, datum_nl, vandaag
from commissie.zaken.models import Zaak
from commissie.zaken.termijnen import Soort
from commissie.zittingen import regels
from commissie.zittingen.bezetting import afwezig_van, bezet_van, panel_van
from commissie.zittingen.service import termijn, wederhoor_van


async def voorstellen(
    *,
    session: AsyncSession,
    zaak: Zaak,
    regios: Regios,
    kalender: Kalender,
    nu: datetime,
    aantal: int,
    duur_minuten: int,
) -> regels.Voorstellen:
    commissie = commissie_of_fout(regios, zaak.commissie_code)
    instellingen = commissie.zittingen
    vanaf = vandaag(nu) + timedelta(days=1)
    panel = await panel_van(session, zaak.id)
    ids = [p[0] for p in panel]
    advies = termijn(zaak, Soort.ADVIES)
    assert advies is not None
    w = await wederhoor_van(session, zaak.id)
    verweer = termijn(zaak, Soort.VERWEER)
    waarschuwingen: list[str] = []
    vroegste: date | None = None
    if w is None or w.afschrift_beklaagde_op is None:
        eind = kalender.einddatum(vandaag(nu), 7 * commissie.termijnen.verweer_weken)
        vroegste = eind + timedelta(days=1)
        waarschuwingen.append(
            "De beklaagde heeft nog geen afschrift van de klacht; de voorstellen gaan uit van "
            f"een afschrift vandaag en een verweertermijn tot en met {datum_nl(eind)}."
        )
    elif w.verweer_ontvangen_op is None and verweer is not None:
        vroegste = verweer.einddatum + timedelta(days=1)
    if not any(rol == "voorzitter" for _, rol, _ in panel):
        waarschuwingen.append("De voorzittersstoel van het panel is vacant.")
    korps = commissie.korpsen.get(zaak.korps_code)
    locatie = (korps.zittingslocaties if korps else commissie.zittingslocaties)[0].naam
    afwezig = regels.afwezige_dagen(
        (van, tot) for _, van, tot in await afwezig_van(session, ids, vanaf, date.max)
    )
    bezet = [
        (b.begin, b.einde)
        for b in await bezet_van(
            session, ids, datetime.combine(vanaf, time(0), tzinfo=AMSTERDAM), None, None
        )
    ]
    uit = regels.zittingsvoorstellen(
        regels.Planningsvraag(
            vanaf=vanaf,
            aantal=aantal,
            duur_minuten=duur_minuten,
            dagen=frozenset(instellingen.dagen),
            van=time.fromisoformat(instellingen.van),
            tot=time.fromisoformat(instellingen.tot),
            adviestermijn=advies.einddatum,
            opstel_werkdagen=instellingen.opstel_werkdagen,
            locatie=locatie,
            vroegste=vroegste,
            afwezig=afwezig,
            bezet=bezet,
        ),
        kalender,
    )
    uit.waarschuwingen = [*waarschuwingen, *uit.waarschuwingen]
    return uit
