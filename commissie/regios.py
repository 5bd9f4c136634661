"""Committees and corps as configuration: one TOML file per joint committee in regios/.

Loaded and validated at start-up; any problem stops start-up with the file, the key and
the reason (ConfiguratieFout).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from commissie.fouten import ConfiguratieFout, OngeldigeInvoer

CODE = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2,4}$")]
TEKST = Annotated[str, msgspec.Meta(min_length=1)]
POSITIEF = Annotated[int, msgspec.Meta(ge=1)]


class Korpsleiding(msgspec.Struct, forbid_unknown_fields=True):
    titel: TEKST
    naam: TEKST
    adres: Annotated[list[TEKST], msgspec.Meta(min_length=1)]


class Zittingslocatie(msgspec.Struct, forbid_unknown_fields=True):
    naam: TEKST
    adres: TEKST


class Korps(msgspec.Struct, forbid_unknown_fields=True):
    code: CODE
    naam: TEKST
    koppen: POSITIEF
    korpsleiding: Korpsleiding
    zittingslocaties: Annotated[list[Zittingslocatie], msgspec.Meta(min_length=1)]
    # Figures from the 2001 survey; used for demo data and load simulations.
    meldingen_2jr: Annotated[int, msgspec.Meta(ge=0)] = 0
    klachten_2jr: Annotated[int, msgspec.Meta(ge=0)] = 0


class CommissieKop(msgspec.Struct, forbid_unknown_fields=True):
    code: CODE
    naam: TEKST
    secretariaat_email: Annotated[str, msgspec.Meta(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    korpsen: Annotated[list[CODE], msgspec.Meta(min_length=2)]


class Termijninstellingen(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    # Awb 9:6 says "onverwijld"; the committee's rules give a term (0: the day of receipt).
    ontvangstbevestiging_weken: Annotated[int, msgspec.Meta(ge=0)] = 1
    ontvankelijkheid_weken: POSITIEF = 1
    advies_weken: POSITIEF = 6
    # Awb 9:11: with an advisory committee the decision is due within 10 weeks.
    besluit_weken: Annotated[int, msgspec.Meta(ge=1, le=10)] = 10
    # Awb 9:11 lid 2: postponement of at most four weeks without consent.
    verdaging_max_weken: Annotated[int, msgspec.Meta(ge=0, le=4)] = 4
    verdaging_verschuift_advies: bool = True
    verweer_weken: POSITIEF = 2


class Panelinstellingen(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    grootte: Annotated[int, msgspec.Meta(ge=1, le=7)] = 3
    verdeling: Literal["per_lid", "naar_koppen"] = "naar_koppen"
    voorzitter_terugval: Literal["niet_beklaagde", "niet_klager"] = "niet_beklaagde"


UUR = Annotated[str, msgspec.Meta(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")]


class Zittinginstellingen(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """When the committee holds hearings (Europe/Amsterdam wall time), and how many working
    days the panel needs after the last hearing to draft its advice."""

    # ISO weekdays: 1 = Monday ... 5 = Friday (Saturday and Sunday are never hearing days).
    dagen: Annotated[list[Annotated[int, msgspec.Meta(ge=1, le=5)]], msgspec.Meta(min_length=1)] = (
        msgspec.field(default_factory=lambda: [1, 2, 3, 4, 5])
    )
    van: UUR = "09:00"
    tot: UUR = "17:00"
    opstel_werkdagen: Annotated[int, msgspec.Meta(ge=0, le=30)] = 10


class CommissieBestand(msgspec.Struct, forbid_unknown_fields=True):
    commissie: CommissieKop
    korps: Annotated[list[Korps], msgspec.Meta(min_length=2)]
    termijnen: Termijninstellingen = msgspec.field(default_factory=Termijninstellingen)
    panel: Panelinstellingen = msgspec.field(default_factory=Panelinstellingen)
    zittingen: Zittinginstellingen = msgspec.field(default_factory=Zittinginstellingen)


class AtwBestand(msgspec.Struct, forbid_unknown_fields=True):
    gelijkgestelde_dagen: list[date]
    # Years whose decreed days the list covers; a deadline in another year gets a warning.
    # Optional in the struct so that a missing key gets our own message.
    jaren: list[Annotated[int, msgspec.Meta(ge=1900, le=2999)]] | None = None


@dataclass(frozen=True)
class Commissie:
    code: str
    naam: str
    secretariaat_email: str
    korpsen: dict[str, Korps]
    termijnen: Termijninstellingen
    panel: Panelinstellingen
    bestand: str
    zittingen: Zittinginstellingen = field(default_factory=Zittinginstellingen)

    @property
    def zittingslocaties(self) -> list[Zittingslocatie]:
        """Every hearing location of the committee's corps, in the file's order."""
        return [loc for k in self.korpsen.values() for loc in k.zittingslocaties]


@dataclass(frozen=True)
class Regios:
    commissies: dict[str, Commissie]
    gelijkgestelde_dagen: frozenset[date]
    atw_jaren: frozenset[int]  # years the decreed days cover: Kalender(dagen, atw_jaren)

    def commissie(self, code: str) -> Commissie | None:
        return self.commissies.get(code)

    def korps(self, code: str) -> Korps | None:
        for c in self.commissies.values():
            if code in c.korpsen:
                return c.korpsen[code]
        return None

    def commissie_van_korps(self, code: str) -> Commissie | None:
        for c in self.commissies.values():
            if code in c.korpsen:
                return c
        return None


_PAD = re.compile(r"at `\$\.?([^`]*)`")


def _fout_uit_msgspec(
    bestand: str, fout: msgspec.ValidationError | msgspec.DecodeError
) -> ConfiguratieFout:
    tekst = str(fout)
    m = _PAD.search(tekst)
    sleutel = m.group(1) if m else "(bestand)"
    reden = _PAD.sub("", tekst).rstrip(" -")
    if "matching regex" in reden:
        reden = (
            "verwacht een e-mailadres"
            if "@" in reden
            else "verwacht een code van 2 tot 4 hoofdletters, bijvoorbeeld TW"
        )
    return ConfiguratieFout(bestand, sleutel or "(bestand)", reden)


def laad_commissie(pad: Path) -> Commissie:
    bestand = str(pad)
    try:
        data = msgspec.toml.decode(pad.read_bytes(), type=CommissieBestand)
    except (msgspec.ValidationError, msgspec.DecodeError) as e:
        raise _fout_uit_msgspec(bestand, e) from None
    codes = [k.code for k in data.korps]
    dubbel = sorted({c for c in codes if codes.count(c) > 1})
    if dubbel:
        raise ConfiguratieFout(
            bestand, "korps.code", f"korps {dubbel[0]} staat er meer dan eens in"
        )
    if len(set(data.commissie.korpsen)) != len(data.commissie.korpsen):
        raise ConfiguratieFout(bestand, "commissie.korpsen", "een korps staat er meer dan eens in")
    if set(codes) != set(data.commissie.korpsen):
        ontbreekt = sorted(set(data.commissie.korpsen) - set(codes))
        extra = sorted(set(codes) - set(data.commissie.korpsen))
        if ontbreekt:
            reden = f"korps {ontbreekt[0]} heeft geen [[korps]]-blok"
        else:
            reden = f"[[korps]] {extra[0]} staat niet in commissie.korpsen"
        raise ConfiguratieFout(bestand, "commissie.korpsen", reden)
    t = data.termijnen
    if t.advies_weken >= t.besluit_weken:
        raise ConfiguratieFout(
            bestand,
            "termijnen.advies_weken",
            "het advies moet eerder vallen dan het besluit (besluit_weken)",
        )
    if t.ontvangstbevestiging_weken >= t.advies_weken:
        raise ConfiguratieFout(
            bestand, "termijnen.ontvangstbevestiging_weken", "moet korter zijn dan advies_weken"
        )
    if t.verweer_weken >= t.advies_weken:
        raise ConfiguratieFout(
            bestand, "termijnen.verweer_weken", "moet korter zijn dan advies_weken"
        )
    if t.ontvankelijkheid_weken >= t.advies_weken:
        raise ConfiguratieFout(
            bestand, "termijnen.ontvankelijkheid_weken", "moet korter zijn dan advies_weken"
        )
    z = data.zittingen
    if z.van >= z.tot:
        raise ConfiguratieFout(bestand, "zittingen.tot", f"moet later zijn dan van ({z.van})")
    if len(set(z.dagen)) != len(z.dagen):
        raise ConfiguratieFout(bestand, "zittingen.dagen", "een dag staat er meer dan eens in")
    namen = [loc.naam for k in data.korps for loc in k.zittingslocaties]
    dubbel_loc = sorted({n for n in namen if namen.count(n) > 1})
    if dubbel_loc:
        raise ConfiguratieFout(
            bestand,
            "korps.zittingslocaties.naam",
            f"locatie '{dubbel_loc[0]}' staat er meer dan eens in",
        )
    return Commissie(
        code=data.commissie.code,
        naam=data.commissie.naam,
        secretariaat_email=data.commissie.secretariaat_email,
        korpsen={
            k.code: k
            for k in sorted(data.korps, key=lambda k: data.commissie.korpsen.index(k.code))
        },
        termijnen=t,
        panel=data.panel,
        bestand=bestand,
        zittingen=z,
    )


def laad_atw(pad: Path) -> AtwBestand:
    """The decreed Atw days and the years they cover; every day must lie in a covered year."""
    bestand = str(pad)
    try:
        atw = msgspec.toml.decode(pad.read_bytes(), type=AtwBestand)
    except (msgspec.ValidationError, msgspec.DecodeError) as e:
        raise _fout_uit_msgspec(bestand, e) from None
    if atw.jaren is None:
        raise ConfiguratieFout(
            bestand, "jaren", "ontbreekt: noem de jaren waarvoor de gelijkgestelde dagen gelden"
        )
    if not atw.jaren:
        raise ConfiguratieFout(bestand, "jaren", "is leeg: noem minstens één jaar")
    dubbel = sorted({j for j in atw.jaren if atw.jaren.count(j) > 1})
    if dubbel:
        raise ConfiguratieFout(bestand, "jaren", f"jaar {dubbel[0]} staat er meer dan eens in")
    for i, dag in enumerate(atw.gelijkgestelde_dagen):
        if dag.year not in atw.jaren:
            raise ConfiguratieFout(
                bestand,
                f"gelijkgestelde_dagen[{i}]",
                f"{dag.isoformat()} valt buiten de jaren die dit bestand dekt (jaren); "
                f"voeg {dag.year} toe aan jaren als het besluit dat jaar regelt",
            )
    return atw


def laad_regios(map_: Path) -> Regios:
    if not map_.is_dir():
        raise ConfiguratieFout(str(map_), "(map)", "de map met commissiebestanden bestaat niet")
    atw_pad = map_ / "atw.toml"
    if not atw_pad.is_file():
        raise ConfiguratieFout(str(atw_pad), "(bestand)", "het bestand met Atw-dagen ontbreekt")
    atw = laad_atw(atw_pad)
    commissies: dict[str, Commissie] = {}
    korps_bij: dict[str, str] = {}
    for pad in sorted(map_.glob("*.toml")):
        if pad.name == "atw.toml":
            continue
        c = laad_commissie(pad)
        if c.code in commissies:
            raise ConfiguratieFout(
                str(pad),
                "commissie.code",
                f"code {c.code} staat ook in {commissies[c.code].bestand}",
            )
        for k in c.korpsen:
            if k in korps_bij:
                raise ConfiguratieFout(
                    str(pad),
                    "commissie.korpsen",
                    f"korps {k} hoort al bij commissie {korps_bij[k]}",
                )
            korps_bij[k] = c.code
        commissies[c.code] = c
    if not commissies:
        raise ConfiguratieFout(str(map_), "(map)", "geen enkel commissiebestand (*.toml) gevonden")
    return Regios(
        commissies=commissies,
        gelijkgestelde_dagen=frozenset(atw.gelijkgestelde_dagen),
        atw_jaren=frozenset(atw.jaren or ()),
    )


def commissie_of_fout(regios: Regios, code: str, veld: str = "commissie") -> Commissie:
    """The committee with this code, or a 400 naming the field and the known codes."""
    c = regios.commissie(code)
    if c is None:
        bekend = ", ".join(sorted(regios.commissies))
        raise OngeldigeInvoer(
            f"Veld '{veld}': onbekende commissie '{code}'; bekend zijn {bekend}.", veld=veld
        )
    return c
