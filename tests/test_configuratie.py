"""Configuration: regios/*.toml and COMMISSIE_* are validated; bad input names file, key, reason."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from commissie.config import PROJECT_ROOT, Settings
from commissie.fouten import ConfiguratieFout
from commissie.regios import laad_regios

REGIOS = PROJECT_ROOT / "regios"


def test_meegeleverde_commissies() -> None:
    r = laad_regios(REGIOS)
    assert set(r.commissies) == {"TI", "NN", "GL", "NH", "MN", "ZH", "LB", "BZ", "LD"}
    assert list(r.commissies["TI"].korpsen) == ["TW", "IJ"]
    assert r.korps("IJ").koppen == 1325  # type: ignore[union-attr]
    assert r.commissie_van_korps("GZ").code == "GL"  # type: ignore[union-attr]
    tw = r.commissies["TI"].korpsen["TW"]
    assert tw.korpsleiding.titel.startswith("De korpschef")
    assert tw.zittingslocaties
    assert r.commissies["TI"].termijnen.ontvangstbevestiging_weken == 1
    # The decreed Atw days are set per three years; the file says which years it covers.
    assert r.atw_jaren == frozenset(range(2023, 2029))
    assert all(d.year in r.atw_jaren for d in r.gelijkgestelde_dagen)


BIJZONDER = {
    "KLPD": "Korps landelijke politiediensten",
    "LSOP": "Landelijk Selectie- en Opleidingsinstituut Politie",
}


def test_alle_korpsen_uit_het_rapport() -> None:
    """Every corps of the source report (../shared/data/korpsen-2001.csv) belongs to exactly
    one committee, with the report's head count and figures."""
    r = laad_regios(REGIOS)
    korpsen = {k.naam: k for c in r.commissies.values() for k in c.korpsen.values()}
    codes = [code for c in r.commissies.values() for code in c.korpsen]
    assert len(codes) == len(set(codes)) == 27
    # A copy of ../shared/data/korpsen-2001.csv (the source report's figures) in the repository.
    rapport = Path(__file__).parent / "data" / "korpsen-2001.csv"
    with rapport.open(encoding="utf-8") as f:
        rijen = list(csv.DictReader(f))
    assert len(rijen) == 27
    for rij in rijen:
        naam = BIJZONDER.get(rij["korps"], f"Politie {rij['korps']}")
        korps = korpsen[naam]
        assert korps.koppen == int(rij["koppen"]), rij["korps"]
        assert korps.meldingen_2jr == int(rij["meldingen_2jr"] or 0), rij["korps"]
        assert korps.klachten_2jr == int(rij["klachten_2jr"] or 0), rij["korps"]


@pytest.fixture
def kopie(tmp_path: Path) -> Path:
    doel = tmp_path / "regios"
    shutil.copytree(REGIOS, doel)
    return doel


def vervang(pad: Path, oud: str, nieuw: str) -> None:
    tekst = pad.read_text()
    assert oud in tekst
    pad.write_text(tekst.replace(oud, nieuw, 1))


@pytest.mark.parametrize(
    ("oud", "nieuw", "sleutel", "reden"),
    [
        ("koppen = 1572", "koppen = -3", "korps[0].koppen", ">= 1"),
        ("koppen = 1572", 'koppen = "veel"', "korps[0].koppen", "int"),
        ('code = "TI"', 'code = "ti"', "commissie.code", "hoofdletters"),
        ('korpsen = ["TW", "IJ"]', 'korpsen = ["TW", "XX"]', "commissie.korpsen", "XX"),
        ("besluit_weken = 10", "besluit_weken = 12", "termijnen.besluit_weken", "<= 10"),
        ("advies_weken = 6", "advies_weken = 10", "termijnen.advies_weken", "besluit"),
        (
            "verdaging_max_weken = 4",
            "verdaging_max_weken = 6",
            "termijnen.verdaging_max_weken",
            "<= 4",
        ),
        (
            'verdeling = "naar_koppen"',
            'verdeling = "willekeurig"',
            "panel.verdeling",
            "willekeurig",
        ),
        ("[panel]", "[panel]\nonbekend = 1", "panel", "onbekend"),
        (
            "ontvangstbevestiging_weken = 1",
            "ontvangstbevestiging_weken = -1",
            "termijnen.ontvangstbevestiging_weken",
            ">= 0",
        ),
        (
            "ontvangstbevestiging_weken = 1",
            "ontvangstbevestiging_weken = 6",
            "termijnen.ontvangstbevestiging_weken",
            "advies_weken",
        ),
        (
            'secretariaat_email = "secretariaat@klachtencommissie-ti.example"',
            'secretariaat_email = "geen adres"',
            "commissie.secretariaat_email",
            "e-mailadres",
        ),
    ],
)
def test_fout_noemt_bestand_sleutel_en_reden(
    kopie: Path, oud: str, nieuw: str, sleutel: str, reden: str
) -> None:
    bestand = kopie / "twente-ijsselland.toml"
    vervang(bestand, oud, nieuw)
    with pytest.raises(ConfiguratieFout) as fout:
        laad_regios(kopie)
    assert fout.value.bestand == str(bestand)
    assert fout.value.sleutel == sleutel
    assert reden in fout.value.reden


