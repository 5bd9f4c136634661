"""Panel composition: a chair from another corps, members spread over the corps, fair load.

Pure: frozen dataclasses in, dataclasses out. No I/O, no ORM, no clock, no randomness; the
same input always gives the same panel. Credits are exact fractions, so ties are real ties and
the fixed rotation order (volgorde, then id) decides them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
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
    Vacature,
    Voorzittersgrond,
    ZaakFeiten,
    Zetel,
    _norm,
    _regelkorpsen,
    _rollen,
    getal,
    gewichten,
    regel_voor,
    vacaturetekst,
    voorzitterskorpsen,
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
    "Vacature",
    "Voorzittersgrond",
    "ZaakFeiten",
    "Zetel",
    "getal",
    "gewichten",
    "regel_voor",
    "stel_panel_samen",
    "vacaturetekst",
    "voorzitterskorpsen",
]

_LEEG: Mapping[int, str] = MappingProxyType({})
_GEEN_DATA: Mapping[int, date] = MappingProxyType({})


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
    terug_op: Mapping[int, date] = _GEEN_DATA,
    vacature_mag: bool = True,
    handmatig_korps: str | None = None,
    voorzitter_kandidaten: frozenset[int] | None = None,
) -> Samenstelling:
    """Fill the panel's open seats: the chair if `vast` has none, then members up to grootte.

    When the chair rule (voorzitterskorpsen) leaves nobody, the chair seat stays vacant: the
    result has no chair, a Vacature with a warning, and the member seats filled; nobody is
    credited or debited for the open seat. `terug_op`: per absent member the first day they
    are available again, named in that warning. With `vacature_mag=False` (a manual choice
    that must fill the seat) a vacant chair raises Conflict instead. `handmatig_korps`: the
    secretary decided, with a reason, to take the chair from this (involved) corps; it applies
    only when the rule itself leaves the chair vacant, and the explanation says so.
    `voorzitter_kandidaten`: the secretary's choice for the chair (the member seats are
    filled by the rules as usual).

    `vast`: seats that stay (replacement after verschoning, wraking or illness).
    `vervallen`: the seats being replaced. Their holders get their debit back and are excluded
    (reason from `uitgesloten_extra`, else "vervangen"); their refill credits nobody again, so
    the ledger follows the work actually done. With `vervallen_uitsluiten=False` (recomposing
    the whole panel) their holders may be chosen again. Raises Conflict if a member seat cannot
    be filled.
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
    vacatures: list[Vacature] = []
    voorzittersgrond: Voorzittersgrond | None = None

    def reden_van(k: Kandidaat, eigen: Mapping[int, str], behalve: int | None = None) -> str | None:
        zit = k.id in bezet and k.id != behalve
        return redenen.get(k.id) or (
            f"zit al in het panel ({bezet[k.id]})" if zit else eigen.get(k.id)
        )

    def weeg(
        index: int,
        eigen: Mapping[int, str],
        met_vz: bool = False,
        behalve: int | None = None,
        doel: list[Overweging] = overwegingen,
    ) -> None:
        for k in leden:
            vz = boek.voorzitter.get(k.id, NUL) if met_vz else None
            doel.append(
                Overweging(
                    index,
                    k.id,
                    k.naam,
                    k.korps,
                    reden_van(k, eigen, behalve),
                    boek.zetels.get(k.id, NUL),
                    vz,
                )
            )

    def weigering(
        zetel: str, wie: Iterable[Kandidaat], geen: str, eigen: Mapping[int, str] = _LEEG
    ) -> Conflict:
        details = ", ".join(f"{k.naam}: {reden_van(k, eigen)}" for k in wie)
        details = details or "de commissie heeft geen leden die daarvoor in aanmerking komen"
        return Conflict(f"{zetel} is niet te vullen: {geen} ({details}).")

    if not vz_vast:

        def mag_vz(k: Kandidaat) -> bool:
            keuze = voorzitter_kandidaten is None or k.id in voorzitter_kandidaten
            return k.kan_voorzitten and k.id not in redenen and keuze

        vrij_vz = [k for k in leden if mag_vz(k) and k.id not in bezet]
        # A seated member who can chair may move up, so a vacant chair need not wait when
        # one of the panel may chair it; their member seat is then filled again.
        zittend_vz = [k for k in leden if mag_vz(k) and bezet.get(k.id) == "lid"]
        korpsen, grond, korpsreden = voorzitterskorpsen(
            regel, zaak, {k.korps for k in vrij_vz + zittend_vz}
        )
        if grond == "vacant" and handmatig_korps is not None:
            korpsen, grond = frozenset({handmatig_korps}), "handmatig"
            korpsreden = (
                f"{korpsreden}; het secretariaat wees met een reden een voorzitter uit "
                f"{handmatig_korps} aan"
            )
        voorzittersgrond = grond
        regelkorpsen = _regelkorpsen(regel, zaak)
        eigen = {}
        for k in leden:
            if not k.kan_voorzitten:
                eigen[k.id] = "kan niet voorzitten"
            elif k.korps not in regelkorpsen:
                eigen[k.id] = (
                    f"korps {k.korps} is bij de zaak betrokken ({_rollen(zaak, k.korps)})"
                    if set(regel.korpsen) - zaak.betrokken
                    else f"korps {k.korps} valt af door de terugvalregel"
                )
            if grond == "handmatig" and k.korps == handmatig_korps and k.kan_voorzitten:
                eigen.pop(k.id, None)  # the secretary's decision lifts the corps rule here
        if grond == "vacant":
            if not vacature_mag:
                raise weigering(
                    "De voorzitterszetel", [k for k in leden if k.kan_voorzitten], korpsreden, eigen
                )
            terug = sorted(
                (
                    (terug_op[k.id], k)
                    for k in leden
                    if k.kan_voorzitten
                    and k.korps in regelkorpsen
                    and k.id in terug_op
                    and redenen.get(k.id) == "afwezig"
                ),
                key=lambda dk: (dk[0], dk[1].volgorde, dk[1].id),
            )
            tekst = vacaturetekst(korpsreden, terug)
            weging: list[Overweging] = []
            weeg(-1, eigen, met_vz=True, doel=weging)
            vacatures.append(Vacature("voorzitter", tekst, tuple(weging)))
            waarschuwingen.append(tekst)
            # The departing chair keeps the seat's load until someone takes it.
            for z in vervallen:
                if z.rol == "voorzitter":
                    boek.zetels[z.lid_id] -= 1
                    boek.voorzitter[z.lid_id] -= 1
        else:
            if not herbezet_vz:
                _bijschrijven(boek.zetels, zetelgewicht)
                _bijschrijven(
                    boek.voorzitter,
                    gewichten(
                        regel, [k for k in beschikbaar if k.kan_voorzitten and k.korps in korpsen]
                    ),
                )

            def volgorde_vz(k: Kandidaat) -> tuple[Fraction, Fraction, int, int]:
                return (
                    -boek.voorzitter.get(k.id, NUL),
                    -boek.zetels.get(k.id, NUL),
                    k.volgorde,
                    k.id,
                )

            pool = sorted((k for k in vrij_vz if k.korps in korpsen), key=volgorde_vz)
            doorschuiven = not pool
            if doorschuiven:
                pool = sorted((k for k in zittend_vz if k.korps in korpsen), key=volgorde_vz)
            if not pool:
                raise weigering(
                    "De voorzitterszetel", [k for k in leden if k.kan_voorzitten], korpsreden, eigen
                )
            gekozen = pool[0]
            weeg(0, eigen, met_vz=True, behalve=gekozen.id if doorschuiven else None)
            uitleg = f"Voorzitter uit {gekozen.korps}: {korpsreden}; {_keuze(pool, boek, True)}"
            if doorschuiven:
                # They keep the one seat they had (already debited); their member seat is
                # refilled without new credit, so the ledger stays balanced.
                uitleg += "; doorgeschoven van lid naar voorzitter"
                zetels = [z for z in zetels if z.lid_id != gekozen.id]
                herbezet_leden += 1
            else:
                boek.zetels[gekozen.id] = boek.zetels.get(gekozen.id, NUL) - 1
            zetels.insert(0, Zetel("voorzitter", gekozen.id, uitleg))
            bezet[gekozen.id] = "voorzitter"
            boek.voorzitter[gekozen.id] = boek.voorzitter.get(gekozen.id, NUL) - 1
            if grond == "terugval":
                waarschuwingen.append(korpsreden[0].upper() + korpsreden[1:] + ".")

    while len(zetels) + len(vacatures) < regel.grootte:
        index = len(zetels)
        if herbezet_leden:
            herbezet_leden -= 1
        else:
            _bijschrijven(boek.zetels, zetelgewicht)
        vrij = [k for k in leden if k.id not in redenen and k.id not in bezet]
        if not vrij:
            fout = weigering(
                f"Zetel {index + 1} (lid)", leden, "er is geen beschikbaar lid meer over"
            )
            if vacatures:
                # The secretary should hear about the chair as well, not only the member seat.
                fout = Conflict(f"{fout.bericht} {' '.join(v.waarschuwing for v in vacatures)}")
            raise fout
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
        voorzittersgrond=voorzittersgrond,
        vacatures=tuple(vacatures),
    )
