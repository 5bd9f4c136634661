"""Many realistic cases fast (`commissie demo --zaken N`): bulk inserts with ids assigned here.

Registering through the services costs ~20 ms a case (hours at 1M); this writes the same rows
in batches. What the services guarantee is kept: numbers per committee and year without gaps
(and the counter at the last one), deadlines from the Atw calendar, a full panel with an
active chair from a corps not involved in the case, a timeline per step. Fictitious names."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from commissie.leden.models import Lid
from commissie.migraties import statistieken
from commissie.omgeving import Omgeving
from commissie.panel.lasttotalen import herbereken
from commissie.panel.models import Panelzetel
from commissie.regios import Commissie
from commissie.tijd import AMSTERDAM
from commissie.zaken.models import (
    Gebeurtenis,
    Gedraging,
    Partij,
    Termijn,
    Zaak,
    ZaakCategorie,
    ZaakTeller,
)
from commissie.zaken.schemas import Categorie
from commissie.zaken.service import naam_sleutel
from commissie.zaken.signalen import achternaam_sleutel
from commissie.zaken.termijnen import Soort, bereken_termijnen

ACHTERNAMEN = (
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
    "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
    "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden",
    "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel", "van der Veen", "van den Broek",
)  # fmt: skip
VOORLETTERS = "ABCDEFGHIJKLMNOPRSTW"
# Accused with long histories: each in about 1% of a committee's cases.
VETERANEN = ("J.P. Oudgediende", "M. Veelgenoemd", "R.A. Terugkerend")
BATCH = 2000


@dataclass
class Verslag:
    zaken: int = 0
    per_commissie: dict[str, int] = field(default_factory=dict)


def _moment(dag: date, uur: int = 10) -> datetime:
    return datetime.combine(dag, time(uur), tzinfo=AMSTERDAM).astimezone(UTC)


def _status(leeftijd: int, r: random.Random) -> tuple[str, list[str]]:
    """Status after `leeftijd` days and the steps that led there (a realistic timeline)."""
    pad = ["ontvankelijk", "verweer", "zitting", "advies_uitgebracht", "besluit_genomen",
           "afgesloten"]  # fmt: skip
    grenzen = [7, 14, 35, 42, 70, 120]
    if leeftijd > 14 and r.random() < 0.08:
        return (uitgang := r.choice(["ingetrokken", "opgelost"])), ["ontvankelijk", uitgang]
    if leeftijd > 7 and r.random() < 0.07:
        return "afgesloten", ["niet_ontvankelijk", "afgesloten"]
    stappen = [s for s, g in zip(pad, grenzen, strict=True) if leeftijd >= g]
    return (stappen[-1] if stappen else "ontvangen"), stappen


async def _leden(s: AsyncSession, commissie: Commissie, nu: datetime) -> list[Lid]:
    """The committee's active members; four per corps added when it has too few."""
    leden = list(
        await s.scalars(
            select(Lid).where(Lid.commissie_code == commissie.code, Lid.actief).order_by(Lid.id)
        )
    )
    korpsen_met_voorzitter = {lid.korps_code for lid in leden if lid.kan_voorzitten}
    if len(leden) >= 2 * commissie.panel.grootte and len(korpsen_met_voorzitter) >= 2:
        return leden
    volgorde = len(leden)
    for code in commissie.korpsen:
        for i in range(4):
            volgorde += 1
            lid = Lid(
                commissie_code=commissie.code,
                naam=f"{VOORLETTERS[volgorde % 20]}. {ACHTERNAMEN[volgorde % 30]} ({code})",
                korps_code=code,
                eenheid=f"District {i + 1}",
                kan_voorzitten=i < 2,
                volgorde=volgorde,
                aangemaakt_op=nu,
            )
            s.add(lid)
            leden.append(lid)
    await s.flush()
    return leden


async def _volgend_id(s: AsyncSession, kolom: Any) -> int:
    return int(await s.scalar(select(func.coalesce(func.max(kolom), 0)))) + 1


