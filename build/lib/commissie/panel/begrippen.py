"""Panel vocabulary: who can sit, the case facts, the committee's rule, seats and the ledger.

Pure dataclasses and small functions; the composition itself is in regels.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from commissie.regios import Commissie

Rol = Literal["voorzitter", "lid"]
# How the chair's corps were chosen: the normal rule, the configured fallback, or last resort.
Voorzittersgrond = Literal["gewoon", "terugval", "noodgreep"]

NUL = Fraction(0)


@dataclass(frozen=True)
class Kandidaat:
    """A committee member as the panel rules see them."""

    id: int
    naam: str
    korps: str
    eenheid: str | None
    kan_voorzitten: bool
    volgorde: int  # fixed rotation order; ties go to the lowest volgorde, then id


@dataclass(frozen=True)
class Partij:
    rol: Literal["klager", "beklaagde"]
    naam: str
    korps: str
    eenheid: str | None = None


@dataclass(frozen=True)
class ZaakFeiten:
    klager_korps: str
    beklaagde_korpsen: frozenset[str]
    partijen: tuple[Partij, ...] = ()

    @property
    def betrokken(self) -> frozenset[str]:
        return self.beklaagde_korpsen | {self.klager_korps}


@dataclass(frozen=True)
class Regel:
    """The committee's panel rules (Panelinstellingen plus the corps and their koppen)."""

    korpsen: Mapping[str, int]  # corps code -> headcount (koppen), in configured order
    grootte: int = 3  # seats including the chair
    verdeling: Literal["naar_koppen", "per_lid"] = "naar_koppen"
    voorzitter_terugval: Literal["niet_beklaagde", "niet_klager"] = "niet_beklaagde"

    def __post_init__(self) -> None:
        if self.grootte < 1:
            raise ValueError("grootte moet minstens 1 zijn")
        if self.verdeling not in ("naar_koppen", "per_lid"):
            raise ValueError(f"onbekende verdeling {self.verdeling!r}")
        if self.voorzitter_terugval not in ("niet_beklaagde", "niet_klager"):
            raise ValueError(f"onbekende terugvalregel {self.voorzitter_terugval!r}")
        if any(k < 1 for k in self.korpsen.values()):
            raise ValueError("koppen moeten positief zijn")


def regel_voor(commissie: Commissie) -> Regel:
    """The Regel for a committee loaded from regios/*.toml."""
    p = commissie.panel
    return Regel(
        korpsen={code: k.koppen for code, k in commissie.korpsen.items()},
        grootte=p.grootte,
        verdeling=p.verdeling,
        voorzitter_terugval=p.voorzitter_terugval,
    )


@dataclass
class Grootboek:
    """Fair-share ledger; tegoed = seats a member should have had minus seats they had.

    Positive: the member is behind their fair share and goes first. The caller persists it.
    """

    zetels: dict[int, Fraction] = field(default_factory=dict)
    voorzitter: dict[int, Fraction] = field(default_factory=dict)

    def kopie(self) -> Grootboek:
        return Grootboek(zetels=dict(self.zetels), voorzitter=dict(self.voorzitter))


@dataclass(frozen=True)
class Zetel:
    rol: Rol
    lid_id: int
    uitleg: str = ""  # why this person was chosen, in Dutch, for the secretary


@dataclass(frozen=True)
class Overweging:
    """One member weighed for one seat: excluded with a reason, or considered (None)."""

    zetel: int  # index into Samenstelling.zetels
    lid_id: int
    naam: str
    korps: str
    uitgesloten: str | None
    tegoed: Fraction  # seat credit when the seat was filled (before the debit)
    voorzitterstegoed: Fraction | None = None  # chair seat only


@dataclass(frozen=True)
class Samenstelling:
    zetels: tuple[Zetel, ...]  # chair first, then fixed members, then new members
    grootboek: Grootboek  # a new object; the input ledger is never changed
    overwegingen: tuple[Overweging, ...]
    waarschuwingen: tuple[str, ...]


def getal(x: Fraction | float) -> str:
    """A credit with a Dutch decimal comma, as the secretary reads it."""
    tekst = f"{float(x):.2f}".replace(".", ",")
    return "0,00" if tekst == "-0,00" else tekst


def _norm(tekst: str | None) -> str:
    return " ".join((tekst or "").split()).casefold()


def gewichten(regel: Regel, leden: Iterable[Kandidaat]) -> dict[int, Fraction]:
    """Each member's fair share of one seat among `leden`; the shares add up to exactly 1."""
    per_korps: dict[str, list[int]] = {}
    for lid in leden:
        if lid.korps in regel.korpsen:
            per_korps.setdefault(lid.korps, []).append(lid.id)
    if not per_korps:
        return {}
    if regel.verdeling == "per_lid":
        n = sum(len(ids) for ids in per_korps.values())
        return {i: Fraction(1, n) for ids in per_korps.values() for i in ids}
    # Corps without available members drop out, so the shares still add up to one seat.
    totaal = sum(regel.korpsen[k] for k in per_korps)
    return {
        i: Fraction(regel.korpsen[k], totaal * len(ids))
        for k, ids in per_korps.items()
        for i in ids
    }
