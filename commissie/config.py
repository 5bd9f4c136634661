"""Settings from COMMISSIE_* environment variables, read once by create_app / the CLI."""

from __future__ import annotations

import os
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from commissie.fouten import ConfiguratieFout

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# A checkout has the shipped regios/ and templates/ next to the package; `pip install .`
# puts copies under <prefix>/share/commissie (pyproject.toml, data-files).
GEDEELD = Path(sysconfig.get_path("data")) / "share" / "commissie"


def standaardmap(naam: str, variabele: str) -> Path:
    """The shipped folder `naam` (regios, templates): the checkout's, else the installed copy."""
    kandidaten = [PROJECT_ROOT / naam, GEDEELD / naam]
    for kandidaat in kandidaten:
        if kandidaat.is_dir():
            return kandidaat.resolve()
    gezocht = ", ".join(str(k) for k in kandidaten)
    raise ConfiguratieFout(
        "omgeving",
        variabele,
        f"de map {naam}/ is niet gevonden (gezocht in {gezocht}); zet {variabele} op de map "
        f"met de {naam} van de commissie",
    )


def _is_checkout() -> bool:
    return (PROJECT_ROOT / "pyproject.toml").is_file()


Beveiliging = Literal["starttls", "ssl", "geen"]


@dataclass(frozen=True)
class Smtp:
    """The mail server the outbox delivers through (COMMISSIE_SMTP_*)."""

    host: str
    port: int = 587
    beveiliging: Beveiliging = "starttls"
    gebruiker: str | None = None
    wachtwoord: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    regios_dir: Path
    templates_dir: Path
    # Browsers get a session cookie; only send it over HTTPS when served behind TLS.
    secure_cookies: bool = False
    sessie_uren: int = 12
    # Lifetime of a new bearer token (COMMISSIE_TOKEN_DAGEN).
    token_dagen: int = 90
    # Signs the CSRF tokens; None: generated once in data_dir/geheim (see commissie.web.beveiliging).
    geheim: str | None = field(default=None, repr=False)
    # None: mails are written as .eml files to data_dir/post/ instead of being sent.
    smtp: Smtp | None = None
    # Links in mails and invites point here (the case page).
    basis_url: str = "http://127.0.0.1:8000"

    @property
    def postmap(self) -> Path:
        return self.data_dir / "post"

    # Also make a PDF of every generated document (LibreOffice); COMMISSIE_PDF=0 skips it.
    pdf: bool = False

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        # In a checkout the data live in its data/ folder wherever you start; installed, in ./data.
        standaard_data = PROJECT_ROOT / "data" if _is_checkout() else Path("data")
        data_dir = Path(env.get("COMMISSIE_DATA_DIR", standaard_data)).resolve()
        database_url = env.get("COMMISSIE_DATABASE_URL") or (
            f"sqlite+aiosqlite:///{data_dir / 'commissie.db'}"
        )
        database_url = normaliseer_database_url(database_url)
        regios_dir = (
            Path(env["COMMISSIE_REGIOS_DIR"]).resolve()
            if env.get("COMMISSIE_REGIOS_DIR")
            else standaardmap("regios", "COMMISSIE_REGIOS_DIR")
        )
        templates_dir = (
            Path(env["COMMISSIE_TEMPLATES_DIR"]).resolve()
            if env.get("COMMISSIE_TEMPLATES_DIR")
            else standaardmap("templates", "COMMISSIE_TEMPLATES_DIR")
        )
        secure = env.get("COMMISSIE_SECURE_COOKIES", "0").strip().lower()
        if secure not in {"0", "1", "true", "false", "ja", "nee"}:
            raise ConfiguratieFout(
                "omgeving", "COMMISSIE_SECURE_COOKIES", f"verwacht 0 of 1, kreeg {secure!r}"
            )
        uren_tekst = env.get("COMMISSIE_SESSIE_UREN", "12")
        try:
            uren = int(uren_tekst)
        except ValueError:
            uren = 0
        if uren <= 0:
            raise ConfiguratieFout(
                "omgeving",
                "COMMISSIE_SESSIE_UREN",
                f"verwacht een positief geheel getal, kreeg {uren_tekst!r}",
            )
        dagen_tekst = env.get("COMMISSIE_TOKEN_DAGEN", "90")
        try:
            token_dagen = int(dagen_tekst)
        except ValueError:
            token_dagen = 0
        if not 1 <= token_dagen <= 3650:
            raise ConfiguratieFout(
                "omgeving",
                "COMMISSIE_TOKEN_DAGEN",
                f"verwacht een geheel getal van 1 tot 3650, kreeg {dagen_tekst!r}",
            )
        geheim = env.get("COMMISSIE_GEHEIM", "").strip() or None
        if geheim is not None and len(geheim) < 32:
            raise ConfiguratieFout(
                "omgeving",
                "COMMISSIE_GEHEIM",
                "verwacht minstens 32 tekens (bijv. openssl rand -hex 32)",
            )
        pdf = env.get("COMMISSIE_PDF", "1").strip().lower() not in {"0", "false", "nee"}
        return cls(
            pdf=pdf,
            data_dir=data_dir,
            database_url=database_url,
            regios_dir=regios_dir,
            templates_dir=templates_dir,
            secure_cookies=secure in {"1", "true", "ja"},
            sessie_uren=uren,
            token_dagen=token_dagen,
            geheim=geheim,
            smtp=smtp_uit_env(env),
            basis_url=basis_url_uit_env(env),
        )


