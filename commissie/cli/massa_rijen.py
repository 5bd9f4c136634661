"""The rows of one generated case, as the services would have left them after its steps:
parties, deadlines, panel, timeline, wederhoor, hearing, advice with its documents, decisions
(these three built in massa_zitting.py) and the evaluation. Pure: no I/O; ids are handed out
here (the writer bypasses the ORM)."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from commissie.atw import Kalender
from commissie.cli.bulk import JsonTekst
from commissie.cli.massa_zitting import Bestand, advies, besluiten, moment, zitting
from commissie.leden.models import Lid
from commissie.regios import Commissie
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
TABELLEN = (
    "zaak", "partij", "zaak_categorie", "gedraging", "termijn", "panelzetel", "gebeurtenis",
    "wederhoor", "zitting", "zittingwijziging", "adviesversie", "document", "besluit",
    "evaluatie",
)  # fmt: skip
PAD = ("ontvankelijk", "verweer", "zitting", "advies_uitgebracht", "besluit_genomen", "afgesloten")
GRENZEN = (7, 14, 35, 42, 70, 120)
GESLOTEN = frozenset({"afgesloten", "ingetrokken", "opgelost"})
CATEGORIEEN = tuple(c.value for c in Categorie)
UITLEG = JsonTekst(json.dumps({"bron": "demo --zaken"}))


def status_na(leeftijd: int, r: random.Random) -> tuple[str, list[str]]:
    """Status after `leeftijd` days and the steps that led there (a realistic timeline)."""
    if leeftijd > 14 and r.random() < 0.08:
        return (uitgang := r.choice(["ingetrokken", "opgelost"])), ["ontvankelijk", uitgang]
    if leeftijd > 7 and r.random() < 0.07:
        return "afgesloten", ["niet_ontvankelijk", "afgesloten"]
    stappen = [s for s, g in zip(PAD, GRENZEN, strict=True) if leeftijd >= g]
    return (stappen[-1] if stappen else "ontvangen"), stappen


@cache
def _sleutels(naam: str) -> tuple[str, str]:
    return naam_sleutel(naam), achternaam_sleutel(naam)


def _werkdag(dag: date) -> date:
    while dag.isoweekday() > 5:
        dag += timedelta(days=1)
    return dag


@dataclass
class Bouwer:
    """Builds the rows of one case after another; `rijen` is emptied by the writer."""

    r: random.Random
    vandaag: date
    kalender: Kalender
    leden: dict[str, list[Lid]]
    bestand: Bestand
    ids: dict[str, int]
    tellers: dict[tuple[str, int], int]
    rijen: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: {t: [] for t in TABELLEN}
    )
    beurt: dict[str, int] = field(default_factory=dict)
    _termijnen: dict[tuple[Any, date], list[Any]] = field(default_factory=dict)

    def _id(self, tabel: str) -> int:
        waarde = self.ids[tabel]
        self.ids[tabel] = waarde + 1
        return waarde

    def _plan(self, c: Commissie, ontvangen: date) -> list[Any]:
        # The same date and deadline rules give the same deadlines: compute them once.
        sleutel = (c.termijnen, ontvangen)
        if sleutel not in self._termijnen:
            self._termijnen[sleutel] = bereken_termijnen(ontvangen, c.termijnen, self.kalender)
        return self._termijnen[sleutel]

    def zaak(self, ontvangen: date, c: Commissie) -> None:
        r, rijen = self.r, self.rijen
        zid = self._id("zaak")
        volgnummer = self.tellers.get((c.code, ontvangen.year), 0) + 1
        self.tellers[(c.code, ontvangen.year)] = volgnummer
        nummer = f"{c.code}-{ontvangen.year}-{volgnummer:04d}"
        korpsen = list(c.korpsen)
        korps = r.choices(korpsen, [c.korpsen[k].meldingen_2jr + 1 for k in korpsen])[0]
        status, stappen = status_na((self.vandaag - ontvangen).days, r)
        geregistreerd = moment(ontvangen, 10)
        bevestigd = ontvangen + timedelta(days=3) if stappen or r.random() < 0.5 else None
        zitting_dag = _werkdag(ontvangen + timedelta(days=35)) if "zitting" in stappen else None
        rijen["zaak"].append(
            {
                "id": zid,
                "nummer": nummer,
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
                "zitting_op": zitting_dag,
                "strafonderzoek_lopend": False,
                "gewijzigd_op": geregistreerd,
            }
        )
        # Parties: the complainant, one accused (one in ten: two), in the same corps mostly.
        beklaagden: list[tuple[int, str, str]] = []
        for _ in range(2 if r.random() < 0.1 else 1):
            bk = korps if r.random() < 0.8 else r.choice(korpsen)
            if r.random() < 0.03:
                naam, bk = VETERANEN[r.randrange(len(VETERANEN))], korpsen[0]
            else:
                naam = f"{r.choice(VOORLETTERS)}. {r.choice(ACHTERNAMEN)}"
            beklaagden.append((0, naam, bk))
        partijen = [("klager", f"{r.choice(VOORLETTERS)}. {r.choice(ACHTERNAMEN)}", korps)]
        partijen += [("beklaagde", n, k) for _, n, k in beklaagden]
        beklaagden = []
        for rol, naam, k in partijen:
            pid = self._id("partij")
            sleutel, achternaam = _sleutels(naam)
            rijen["partij"].append(
                {
                    "id": pid,
                    "zaak_id": zid,
                    "rol": rol,
                    "naam": naam,
                    "naam_sleutel": sleutel,
                    "achternaam_sleutel": achternaam,
                    "korps_code": k,
                }
            )
            if rol == "beklaagde":
                beklaagden.append((pid, naam, k))
        for cat in r.sample(CATEGORIEEN, r.choice((1, 1, 2))):
            rijen["zaak_categorie"].append({"zaak_id": zid, "categorie": cat})
        for d in sorted({ontvangen - timedelta(days=r.randrange(1, 200)) for _ in range(2)}):
            rijen["gedraging"].append({"zaak_id": zid, "datum": d})
        self._termijnen_van(zid, c, ontvangen, status, stappen, bevestigd)
        self._panel(zid, c, korps, beklaagden, geregistreerd)
        tijdlijn = [
            ("ontvangen", "Klacht ontvangen en geregistreerd", ontvangen),
            ("panel", "Panel samengesteld", ontvangen),
        ]
        tijdlijn += [
            ("status", f"Status: {stap}", ontvangen + timedelta(days=7 * (i + 1)))
            for i, stap in enumerate(stappen)
        ]
        if "verweer" in stappen:
            gehoord = "zitting" in stappen
            rijen["wederhoor"].append(
                {
                    "zaak_id": zid,
                    "afschrift_beklaagde_op": ontvangen + timedelta(days=8),
                    "verweer_ontvangen_op": ontvangen + timedelta(days=20) if gehoord else None,
                    "stukken_gedeeld_op": ontvangen + timedelta(days=22) if gehoord else None,
                }
            )
        if zitting_dag is not None:
            zitting(
                rijen,
                self._id,
                zid=zid,
                c=c,
                korps=korps,
                beklaagden=beklaagden,
                dag=zitting_dag,
                vandaag=self.vandaag,
                stappen=stappen,
            )
            tijdlijn.append(("zitting", "Zitting gepland", ontvangen + timedelta(days=24)))
        korpsen_bk = sorted({k for _, _, k in beklaagden})
        if "advies_uitgebracht" in stappen:
            advies(
                rijen,
                self._id,
                r=r,
                bestand=self.bestand,
                zid=zid,
                nummer=nummer,
                ontvangen=ontvangen,
                beklaagden=beklaagden,
                korpsen=korpsen_bk,
            )
            tijdlijn.append(("advies", "Advies vastgesteld", ontvangen + timedelta(days=40)))
        if "besluit_genomen" in stappen:
            besluiten(rijen, self._id, r=r, zid=zid, ontvangen=ontvangen, korpsen=korpsen_bk)
            if status == "afgesloten":
                rijen["evaluatie"].append(
                    {
                        "zaak_id": zid,
                        "afhandeling": "Fictieve evaluatie.",
                        "maatregelen": "",
                        "ervaring_uitkomst": "Neutraal.",
                        "ervaring_procedure": "Neutraal.",
                        "vervolg_nodig": False,
                        "vervolg": "",
                        "advies_gevolgd": True,
                        "doorlooptijd_dagen": 119,
                        "door_naam": "demo",
                        "op": moment(ontvangen + timedelta(days=119), 11),
                    }
                )
        for soort, omschrijving, dag in tijdlijn:
            rijen["gebeurtenis"].append(
                {
                    "id": self._id("gebeurtenis"),
                    "zaak_id": zid,
                    "op": moment(dag, 11),
                    "datum": dag,
                    "door_naam": "demo",
                    "soort": soort,
                    "omschrijving": omschrijving,
                    "gegevens": {},
                }
            )

    def _termijnen_van(
        self,
        zid: int,
        c: Commissie,
        ontvangen: date,
        status: str,
        stappen: list[str],
        bevestigd: date | None,
    ) -> None:
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
        gesloten = status in GESLOTEN
        for t in self._plan(c, ontvangen):
            klaar = voldaan[t.soort]
            self.rijen["termijn"].append(
                {
                    "id": self._id("termijn"),
                    "zaak_id": zid,
                    "commissie_code": c.code,
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

    def _panel(
        self,
        zid: int,
        c: Commissie,
        korps: str,
        beklaagden: list[tuple[int, str, str]],
        geregistreerd: datetime,
    ) -> None:
        # A chair from a corps not involved, the other seats in turn.
        betrokken = {korps, *(k for _, _, k in beklaagden)}
        alle = self.leden[c.code]
        stoel = [lid for lid in alle if lid.kan_voorzitten and lid.korps_code not in betrokken]
        stoel = stoel or [lid for lid in alle if lid.kan_voorzitten]
        beurt = self.beurt.get(c.code, 0)
        voorzitter = stoel[(beurt + zid) % len(stoel)]
        overigen = [lid for lid in alle if lid.id != voorzitter.id]
        beurt += c.panel.grootte - 1
        self.beurt[c.code] = beurt
        gekozen = [overigen[(beurt + i) % len(overigen)] for i in range(c.panel.grootte - 1)]
        for rol, lid in [("voorzitter", voorzitter)] + [("lid", x) for x in gekozen]:
            self.rijen["panelzetel"].append(
                {
                    "id": self._id("panelzetel"),
                    "zaak_id": zid,
                    "lid_id": lid.id,
                    "rol": rol,
                    "actief": True,
                    "aangewezen_op": geregistreerd,
                    "uitleg": UITLEG,
                }
            )
