"""The hearing, advice and decision rows of one generated case (zitting, zittingwijziging,
adviesversie, document, besluit), for the Bouwer in massa_rijen.py. Pure: no I/O."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from commissie.cli.bulk import JsonTekst
from commissie.regios import Commissie
from commissie.tijd import AMSTERDAM

# Rows per table; the Bouwer's source of the next id of a table.
Rijen = dict[str, list[dict[str, Any]]]
NieuwId = Callable[[str], int]

GEEN_MAATREGELEN = JsonTekst(json.dumps({"maatregelen": []}))
OORDELEN = ("gegrond", "deels_gegrond", "ongegrond", "ongegrond")


@dataclass(frozen=True)
class Bestand:
    """The one stored advice document every generated document row points at."""

    sleutel: str
    sha256: str
    grootte: int


# Here rather than in massa_rijen.py, which imports this module and uses it too.
@cache
def moment(dag: date, uur: int = 10, minuut: int = 0) -> datetime:
    return datetime.combine(dag, time(uur, minuut), tzinfo=AMSTERDAM).astimezone(UTC)


def zitting(
    rijen: Rijen,
    nieuw_id: NieuwId,
    *,
    zid: int,
    c: Commissie,
    korps: str,
    beklaagden: list[tuple[int, str, str]],
    dag: date,
    vandaag: date,
    stappen: list[str],
) -> None:
    """The hearing as planned (held once its day has passed) and its first change row."""
    locatie = c.korpsen[korps].zittingslocaties[0]
    begin, einde = moment(dag, 10), moment(dag, 12)
    partijen = ["klager", *(f"beklaagde:{pid}" for pid, _, _ in beklaagden)]
    gehouden = dag < vandaag
    geplaatst = moment(dag - timedelta(days=11), 9)
    zitting_id = nieuw_id("zitting")
    domein = c.secretariaat_email.rpartition("@")[2]
    rijen["zitting"].append(
        {
            "id": zitting_id,
            "zaak_id": zid,
            "uid": f"zitting-gen{zitting_id}@{domein}",
            "volgnummer": 0,
            "begin": begin,
            "einde": einde,
            "locatie": locatie.naam,
            "locatie_adres": locatie.adres,
            "partijen": partijen,
            "status": "gehouden" if gehouden else "gepland",
            "gehoord": partijen if gehouden else [],
            "getuigen": [],
            "verslag": "Fictief hoorverslag." if gehouden else None,
            "naar_partijen_op": dag + timedelta(days=3)
            if "advies_uitgebracht" in stappen
            else None,
            "aangemaakt_op": geplaatst,
        }
    )
    rijen["zittingwijziging"].append(
        {
            "id": nieuw_id("zittingwijziging"),
            "zitting_id": zitting_id,
            "volgnummer": 0,
            "soort": "gepland",
            "begin": begin,
            "einde": einde,
            "locatie": locatie.naam,
            "op": geplaatst,
            "gegevens": {},
        }
    )


def advies(
    rijen: Rijen,
    nieuw_id: NieuwId,
    *,
    r: random.Random,
    bestand: Bestand,
    zid: int,
    nummer: str,
    ontvangen: date,
    beklaagden: list[tuple[int, str, str]],
    korpsen: list[str],
) -> None:
    """The fixed advice (one verdict per accused) and its document to each corps involved."""
    vastgesteld = moment(ontvangen + timedelta(days=40), 14)
    versie_id = nieuw_id("adviesversie")
    onderdelen = [
        {"beklaagde": pid, "oordeel": r.choice(OORDELEN), "motivering": ""}
        for pid, _, _ in beklaagden
    ]
    rijen["adviesversie"].append(
        {
            "id": versie_id,
            "zaak_id": zid,
            "versie": 1,
            "feiten": "Fictieve feiten.",
            "standpunten": "Fictieve standpunten.",
            "overwegingen": "Fictieve overwegingen.",
            "aanbevelingen": "",
            "onderdelen": {"onderdelen": onderdelen},
            "door_naam": "demo",
            "aangemaakt_op": vastgesteld - timedelta(days=2),
            "vastgesteld_op": vastgesteld,
            "vastgesteld_door": "demo",
        }
    )
    for k in korpsen:
        rijen["document"].append(
            {
                "id": nieuw_id("document"),
                "zaak_id": zid,
                "soort": "advies",
                "titel": f"Advies aan de korpsleiding ({k})",
                "versie": 1,
                "korps_code": k,
                "aan": f"korps:{k}",
                "formaat": "docx",
                "bestandsnaam": f"{nummer}-advies-{k}-v1.docx",
                "sleutel": bestand.sleutel,
                "sha256": bestand.sha256,
                "grootte": bestand.grootte,
                "adviesversie_id": versie_id,
                "aangemaakt_door": "demo",
                "aangemaakt_op": vastgesteld,
            }
        )


def besluiten(
    rijen: Rijen,
    nieuw_id: NieuwId,
    *,
    r: random.Random,
    zid: int,
    ontvangen: date,
    korpsen: list[str],
) -> None:
    """Each involved corps' decision: mostly following the advice, else with a motivation."""
    for k in korpsen:
        volgt = r.random() < 0.9
        rijen["besluit"].append(
            {
                "id": nieuw_id("besluit"),
                "zaak_id": zid,
                "korps_code": k,
                "volgt_advies": volgt,
                "motivering": "" if volgt else "Fictieve motivering van de afwijking.",
                "maatregelen": GEEN_MAATREGELEN,
                "besloten_op": ontvangen + timedelta(days=68),
                "dagen_te_laat": 0,
                "door_naam": "demo",
                "aangemaakt_op": moment(ontvangen + timedelta(days=68), 15),
            }
        )
