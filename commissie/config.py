"""Settings from COMMISSIE_* environment variables, read once by create_app / the CLI."""

from __future__ import annotations

import os
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

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
        return cls(
            data_dir=data_dir,
            database_url=database_url,
            regios_dir=regios_dir,
            templates_dir=templates_dir,
            secure_cookies=secure in {"1", "true", "ja"},
            sessie_uren=uren,
            token_dagen=token_dagen,
            geheim=geheim,
        )


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
