"""Panel vocabulary: who can sit, the case facts, the committee's rule, seats and the ledger.

Pure dataclasses and small functions, and the chair rule (which corps may chair); the
composition itself is in regels.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from commissie.tijd import datum_nl

if TYPE_CHECKING:
    from commissie.regios import Commissie

Rol = Literal["voorzitter", "lid"]
# The rule that decided the chair: an uninvolved corps ("gewoon"), the committee's fallback
# because every corps is involved ("terugval"), or nobody the rule allows ("vacant").
Voorzittersgrond = Literal["gewoon", "terugval", "vacant", "handmatig"]

NUL = Fraction(0)
VUL_AAN = (
    "Vul de zetel aan zodra een voorzitter beschikbaar is, of wijs er met een reden handmatig "
    "een aan."
)


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

    zetel: int  # index into Samenstelling.zetels; -1 for a vacant seat (Vacature)
    lid_id: int
    naam: str
    korps: str
    uitgesloten: str | None
    tegoed: Fraction  # seat credit when the seat was filled (before the debit)
    voorzitterstegoed: Fraction | None = None  # chair seat only


@dataclass(frozen=True)
class Vacature:
    """A seat the rules left open: nobody the rule allows is available. It waits until the
    secretary fills it (someone is back, or a manual choice with a reason)."""

    rol: Rol
    waarschuwing: str  # Dutch, for the secretary: the rule, the corps, who is back when
    overwegingen: tuple[Overweging, ...]  # everyone weighed, each with why not (zetel -1)


@dataclass(frozen=True)
class Samenstelling:
    zetels: tuple[Zetel, ...]  # chair first (unless vacant), then fixed members, then new ones
    grootboek: Grootboek  # a new object; the input ledger is never changed
    overwegingen: tuple[Overweging, ...]
    waarschuwingen: tuple[str, ...]
    # The rule that applied to the chair seat this time; None when the chair was in `vast`.
    voorzittersgrond: Voorzittersgrond | None = None
    vacatures: tuple[Vacature, ...] = ()


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


# --- the chair rule ---------------------------------------------------------------------------


def _rollen(zaak: ZaakFeiten, korps: str) -> str:
    rollen = []
    if korps == zaak.klager_korps:
        rollen.append("klager")
    if korps in zaak.beklaagde_korpsen:
        rollen.append("beklaagde")
    return " en ".join(rollen)


def voorzitterskorpsen(
    regel: Regel, zaak: ZaakFeiten, korpsen_met_voorzitter: Iterable[str]
) -> tuple[frozenset[str], Voorzittersgrond, str]:
    """Corps the chair may come from, the rule that decided it, and that rule as a Dutch phrase.

    The chair comes from a corps not involved in the case. Only when every corps of the
    committee is involved does the committee's fallback rule apply. When the applicable rule
    leaves no corps with an eligible chair, the answer is "vacant" with no corps: the seat
    waits, it is never filled from an involved corps without a person deciding so.
    `korpsen_met_voorzitter`: corps with at least one eligible chair for this case.
    """
    beschikbaar = set(korpsen_met_voorzitter) & set(regel.korpsen)
    betrokken = zaak.betrokken
    vrij = [k for k in regel.korpsen if k not in betrokken]
    if vrij:
        toegestaan = frozenset(k for k in vrij if k in beschikbaar)
        if toegestaan:
            namen = ", ".join(k for k in regel.korpsen if k in betrokken)
            return toegestaan, "gewoon", f"niet bij de zaak betrokken korps (betrokken: {namen})"
        return (
            frozenset(),
            "vacant",
            f"geen beschikbare voorzitter in de niet-betrokken korpsen ({', '.join(vrij)})",
        )
    verboden = _verboden_bij_terugval(regel, zaak)
    regeltekst = _terugvaltekst(regel)
    codes = ", ".join(k for k in regel.korpsen if k in verboden) or "-"
    toegestaan = frozenset(k for k in regel.korpsen if k not in verboden and k in beschikbaar)
    if toegestaan:
        return (
            toegestaan,
            "terugval",
            f"alle korpsen zijn bij de zaak betrokken; terugvalregel: {regeltekst} ({codes})",
        )
    return (
        frozenset(),
        "vacant",
        f"alle korpsen zijn bij de zaak betrokken en de terugvalregel ({regeltekst}: {codes}) "
        "laat geen beschikbare voorzitter over",
    )


def _verboden_bij_terugval(regel: Regel, zaak: ZaakFeiten) -> frozenset[str]:
    if regel.voorzitter_terugval == "niet_beklaagde":
        return zaak.beklaagde_korpsen
    return frozenset({zaak.klager_korps})


def _terugvaltekst(regel: Regel) -> str:
    wie = "beklaagde" if regel.voorzitter_terugval == "niet_beklaagde" else "klager"
    return f"voorzitter niet uit het korps van de {wie}"


def _regelkorpsen(regel: Regel, zaak: ZaakFeiten) -> frozenset[str]:
    """Corps the applicable chair rule allows, whoever is available."""
    vrij = frozenset(k for k in regel.korpsen if k not in zaak.betrokken)
    if vrij:
        return vrij
    verboden = _verboden_bij_terugval(regel, zaak)
    return frozenset(k for k in regel.korpsen if k not in verboden)


def vacaturetekst(
    reden: str,
    terug: Sequence[tuple[date, Kandidaat]] = (),
) -> str:
    """The warning for a vacant chair: the rule, and who is available again from when."""
    tekst = f"Voorzitterszetel vacant: {reden}."
    if terug:
        tekst += (
            " "
            + "; ".join(
                f"{k.naam} ({k.korps}) is weer beschikbaar vanaf {datum_nl(d)}" for d, k in terug
            )
            + "."
        )
    return f"{tekst} {VUL_AAN}"
