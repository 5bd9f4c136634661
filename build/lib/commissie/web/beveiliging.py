"""CSRF protection for the pages: Litestar's CSRFConfig, signed with the app's secret.

The secret comes from COMMISSIE_GEHEIM, or else from the file `geheim` in the data folder,
generated once (mode 600) so that all workers on one machine sign alike.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from litestar.config.csrf import CSRFConfig

from commissie.config import Settings
from commissie.fouten import ConfiguratieFout

GEHEIM_BESTAND = "geheim"
MIN_LENGTE = 32
CSRF_COOKIE = "commissie_csrf"
# The JSON API uses bearer tokens or the SameSite=Strict session cookie; assets hold no data.
CSRF_UITGEZONDERD = ["^/api/", "^/static/", "^/health$"]


def lees_of_maak_geheim(pad: Path) -> str:
    """Read the secret at `pad`, or create it. Safe when several workers start at once: the
    file appears complete (written aside, then hard-linked into place) or not at all."""
    if not pad.exists():
        pad.parent.mkdir(parents=True, exist_ok=True)
        tijdelijk = pad.with_name(f".{pad.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tijdelijk, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_hex(32) + "\n")
            with contextlib.suppress(FileExistsError):  # another worker was first: its wins
                os.link(tijdelijk, pad)
        finally:
            tijdelijk.unlink(missing_ok=True)
    geheim = pad.read_text(encoding="utf-8").strip()
    if len(geheim) < MIN_LENGTE:
        raise ConfiguratieFout(
            str(pad), "geheim", f"minstens {MIN_LENGTE} tekens verwacht; verwijder het bestand"
        )
    return geheim


def app_geheim(settings: Settings) -> str:
    return settings.geheim or lees_of_maak_geheim(settings.data_dir / GEHEIM_BESTAND)


def csrf_config(settings: Settings) -> CSRFConfig:
    """Every form of the pages carries `_csrf_token`; a POST without it gets 403."""
    return CSRFConfig(
        secret=app_geheim(settings),
        cookie_name=CSRF_COOKIE,
        cookie_secure=settings.secure_cookies,
        cookie_httponly=True,  # forms carry the token; no script needs to read the cookie
        cookie_samesite="strict",
        exclude=CSRF_UITGEZONDERD,
    )
