"""Awb 9:8 signals: grounds on which the committee MAY decide not to handle a complaint.

They are flags for the committee to weigh, never automatic verdicts. Pure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta

Overeenkomst = Literal["zelfde", "mogelijk"]

# Signals that point at another case: only the secretary may see which one.
ZAAKVERWIJZENDE_SIGNALEN = frozenset({"eerder_behandeld", "lopende_klacht"})


@dataclass(frozen=True)
class EerdereZaak:
    nummer: str
    ontvangen_op: date
    behandeld: bool  # reached advice or decision, i.e. handled under this division
    gedragingsdata: tuple[date, ...]
    # How the accused matched: the same written name, or a possible match (naam_overeenkomst).
    beklaagde: Overeenkomst = "zelfde"


@dataclass(frozen=True)
class Strafonderzoek:
    lopend: bool
    sinds: date | None = None
    kenmerk: str | None = None


@dataclass(frozen=True)
class Signaal:
    code: str
    grondslag: str
    omschrijving: str
    feiten: dict[str, object] = field(default_factory=dict)


def signalen_9_8(
    *,
    ontvangen_op: date,
    gedragingsdata: tuple[date, ...],
    strafonderzoek: Strafonderzoek | None,
    eerdere_zaken: tuple[EerdereZaak, ...] = (),
) -> list[Signaal]:
    uit: list[Signaal] = []
    grens = ontvangen_op - relativedelta(years=1)
    oud = sorted(d for d in gedragingsdata if d < grens)
    if oud:
        alle = len(oud) == len(gedragingsdata)
        uit.append(
            Signaal(
                code="gedraging_ouder_dan_jaar",
                grondslag="Awb 9:8 lid 1 sub b",
                omschrijving=(
                    "De gedraging vond langer dan een jaar vóór de klacht plaats"
                    if alle
                    else "Een deel van de gedragingen vond langer dan een jaar vóór de klacht plaats"
                ),
                feiten={
                    "ontvangen_op": ontvangen_op.isoformat(),
                    "grens": grens.isoformat(),
                    "gedragingen_voor_grens": [d.isoformat() for d in oud],
                    "alle_gedragingen": alle,
                },
            )
        )
    eigen = set(gedragingsdata)
    for eerder in eerdere_zaken:
        gedeeld = sorted(eigen.intersection(eerder.gedragingsdata))
        if not gedeeld:
            continue
        feiten_eerder: dict[str, object] = {
            "zaak": eerder.nummer,
            "ontvangen_op": eerder.ontvangen_op.isoformat(),
            "gedeelde_gedragingsdata": [d.isoformat() for d in gedeeld],
        }
        achtervoegsel = ""
        if eerder.beklaagde == "mogelijk":
            achtervoegsel = ", mogelijk dezelfde beklaagde"
            feiten_eerder["beklaagde"] = "mogelijk dezelfde beklaagde"
        if eerder.behandeld:
            uit.append(
                Signaal(
                    code="eerder_behandeld",
                    grondslag="Awb 9:8 lid 1 sub a",
                    omschrijving=(
                        f"Over dezelfde gedraging is al een klacht behandeld ({eerder.nummer})"
                        + achtervoegsel
                    ),
                    feiten=feiten_eerder,
                )
            )
        else:
            # Sub a covers complaints already handled; a running one is no 9:8 ground, but
            # the committee must know of the overlap.
            uit.append(
                Signaal(
                    code="lopende_klacht",
                    grondslag="geen grond in Awb 9:8; samenloop met een lopende klacht",
                    omschrijving=(
                        f"Over dezelfde gedraging loopt al een klacht ({eerder.nummer})"
                        + achtervoegsel
                    ),
                    feiten=feiten_eerder,
                )
            )
    if strafonderzoek and strafonderzoek.lopend:
        feiten: dict[str, object] = {}
        if strafonderzoek.sinds:
            feiten["sinds"] = strafonderzoek.sinds.isoformat()
        if strafonderzoek.kenmerk:
            feiten["kenmerk"] = strafonderzoek.kenmerk
        uit.append(
            Signaal(
                code="strafrechtelijk_onderzoek",
                grondslag="Awb 9:8 lid 1 sub f",
                omschrijving="Naar dezelfde feiten loopt een strafrechtelijk onderzoek",
                feiten=feiten,
            )
        )
    return uit


# --- names of the accused -------------------------------------------------------------------

# Dutch surname prefixes (voorvoegsels), plus the common foreign ones in Dutch registers.
# Single letters ("t", "s") are left out: they would swallow initials.
TUSSENVOEGSELS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "'s", "ter", "ten", "te", "in", "op", "aan",
        "bij", "uit", "onder", "over", "voor", "tot", "la", "le", "les", "l'", "d'", "du",
        "da", "di", "dos", "von", "zu", "vom", "zum", "zur",
    }
)  # fmt: skip


@dataclass(frozen=True)
class _Naam:
    voornamen: tuple[tuple[str, bool], ...]  # (word, abbreviated)
    achternaam: tuple[str, ...]  # words incl. tussenvoegsels, hyphenated parts split


def _tokens(tekst: str) -> list[tuple[str, bool]]:
    uit = []
    for ruw in tekst.split():
        woord = ruw.strip(".,;:-")
        if woord:
            uit.append((woord, ruw.endswith(".") or len(woord) == 1))
    return uit


def _is_tussen(token: tuple[str, bool]) -> bool:
    return not token[1] and token[0] in TUSSENVOEGSELS


def _woorden(tokens: list[tuple[str, bool]]) -> tuple[str, ...]:
    return tuple(deel for woord, _ in tokens for deel in woord.split("-") if deel)


def _ontleed(naam: str) -> _Naam | None:
    """Given names and surname of a name as a secretary types it; None when it is empty."""
    tekst = unicodedata.normalize("NFKD", naam)
    tekst = "".join(c for c in tekst if not unicodedata.combining(c)).casefold()
    tekst = tekst.replace("\u2019", "'").replace("`", "'").replace(".", ". ")
    tekst = re.sub(r"\s*-\s*", "-", tekst)
    links, komma, rechts = tekst.partition(",")
    if komma and _tokens(links) and _tokens(rechts):
        # "Berg, J. van der" or "van der Berg, Jan": surname first.
        achter, voor = _tokens(links), _tokens(rechts.replace(",", " "))
        while voor and _is_tussen(voor[-1]):
            achter.insert(0, voor.pop())
        return _Naam(tuple(voor), _woorden(achter))
    tokens = _tokens(tekst.replace(",", " "))
    if not tokens:
        return None
    # "Beklaagde T.": initials written after the surname go in front.
    staart = len(tokens)
    while staart > 0 and tokens[staart - 1][1]:
        staart -= 1
    if 0 < staart < len(tokens):
        tokens = tokens[staart:] + tokens[:staart]
    begin = len(tokens) - 1
    while begin > 0:
        vorig = tokens[begin - 1]
        gelijmd = not vorig[1] and "-" in vorig[0] and vorig[0].rsplit("-", 1)[1] in TUSSENVOEGSELS
        if not (_is_tussen(vorig) or gelijmd):
            break
        begin -= 1
    return _Naam(tuple(tokens[:begin]), _woorden(tokens[begin:]))


def _kern(achternaam: tuple[str, ...]) -> str:
    return "-".join(w for w in achternaam if w not in TUSSENVOEGSELS) or "-".join(achternaam)


def achternaam_sleutel(naam: str) -> str:
    """Lookup key for possible matches: the surname casefolded, without accents,
    tussenvoegsels and initials ("J. van der Berg" -> "berg"). Every pair of names that
    naam_overeenkomst matches has the same key; "" for an empty name."""
    ontleed = _ontleed(naam)
    # Casefolding can lengthen a name; the key must fit its column (200).
    return _kern(ontleed.achternaam)[:200] if ontleed else ""


def _passen(a: tuple[tuple[str, bool], ...], b: tuple[tuple[str, bool], ...]) -> bool:
    """Given names fit when each pair agrees: equal, or an initial that starts the other."""
    for (x, x_kort), (y, y_kort) in zip(a, b, strict=False):
        if x_kort or y_kort:
            if not (x.startswith(y) or y.startswith(x)):
                return False
        elif x != y:
            return False
    return True


def naam_overeenkomst(a: str, b: str) -> Overeenkomst | None:
    """Whether two written names may be the same person.

    "zelfde": the same name once case, spacing, accents, dots and word order ("Berg, J. van
    der") are set aside. "mogelijk": the same surname including tussenvoegsels, and given names
    or initials that fit ("T. Beklaagde" and "Test Beklaagde"). None otherwise.
    """
    x, y = _ontleed(a), _ontleed(b)
    if x is None or y is None or x.achternaam != y.achternaam:
        return None
    if [w for w, _ in x.voornamen] == [w for w, _ in y.voornamen]:
        return "zelfde"
    return "mogelijk" if _passen(x.voornamen, y.voornamen) else None
