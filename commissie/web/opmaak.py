"""How values look to people: one date format, corps by name, deadline states in words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from commissie.atw import Kalender
from commissie.regios import Regios
from commissie.tijd import datum_nl, tijdstip_nl

# Within this many working days a deadline is shown as "binnen 3 werkdagen".
BIJNA_WERKDAGEN = 3


def datum(dag: date | None) -> str:
    """'28 november 2026'; empty for no date."""
    return datum_nl(dag) if dag is not None else ""


def tijdstip(moment: datetime | None) -> str:
    """'di 12 jan 2027 10:00' in Amsterdam time; empty for no instant."""
    return tijdstip_nl(moment) if moment is not None else ""


_ISO_DATUM = re.compile(r"(?<![\w-])(\d{4})-(\d{2})-(\d{2})(?![\w-])")


def datums_nl(tekst: str | None) -> str:
    """System-written text (timeline, deadline calculations) keeps ISO dates for the API;
    people see '28 november 2026'. Anything that is not a real date stays as it is."""

    def vervang(m: re.Match[str]) -> str:
        try:
            return datum_nl(date(int(m[1]), int(m[2]), int(m[3])))
        except ValueError:
            return m[0]

    return _ISO_DATUM.sub(vervang, tekst or "")


def getal(x: float, teken: bool = False) -> str:
    """One decimal with a Dutch comma: 12,5 (with `teken`: +1,5 / -0,3 / 0,0)."""
    tekst = f"{x:+.1f}" if teken else f"{x:.1f}"
    tekst = tekst.replace(".", ",")
    return "0,0" if tekst in ("+0,0", "-0,0") else tekst


def korpsnaam(regios: Regios, code: str | None) -> str:
    """The corps' name from the loaded regios; an unknown code is shown as it is."""
    if not code:
        return ""
    korps = regios.korps(code)
    return korps.naam if korps is not None else code


def commissienaam(regios: Regios, code: str | None) -> str:
    commissie = regios.commissie(code) if code else None
    return commissie.naam if commissie is not None else "Klachtencommissie ongewenste omgangsvormen"


@dataclass(frozen=True)
class Termijnstand:
    code: str  # CSS suffix: te-laat, binnenkort, op-schema
    tekst: str  # the state in words, always shown next to the colour
    toelichting: str  # how far off: "3 dagen over tijd", "vandaag", "nog 2 werkdagen"


def _meervoud(n: int, een: str, veel: str) -> str:
    return f"{n} {een if n == 1 else veel}"


def werkdagen_tot(vandaag: date, einddatum: date, kalender: Kalender) -> int:
    """Days after today up to and including the end date that are not Atw-free."""
    return sum(
        1
        for i in range(1, (einddatum - vandaag).days + 1)
        if not kalender.is_vrij(vandaag + timedelta(days=i))
    )


def termijnstand(einddatum: date, vandaag: date, kalender: Kalender) -> Termijnstand:
    """State of an open deadline: te laat / binnen 3 werkdagen / op schema."""
    if einddatum < vandaag:
        te_laat = (vandaag - einddatum).days
        return Termijnstand("te-laat", "te laat", _meervoud(te_laat, "dag", "dagen") + " over tijd")
    werkdagen = werkdagen_tot(vandaag, einddatum, kalender)
    if werkdagen <= BIJNA_WERKDAGEN:
        if einddatum == vandaag:
            toelichting = "vandaag"
        elif werkdagen:
            toelichting = "nog " + _meervoud(werkdagen, "werkdag", "werkdagen")
        else:  # only free days in between (cannot happen for an Atw end date, but be exact)
            toelichting = "nog " + _meervoud((einddatum - vandaag).days, "dag", "dagen")
        return Termijnstand("binnenkort", f"binnen {BIJNA_WERKDAGEN} werkdagen", toelichting)
    dagen = (einddatum - vandaag).days
    return Termijnstand("op-schema", "op schema", "nog " + _meervoud(dagen, "dag", "dagen"))
