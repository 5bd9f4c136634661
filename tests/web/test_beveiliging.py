"""The CSRF secret: from COMMISSIE_GEHEIM, or generated once per data folder and shared."""

from __future__ import annotations

import os
import stat
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.app import create_app
from commissie.config import Settings
from commissie.fouten import ConfiguratieFout
from commissie.procedure.opstart import bouw_omgeving
from commissie.web.beveiliging import app_geheim, lees_of_maak_geheim
from tests.conftest import WACHTWOORD, Gebruikers, Klok
from tests.web.hulp import formulier_token

LANG = "a" * 40


def test_geheim_eenmaal_gemaakt_alleen_voor_de_eigenaar(tmp_path: Path) -> None:
    pad = tmp_path / "data" / "geheim"
    eerste = lees_of_maak_geheim(pad)
    assert len(eerste) >= 32
    assert stat.S_IMODE(os.stat(pad).st_mode) == 0o600
    assert lees_of_maak_geheim(pad) == eerste
    assert [p.name for p in pad.parent.iterdir()] == ["geheim"]  # no temporary files left


def test_workers_die_tegelijk_starten_delen_een_geheim(tmp_path: Path) -> None:
    pad = tmp_path / "geheim"
    with ThreadPoolExecutor(8) as pool:
        geheimen = set(pool.map(lambda _: lees_of_maak_geheim(pad), range(16)))
    assert geheimen == {pad.read_text().strip()}


def test_te_kort_geheim_stopt_de_start(tmp_path: Path) -> None:
    pad = tmp_path / "geheim"
    pad.write_text("kort\n")
    with pytest.raises(ConfiguratieFout, match="minstens 32 tekens"):
        lees_of_maak_geheim(pad)
    with pytest.raises(ConfiguratieFout, match="COMMISSIE_GEHEIM"):
        Settings.from_env({"COMMISSIE_GEHEIM": "kort"})


def test_geheim_uit_de_omgeving_gaat_voor_en_staat_niet_in_repr(tmp_path: Path) -> None:
    settings = Settings.from_env({"COMMISSIE_GEHEIM": LANG, "COMMISSIE_DATA_DIR": str(tmp_path)})
    assert app_geheim(settings) == LANG
    assert LANG not in repr(settings)
    assert not (tmp_path / "geheim").exists()


def test_token_van_de_ene_worker_geldt_bij_de_andere(
    settings: Settings, klok: Klok, gebruikers: Gebruikers
) -> None:
    gebruikers.maak("secretaris", Rol.SECRETARIS)
    data = {"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
    with (
        TestClient(create_app(omgeving=bouw_omgeving(settings, klok))) as een,
        TestClient(create_app(omgeving=bouw_omgeving(settings, klok))) as twee,
    ):
        token = formulier_token(een)
        twee.cookies = een.cookies
        r = twee.post("/login", data={**data, "_csrf_token": token}, follow_redirects=False)
        assert r.status_code == 303
    # A worker with another secret refuses the same token.
    ander = replace(settings, geheim="b" * 40)
    with TestClient(create_app(omgeving=bouw_omgeving(ander, klok))) as drie:
        drie.cookies = een.cookies
        r = drie.post("/login", data={**data, "_csrf_token": token}, follow_redirects=False)
        assert r.status_code == 403
