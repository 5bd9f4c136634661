"""Load simulation: draw a stream of complaints and run the panel rules over it. Pure.

Answers the fear the 2001 report names: one corps producing most complaints skews the load.
Besides the measured load it works out what the chair rule forces however well the ledger
balances, so the report can say plainly which part of a deviation is the rule's own.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from commissie.fouten import Conflict
from commissie.panel.regels import (
    Grootboek,
    Kandidaat,
    Regel,
    ZaakFeiten,
    stel_panel_samen,
    voorzitterskorpsen,
)

# Deviations below this many percentage points are rounding, not a finding.
_MARGE_PP = 0.05


@dataclass(frozen=True)
class KorpsBelasting:
    korps: str
    leden: int
    zaken: int  # cases with a complainant from this corps
    zetels: int
    voorzitters: int
    doel: float  # target share (koppen share, or member-count share for per_lid)
    aandeel_zetels: float
    afwijking_pp: float  # aandeel_zetels - doel, in percentage points
    gedwongen_zetels_pp: float  # deviation in seats the rules force at least (0: room enough)
    aandeel_voorzitters: float
    gedwongen_voorzitters_pp: float  # same for chairs


@dataclass(frozen=True)
class LidBelasting:
    lid_id: int
    naam: str
    korps: str
    kan_voorzitten: bool
    zetels: int
    voorzitters: int
    eerlijk_aandeel: float  # seats the ledger says this member should have had


@dataclass(frozen=True)
class Simulatieverslag:
    aantal_zaken: int
    seed: int
    regel: Regel
    korpsen: tuple[KorpsBelasting, ...]
    leden: tuple[LidBelasting, ...]
    terugval: int  # cases where the fallback rule chose the chair's corps
    vacant: int  # cases whose chair seat stayed vacant: the applicable rule left nobody
    niet_samengesteld: int  # cases whose panel could not be filled
    conclusies: tuple[str, ...]  # plain Dutch sentences for the secretary


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%".replace(".", ",")


def _pp(x: float) -> str:
    tekst = f"{x:+.1f}".replace(".", ",")
    return "0,0" if tekst in ("+0,0", "-0,0") else tekst


def _gedwongen_pp(doel: float, laag: float, hoog: float) -> float:
    """The smallest deviation (pp) possible when the share must lie in [laag, hoog]."""
    if laag > doel + 1e-12:
        return (laag - doel) * 100
    if hoog < doel - 1e-12:
        return (hoog - doel) * 100
    return 0.0


def _grenzen(
    grootte: int, leden: Mapping[str, int], stoel: frozenset[str]
) -> dict[str, tuple[int, int, int, int]]:
    """Per corps the fewest and most seats, and chairs, one case can give it under the rules.

    Bounds, not exact sets: the forced deviation derived from them is a guaranteed minimum.
    """
    korpsen = [k for k, n in leden.items() if n]
    totaal = sum(leden[k] for k in korpsen)
    uit: dict[str, tuple[int, int, int, int]] = {}
    for k in korpsen:
        vz_min, vz_max = int(stoel == {k}), int(k in stoel)
        if grootte >= len(korpsen):
            # Spreading gives every corps a seat first; what the others cannot hold is ours.
            laag = max(1, grootte - (totaal - leden[k]))
            hoog = min(leden[k], grootte - (len(korpsen) - 1))
        else:
            # Fewer seats than corps: every seat goes to a different corps.
            laag, hoog = vz_min, 1
        uit[k] = (laag, hoog, vz_min, vz_max)
    return uit


def _trek_zaak(
    rng: random.Random, korpsen: list[str], gewicht: list[float], kans_ander: float
) -> ZaakFeiten:
    klager = rng.choices(korpsen, weights=gewicht)[0]
    beklaagde = klager
    if len(korpsen) > 1 and rng.random() < kans_ander:
        andere = [(k, w) for k, w in zip(korpsen, gewicht, strict=True) if k != klager]
        gewichten = [w for _, w in andere] if any(w for _, w in andere) else None
        beklaagde = rng.choices([k for k, _ in andere], weights=gewichten)[0]
    return ZaakFeiten(klager_korps=klager, beklaagde_korpsen=frozenset({beklaagde}))


def simuleer(
    *,
    regel: Regel,
    kandidaten: Sequence[Kandidaat],
    aantal_zaken: int,
    kansen: Mapping[str, float],
    seed: int,
    kans_beklaagde_ander_korps: float = 0.1,
) -> Simulatieverslag:
    """Run `aantal_zaken` drawn complaints through stel_panel_samen, carrying the ledger.

    `kansen`: relative rate of complaints per corps (e.g. meldingen_2jr); missing corps: 0.
    No absences or conflicts are drawn: the result shows what the rules themselves do.
    """
    korpsen = list(regel.korpsen)
    gewicht = [float(kansen.get(k, 0)) for k in korpsen]
    if any(w < 0 for w in gewicht) or not any(gewicht):
        raise ValueError("kansen moeten niet-negatief zijn en niet allemaal nul")
    if not 0 <= kans_beklaagde_ander_korps <= 1:
        raise ValueError("kans_beklaagde_ander_korps moet tussen 0 en 1 liggen")
    rng = random.Random(seed)
    leden = [k for k in kandidaten if k.korps in regel.korpsen]
    per_korps = {k: sum(lid.korps == k for lid in leden) for k in korpsen}
    met_voorzitter = frozenset(lid.korps for lid in leden if lid.kan_voorzitten)

    boek = Grootboek()
    zaken = dict.fromkeys(korpsen, 0)
    zetels = {lid.id: 0 for lid in leden}
    voorzitters = {lid.id: 0 for lid in leden}
    grens = {k: [0, 0, 0, 0] for k in korpsen}  # summed bounds over the filled panels
    terugval = vacant = mislukt = 0
    eerste_fout: str | None = None
    for _ in range(aantal_zaken):
        zaak = _trek_zaak(rng, korpsen, gewicht, kans_beklaagde_ander_korps)
        zaken[zaak.klager_korps] += 1
        try:
            s = stel_panel_samen(regel=regel, kandidaten=leden, zaak=zaak, grootboek=boek)
        except Conflict as fout:
            mislukt += 1
            eerste_fout = eerste_fout or fout.bericht
            continue
        boek = s.grootboek
        for z in s.zetels:
            zetels[z.lid_id] += 1
            voorzitters[z.lid_id] += z.rol == "voorzitter"
        stoel, _, _ = voorzitterskorpsen(regel, zaak, met_voorzitter)
        terugval += s.voorzittersgrond == "terugval"
        vacant += s.voorzittersgrond == "vacant"
        for k, waarden in _grenzen(regel.grootte, per_korps, stoel).items():
            grens[k] = [a + b for a, b in zip(grens[k], waarden, strict=True)]

    panels = aantal_zaken - mislukt
    if regel.verdeling == "per_lid":
        basis = {k: float(n) for k, n in per_korps.items() if n}
    else:
        basis = {k: float(regel.korpsen[k]) for k, n in per_korps.items() if n}
    som_basis = sum(basis.values()) or 1.0
    alle_zetels = sum(zetels.values()) or 1
    alle_vz = sum(voorzitters.values()) or 1
    per_zetel = (regel.grootte * panels) or 1
    korpsregels = []
    for k in korpsen:
        doel = basis.get(k, 0.0) / som_basis
        kz = sum(zetels[lid.id] for lid in leden if lid.korps == k)
        kv = sum(voorzitters[lid.id] for lid in leden if lid.korps == k)
        laag, hoog, vz_laag, vz_hoog = grens[k]
        korpsregels.append(
            KorpsBelasting(
                korps=k,
                leden=per_korps[k],
                zaken=zaken[k],
                zetels=kz,
                voorzitters=kv,
                doel=doel,
                aandeel_zetels=kz / alle_zetels,
                afwijking_pp=(kz / alle_zetels - doel) * 100,
                gedwongen_zetels_pp=_gedwongen_pp(doel, laag / per_zetel, hoog / per_zetel),
                aandeel_voorzitters=kv / alle_vz,
                gedwongen_voorzitters_pp=_gedwongen_pp(
                    doel, vz_laag / (panels or 1), vz_hoog / (panels or 1)
                ),
            )
        )
    lidregels = tuple(
        LidBelasting(
            lid_id=lid.id,
            naam=lid.naam,
            korps=lid.korps,
            kan_voorzitten=lid.kan_voorzitten,
            zetels=zetels[lid.id],
            voorzitters=voorzitters[lid.id],
            eerlijk_aandeel=float(zetels[lid.id] + boek.zetels.get(lid.id, 0)),
        )
        for lid in sorted(leden, key=lambda k: (korpsen.index(k.korps), k.volgorde, k.id))
    )
    verslag = Simulatieverslag(
        aantal_zaken=aantal_zaken,
        seed=seed,
        regel=regel,
        korpsen=tuple(korpsregels),
        leden=lidregels,
        terugval=terugval,
        vacant=vacant,
        niet_samengesteld=mislukt,
        conclusies=(),
    )
    conclusies = _conclusies(verslag, eerste_fout)
    return replace(verslag, conclusies=conclusies)


def _conclusies(v: Simulatieverslag, eerste_fout: str | None) -> tuple[str, ...]:
    r = v.regel
    uit: list[str] = []
    mix = ", ".join(f"{k.korps} {_pct(k.zaken / (v.aantal_zaken or 1))}" for k in v.korpsen)
    uit.append(
        f"Gesimuleerd: {v.aantal_zaken} zaken ({mix}), panels van {r.grootte} zetels, "
        f"verdeling {'naar koppen' if r.verdeling == 'naar_koppen' else 'gelijk per lid'}."
    )
    for k in v.korpsen:
        d = k.gedwongen_voorzitters_pp
        if abs(d) > _MARGE_PP:
            grens = k.doel + d / 100
            uit.append(
                f"De voorzittersregel dwingt {k.korps} tot {'minstens' if d > 0 else 'hoogstens'} "
                f"{_pct(grens)} van de voorzitterschappen, tegen een eerlijk aandeel van "
                f"{_pct(k.doel)}: {_pp(d)} procentpunt, door de regel zelf (de voorzitter komt uit "
                f"een ander korps dan dat van de zaak). Gemeten: {_pct(k.aandeel_voorzitters)}."
            )
    if all(abs(k.gedwongen_voorzitters_pp) <= _MARGE_PP for k in v.korpsen):
        uit.append(
            "De voorzittersregel laat ruimte voor een eerlijke verdeling van de voorzitters."
        )
    gedwongen = [k for k in v.korpsen if abs(k.gedwongen_zetels_pp) > _MARGE_PP]
    for k in gedwongen:
        d = k.gedwongen_zetels_pp
        uit.append(
            f"De regels dwingen {k.korps} tot {'minstens' if d > 0 else 'hoogstens'} "
            f"{_pct(k.doel + d / 100)} van alle zetels, tegen een eerlijk aandeel van "
            f"{_pct(k.doel)}: een afwijking van {_pp(d)} procentpunt die de regel zelf "
            f"veroorzaakt (voorzitter uit een ander korps, leden gespreid over de korpsen). "
            f"Gemeten: {_pct(k.aandeel_zetels)} ({_pp(k.afwijking_pp)} procentpunt)."
        )
    if not gedwongen and v.korpsen:
        grootst = max(v.korpsen, key=lambda k: abs(k.afwijking_pp))
        uit.append(
            "Over alle zetels samen dwingt de regel geen afwijking af: de vrije zetels vangen "
            "de scheve verdeling van de voorzitterschappen op. Grootste afwijking in de "
            f"simulatie: {grootst.korps} {_pp(grootst.afwijking_pp)} procentpunt."
        )
    for k in v.korpsen:
        rest = k.afwijking_pp - k.gedwongen_zetels_pp
        if abs(rest) > 5:
            uit.append(
                f"Let op: {k.korps} wijkt {_pp(rest)} procentpunt meer af dan de regel afdwingt."
            )
    verschil = []
    for k in v.korpsen:
        aantallen = [
            lid.voorzitters for lid in v.leden if lid.korps == k.korps and lid.kan_voorzitten
        ]
        if aantallen:
            verschil.append(max(aantallen) - min(aantallen))
    if verschil:
        uit.append(
            "Binnen elk korps verschilt het aantal voorzitterschappen per lid dat kan voorzitten "
            f"hoogstens {max(verschil)}."
        )
    if v.terugval:
        tekst = "beklaagde" if r.voorzitter_terugval == "niet_beklaagde" else "klager"
        uit.append(
            f"In {v.terugval} van de {v.aantal_zaken} zaken was geen niet-betrokken korps "
            f"beschikbaar en gold de terugvalregel: voorzitter niet uit het korps van de {tekst}."
        )
    if v.vacant:
        uit.append(
            f"In {v.vacant} van de {v.aantal_zaken} zaken bleef de voorzitterszetel vacant: "
            "geen beschikbare voorzitter in een niet-betrokken korps (of, waren alle korpsen "
            "betrokken, geen die de terugvalregel toelaat)."
        )
    if v.niet_samengesteld:
        uit.append(
            f"{v.niet_samengesteld} panels waren niet samen te stellen, bijvoorbeeld: {eerste_fout}"
        )
    return tuple(uit)


def verslag_als_tekst(verslag: Simulatieverslag) -> str:
    """The report as plain-text tables for the CLI."""
    r = verslag.regel
    regels = [
        f"Simulatie: {verslag.aantal_zaken} zaken, seed {verslag.seed}, panel van {r.grootte}, "
        f"verdeling {r.verdeling}, terugval {r.voorzitter_terugval}",
        "",
        f"{'Korps':<6}{'Leden':>6}{'Zaken':>7}{'Zetels':>8}{'Aandeel':>9}{'Doel':>8}"
        f"{'Afw. pp':>9}{'Gedw. pp':>10}{'Voorz.':>8}{'Aandeel':>9}{'Gedw. pp':>10}",
    ]
    for k in verslag.korpsen:
        regels.append(
            f"{k.korps:<6}{k.leden:>6}{k.zaken:>7}{k.zetels:>8}{_pct(k.aandeel_zetels):>9}"
            f"{_pct(k.doel):>8}{_pp(k.afwijking_pp):>9}{_pp(k.gedwongen_zetels_pp):>10}"
            f"{k.voorzitters:>8}{_pct(k.aandeel_voorzitters):>9}"
            f"{_pp(k.gedwongen_voorzitters_pp):>10}"
        )
    breedte = max([len(lid.naam) for lid in verslag.leden] + [3]) + 2
    regels += [
        "",
        f"{'Lid':<{breedte}}{'Korps':<7}{'Kan vz.':<9}{'Zetels':>7}{'Voorz.':>8}{'Eerlijk':>9}",
    ]
    for lid in verslag.leden:
        eerlijk = f"{lid.eerlijk_aandeel:.1f}".replace(".", ",")
        regels.append(
            f"{lid.naam:<{breedte}}{lid.korps:<7}{'ja' if lid.kan_voorzitten else 'nee':<9}"
            f"{lid.zetels:>7}{lid.voorzitters:>8}{eerlijk:>9}"
        )
    regels += ["", "Conclusies:"] + [f"- {c}" for c in verslag.conclusies]
    return "\n".join(regels) + "\n"
