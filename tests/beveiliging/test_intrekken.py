"""Revocation: tokens expire, can be listed and revoked, logout revokes the token in use,
a blocked account loses its sessions and tokens, users change their own password."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from click.testing import CliRunner
from litestar.testing import TestClient

from commissie.accounts.rollen import Rol
from commissie.accounts.wachtwoord import veelgebruikte_wachtwoorden
from commissie.cli import cli
from commissie.config import Settings
from tests.conftest import WACHTWOORD, Gebruikers, Klok
from tests.web.hulp import HTML, formulier_token, log_in_via_pagina

NIEUW = "paard-batterij-nietje-42"


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch, klok: Klok) -> CliRunner:
    monkeypatch.setenv("COMMISSIE_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("COMMISSIE_DATA_DIR", str(settings.data_dir))
    return CliRunner()


def _token(runner: CliRunner, naam: str, *extra: str) -> str:
    r = runner.invoke(cli, ["gebruiker", "token", naam, *extra])
    assert r.exit_code == 0, r.output
    return r.output.split()[-1]


def test_tokens_tonen_en_een_intrekken(
    client: TestClient[Any], secretaris: dict[str, str], cli_env: CliRunner
) -> None:
    a, b = _token(cli_env, "secretaris"), _token(cli_env, "secretaris")
    lijst = cli_env.invoke(cli, ["gebruiker", "tokens", "secretaris"])
    assert lijst.exit_code == 0
    ids = [int(m) for m in re.findall(r"^\s*(\d+)\s+aangemaakt", lijst.output, re.M)]
    assert len(ids) == 3 and "geldig" in lijst.output
    r = cli_env.invoke(cli, ["gebruiker", "intrekken", "secretaris", "--token", str(ids[1])])
    assert r.exit_code == 0 and "1 token(s)" in r.output, r.output
    assert client.get("/api/ik", headers={"Authorization": f"Bearer {a}"}).status_code == 401
    assert client.get("/api/ik", headers={"Authorization": f"Bearer {b}"}).status_code == 200
    assert "ingetrokken" in cli_env.invoke(cli, ["gebruiker", "tokens", "secretaris"]).output
    # Someone else's token id is refused with the field named.
    r = cli_env.invoke(cli, ["gebruiker", "intrekken", "secretaris", "--token", "999999"])
    assert r.exit_code == 1 and "Veld 'token'" in str(r.exception)
    # Without --token: all of them.
    r = cli_env.invoke(cli, ["gebruiker", "intrekken", "secretaris"])
    assert r.exit_code == 0 and "2 token(s)" in r.output
    assert client.get("/api/ik", headers={"Authorization": f"Bearer {b}"}).status_code == 401
    assert client.get("/api/ik", headers=secretaris).status_code == 401


def test_token_verloopt_na_de_ingestelde_dagen(
    client: TestClient[Any],
    secretaris: dict[str, str],
    cli_env: CliRunner,
    klok: Klok,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("COMMISSIE_TOKEN_DAGEN", "3")
    kort = {"Authorization": f"Bearer {_token(cli_env, 'secretaris')}"}
    # The CLI uses the system clock; move the app's clock to now, then past 3 days.
    from datetime import UTC, datetime

    klok.moment = datetime.now(UTC) + timedelta(days=2, hours=23)
    assert client.get("/api/ik", headers=kort).status_code == 200
    klok.moment += timedelta(hours=2)
    r = client.get("/api/ik", headers=kort)
    assert r.status_code == 401 and "verlopen" in r.json()["detail"]
    assert client.get("/api/ik", headers=secretaris).status_code == 200  # 90 days


def test_token_dagen_ongeldig(cli_env: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMISSIE_TOKEN_DAGEN", "nul")
    r = cli_env.invoke(cli, ["gebruiker", "tokens", "x"], standalone_mode=False)
    assert r.exception is not None and "COMMISSIE_TOKEN_DAGEN" in str(r.exception)


def test_logout_met_bearer_trekt_het_token_in(
    client: TestClient[Any], secretaris: dict[str, str], gebruikers: Gebruikers
) -> None:
    ander = gebruikers.maak("tweede", Rol.SECRETARIS)
    r = client.post("/api/logout", headers=secretaris)
    assert r.status_code == 200 and "ingetrokken" in r.json()["detail"]
    assert client.get("/api/ik", headers=secretaris).status_code == 401
    assert client.get("/api/ik", headers=ander).status_code == 200


def test_blokkeren_beeindigt_sessies_en_tokens(
    client: TestClient[Any], secretaris: dict[str, str], cli_env: CliRunner
) -> None:
    r = log_in_via_pagina(client, "secretaris", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/termijnen"
    assert client.get("/api/ik").status_code == 200  # the browser session
    r = cli_env.invoke(cli, ["gebruiker", "blokkeren", "secretaris"])
    assert r.exit_code == 0 and "geblokkeerd" in r.output
    assert client.get("/api/ik").status_code == 401
    assert client.get("/api/ik", headers=secretaris).status_code == 401
    r = client.post("/api/login", json={"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD})
    assert r.status_code == 401


def test_wachtwoord_wijzigen_via_api(client: TestClient[Any], secretaris: dict[str, str]) -> None:
    def wijzig(huidig: str, nieuw: str) -> Any:
        return client.post(
            "/api/wachtwoord",
            json={"huidig_wachtwoord": huidig, "nieuw_wachtwoord": nieuw},
            headers=secretaris,
        )

    r = wijzig(WACHTWOORD, "kort-1")
    assert r.status_code == 400 and "Veld 'nieuw_wachtwoord'" in r.json()["detail"]
    assert "12 tekens" in r.json()["detail"]
    r = wijzig(WACHTWOORD, "wachtwoord12")
    assert r.status_code == 400 and "te bekend" in r.json()["detail"]
    r = wijzig(WACHTWOORD, "Welkomwelkom")
    assert r.status_code == 400 and "te bekend" in r.json()["detail"]
    r = wijzig("niet-het-goede", NIEUW)
    assert r.status_code == 400 and "Veld 'huidig_wachtwoord'" in r.json()["detail"]
    # A browser session opened earlier (by someone who knew the old password) ends.
    oud = {"gebruikersnaam": "secretaris", "wachtwoord": WACHTWOORD}
    assert client.post("/api/login", json=oud).status_code == 200
    sessie = client.cookies["commissie_sessie"]
    client.cookies.clear()
    assert wijzig(WACHTWOORD, NIEUW).status_code == 200
    assert client.get("/api/ik", cookies={"commissie_sessie": sessie}).status_code == 401
    assert client.post("/api/login", json=oud).status_code == 401
    assert client.post("/api/login", json=oud | {"wachtwoord": NIEUW}).status_code == 200


def test_lijst_veelgebruikte_wachtwoorden_wordt_meegeleverd() -> None:
    lijst = veelgebruikte_wachtwoorden()
    assert len(lijst) > 100
    assert all(len(w) >= 1 and w == w.lower() for w in lijst)
    assert "welkomwelkom" in lijst and "#" not in "".join(lijst)[:1]


def test_wachtwoord_pagina(client: TestClient[Any], secretaris: dict[str, str]) -> None:
    r = log_in_via_pagina(client, "secretaris", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/termijnen"
    pagina = client.get("/wachtwoord", headers=HTML)
    assert pagina.status_code == 200
    for veld in ("huidig_wachtwoord", "nieuw_wachtwoord", "herhaal_wachtwoord"):
        assert f'<label for="{veld}">' in pagina.text and f'id="{veld}"' in pagina.text
    assert 'name="_csrf_token"' in pagina.text
    # Without the CSRF token: refused.
    kaal = {"huidig_wachtwoord": WACHTWOORD, "nieuw_wachtwoord": NIEUW, "herhaal_wachtwoord": NIEUW}
    assert client.post("/wachtwoord", data=kaal).status_code == 403
    token = formulier_token(client, "/wachtwoord")
    r = client.post(
        "/wachtwoord", data=kaal | {"herhaal_wachtwoord": "anders", "_csrf_token": token}
    )
    assert r.status_code == 400 and "De herhaling is niet gelijk" in r.text
    r = client.post(
        "/wachtwoord",
        data={
            "huidig_wachtwoord": WACHTWOORD,
            "nieuw_wachtwoord": "kort",
            "herhaal_wachtwoord": "kort",
            "_csrf_token": token,
        },
    )
    assert (
        r.status_code == 400 and "minstens 12 tekens" in r.text and 'aria-invalid="true"' in r.text
    )
    r = client.post("/wachtwoord", data=kaal | {"_csrf_token": token})
    assert r.status_code == 200 and "Uw wachtwoord is gewijzigd" in r.text
    # This browser session stays valid.
    assert client.get("/api/ik").status_code == 200
