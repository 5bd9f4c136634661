"""`commissie post verzenden` and `commissie post lijst`, run as a user would."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from commissie.config import normaliseer_database_url
from commissie.tijd import systeemklok
from tests.zittingen.hulp import (
    afspraak,
    maak_omgeving,
    smtp_server,
    vrije_poort,
    zet_testuitnodiging,
)


def commissie(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "commissie", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _omgeving(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMMISSIE_")}
    env["COMMISSIE_DATA_DIR"] = str(tmp_path / "data")
    return env


def _zet(env: dict[str, str], aan: str) -> None:
    data = Path(env["COMMISSIE_DATA_DIR"])
    url = normaliseer_database_url(f"sqlite:///{data / 'commissie.db'}")

    async def werk() -> None:
        o = maak_omgeving(url, data, systeemklok)
        try:
            await zet_testuitnodiging(o, afspraak(aan=aan))
        finally:
            await o.engine.dispose()

    asyncio.run(werk())


def test_post_verzenden_en_lijst_via_smtp(tmp_path: Path) -> None:
    env = _omgeving(tmp_path)
    assert commissie(env, "db", "upgrade").returncode == 0
    _zet(env, "lid1@ti.example")
    _zet(env, "lid2@ti.example")
    lijst = commissie(env, "post", "lijst")
    assert lijst.returncode == 0, lijst.stderr
    assert lijst.stdout.splitlines()[0] == "In wachtrij: 2, verzonden: 0, mislukt: 0"
    assert "lid2@ti.example" in lijst.stdout.splitlines()[1]  # newest first

    poort = vrije_poort()
    server, ontvanger = smtp_server(poort)
    smtp = {**env, "COMMISSIE_SMTP_HOST": "127.0.0.1", "COMMISSIE_SMTP_PORT": str(poort)}
    smtp["COMMISSIE_SMTP_BEVEILIGING"] = "geen"
    # Server down: nothing lost, the error is shown.
    plat = commissie(smtp, "post", "verzenden")
    assert plat.returncode == 0, plat.stderr
    assert plat.stdout.startswith("Verzonden: 0, later opnieuw: 2, mislukt: 0")
    fouten = commissie(env, "post", "lijst", "--status", "wachtrij")
    assert fouten.stdout.count("laatste fout: ConnectionRefusedError") == 2
    assert fouten.stdout.count("(pogingen: 1)") == 2

    server.start()
    try:
        time.sleep(1.1)  # the one-second back-off after the first failure
        r = commissie(smtp, "post", "verzenden")
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith("Verzonden: 2, later opnieuw: 0, mislukt: 0")
        assert f"via 127.0.0.1:{poort} (geen)" in r.stdout
        nog = commissie(smtp, "post", "verzenden")
        assert nog.stdout.startswith("Verzonden: 0, later opnieuw: 0, mislukt: 0")
    finally:
        server.stop()
    assert sorted(aan[0] for _, aan, _ in ontvanger.berichten) == [
        "lid1@ti.example",
        "lid2@ti.example",
    ]
    na = commissie(env, "post", "lijst", "--status", "verzonden")
    assert na.stdout.splitlines()[0] == "In wachtrij: 0, verzonden: 2, mislukt: 0"


def test_post_zonder_smtp_host_naar_eml_en_demo_zegt_het(tmp_path: Path) -> None:
    env = _omgeving(tmp_path)
    d = commissie(env, "demo", "--niet-starten")
    assert d.returncode == 0, d.stderr
    postmap = Path(env["COMMISSIE_DATA_DIR"]) / "post"
    assert (
        f"Uitgaande post gaat als .eml-bestand naar {postmap.resolve()} "
        "(COMMISSIE_SMTP_HOST is niet gezet)." in d.stdout
    )
    # The demo's planned hearings already queued their invites.
    lijst = commissie(env, "post", "lijst").stdout.splitlines()[0]
    demo = int(lijst.split(",")[0].removeprefix("In wachtrij: "))
    assert demo > 0
    _zet(env, "lid1@ti.example")
    r = commissie(env, "post", "verzenden")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"Verzonden: {demo + 1}, later opnieuw: 0, mislukt: 0")
    assert [p.suffix for p in postmap.iterdir()] == [".eml"] * (demo + 1)


def test_foute_smtp_instelling_stopt_met_sleutel(tmp_path: Path) -> None:
    env = {**_omgeving(tmp_path), "COMMISSIE_SMTP_HOST": "m.example"}
    env["COMMISSIE_SMTP_BEVEILIGING"] = "tls"
    r = commissie(env, "post", "lijst")
    assert r.returncode == 2
    assert (
        "sleutel 'COMMISSIE_SMTP_BEVEILIGING'" in r.stderr and "starttls, ssl of geen" in r.stderr
    )


def test_commissie_serve_verstuurt_binnen_tien_seconden(tmp_path: Path) -> None:
    env = _omgeving(tmp_path)
    assert commissie(env, "db", "upgrade").returncode == 0
    smtp_poort, web_poort = vrije_poort(), vrije_poort()
    server, ontvanger = smtp_server(smtp_poort)
    server.start()
    env.update(
        COMMISSIE_SMTP_HOST="127.0.0.1",
        COMMISSIE_SMTP_PORT=str(smtp_poort),
        COMMISSIE_SMTP_BEVEILIGING="geen",
    )
    proces = subprocess.Popen(
        [sys.executable, "-m", "commissie", "serve", "--port", str(web_poort)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        start = time.monotonic()
        while time.monotonic() - start < 60:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{web_poort}/health") as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        _zet(env, "lid1@ti.example")
        gezet = time.monotonic()
        while not ontvanger.berichten and time.monotonic() - gezet < 10:
            time.sleep(0.1)
        assert [aan for _, aan, _ in ontvanger.berichten] == [["lid1@ti.example"]]
    finally:
        proces.terminate()
        proces.wait(timeout=30)
        server.stop()
