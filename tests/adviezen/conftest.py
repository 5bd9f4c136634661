"""A case with two accused in two corps, heard, with a panel whose chair has an account."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import docx
import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from tests.conftest import Gebruikers, Klok, zaak_body
from tests.procedure_hulp import naar_zitting_gehouden

Hdr = dict[str, str]
# Gelderland has three corps: with accused in two of them the chair comes from the third.
ROOSTER = [
    ("Nora Noord", "NOG", True),
    ("Nico Noord", "NOG", True),
    ("Mila Midden", "GM", True),
    ("Mark Midden", "GM", False),
    ("Zoe Zuid", "GZ", True),
    ("Zeno Zuid", "GZ", False),
]
KORPSEN = ("GM", "GZ")


def tekst(inhoud: bytes) -> str:
    """All paragraphs of a .docx, as Word shows them."""
    return "\n".join(p.text for p in docx.Document(io.BytesIO(inhoud)).paragraphs)


@dataclass
class Zaak:
    client: TestClient[Any]
    klok: Klok
    nummer: str
    secretaris: Hdr
    voorzitter: Hdr
    lid: Hdr
    beklaagden: dict[str, int]  # corps -> accused id
    namen: dict[str, str]  # corps -> accused name
    korpsleiding: dict[str, Hdr]

    def url(self, pad: str) -> str:
        return f"/api/zaken/{self.nummer}/{pad}"

    def advies_body(self, **over: Any) -> dict[str, Any]:
        body: dict[str, Any] = {
            "feiten": "Op 10 februari <in de briefing> schreeuwde B & C.",
            "standpunten": "Klager: kleinerend.\n\nBeklaagden: ontkennen.",
            "overwegingen": "De commissie acht de klacht aannemelijk.",
            "onderdelen": [
                {
                    "beklaagde": self.beklaagden["GM"],
                    "oordeel": "gegrond",
                    "motivering": "Gehoord > gelezen.",
                },
                {
                    "beklaagde": self.beklaagden["GZ"],
                    "oordeel": "ongegrond",
                    "motivering": "Niet aangetoond.",
                },
            ],
            "aanbevelingen": "Training <omgangsvormen> & gesprek.",
        }
        body.update(over)
        return body

    def vastgesteld(self) -> list[dict[str, Any]]:
        r = self.client.put(self.url("advies"), json=self.advies_body(), headers=self.voorzitter)
        assert r.status_code == 200, r.text
        r = self.client.post(self.url("advies/vaststellen"), headers=self.voorzitter)
        assert r.status_code == 200, r.text
        return list(r.json())

    def download(self, doc_id: int, hdr: Hdr) -> Any:
        return self.client.get(self.url(f"documenten/{doc_id}"), headers=hdr)


@pytest.fixture
def zaak(client: TestClient[Any], klok: Klok, gebruikers: Gebruikers) -> Zaak:
    secretaris = gebruikers.maak("secretaris", Rol.SECRETARIS, commissie="GL")
    leden = {
        naam: gebruikers.lid(naam, korps, commissie="GL", voorzitter=vz, volgorde=i + 1)
        for i, (naam, korps, vz) in enumerate(ROOSTER)
    }
    body = zaak_body(
        commissie="GL",
        klager={"naam": "K. Lager", "korps": "GM", "contact": "Kerkstraat 1, 6800 AB Arnhem"},
        beklaagden=[
            {"naam": "B. Middenaar", "korps": "GM", "functie": "Brigadier"},
            {"naam": "C. Zuidenaar", "korps": "GZ", "functie": "Hoofdagent"},
        ],
    )
    r = client.post("/api/zaken", json=body, headers=secretaris)
    assert r.status_code == 201, r.text
    z = r.json()
    [vz] = [s for s in z["panel"] if s["rol"] == "voorzitter"]
    gewoon = next(s for s in z["panel"] if s["rol"] == "lid")
    naar_zitting_gehouden(client, secretaris, z["nummer"], klok)
    return Zaak(
        client=client,
        klok=klok,
        nummer=z["nummer"],
        secretaris=secretaris,
        voorzitter=gebruikers.maak("vz", Rol.LID, commissie="GL", lid_id=leden[vz["naam"]]),
        lid=gebruikers.maak("panellid", Rol.LID, commissie="GL", lid_id=leden[gewoon["naam"]]),
        beklaagden={b["korps"]: b["id"] for b in z["beklaagden"]},
        namen={b["korps"]: b["naam"] for b in z["beklaagden"]},
        korpsleiding={
            k: gebruikers.maak(f"kl-{k}", Rol.KORPSLEIDING, commissie="GL", korps=k)
            for k in KORPSEN
        },
    )


def op(klok: Klok, jaar: int, maand: int, dag: int) -> None:
    """Set the clock to 10:00 UTC on that day (11:00 in Amsterdam in winter)."""
    klok.moment = datetime(jaar, maand, dag, 10, 0, tzinfo=UTC)