def test_kapotte_toml(kopie: Path) -> None:
    (kopie / "gelderland.toml").write_text("[commissie\ncode = 'GL'")
    with pytest.raises(ConfiguratieFout) as fout:
        laad_regios(kopie)
    assert fout.value.bestand.endswith("gelderland.toml")


def test_korps_in_twee_commissies(kopie: Path) -> None:
    vervang(kopie / "gelderland.toml", 'code = "GZ"', 'code = "TW"')
    vervang(
        kopie / "gelderland.toml", 'korpsen = ["NOG", "GM", "GZ"]', 'korpsen = ["NOG", "GM", "TW"]'
    )
    with pytest.raises(ConfiguratieFout, match="hoort al bij commissie"):
        laad_regios(kopie)


def test_atw_bestand_met_foute_datum(kopie: Path) -> None:
    vervang(kopie / "atw.toml", "2026-01-02", '"morgen"')
    with pytest.raises(ConfiguratieFout) as fout:
        laad_regios(kopie)
    assert fout.value.bestand.endswith("atw.toml")
    assert fout.value.sleutel.startswith("gelijkgestelde_dagen")


@pytest.mark.parametrize(
    ("oud", "nieuw", "sleutel", "reden"),
    [
        # 2028 no longer covered while two 2028 days are listed: the first one is named.
        (
            "jaren = [2023, 2024, 2025, 2026, 2027, 2028]",
            "jaren = [2023, 2024, 2025, 2026, 2027]",
            "gelijkgestelde_dagen[8]",
            "2028-04-28 valt buiten de jaren die dit bestand dekt (jaren)",
        ),
        (
            "jaren = [2023, 2024, 2025, 2026, 2027, 2028]",
            "jaren = [2023, 2024, 2025, 2026, 2027, 2028, 2026]",
            "jaren",
            "2026 staat er meer dan eens in",
        ),
        ("jaren = [2023, 2024, 2025, 2026, 2027, 2028]", "jaren = []", "jaren", "leeg"),
        ("jaren = [2023, 2024, 2025, 2026, 2027, 2028]", "", "jaren", "ontbreekt"),
        (
            "jaren = [2023, 2024, 2025, 2026, 2027, 2028]",
            'jaren = ["2023"]',
            "jaren[0]",
            "int",
        ),
    ],
)
def test_atw_jaren_worden_gecontroleerd(
    kopie: Path, oud: str, nieuw: str, sleutel: str, reden: str
) -> None:
    vervang(kopie / "atw.toml", oud, nieuw)
    with pytest.raises(ConfiguratieFout) as fout:
        laad_regios(kopie)
    assert fout.value.bestand == str(kopie / "atw.toml")
    assert fout.value.sleutel == sleutel
    assert reden in fout.value.reden


def test_atw_bestand_ontbreekt(kopie: Path) -> None:
    (kopie / "atw.toml").unlink()
    with pytest.raises(ConfiguratieFout, match="Atw"):
        laad_regios(kopie)


@pytest.mark.parametrize(
    ("sleutel", "waarde"),
    [
        ("COMMISSIE_DATABASE_URL", "mysql://x"),
        ("COMMISSIE_SESSIE_UREN", "nul"),
        ("COMMISSIE_SECURE_COOKIES", "misschien"),
    ],
)
def test_foute_omgevingsvariabele(sleutel: str, waarde: str) -> None:
    with pytest.raises(ConfiguratieFout) as fout:
        Settings.from_env({sleutel: waarde})
    assert fout.value.sleutel == sleutel


def test_start_met_foute_configuratie_stopt_met_bestand_sleutel_en_reden(
    kopie: Path, tmp_path: Path
) -> None:
    vervang(kopie / "twente-ijsselland.toml", "koppen = 1572", "koppen = 0")
    env = {
        **os.environ,
        "COMMISSIE_REGIOS_DIR": str(kopie),
        "COMMISSIE_DATA_DIR": str(tmp_path / "data"),
    }
    env.pop("COMMISSIE_DATABASE_URL", None)
    uit = subprocess.run(
        [sys.executable, "-c", "from commissie.cli import main; main()", "serve", "--port", "8999"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert uit.returncode == 2
    assert "twente-ijsselland.toml" in uit.stderr
    assert "korps[0].koppen" in uit.stderr
    assert ">= 1" in uit.stderr
