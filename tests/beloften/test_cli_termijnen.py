"""README promise: `commissie termijnen --zaak NUMMER` lists every deadline of one case, a late
one with its days; `commissie termijnen` names a vacant chair."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

from litestar.testing import TestClient

from commissie.config import Settings
from tests.beloften.conftest import registreer
from tests.conftest import Gebruikers

Hdr = dict[str, str]


def commissie(settings: Settings, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_DATA_DIR"] = str(tmp_path / "cli")
    env["COMMISSIE_DATABASE_URL"] = settings.database_url
    return subprocess.run(
        [sys.executable, "-m", "commissie", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_termijnen_van_een_zaak_en_vacante_voorzitter(
    client: TestClient[Any],
    secretaris: Hdr,
    gebruikers: Gebruikers,
    settings: Settings,
    tmp_path: Path,
) -> None:
    # Both chairs outside Twente are away: the chair stays vacant.
    leden = {
        naam: gebruikers.lid(naam, korps, voorzitter=vz, volgorde=i, eenheid=f"E{i}")
        for i, (naam, korps, vz) in enumerate(
            [
                ("Anna Twente", "TW", True),
                ("Bert Twente", "TW", False),
                ("Carla IJssel", "IJ", True),
                ("Dirk IJssel", "IJ", True),
                ("Eef IJssel", "IJ", False),
            ]
        )
    }
    for naam in ("Carla IJssel", "Dirk IJssel"):
        r = client.post(
            f"/api/leden/{leden[naam]}/afwezigheden",
            json={"van": "2026-03-01", "tot": "2026-03-20", "soort": "vakantie"},
            headers=secretaris,
        )
        assert r.status_code == 201, r.text
    z = registreer(
        client,
        secretaris,
        klager={"naam": "K. Lager", "korps": "TW"},
        beklaagden=[{"naam": "B. Klaagde", "korps": "TW"}],
    )
    n = z["nummer"]
    assert "voorzitter" not in {s["rol"] for s in z["panel"]}
    # The acknowledgement comes after its deadline (the clock stands on 2 March).
    einde = date.fromisoformat(z["termijnen"]["ontvangstbevestiging"])
    r = client.post(f"/api/zaken/{n}/ontvangstbevestiging", json={}, headers=secretaris)
    assert r.status_code == 200, r.text
    te_laat = (date(2026, 3, 2) - einde).days
    assert te_laat > 0

    r = commissie(settings, tmp_path, "termijnen", "--zaak", n)
    assert r.returncode == 0, r.stderr
    regels = r.stdout.splitlines()
    assert regels[0].startswith(f"Zaak {n}:")
    [laat] = [x for x in regels if "TE LAAT" in x and "voldaan" in x]
    assert laat.strip().startswith(einde.isoformat())
    assert f"voldaan op 2026-03-02, {te_laat} dagen TE LAAT" in laat
    # Every deadline of the case is listed, the met one included.
    api = client.get(f"/api/zaken/{n}", headers=secretaris).json()
    datums = [x.split()[0] for x in regels[1:] if x.startswith("  ") and not x.startswith("     ")]
    assert len(datums) == len(api["termijnoverzicht"])

    r = commissie(settings, tmp_path, "termijnen")
    assert r.returncode == 0, r.stderr
    assert "Voorzitterszetel vacant" in r.stdout
    assert n in r.stdout
