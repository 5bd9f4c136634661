"""Rules for advice and decision. Pure: no I/O, no ORM."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Oordeel(StrEnum):
    GEGROND = "gegrond"
    DEELS_GEGROND = "deels_gegrond"
    ONGEGROND = "ongegrond"
    NIET_ONTVANKELIJK = "niet_ontvankelijk"


OORDEEL_TEKST = {
    Oordeel.GEGROND: "gegrond",
    Oordeel.DEELS_GEGROND: "deels gegrond",
    Oordeel.ONGEGROND: "ongegrond",
    Oordeel.NIET_ONTVANKELIJK: "niet-ontvankelijk",
}


class Maatregel(StrEnum):
    GEEN = "geen"
    WAARSCHUWING = "waarschuwing"
    OVERPLAATSING = "overplaatsing"
    ORDEMAATREGEL = "ordemaatregel"
    DISCIPLINAIRE_MAATREGEL = "disciplinaire_maatregel"


MAATREGEL_TEKST = {
    Maatregel.GEEN: "geen maatregel",
    Maatregel.WAARSCHUWING: "waarschuwing",
    Maatregel.OVERPLAATSING: "overplaatsing",
    Maatregel.ORDEMAATREGEL: "ordemaatregel",
    Maatregel.DISCIPLINAIRE_MAATREGEL: "disciplinaire maatregel",
}


@dataclass(frozen=True)
class Onderdeel:
    beklaagde: int
    oordeel: Oordeel
    motivering: str


def ontbrekende_oordelen(
    beklaagden: Mapping[int, str], onderdelen: Iterable[Onderdeel]
) -> list[str]:
    """Sentences naming every accused (id -> name) without a conclusion in the advice."""
    met = {o.beklaagde for o in onderdelen}
    return [
        f"Er is geen oordeel over beklaagde {naam} (id {bid})."
        for bid, naam in sorted(beklaagden.items())
        if bid not in met
    ]


def onbekende_beklaagden(beklaagden: Iterable[int], onderdelen: Iterable[Onderdeel]) -> list[int]:
    bekend = set(beklaagden)
    return sorted({o.beklaagde for o in onderdelen} - bekend)


def dubbele_beklaagden(onderdelen: Sequence[Onderdeel]) -> list[int]:
    ids = [o.beklaagde for o in onderdelen]
    return sorted({i for i in ids if ids.count(i) > 1})


def per_korps(
    onderdelen: Iterable[Onderdeel], korps_van: Mapping[int, str]
) -> dict[str, list[Onderdeel]]:
    """The parts of the advice per corps of the accused (Awb 9:15: each leadership gets only
    its own accused). Corps in sorted order, parts in their given order."""
    uit: dict[str, list[Onderdeel]] = {}
    for o in onderdelen:
        uit.setdefault(korps_van[o.beklaagde], []).append(o)
    return {k: uit[k] for k in sorted(uit)}


def alinea_s(tekst: str) -> list[str]:
    """Free text as paragraphs: split on blank lines, inner line breaks become spaces."""
    blokken = []
    for blok in tekst.replace("\r\n", "\n").split("\n\n"):
        regel = " ".join(r.strip() for r in blok.split("\n") if r.strip())
        if regel:
            blokken.append(regel)
    return blokken


def alle_korpsen_besloten(betrokken: Iterable[str], besloten: Iterable[str]) -> bool:
    korpsen = set(betrokken)
    return bool(korpsen) and korpsen <= set(besloten)
