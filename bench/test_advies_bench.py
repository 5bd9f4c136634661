"""Budget (issue 10): rendering one advice to the korpsleiding takes a median under 50 ms.

Run: `make bench`. Renders the shipped advies.docx with a realistic advice (several pages of
facts and considerations, four accused) through the same function the application uses.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from commissie.adviezen.sjablonen import (
    SJABLONEN,
    AdviesAanKorpsleiding,
    AdviesOnderdeel,
    Hoorverslag,
    render_bytes,
)
from commissie.config import PROJECT_ROOT

BUDGET_S = 0.050
ALINEA = (
    "Op de briefing van 10 februari <district Zwolle> heeft beklaagde & collega's volgens "
    "klager herhaaldelijk kleinerende opmerkingen gemaakt; getuigen bevestigen dat beeld. "
) * 3


def _advies() -> AdviesAanKorpsleiding:
    voorbeeld = SJABLONEN["advies"].voorbeeld
    assert isinstance(voorbeeld, AdviesAanKorpsleiding)
    return replace(
        voorbeeld,
        feiten=[ALINEA] * 12,
        standpunten=[ALINEA] * 6,
        overwegingen=[ALINEA] * 12,
        onderdelen=[
            AdviesOnderdeel(f"Beklaagde {i}", "Brigadier", "deels gegrond", [ALINEA] * 3)
            for i in range(4)
        ],
        aanbevelingen=[ALINEA] * 3,
        # The hoorverslag goes inside the advice (Awb 9:15).
        hoorverslagen=[
            Hoorverslag("9 maart 2026", ["klager", "Beklaagde 0"], [ALINEA] * 8, "10 maart 2026")
        ],
    )


def test_advies_renderen(benchmark: Any) -> None:
    pad = PROJECT_ROOT / "templates" / "brieven" / "advies.docx"
    advies = _advies()
    data = benchmark(render_bytes, pad, advies)
    assert data[:2] == b"PK"
    assert benchmark.stats.stats.median < BUDGET_S, (
        f"mediaan {benchmark.stats.stats.median * 1000:.1f} ms; budget {BUDGET_S * 1000:.0f} ms"
    )
