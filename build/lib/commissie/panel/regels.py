"""Panel composition: a chair from another corps, members spread over the corps, fair load.

Pure: frozen dataclasses in, dataclasses out. No I/O, no ORM, no clock, no randomness; the
same input always gives the same panel. Credits are exact fractions, so ties are real ties and
the fixed rotation order (volgorde, then id) decides them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType

from commissie.fouten import Conflict
from commissie.panel.begrippen import (
    NUL,
    Grootboek,
    Kandidaat,
    Overweging,
    Partij,
    Regel,
    Rol,
    Samenstelling,
    Voorzittersgrond,
    ZaakFeiten,
    Zetel,
    _norm,
    getal,
    gewichten,
    regel_voor,
)

__all__ = [
    "NUL",
    "Grootboek",
    "Kandidaat",
    "Overweging",
    "Partij",
    "Regel",
    "Rol",
    "Samenstelling",
    "Voorzittersgrond",
    "ZaakFeiten",
    "Zetel",
    "getal",
    "gewichten",
    "regel_voor",
    "stel_panel_samen",
    "voorzitterskorpsen",
]

_LEEG: Mapping[int, str] = MappingProxyType({})


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
    """Corps the chair may come from, on what ground, and that ground as a Dutch phrase.

    `korpsen_met_voorzitter`: corps with at least one eligible chair for this case.
    """
    beschikbaar = set(korpsen_met_voorzitter) & set(regel.korpsen)
    betrokken = zaak.betrokken
    vrij = [k for k in regel.korpsen if k not in betrokken]
    toegestaan = frozenset(k for k in vrij if k in beschikbaar)
    if toegestaan:
        namen = ", ".join(k for k in regel.korpsen if k in betrokken)
        return toegestaan, "gewoon", f"niet bij de zaak betrokken korps (betrokken: {namen})"
    if vrij:
        aanleiding = f"geen beschikbare voorzitter in de niet-betrokken korpsen ({', '.join(vrij)})"
    else:
        aanleiding = "alle korpsen zijn bij de zaak betrokken"
    if regel.voorzitter_terugval == "niet_beklaagde":
        verboden, wie = zaak.beklaagde_korpsen, "beklaagde"
    else:
        verboden, wie = frozenset({zaak.klager_korps}), "klager"
    regeltekst = f"voorzitter niet uit het korps van de {wie}"
    toegestaan = frozenset(k for k in regel.korpsen if k not in verboden and k in beschikbaar)
    codes = ", ".join(k for k in regel.korpsen if k in verboden) or "-"
    if toegestaan:
        return toegestaan, "terugval", f"{aanleiding}; terugvalregel: {regeltekst} ({codes})"
    return (
        frozenset(beschikbaar),
        "noodgreep",
        f"{aanleiding} en ook de terugvalregel ({regeltekst}) laat geen beschikbare voorzitter "
        "over; noodgreep: voorzitter uit een betrokken korps",
    )


def partijbanden(lid: Kandidaat, zaak: ZaakFeiten) -> list[str]:
    """Why a member is too close to the case: a party, or in the same unit as one."""
    uit = []
    for p in zaak.partijen:
        if p.korps != lid.korps:
            continue
        if _norm(p.naam) == _norm(lid.naam):
            uit.append(f"is zelf partij ({p.rol})")
        elif _norm(lid.eenheid) and _norm(lid.eenheid) == _norm(p.eenheid):
            uit.append(f"werkt in dezelfde eenheid ({lid.eenheid}) als {p.rol} {p.naam}")
    return uit


def _uitsluitingen(
    leden: Sequence[Kandidaat],
    regel: Regel,
    zaak: ZaakFeiten,
    afwezig: frozenset[int],
    conflicten: Mapping[int, str],
    uitgesloten_extra: Mapping[int, str],
    vervallen: Sequence[Zetel],
    vervallen_uitsluiten: bool,
) -> dict[int, str]:
    """Case-wide reasons a member can take no seat at all, joined when there are several."""
    vervangen = {z.lid_id for z in vervallen} if vervallen_uitsluiten else set()
    redenen: dict[int, str] = {}
    for lid in leden:
        r: list[str] = []
        if lid.korps not in regel.korpsen:
            r.append(f"korps {lid.korps} hoort niet bij deze commissie")
        if lid.id in afwezig:
            r.append("afwezig")
        if lid.id in conflicten:
            r.append(f"belangenconflict gemeld: {conflicten[lid.id]}")
        if lid.id in uitgesloten_extra:
            r.append(uitgesloten_extra[lid.id])
        elif lid.id in vervangen:
            r.append("vervangen in dit panel")
        r += partijbanden(lid, zaak)
        if r:
            redenen[lid.id] = "; ".join(dict.fromkeys(r))
    return redenen


def _keuze(pool: Sequence[Kandidaat], boek: Grootboek, voorzitter: bool) -> str:
    """Why pool[0] won (the pool is already sorted best first)."""
    if len(pool) == 1:
        return "enige beschikbare kandidaat"
    a, b = pool[0], pool[1]
    za, zb = boek.zetels.get(a.id, NUL), boek.zetels.get(b.id, NUL)
    if voorzitter:
        va, vb = boek.voorzitter.get(a.id, NUL), boek.voorzitter.get(b.id, NUL)
        tekst = (
            "grootste achterstand op eerlijk aandeel voorzitterschappen "
            f"(voorzitterstegoed {getal(va)}; zetel-tegoed {getal(za)})"
        )
        if va == vb and za > zb:
            return (
                f"{tekst}; gelijk voorzitterstegoed met {b.naam}, "
                "het hogere zetel-tegoed gaf de doorslag"
            )
        gelijk = va == vb and za == zb
    else:
        tekst = f"grootste achterstand op eerlijk aandeel (tegoed {getal(za)})"
        gelijk = za == zb
    if gelijk:
        tekst += f"; gelijk tegoed met {b.naam}, de vaste volgorde gaf de doorslag"
    return tekst


def _bijschrijven(boek: dict[int, Fraction], gewicht: Mapping[int, Fraction]) -> None:
    for i, w in gewicht.items():
        boek[i] = boek.get(i, NUL) + w


def stel_panel_samen(
    *,
    regel: Regel,
    kandidaten: Sequence[Kandidaat],
    zaak: ZaakFeiten,
    afwezig: frozenset[int] = frozenset(),
    conflicten: Mapping[int, str] = _LEEG,
    grootboek: Grootboek,
    vast: Sequence[Zetel] = (),
    uitgesloten_extra: Mapping[int, str] = _LEEG,
    vervallen: Sequence[Zetel] = (),
    vervallen_uitsluiten: bool = True,
) -> Samenstelling:
    """Fill the panel's open seats: the chair if `vast` has none, then members up to grootte.

    `vast`: seats that stay (replacement after verschoning, wraking or illness).
    `vervallen`: the seats being replaced. Their holders get their debit back and are excluded
    (reason from `uitgesloten_extra`, else "vervangen"); their refill credits nobody again, so
    the ledger follows the work actually done. With `vervallen_uitsluiten=False` (recomposing
    the whole panel) their holders may be chosen again. Raises Conflict if a seat cannot be
    filled.
    """
    leden = sorted(kandidaten, key=lambda k: (k.volgorde, k.id))
    per_id = {k.id: k for k in leden}
    if len(per_id) != len(leden):
        raise ValueError("kandidaten bevatten een id meer dan eens")
    if len({z.lid_id for z in vast}) != len(vast) or sum(z.rol == "voorzitter" for z in vast) > 1:
        raise ValueError("vast bevat een lid dubbel of meer dan een voorzitter")

    boek = grootboek.kopie()
    for z in vervallen:
        boek.zetels[z.lid_id] = boek.zetels.get(z.lid_id, NUL) + 1
        if z.rol == "voorzitter":
            boek.voorzitter[z.lid_id] = boek.voorzitter.get(z.lid_id, NUL) + 1
    # Refills of lapsed seats: their fair-share credit went out when they were first filled.
    herbezet_vz = any(z.rol == "voorzitter" for z in vervallen)
    herbezet_leden = sum(z.rol == "lid" for z in vervallen)

    redenen = _uitsluitingen(
        leden, regel, zaak, afwezig, conflicten, uitgesloten_extra, vervallen, vervallen_uitsluiten
    )
    beschikbaar = [k for k in leden if k.id not in afwezig and k.korps in regel.korpsen]
    zetelgewicht = gewichten(regel, beschikbaar)
    vz_vast = [z for z in vast if z.rol == "voorzitter"]
    zetels: list[Zetel] = vz_vast + [z for z in vast if z.rol != "voorzitter"]
    bezet = {z.lid_id: z.rol for z in vast}
    overwegingen: list[Overweging] = []
    waarschuwingen: list[str] = []

    def weeg(
        index: int, eigen: Mapping[int, str], met_vz: bool = False, behalve: int | None = None
    ) -> None:
        for k in leden:
            zit = k.id in bezet and k.id != behalve
            reden = redenen.get(k.id) or (
                f"zit al in het panel ({bezet[k.id]})" if zit else eigen.get(k.id)
            )
            vz = boek.voorzitter.get(k.id, NUL) if met_vz else None
            overwegingen.append(
                Overweging(index, k.id, k.naam, k.korps, reden, boek.zetels.get(k.id, NUL), vz)
            )

    def weigering(zetel: str, wie: Iterable[Kandidaat], geen: str) -> Conflict:
        details = ", ".join(
            f"{k.naam}: {redenen.get(k.id) or f'zit al in het panel ({bezet[k.id]})'}" for k in wie
        )
        details = details or "de commissie heeft geen leden die daarvoor in aanmerking komen"
        return Conflict(f"{zetel} is niet te vullen: {geen} ({details}).")

    if not vz_vast:
        vrij_vz = [
            k for k in leden if k.kan_voorzitten and k.id not in redenen and k.id not in bezet
        ]
        # A seated member who can chair may move up, so a vacant chair need not fall back to
        # an involved corps; their member seat is then filled again.
        zittend_vz = [
            k
            for k in leden
            if k.kan_voorzitten and k.id not in redenen and bezet.get(k.id) == "lid"
        ]
        if not vrij_vz and not zittend_vz:
            raise weigering(
                "De voorzitterszetel",
                [k for k in leden if k.kan_voorzitten],
                "er is geen beschikbaar lid dat kan voorzitten",
            )
        korpsen, grond, korpsreden = voorzitterskorpsen(
            regel, zaak, {k.korps for k in vrij_vz + zittend_vz}
        )
        if not herbezet_vz:
            _bijschrijven(boek.zetels, zetelgewicht)
            _bijschrijven(
                boek.voorzitter,
                gewichten(
                    regel, [k for k in beschikbaar if k.kan_voorzitten and k.korps in korpsen]
                ),
            )

        def volgorde_vz(k: Kandidaat) -> tuple[Fraction, Fraction, int, int]:
            return (-boek.voorzitter.get(k.id, NUL), -boek.zetels.get(k.id, NUL), k.volgorde, k.id)

        pool = sorted((k for k in vrij_vz if k.korps in korpsen), key=volgorde_vz)
        doorschuiven = not pool
        if doorschuiven:
            pool = sorted((k for k in zittend_vz if k.korps in korpsen), key=volgorde_vz)
        gekozen = pool[0]
        eigen = {}
        for k in leden:
            if not k.kan_voorzitten:
                eigen[k.id] = "kan niet voorzitten"
            elif k.korps not in korpsen:
                eigen[k.id] = (
                    f"korps {k.korps} is bij de zaak betrokken ({_rollen(zaak, k.korps)})"
                    if grond == "gewoon"
                    else f"korps {k.korps} valt af door de terugvalregel"
                )
        weeg(0, eigen, met_vz=True, behalve=gekozen.id if doorschuiven else None)
        uitleg = f"Voorzitter uit {gekozen.korps}: {korpsreden}; {_keuze(pool, boek, True)}"
        if doorschuiven:
            # They keep the one seat they had (already debited); their member seat is refilled
            # without new credit, so the ledger stays balanced.
            uitleg += "; doorgeschoven van lid naar voorzitter"
            zetels = [z for z in zetels if z.lid_id != gekozen.id]
            herbezet_leden += 1
        else:
            boek.zetels[gekozen.id] = boek.zetels.get(gekozen.id, NUL) - 1
        zetels.insert(0, Zetel("voorzitter", gekozen.id, uitleg))
        bezet[gekozen.id] = "voorzitter"
        boek.voorzitter[gekozen.id] = boek.voorzitter.get(gekozen.id, NUL) - 1
        if grond != "gewoon":
            waarschuwingen.append(korpsreden[0].upper() + korpsreden[1:] + ".")

    while len(zetels) < regel.grootte:
        index = len(zetels)
        if herbezet_leden:
            herbezet_leden -= 1
        else:
            _bijschrijven(boek.zetels, zetelgewicht)
        vrij = [k for k in leden if k.id not in redenen and k.id not in bezet]
        if not vrij:
            raise weigering(
                f"Zetel {index + 1} (lid)", leden, "er is geen beschikbaar lid meer over"
            )
        vertegenwoordigd = {per_id[z.lid_id].korps for z in zetels if z.lid_id in per_id}
        open_korpsen = {k.korps for k in vrij} - vertegenwoordigd
        pool = sorted(
            (k for k in vrij if not open_korpsen or k.korps in open_korpsen),
            key=lambda k: (-boek.zetels.get(k.id, NUL), k.volgorde, k.id),
        )
        gekozen = pool[0]
        eigen = {
            k.id: f"korps {k.korps} heeft al een zetel; eerst een korps zonder zetel (spreiding)"
            for k in vrij
            if open_korpsen and k.korps not in open_korpsen
        }
        weeg(index, eigen)
        grond_lid = (
            f"korps {gekozen.korps} had nog geen zetel (spreiding over de korpsen)"
            if open_korpsen
            else "vrije zetel, alle korpsen met een beschikbaar lid hebben al een zetel"
        )
        uitleg = f"Lid uit {gekozen.korps}: {grond_lid}; {_keuze(pool, boek, False)}"
        zetels.append(Zetel("lid", gekozen.id, uitleg))
        bezet[gekozen.id] = "lid"
        boek.zetels[gekozen.id] = boek.zetels.get(gekozen.id, NUL) - 1

    return Samenstelling(
        zetels=tuple(zetels),
        grootboek=boek,
        overwegingen=tuple(overwegingen),
        waarschuwingen=tuple(waarschuwingen),
    )