async def vul(
    *,
    omgeving: Omgeving,
    aantal: int,
    jaren: int = 20,
    seed: int = 2026,
    voortgang: Callable[[int], None] | None = None,
) -> Verslag:
    """Add `aantal` cases spread over every committee in the configuration and `jaren` years
    up to today, in batches of BATCH cases (one transaction each)."""
    r = random.Random(seed)
    nu = omgeving.klok()
    vandaag_ = nu.astimezone(AMSTERDAM).date()
    commissies = sorted(omgeving.regios.commissies.values(), key=lambda c: c.code)
    gewicht = [sum(k.meldingen_2jr + 1 for k in c.korpsen.values()) for c in commissies]
    # Dates first, sorted, so numbers rise with the date of receipt as registration makes them.
    plan = sorted(
        (
            (vandaag_ - timedelta(days=r.randrange(jaren * 365)), r.choices(commissies, gewicht)[0])
            for _ in range(aantal)
        ),
        key=lambda p: p[0],
    )
    verslag = Verslag(zaken=aantal)
    sm = omgeving.sessionmaker
    async with sm() as s:
        leden = {c.code: await _leden(s, c, nu) for c in commissies}
        await s.commit()
        ids = {
            "zaak": await _volgend_id(s, Zaak.id),
            "partij": await _volgend_id(s, Partij.id),
            "termijn": await _volgend_id(s, Termijn.id),
            "zetel": await _volgend_id(s, Panelzetel.id),
            "gebeurtenis": await _volgend_id(s, Gebeurtenis.id),
        }
        tellers = {
            (t.commissie_code, t.jaar): t.laatste for t in await s.scalars(select(ZaakTeller))
        }
    beurt = dict.fromkeys(leden, 0)
    for start in range(0, aantal, BATCH):
        rijen: dict[str, list[dict[str, Any]]] = {
            k: [] for k in ("zaak", "partij", "cat", "gedraging", "termijn", "zetel", "gebeurtenis")
        }
        for ontvangen, c in plan[start : start + BATCH]:
            verslag.per_commissie[c.code] = verslag.per_commissie.get(c.code, 0) + 1
            zid = ids["zaak"]
            ids["zaak"] += 1
            volgnummer = tellers.get((c.code, ontvangen.year), 0) + 1
            tellers[(c.code, ontvangen.year)] = volgnummer
            korpsen = list(c.korpsen)
            kweights = [c.korpsen[k].meldingen_2jr + 1 for k in korpsen]
            korps = r.choices(korpsen, kweights)[0]
            status, stappen = _status((vandaag_ - ontvangen).days, r)
            geregistreerd = _moment(ontvangen, 10)
            bevestigd = ontvangen + timedelta(days=3) if stappen or r.random() < 0.5 else None
            zitting = ontvangen + timedelta(days=35) if "zitting" in stappen else None
            rijen["zaak"].append(
                {
                    "id": zid,
                    "nummer": f"{c.code}-{ontvangen.year}-{volgnummer:04d}",
                    "commissie_code": c.code,
                    "jaar": ontvangen.year,
                    "volgnummer": volgnummer,
                    "status": status,
                    "ontvangen_op": ontvangen,
                    "geregistreerd_op": geregistreerd,
                    "korps_code": korps,
                    "omschrijving": "Fictieve klacht (gegenereerd voor belastingtests).",
                    "verdaagd_weken": 0,
                    "ontvangstbevestiging_op": bevestigd,
                    "zitting_op": zitting,
                    "strafonderzoek_lopend": False,
                    "gewijzigd_op": geregistreerd,
                }
            )
            # Parties: the complainant, one accused (one in ten: two), in the same corps mostly.
            beklaagden = []
            for _ in range(2 if r.random() < 0.1 else 1):
                bk = korps if r.random() < 0.8 else r.choice(korpsen)
                if r.random() < 0.03:
                    naam = VETERANEN[r.randrange(len(VETERANEN))]
                    bk = korpsen[0]
                else:
                    naam = f"{r.choice(VOORLETTERS)}. {r.choice(ACHTERNAMEN)}"
                beklaagden.append((naam, bk))
            partijen = [("klager", f"{r.choice(VOORLETTERS)}. {r.choice(ACHTERNAMEN)}", korps)]
            partijen += [("beklaagde", n, k) for n, k in beklaagden]
            for rol, naam, k in partijen:
                rijen["partij"].append(
                    {
                        "id": ids["partij"],
                        "zaak_id": zid,
                        "rol": rol,
                        "naam": naam,
                        "naam_sleutel": naam_sleutel(naam),
                        "achternaam_sleutel": achternaam_sleutel(naam),
                        "korps_code": k,
                        "eenheid": None,
                        "functie": None,
                        "contact": None,
                    }
                )
                ids["partij"] += 1
            for cat in r.sample(list(Categorie), r.choice((1, 1, 2))):
                rijen["cat"].append({"zaak_id": zid, "categorie": cat.value})
            for d in sorted({ontvangen - timedelta(days=r.randrange(1, 200)) for _ in range(2)}):
                rijen["gedraging"].append({"zaak_id": zid, "datum": d})
            # Deadlines by the committee's rules and the Atw calendar; settled by the steps.
            voldaan = {
                Soort.ONTVANGSTBEVESTIGING: bevestigd,
                Soort.ONTVANKELIJKHEID: ontvangen + timedelta(days=6) if stappen else None,
                Soort.ADVIES: ontvangen + timedelta(days=40)
                if "advies_uitgebracht" in stappen
                else None,
                Soort.BESLUIT: ontvangen + timedelta(days=68)
                if "besluit_genomen" in stappen or stappen[:1] == ["niet_ontvankelijk"]
                else None,
            }
            gesloten = status in {"afgesloten", "ingetrokken", "opgelost"}
            for t in bereken_termijnen(ontvangen, c.termijnen, omgeving.kalender):
                klaar = voldaan[t.soort]
                rijen["termijn"].append(
                    {
                        "id": ids["termijn"],
                        "zaak_id": zid,
                        "soort": t.soort.value,
                        "grondslag": t.grondslag,
                        "wettelijke_einddatum": t.wettelijke_einddatum,
                        "einddatum": t.einddatum,
                        "verdaagd_weken": 0,
                        "toelichting": t.toelichting,
                        "waarschuwing": t.waarschuwing,
                        "status": "voldaan" if klaar else ("vervallen" if gesloten else "open"),
                        "voldaan_op": klaar,
                    }
                )
                ids["termijn"] += 1
            # Panel: a chair from a corps not involved, the other seats in turn.
            betrokken = {korps, *(k for _, k in beklaagden)}
            alle = leden[c.code]
            stoel = [lid for lid in alle if lid.kan_voorzitten and lid.korps_code not in betrokken]
            stoel = stoel or [lid for lid in alle if lid.kan_voorzitten]
            voorzitter = stoel[(beurt[c.code] + zid) % len(stoel)]
            overigen = [lid for lid in alle if lid.id != voorzitter.id]
            beurt[c.code] += c.panel.grootte - 1
            gekozen = [
                overigen[(beurt[c.code] + i) % len(overigen)] for i in range(c.panel.grootte - 1)
            ]
            for rol, lid in [("voorzitter", voorzitter)] + [("lid", x) for x in gekozen]:
                rijen["zetel"].append(
                    {
                        "id": ids["zetel"],
                        "zaak_id": zid,
                        "lid_id": lid.id,
                        "rol": rol,
                        "actief": True,
                        "aangewezen_op": geregistreerd,
                        "aangewezen_door_id": None,
                        "uitleg": {"bron": "demo --zaken"},
                        "beeindigd_op": None,
                        "einde_reden": None,
                        "einde_toelichting": None,
                    }
                )
                ids["zetel"] += 1
            tijdlijn = [("ontvangen", "Klacht ontvangen en geregistreerd", ontvangen)]
            tijdlijn.append(("panel", "Panel samengesteld", ontvangen))
            for i, stap in enumerate(stappen):
                tijdlijn.append(
                    ("status", f"Status: {stap}", ontvangen + timedelta(days=7 * (i + 1)))
                )
            for soort, omschrijving, dag in tijdlijn:
                rijen["gebeurtenis"].append(
                    {
                        "id": ids["gebeurtenis"],
                        "zaak_id": zid,
                        "op": _moment(dag, 11),
                        "datum": dag,
                        "door_id": None,
                        "door_naam": "demo",
                        "soort": soort,
                        "omschrijving": omschrijving,
                        "toelichting": None,
                        "gegevens": {},
                    }
                )
                ids["gebeurtenis"] += 1
        async with sm() as s:
            for tabel, sleutel in (
                (Zaak, "zaak"),
                (Partij, "partij"),
                (ZaakCategorie, "cat"),
                (Gedraging, "gedraging"),
                (Termijn, "termijn"),
                (Panelzetel, "zetel"),
                (Gebeurtenis, "gebeurtenis"),
            ):
                await s.execute(insert(tabel), rijen[sleutel])
            await _bewaar_tellers(s, tellers)
            await s.commit()
        if voortgang:
            voortgang(len(rijen["zaak"]))
    async with sm() as s:
        # The load overview's running totals, recounted once for the bulk-written seats.
        await herbereken(s)
        if s.bind.dialect.name == "postgresql":
            # Ids were assigned here: move the sequences past them.
            for tabel in ("zaak", "partij", "termijn", "panelzetel", "gebeurtenis"):
                await s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{tabel}', 'id'), "
                        f"(SELECT coalesce(max(id), 1) FROM {tabel}))"
                    )
                )
        await s.commit()
    await statistieken(omgeving.engine)
    return verslag


async def _bewaar_tellers(s: AsyncSession, tellers: dict[tuple[str, int], int]) -> None:
    bestaand = {(t.commissie_code, t.jaar): t for t in await s.scalars(select(ZaakTeller))}
    for (code, jaar), laatste in tellers.items():
        if (code, jaar) in bestaand:
            bestaand[(code, jaar)].laatste = laatste
        else:
            s.add(ZaakTeller(commissie_code=code, jaar=jaar, laatste=laatste))
    await s.flush()
