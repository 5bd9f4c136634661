"""`commissie zittingen`: upcoming hearings from the command line, without names."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from commissie.cli.demo_gegevens import ZAKEN


def _commissie(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commissie", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )


def test_komende_zittingen_zonder_namen(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_DATA_DIR"] = str(tmp_path / "data")
    assert _commissie(env, "demo", "--niet-starten").returncode == 0
    r = _commissie(env, "zittingen", "--commissie", "TI")
    assert r.returncode == 0, r.stderr
    regels = r.stdout.splitlines()
    # The demo has three cases at the hearing stage, each with one upcoming hearing.
    assert regels[0] == "3 komende zitting(en)"
    assert all(
        re.search(r"TI-\d{4}-\d{4}", x) and "horen: klager, beklaagde" in x for x in regels[1:]
    )
    namen = {n for z in ZAKEN for n in z if isinstance(n, str) and ". " in n}
    assert namen and not any(n in r.stdout for n in namen)
    leeg = _commissie(env, "zittingen", "--commissie", "GL")
    assert leeg.returncode == 0 and leeg.stdout.splitlines() == ["0 komende zitting(en)"]
    fout = _commissie(env, "zittingen", "--commissie", "XX")
    assert fout.returncode == 2 and "onbekende commissie 'XX'" in fout.stderr
