"""Letters and the advice from the committee's Word templates (docxtpl).

Every template has a context dataclass and sample data: `commissie sjablonen controleer` renders
each with its sample, so a committee that edits a template learns at once which variable or tag
is wrong. Rendering uses autoescape (free text with <, > and & stays literal and the XML valid)
and StrictUndefined (a misspelt variable is an error, never an empty spot in a letter)."""

from __future__ import annotations

import asyncio
import io
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate

from commissie.fouten import DomeinFout


class SjabloonFout(DomeinFout):
    """A template the committee edited can no longer be filled: the request fails whole (no
    document, no step) with the file and the reason, not an anonymous server error."""

    status_code = 500


# Every letter must say to whom, about which case and when; a template without them is broken.
VERPLICHT = frozenset({"zaaknummer", "datum", "aan", "commissie"})


@dataclass(frozen=True)
class Geadresseerde:
    naam: str
    adres: list[str] = field(default_factory=list)
    titel: str = ""


@dataclass(frozen=True)
class Briefhoofd:
    naam: str
    email: str


@dataclass(frozen=True, kw_only=True)
class Brief:
    commissie: Briefhoofd
    zaaknummer: str
    datum: str  # "28 november 2026"
    aan: Geadresseerde
    voorzitter: str
    secretaris: str


@dataclass(frozen=True, kw_only=True)
class Ontvangstbevestiging(Brief):
    ontvangen_op: str
    advies_uiterlijk: str


@dataclass(frozen=True, kw_only=True)
class Ontvankelijkheidsbesluit(Brief):
    ontvankelijk: bool
    besloten_op: str
    gronden: list[str]


@dataclass(frozen=True, kw_only=True)
class AfschriftKlacht(Brief):
    klacht: list[str]
    antwoord_uiterlijk: str


@dataclass(frozen=True, kw_only=True)
class Zittingsuitnodiging(Brief):
    """Per party: only that party's own support and witnesses (never the other side's)."""

    hoedanigheid: str  # "klager" | "beklaagde"
    zitting_op: str
    tijd: str
    locatie: str
    locatie_adres: str
    bijstand: list[str]
    getuigen: list[str]


@dataclass(frozen=True, kw_only=True)
class Verdagingsbericht(Brief):
    weken: int
    reden: list[str]
    besluit_uiterlijk: str


@dataclass(frozen=True)
class AdviesOnderdeel:
    beklaagde: str
    functie: str
    oordeel: str
    motivering: list[str]


@dataclass(frozen=True)
class Hoorverslag:
    """A held hearing's report as it goes with the advice (Awb 9:15): the other corps'
    accused are not named."""

    zitting_op: str
    gehoord: list[str]
    verslag: list[str]
    naar_partijen_op: str


@dataclass(frozen=True, kw_only=True)
class AdviesAanKorpsleiding(Brief):
    korps: str
    versie: int
    correctie_van: str  # "" or the date of the fixed advice it corrects
    feiten: list[str]
    standpunten: list[str]
    overwegingen: list[str]
    onderdelen: list[AdviesOnderdeel]
    aanbevelingen: list[str]
    bijlagen: list[str]
    hoorverslagen: list[Hoorverslag]


@dataclass(frozen=True)
class MaatregelRegel:
    voor: str
    soort: str
    toelichting: str


@dataclass(frozen=True, kw_only=True)
class Besluitbrief(Brief):
    korps: str
    korpsleiding: str
    volgt_advies: bool
    motivering: list[str]
    maatregelen: list[MaatregelRegel]
    besloten_op: str
    advies_bijgevoegd: bool


@dataclass(frozen=True)
class Sjabloon:
    soort: str
    bestand: str
    titel: str
    voorbeeld: Brief


_HOOFD = Briefhoofd(naam="Klachtencommissie <Voorbeeld> & Co", email="secretariaat@example.invalid")
_AAN = Geadresseerde(naam="K. Lager", adres=["Dorpsstraat 1", "1234 AB Ergens"])
_KORPSLEIDING = Geadresseerde(
    naam="drs. H.J. Wolters", titel="De korpschef van politie Twente", adres=["Postbus 41"]
)
_BASIS: dict[str, Any] = {
    "commissie": _HOOFD,
    "zaaknummer": "TI-2026-0001",
    "datum": "28 november 2026",
    "aan": _AAN,
    "voorzitter": "T. Voorzitter",
    "secretaris": "S. Secretaris",
}

