"""Server-rendered SVG bar charts: no script, no other host, readable without colour (every
bar carries its value as text) and described for screen readers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from commissie.web.opmaak import getal

BREEDTE = 640
LABELBREEDTE = 200
BALK = 14
TUSSEN = 4
GROEP_MARGE = 14


@dataclass(frozen=True)
class Reeks:
    naam: str
    kleur: str  # CSS class suffix: the legend and the bars share it


def staafgrafiek(
    titel: str,
    rijen: Sequence[tuple[str, Sequence[float]]],
    reeksen: Sequence[Reeks],
    eenheid: str = "%",
) -> Markup:
    """Horizontal bars per row, one per series; values are percentages (0-100) or counts."""
    hoogste = max([v for _, waarden in rijen for v in waarden] + [1.0])
    schaal = (BREEDTE - LABELBREEDTE - 60) / hoogste
    groep = len(reeksen) * (BALK + TUSSEN) + GROEP_MARGE
    legenda = 24
    hoogte = legenda + len(rijen) * groep
    delen = [
        f'<svg class="grafiek" viewBox="0 0 {BREEDTE} {hoogte}" role="img" '
        f'aria-label="{escape(titel)}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(titel)}</title>",
    ]
    x = 0
    for r in reeksen:
        delen.append(
            f'<rect class="reeks-{r.kleur}" x="{x}" y="4" width="12" height="12"/>'
            f'<text x="{x + 16}" y="15">{escape(r.naam)}</text>'
        )
        x += 16 + 8 * len(r.naam) + 16
    for i, (label, waarden) in enumerate(rijen):
        y0 = legenda + i * groep
        midden = y0 + (len(reeksen) * (BALK + TUSSEN)) / 2 + 4
        delen.append(f'<text x="0" y="{midden:.0f}" class="label">{escape(label[:26])}</text>')
        for j, (reeks, waarde) in enumerate(zip(reeksen, waarden, strict=True)):
            y = y0 + j * (BALK + TUSSEN)
            lengte = max(0.0, waarde * schaal)
            delen.append(
                f'<rect class="reeks-{reeks.kleur}" x="{LABELBREEDTE}" y="{y}" '
                f'width="{lengte:.1f}" height="{BALK}"/>'
                f'<text x="{LABELBREEDTE + lengte + 4:.1f}" y="{y + BALK - 3}">'
                f"{getal(waarde)}{escape(eenheid)}</text>"
            )
    delen.append("</svg>")
    return Markup("".join(delen))
