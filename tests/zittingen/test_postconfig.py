"""COMMISSIE_SMTP_* and COMMISSIE_BASIS_URL: validated at start, errors name key and reason."""

from __future__ import annotations

import pytest

from commissie.config import Settings, Smtp
from commissie.fouten import ConfiguratieFout


def test_zonder_smtp_host_geen_server_en_standaard_basis_url() -> None:
    s = Settings.from_env({})
    assert s.smtp is None
    assert s.basis_url == "http://127.0.0.1:8000"
    assert s.postmap == s.data_dir / "post"


def test_smtp_standaarden_en_volledig() -> None:
    assert Settings.from_env({"COMMISSIE_SMTP_HOST": "mail.example"}).smtp == Smtp(
        host="mail.example", port=587, beveiliging="starttls"
    )
    s = Settings.from_env(
        {
            "COMMISSIE_SMTP_HOST": "mail.example",
            "COMMISSIE_SMTP_PORT": "465",
            "COMMISSIE_SMTP_BEVEILIGING": "SSL",
            "COMMISSIE_SMTP_GEBRUIKER": "commissie",
            "COMMISSIE_SMTP_WACHTWOORD": "geheim wachtwoord",
            "COMMISSIE_BASIS_URL": "https://zaken.example/",
        }
    )
    assert s.smtp == Smtp(
        host="mail.example",
        port=465,
        beveiliging="ssl",
        gebruiker="commissie",
        wachtwoord="geheim wachtwoord",
    )
    assert s.basis_url == "https://zaken.example"
    # The password never shows in a repr (logs, tracebacks).
    assert "geheim wachtwoord" not in repr(s)


@pytest.mark.parametrize(
    ("env", "sleutel", "reden"),
    [
        ({"COMMISSIE_SMTP_PORT": "25"}, "COMMISSIE_SMTP_HOST", "COMMISSIE_SMTP_PORT"),
        ({"COMMISSIE_SMTP_HOST": "m.example", "COMMISSIE_SMTP_PORT": "nul"}, "COMMISSIE_SMTP_PORT", "'nul'"),
        ({"COMMISSIE_SMTP_HOST": "m.example", "COMMISSIE_SMTP_PORT": "70000"}, "COMMISSIE_SMTP_PORT", "1 tot 65535"),
        ({"COMMISSIE_SMTP_HOST": "m.example", "COMMISSIE_SMTP_BEVEILIGING": "tls"}, "COMMISSIE_SMTP_BEVEILIGING", "starttls, ssl of geen"),
        ({"COMMISSIE_SMTP_HOST": "m.example", "COMMISSIE_SMTP_GEBRUIKER": "u"}, "COMMISSIE_SMTP_WACHTWOORD", "horen bij elkaar"),
        ({"COMMISSIE_SMTP_HOST": "m.example", "COMMISSIE_SMTP_WACHTWOORD": "w"}, "COMMISSIE_SMTP_GEBRUIKER", "horen bij elkaar"),
        (
            {"COMMISSIE_SMTP_HOST": "m.example", "COMMISSIE_SMTP_BEVEILIGING": "geen", "COMMISSIE_SMTP_GEBRUIKER": "u", "COMMISSIE_SMTP_WACHTWOORD": "w"},
            "COMMISSIE_SMTP_BEVEILIGING",
            "starttls of ssl",
        ),
        ({"COMMISSIE_SMTP_HOST": "smtp://m.example"}, "COMMISSIE_SMTP_HOST", "hostnaam"),
        ({"COMMISSIE_BASIS_URL": "zaken.example"}, "COMMISSIE_BASIS_URL", "https://"),
    ],
)  # fmt: skip
def test_foute_instelling_noemt_sleutel_en_reden(
    env: dict[str, str], sleutel: str, reden: str
) -> None:
    with pytest.raises(ConfiguratieFout) as e:
        Settings.from_env(env)
    assert e.value.bestand == "omgeving"
    assert e.value.sleutel == sleutel
    assert reden in e.value.reden
