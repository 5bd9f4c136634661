"""Choices for the case page's "Brief maken" form (see commissie/web/brieven.py)."""

from __future__ import annotations

from typing import Any

from commissie.adviezen.brieven import OP_VERZOEK

BRIEFSOORTEN = [(s, s.replace("_", " ").capitalize()) for s in OP_VERZOEK]


def briefaan(zaak: Any) -> list[tuple[str, str]]:
    """Who a letter on this case can go to, in the form the service reads."""
    keuze = [("klager", "Klager")] if zaak.klager else []
    keuze += [(f"beklaagde:{b.id}", f"Beklaagde {b.naam}") for b in zaak.beklaagden]
    korpsen = sorted({b.korps for b in zaak.beklaagden if b.korps})
    keuze += [(f"korps:{k}", f"Korpsleiding {k}") for k in korpsen]
    return keuze