def smtp_uit_env(env: dict[str, str]) -> Smtp | None:
    """COMMISSIE_SMTP_*; without COMMISSIE_SMTP_HOST no server (the outbox writes files)."""
    host = env.get("COMMISSIE_SMTP_HOST", "").strip()
    overige = [
        k
        for k in (
            "COMMISSIE_SMTP_PORT",
            "COMMISSIE_SMTP_BEVEILIGING",
            "COMMISSIE_SMTP_GEBRUIKER",
            "COMMISSIE_SMTP_WACHTWOORD",
        )
        if env.get(k, "").strip()
    ]
    if not host:
        if overige:
            # Half a mail configuration would silently write files instead of sending.
            raise ConfiguratieFout(
                "omgeving",
                "COMMISSIE_SMTP_HOST",
                f"ontbreekt, terwijl {overige[0]} wel gezet is; zet de mailserver of haal "
                f"{overige[0]} weg",
            )
        return None
    if any(c.isspace() for c in host) or "/" in host:
        raise ConfiguratieFout(
            "omgeving", "COMMISSIE_SMTP_HOST", f"verwacht een hostnaam, kreeg {host!r}"
        )
    beveiliging = env.get("COMMISSIE_SMTP_BEVEILIGING", "").strip().lower() or "starttls"
    if beveiliging not in {"starttls", "ssl", "geen"}:
        raise ConfiguratieFout(
            "omgeving",
            "COMMISSIE_SMTP_BEVEILIGING",
            f"verwacht starttls, ssl of geen, kreeg {beveiliging!r}",
        )
    port_tekst = env.get("COMMISSIE_SMTP_PORT", "").strip() or "587"
    try:
        port = int(port_tekst)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise ConfiguratieFout(
            "omgeving",
            "COMMISSIE_SMTP_PORT",
            f"verwacht een poortnummer van 1 tot 65535, kreeg {port_tekst!r}",
        )
    gebruiker = env.get("COMMISSIE_SMTP_GEBRUIKER", "").strip() or None
    wachtwoord = env.get("COMMISSIE_SMTP_WACHTWOORD") or None
    if (gebruiker is None) != (wachtwoord is None):
        ontbreekt = (
            "COMMISSIE_SMTP_WACHTWOORD" if wachtwoord is None else "COMMISSIE_SMTP_GEBRUIKER"
        )
        raise ConfiguratieFout(
            "omgeving", ontbreekt, "ontbreekt: gebruiker en wachtwoord horen bij elkaar"
        )
    if gebruiker is not None and beveiliging == "geen":
        # Never send a password in the clear.
        raise ConfiguratieFout(
            "omgeving",
            "COMMISSIE_SMTP_BEVEILIGING",
            "is geen, maar met een gebruiker en wachtwoord is starttls of ssl nodig",
        )
    return Smtp(
        host=host,
        port=port,
        beveiliging=beveiliging,  # type: ignore[arg-type]
        gebruiker=gebruiker,
        wachtwoord=wachtwoord,
    )


def basis_url_uit_env(env: dict[str, str]) -> str:
    url = env.get("COMMISSIE_BASIS_URL", "").strip() or "http://127.0.0.1:8000"
    if not url.startswith(("http://", "https://")) or any(c.isspace() for c in url):
        raise ConfiguratieFout(
            "omgeving",
            "COMMISSIE_BASIS_URL",
            f"verwacht een adres dat begint met https:// of http://, kreeg {url!r}",
        )
    return url.rstrip("/")


def normaliseer_database_url(url: str) -> str:
    """Accept plain postgresql:// and sqlite:// URLs and pick the async driver."""
    if url.startswith(("postgresql://", "postgres://")):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite://"):
        return "sqlite+aiosqlite://" + url.split("://", 1)[1]
    if url.startswith(("postgresql+asyncpg://", "sqlite+aiosqlite://")):
        return url
    raise ConfiguratieFout(
        "omgeving",
        "COMMISSIE_DATABASE_URL",
        "alleen PostgreSQL (postgresql://...) en SQLite (sqlite:///pad) worden ondersteund",
    )
