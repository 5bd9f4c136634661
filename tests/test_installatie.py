"""`pip install .` (not editable): the shipped regios/ and templates/ are found outside a
checkout, and without them the start-up error says which variable to set."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from commissie import config
from commissie.config import PROJECT_ROOT, Settings
from commissie.fouten import ConfiguratieFout


def test_geinstalleerd_pakket_vindt_regios_en_sjablonen(tmp_path: Path) -> None:
    # Built from a copy of what git tracks: a build leaves build/ and *.egg-info behind.
    bron = tmp_path / "bron"
    bestanden = subprocess.run(
        ["git", "ls-files", "-z"], cwd=PROJECT_ROOT, check=True, capture_output=True, text=True
    ).stdout.split("\0")
    for naam in filter(None, bestanden):
        if (PROJECT_ROOT / naam).is_file():
            (bron / naam).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(PROJECT_ROOT / naam, bron / naam)
    wielen = tmp_path / "wielen"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wielen),
            str(bron),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wiel] = wielen.glob("commissie-*.whl")
    prefix = tmp_path / "prefix"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            # Without it pip first removes the project's own (editable) install from the
            # running environment, and `make demo` after `make test` finds no commissie.
            "--ignore-installed",
            "--prefix",
            str(prefix),
            str(wiel),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    # A venv of its own with the installed wheel; only the dependencies are borrowed from the
    # project's environment (a path in a .pth file: the editable install is not picked up).
    omgeving = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(omgeving)], check=True)
    python = omgeving / "bin" / "python"
    eigen = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    geinstalleerd = prefix / Path(sysconfig.get_path("purelib")).relative_to(sys.prefix)
    for item in geinstalleerd.iterdir():
        os.symlink(item, eigen / item.name)
    (omgeving / "share").symlink_to(prefix / "share")
    (eigen / "afhankelijkheden.pth").write_text(sysconfig.get_path("purelib") + "\n")

    ergens = tmp_path / "ergens"  # not a checkout
    ergens.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    code = (
        "import commissie, commissie.config as c; "
        "s = c.Settings.from_env(); "
        "print(commissie.__file__); print(s.regios_dir); print(s.templates_dir); print(s.data_dir)"
    )
    r = subprocess.run(
        [str(python), "-c", code], cwd=ergens, env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    pakket, regios, sjablonen, data = r.stdout.splitlines()
    assert pakket.startswith(str(eigen)), "the installed wheel, not the checkout"
    assert regios == str((omgeving / "share" / "commissie" / "regios").resolve())
    assert (Path(regios) / "twente-ijsselland.toml").is_file()
    assert (Path(sjablonen) / "web" / "base.html").is_file()
    assert data == str(ergens / "data")
    # And the command works there: the schema is made, the configuration is read.
    r = subprocess.run(
        [str(python), "-m", "commissie", "termijnen", "--commissie", "TI"],
        cwd=ergens,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "Commissie TI: 0 open termijn(en)" in r.stdout
    assert (ergens / "data" / "commissie.db").is_file()


def test_zonder_meegeleverde_mappen_noemt_de_fout_de_variabele(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(config, "PROJECT_ROOT", tmp_path / "geen-checkout")
    monkeypatch.setattr(config, "GEDEELD", tmp_path / "niets")
    with pytest.raises(ConfiguratieFout) as fout:
        Settings.from_env({})
    assert fout.value.sleutel == "COMMISSIE_REGIOS_DIR"
    assert "zet COMMISSIE_REGIOS_DIR op de map" in fout.value.reden
    eigen = tmp_path / "mijn-regios"
    eigen.mkdir()
    with pytest.raises(ConfiguratieFout) as fout:
        Settings.from_env({"COMMISSIE_REGIOS_DIR": str(eigen)})
    assert fout.value.sleutel == "COMMISSIE_TEMPLATES_DIR"