SJABLONEN: dict[str, Sjabloon] = {
    s.soort: s
    for s in [
        Sjabloon(
            "ontvangstbevestiging",
            "ontvangstbevestiging.docx",
            "Ontvangstbevestiging",
            Ontvangstbevestiging(
                **_BASIS, ontvangen_op="20 februari 2026", advies_uiterlijk="3 april 2026"
            ),
        ),
        Sjabloon(
            "ontvankelijkheid",
            "ontvankelijkheid.docx",
            "Besluit over de ontvankelijkheid",
            Ontvankelijkheidsbesluit(
                **_BASIS, ontvankelijk=False, besloten_op="2 maart 2026", gronden=["Grond <a>."]
            ),
        ),
        Sjabloon(
            "afschrift_klacht",
            "afschrift_klacht.docx",
            "Afschrift van de klacht",
            AfschriftKlacht(
                **_BASIS, klacht=["Schreeuwde <hard> & vaak."], antwoord_uiterlijk="16 maart 2026"
            ),
        ),
        Sjabloon(
            "uitnodiging_zitting",
            "uitnodiging_zitting.docx",
            "Uitnodiging voor de hoorzitting",
            Zittingsuitnodiging(
                **_BASIS,
                hoedanigheid="klager",
                zitting_op="27 maart 2026",
                tijd="10:00",
                locatie="Vergaderzaal 3",
                locatie_adres="Hengelosestraat 75, 7514 AE Enschede",
                bijstand=["V. Persoon (vertrouwenspersoon)"],
                getuigen=[],
            ),
        ),
        Sjabloon(
            "verdaging",
            "verdaging.docx",
            "Mededeling van verdaging",
            Verdagingsbericht(
                **_BASIS, weken=4, reden=["Getuige <ziek>."], besluit_uiterlijk="29 mei 2026"
            ),
        ),
        Sjabloon(
            "advies",
            "advies.docx",
            "Advies aan de korpsleiding",
            AdviesAanKorpsleiding(
                **{**_BASIS, "aan": _KORPSLEIDING},
                korps="TW",
                versie=1,
                correctie_van="",
                feiten=["Feit <1> & meer."],
                standpunten=["Standpunt."],
                overwegingen=["Overweging."],
                onderdelen=[
                    AdviesOnderdeel("B. Klaagde", "Brigadier", "gegrond", ["Omdat <dit>."])
                ],
                aanbevelingen=["Aanbeveling."],
                bijlagen=["hoorverslag"],
                hoorverslagen=[
                    Hoorverslag(
                        "27 maart 2026",
                        ["klager", "B. Klaagde"],
                        ["Gehoord <samen> & kort."],
                        "30 maart 2026",
                    )
                ],
            ),
        ),
        Sjabloon(
            "besluit",
            "besluit.docx",
            "Besluit van de korpsleiding",
            Besluitbrief(
                **_BASIS,
                korps="TW",
                korpsleiding="De korpschef van politie Twente, drs. H.J. Wolters",
                volgt_advies=False,
                motivering=["Anders <want> & zo."],
                maatregelen=[MaatregelRegel("B. Klaagde", "waarschuwing", "")],
                besloten_op="1 mei 2026",
                advies_bijgevoegd=True,
            ),
        ),
    ]
}


class _Omgeving(jinja2.Environment):
    """docxtpl compiles every XML part on every render; the parts of a template rarely
    change, so compiled templates are kept by their source (a changed file is a new source)."""

    _MAX = 256

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self._gecompileerd: dict[str, jinja2.Template] = {}

    def from_string(self, source: Any, *args: Any, **kwargs: Any) -> jinja2.Template:
        if args or kwargs or not isinstance(source, str):
            return super().from_string(source, *args, **kwargs)
        sjabloon = self._gecompileerd.get(source)
        if sjabloon is None:
            sjabloon = super().from_string(source)
            if len(self._gecompileerd) >= self._MAX:
                self._gecompileerd.clear()
            self._gecompileerd[source] = sjabloon
        return sjabloon


_GEDEELD = _Omgeving()


def _omgeving() -> jinja2.Environment:
    return _GEDEELD


def map_van(templates_dir: Path) -> Path:
    return templates_dir / "brieven"


def sjabloon_pad(templates_dir: Path, soort: str) -> Path:
    pad = map_van(templates_dir) / SJABLONEN[soort].bestand
    if not pad.is_file():
        raise SjabloonFout(f"Het sjabloon {pad} ontbreekt.")
    return pad


def render_bytes(pad: Path, context: Brief) -> bytes:
    """Render synchronously (CPU and file work: call through `render`)."""
    try:
        return _render(pad, context)
    except jinja2.TemplateError as e:
        raise SjabloonFout(
            f"Het sjabloon {pad} kan niet worden gevuld ({e.message}); "
            "controleer het met 'commissie sjablonen controleer'."
        ) from e


def _render(pad: Path, context: Brief) -> bytes:
    sjabloon = DocxTemplate(str(pad))
    sjabloon.render(asdict(context), jinja_env=_omgeving(), autoescape=True)
    uit = io.BytesIO()
    sjabloon.save(uit)
    return uit.getvalue()


async def render(pad: Path, context: Brief) -> bytes:
    """Render off the event loop: docx templating blocks for milliseconds."""
    return await asyncio.to_thread(render_bytes, pad, context)


def controleer_bestand(pad: Path, sjabloon: Sjabloon) -> list[str]:
    """Problems with one template file, each a sentence naming the file."""
    if not pad.is_file():
        return [f"{pad}: het sjabloon ontbreekt."]
    try:
        doc = DocxTemplate(str(pad))
        gebruikt = doc.get_undeclared_template_variables(_omgeving())
    except jinja2.TemplateSyntaxError as e:
        return [f"{pad}: kapotte tag: {e.message}."]
    except Exception as e:  # a file that is no .docx at all
        return [f"{pad}: geen leesbaar Word-bestand ({type(e).__name__})."]
    fouten: list[str] = []
    bekend = set(asdict(sjabloon.voorbeeld))
    for naam in sorted(gebruikt - bekend):
        fouten.append(f"{pad}: onbekende variabele '{naam}'.")
    for naam in sorted(VERPLICHT - gebruikt):
        fouten.append(f"{pad}: verplichte variabele '{naam}' ontbreekt.")
    if fouten:
        return fouten
    try:
        _render(pad, sjabloon.voorbeeld)
    except jinja2.UndefinedError as e:
        return [f"{pad}: onbekende variabele: {e.message}."]
    except jinja2.TemplateSyntaxError as e:
        return [f"{pad}: kapotte tag: {e.message}."]
    except Exception as e:
        return [f"{pad}: kan niet worden gevuld ({type(e).__name__}: {e})."]
    return []


def controleer(templates_dir: Path) -> list[str]:
    """Render every template with its sample data; the problems found, empty when all good."""
    fouten: list[str] = []
    for soort in sorted(SJABLONEN):
        s = SJABLONEN[soort]
        fouten.extend(controleer_bestand(map_van(templates_dir) / s.bestand, s))
    return fouten
