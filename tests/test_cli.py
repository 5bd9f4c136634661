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


def _eigen_omgeving(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_DATA_DIR"] = str(tmp_path / "data")
    return env


def _sql(env: dict[str, str], query: str) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(Path(env["COMMISSIE_DATA_DIR"], "commissie.db")) as c:
        return c.execute(query).fetchall()


def test_registreren_geeft_een_panel_via_cli_en_demo(tmp_path: Path) -> None:
    """Every entry point registers through the one flow: each case gets its panel."""
    import json

    from tests.conftest import zaak_body

    env = _eigen_omgeving(tmp_path)
    # The demo registers through the flow: every demo case has a full panel with a chair.
    d = commissie(env, "demo", "--niet-starten")
    assert d.returncode == 0, d.stderr
    demo = _sql(env, "SELECT COUNT(*) FROM zaak")[0][0]
    assert demo >= 10
    # Past the hearing the demo took the real steps: a fixed advice and its document, the
    # decision with its letter, the evaluation before closing.
    stukken = _sql(
        env,
        "SELECT z.status, (SELECT COUNT(*) FROM adviesversie a WHERE a.zaak_id = z.id"
        " AND a.vastgesteld_op IS NOT NULL), (SELECT COUNT(*) FROM document d"
        " WHERE d.zaak_id = z.id AND d.soort = 'advies' AND d.formaat = 'docx'),"
        " (SELECT COUNT(*) FROM besluit b WHERE b.zaak_id = z.id), (SELECT COUNT(*) FROM"
        " document d WHERE d.zaak_id = z.id AND d.soort = 'besluit' AND d.formaat = 'docx'),"
        " (SELECT COUNT(*) FROM evaluatie e WHERE e.zaak_id = z.id) FROM zaak z"
        " WHERE z.status IN ('advies_uitgebracht', 'besluit_genomen', 'afgesloten')"
        " ORDER BY z.status",
    )
    assert stukken == [
        ("advies_uitgebracht", 1, 1, 0, 0, 0),
        ("afgesloten", 1, 1, 1, 1, 1),
        ("besluit_genomen", 1, 1, 1, 1, 0),
    ]

    body = zaak_body(ontvangen_op="2026-01-20", gedraging_op="2026-01-10")
    r = commissie(env, "zaak", "registreren", "-", invoer=json.dumps(body))
    assert r.returncode == 0, r.stderr
    [kop, *regels] = r.stdout.splitlines()
    nummer = kop.split()[1]
    assert kop == f"Zaak {nummer} geregistreerd." and nummer.startswith("TI-2026-")
    # The case is all IJ: the chair comes from TW, and two members sit with them.
    [voorzitter] = [x for x in regels if x.startswith("  panel    voorzitter: ")]
    assert voorzitter.endswith("(TW)")
    assert sum(x.startswith("  panel    lid: ") for x in regels) == 2

    per_zaak = _sql(
        env,
        "SELECT z.nummer, SUM(p.actief), SUM(p.actief AND p.rol = 'voorzitter') FROM zaak z "
        "LEFT JOIN panelzetel p ON p.zaak_id = z.id GROUP BY z.nummer",
    )
    assert len(per_zaak) == demo + 1
    assert all((zetels, voorz) == (3, 1) for _, zetels, voorz in per_zaak), per_zaak
    # The registration is on the timeline under the command line's name.
    [(door,)] = _sql(
        env,
        "SELECT g.door_naam FROM gebeurtenis g JOIN zaak z ON z.id = g.zaak_id "
        f"WHERE g.soort = 'ontvangen' AND z.nummer = '{nummer}'",
    )
    assert str(door).startswith("cli:")

    # Bad input: the same checks and Dutch messages as the API, and nothing stored.
    fout = commissie(env, "zaak", "registreren", "-", invoer=json.dumps(zaak_body(commissie="XX")))
    assert fout.returncode == 1 and "onbekende commissie 'XX'" in fout.stderr
    assert _sql(env, "SELECT COUNT(*) FROM zaak") == [(demo + 1,)]


def test_panel_op_de_opdrachtregel_wordt_vastgelegd(tmp_path: Path) -> None:
    env = _eigen_omgeving(tmp_path)
    assert commissie(env, "demo", "--niet-starten").returncode == 0
    assert _sql(env, "SELECT COUNT(*) FROM inzage WHERE actie = 'panel'") == [(0,)]
    p = commissie(env, "panel", "TI-2026-0001")
    assert p.returncode == 0, p.stderr
    [(door, gebruiker, zaak)] = _sql(
        env,
        "SELECT i.door_naam, i.gebruiker_id, z.nummer FROM inzage i "
        "JOIN zaak z ON z.id = i.zaak_id WHERE i.actie = 'panel'",
    )
    assert str(door).startswith("cli:") and gebruiker is None and zaak == "TI-2026-0001"
    # A case that does not exist is not a look.
    assert commissie(env, "panel", "TI-2026-0999").returncode == 2
    assert _sql(env, "SELECT COUNT(*) FROM inzage WHERE actie = 'panel'") == [(1,)]


def test_lid_aanmaken_met_emailadres_voor_de_uitnodigingen(tmp_path: Path) -> None:
    env = _eigen_omgeving(tmp_path)
    assert commissie(env, "db", "upgrade").returncode == 0
    args = ["lid", "aanmaken", "Mail Lid", "--commissie", "TI", "--korps", "TW", "--email"]
    r = commissie(env, *args, "mail.lid@leden.example")
    assert r.returncode == 0, r.stderr
    assert _sql(env, "select email from lid where naam = 'Mail Lid'") == [
        ("mail.lid@leden.example",)
    ]
    fout = commissie(env, *args, "geen-adres")
    assert fout.returncode != 0
    assert "email" in fout.stderr
    assert _sql(env, "select count(*) from lid") == [(1,)]
