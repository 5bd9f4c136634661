"""The `commissie` command, run as a user would: a fresh data directory, real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def omgeving(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_DATA_DIR"] = str(tmp_path_factory.mktemp("cli") / "data")
    return env


def commissie(
    env: dict[str, str], *args: str, invoer: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commissie", *args],
        env=env,
        input=invoer,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_demo_en_opdrachten(omgeving: dict[str, str]) -> None:
    r = commissie(omgeving, "demo", "--niet-starten")
    assert r.returncode == 0, r.stderr
    regels = r.stdout.splitlines()
    assert any(x.split()[:2] == ["secretaris", "secretaris"] for x in regels)
    assert Path(omgeving["COMMISSIE_DATA_DIR"], "commissie.db").is_file()

    # Twice is fine: the cases are made once, the passwords anew.
    r2 = commissie(omgeving, "demo", "--niet-starten")
    assert r2.returncode == 0 and r2.stdout != r.stdout

    t = commissie(omgeving, "termijnen", "--commissie", "TI")
    assert t.returncode == 0, t.stderr
    assert "Commissie TI:" in t.stdout and "TE LAAT" in t.stdout

    b = commissie(omgeving, "belasting", "--commissie", "TI")
    assert b.returncode == 0, b.stderr
    assert "TW" in b.stdout and "IJ" in b.stdout and "Afw. pp" in b.stdout

    p = commissie(omgeving, "panel", "TI-2026-0001")
    assert p.returncode == 0, p.stderr
    assert (
        p.stdout.startswith("voorzitter") and "waarom:" in p.stdout and "uitgesloten:" in p.stdout
    )
    assert commissie(omgeving, "panel", "TI-2026-0999").returncode == 2

    s = commissie(omgeving, "simulatie", "--jaren", "10", "--commissie", "TI")
    assert s.returncode == 0, s.stderr
    assert (
        "210 klachten" in s.stdout and "Conclusies:" in s.stdout and "voorzittersregel" in s.stdout
    )


def test_gebruiker_en_token(omgeving: dict[str, str]) -> None:
    assert commissie(omgeving, "db", "upgrade").returncode == 0
    r = commissie(
        omgeving, "gebruiker", "aanmaken", "sec2", "--rol", "secretaris", "--commissie", "TI"
    )
    assert r.returncode == 0, r.stderr
    assert "Wachtwoord:" in r.stdout  # no terminal: a password is generated and shown once
    t = commissie(omgeving, "gebruiker", "token", "sec2")
    assert t.returncode == 0
    assert len(t.stdout.split()[-1]) >= 40
    dubbel = commissie(
        omgeving, "gebruiker", "aanmaken", "sec2", "--rol", "secretaris", "--commissie", "TI"
    )
    assert dubbel.returncode == 1 and "bestaat al" in dubbel.stderr
    fout = commissie(omgeving, "gebruiker", "aanmaken", "kc", "--rol", "korpsleiding")
    assert fout.returncode == 1 and "korps" in fout.stderr
    onbekend = commissie(omgeving, "gebruiker", "token", "niemand")
    assert onbekend.returncode == 1 and "bestaat niet" in onbekend.stderr


def test_lid_aanmaken(omgeving: dict[str, str]) -> None:
    assert commissie(omgeving, "db", "upgrade").returncode == 0
    r = commissie(
        omgeving,
        "lid",
        "aanmaken",
        "Nieuw Lid",
        "--commissie",
        "TI",
        "--korps",
        "TW",
        "--eenheid",
        "Noord",
        "--voorzitter",
    )
    assert r.returncode == 0, r.stderr
    assert "kan voorzitten" in r.stdout
    lijst = commissie(omgeving, "lid", "lijst", "--commissie", "TI")
    assert "Nieuw Lid" in lijst.stdout and "Noord" in lijst.stdout
    fout = commissie(omgeving, "lid", "aanmaken", "X", "--commissie", "TI", "--korps", "GR")
    assert fout.returncode == 1 and "korps 'GR' hoort niet bij commissie TI" in fout.stderr
